package store

// step13Moderation records comment moderation: whether a comment is hidden on
// its platform (set by a person, a rule, or reported by the connector), the
// log of every moderation action with who or what took it and why, and the
// private replies sent to comments (one per comment, the platforms' rule).
var step13Moderation = migration{
	why: "comment moderation: hidden flag, moderation log, private replies",
	sql: []string{
		`ALTER TABLE messages ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0`,
		// Few messages are hidden: a partial index answers "does this conversation
		// hold hidden comments" for each list row without touching the rest.
		`CREATE INDEX ix_messages_hidden ON messages(conversation_id) WHERE hidden = 1`,
		`CREATE TABLE moderation_actions (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
			action TEXT NOT NULL,
			actor TEXT NOT NULL DEFAULT '',
			origin TEXT NOT NULL DEFAULT 'human',
			reason TEXT NOT NULL DEFAULT '',
			outcome TEXT NOT NULL DEFAULT 'done',
			error_kind TEXT NOT NULL DEFAULT '',
			error_detail TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_moderation_actions_conversation ON moderation_actions(conversation_id, id)`,
		`CREATE INDEX ix_moderation_actions_message ON moderation_actions(message_id)`,
		`CREATE TABLE private_replies (
			comment_message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
			reply_message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
			created_at INTEGER NOT NULL
		)`,
		`CREATE UNIQUE INDEX ix_private_replies_reply ON private_replies(reply_message_id)`,
	},
}
