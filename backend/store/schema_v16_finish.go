package store

// step16Finish completes safe automation and the sequences: a person taking
// over a conversation pauses automation for it (one row per paused
// conversation), and a sequence's enrolments are listed per sequence.
var step16Finish = migration{
	why: "automation paused per conversation (hand over to a person); sequence progress index",
	sql: []string{
		`CREATE TABLE automation_conversation_pauses (
			conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
			paused_at INTEGER NOT NULL,
			actor TEXT NOT NULL DEFAULT '',
			reason TEXT NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX ix_automation_conversation_pauses_at ON automation_conversation_pauses(paused_at)`,
		`CREATE INDEX ix_scheduled_messages_sequence ON scheduled_messages(sequence_id, conversation_id, step)`,
	},
}
