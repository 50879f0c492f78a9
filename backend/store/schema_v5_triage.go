package store

import "creatordesk/backend/textsearch"

// step5Triage is the schema of the triage area (inbox triage: tags, team members,
// assignment, notes, contacts, saved views, presence).
// It is unreleased until it lands on main; after that it is append-only like every step.
//
// Assignment keeps the existing conversations.assignee TEXT column and stores
// the assigned member's id in it as decimal text (” = unassigned). A second
// assignee_id column would leave two sources of truth for one fact, and the
// column already has the right default. Members are never deleted (they are
// deactivated), so an assignee id always resolves to a name for the audit trail.
//
// The two FTS5 tables follow message_search (step 1): text is folded in Go by
// textsearch.Fold before it is indexed. They are the SQLite search dialect; a
// PostgreSQL build replaces them with its own text index, like message_search.
var step5Triage = migration{
	why: "inbox triage: tags, team members, assignment, notes, contacts, saved views",
	sql: []string{
		`CREATE TABLE team_members (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			name TEXT NOT NULL,
			role TEXT NOT NULL DEFAULT 'agent',
			color TEXT NOT NULL DEFAULT '',
			active INTEGER NOT NULL DEFAULT 1,
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE UNIQUE INDEX ux_team_members_name ON team_members(name)`,
		// Assignment lists ("mine", "unassigned") in recency order.
		`CREATE INDEX ix_conversations_assignee_recent ON conversations(assignee, last_message_at DESC, id DESC)`,
		// Language filter in recency order.
		`CREATE INDEX ix_conversations_language_recent ON conversations(language, last_message_at DESC, id DESC)`,
		// Snooze: when a snoozed conversation comes back to open.
		`ALTER TABLE conversations ADD COLUMN snoozed_until INTEGER NOT NULL DEFAULT 0`,
		`CREATE INDEX ix_conversations_snoozed ON conversations(snoozed_until) WHERE status = 'snoozed'`,
		`CREATE TABLE conversation_notes (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			author_id INTEGER NOT NULL DEFAULT 0,
			author_name TEXT NOT NULL DEFAULT '',
			kind TEXT NOT NULL DEFAULT 'note',
			text TEXT NOT NULL,
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_conversation_notes_conversation ON conversation_notes(conversation_id, created_at, id)`,
		`CREATE VIRTUAL TABLE note_search USING fts5(body, content='', contentless_delete=1, tokenize="` + textsearch.Tokenizer + `")`,
		// Contacts: merged contacts stay (hidden) so a merge can be undone exactly.
		`ALTER TABLE contacts ADD COLUMN merged_into INTEGER NOT NULL DEFAULT 0`,
		`CREATE INDEX ix_contacts_name ON contacts(merged_into, display_name, id)`,
		`CREATE INDEX ix_conversations_contact ON conversations(contact_id, last_message_at DESC)`,
		`CREATE TABLE contact_order_ids (
			contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
			order_id TEXT NOT NULL,
			created_at INTEGER NOT NULL,
			PRIMARY KEY (contact_id, order_id)
		)`,
		`CREATE TABLE contact_merges (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			survivor_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
			merged_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
			identity_ids TEXT NOT NULL DEFAULT '[]',
			conversation_ids TEXT NOT NULL DEFAULT '[]',
			order_ids TEXT NOT NULL DEFAULT '[]',
			survivor_before TEXT NOT NULL DEFAULT '{}',
			actor TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL,
			undone_at INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX ix_contact_merges_survivor ON contact_merges(survivor_id, id)`,
		`CREATE INDEX ix_contact_merges_merged ON contact_merges(merged_id, id)`,
		`CREATE VIRTUAL TABLE contact_search USING fts5(body, content='', contentless_delete=1, tokenize="` + textsearch.Tokenizer + `")`,
		`CREATE TABLE saved_views (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			name TEXT NOT NULL,
			filter_json TEXT NOT NULL DEFAULT '{}',
			position INTEGER NOT NULL DEFAULT 0,
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_saved_views_position ON saved_views(position, id)`,
		`CREATE TABLE presence (
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			member_id INTEGER NOT NULL REFERENCES team_members(id) ON DELETE CASCADE,
			heartbeat_at INTEGER NOT NULL,
			PRIMARY KEY (conversation_id, member_id)
		)`,
		`INSERT INTO tags(name, color, builtin, created_at) VALUES
			('product inquiry', '#0c8599', 1, 0), ('order issue', '#e8590c', 1, 0), ('collaboration', '#7048e8', 1, 0),
			('complaint', '#c2255c', 1, 0), ('general', '#495057', 1, 0)`,
	},
}
