package store

// step4UnreadIndex serves the inbox's counters (unread messages, unread
// conversations, people waiting longer than the SLA) from a small partial index
// of the conversations that have something unread, instead of a table scan
// (11 ms → 0.2 ms at 100,000 conversations, measured by make bench).
var step4UnreadIndex = migration{
	why: "partial index for unread and waiting counts",
	sql: []string{
		`CREATE INDEX ix_conversations_unread ON conversations(status, last_inbound_at, unread_count) WHERE unread_count > 0`,
	},
}
