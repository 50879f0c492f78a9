package store

// step11MessageCover widens the thread index so it covers what the KPI
// dashboards read from every message in a period (direction, state, deleted):
// SQLite answers those scans from the index alone instead of looking up each
// message row (text included). The thread view still uses its prefix
// (conversation_id, sent_at, id).
var step11MessageCover = migration{
	why: "thread index covers direction, state and deleted for the KPI scans",
	sql: []string{
		`DROP INDEX ix_messages_conversation`,
		`CREATE INDEX ix_messages_conversation ON messages(conversation_id, sent_at, id, direction, state, deleted)`,
	},
}
