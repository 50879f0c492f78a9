package store

// step12LeanConversationIndexes keeps ingest fast: every synced page updates
// each conversation's last_message_at, and so every index that holds it. The
// intent and sentiment indexes served no list query (the KPIs aggregate those
// columns without them), and a contact's few conversations need no recency
// order from the index. Nine indexes held last_message_at; six remain.
var step12LeanConversationIndexes = migration{
	why: "drop conversation indexes no query needs, so syncing updates fewer",
	sql: []string{
		`DROP INDEX ix_conversations_intent`,
		`DROP INDEX ix_conversations_sentiment`,
		`DROP INDEX ix_conversations_contact`,
		`CREATE INDEX ix_conversations_contact ON conversations(contact_id)`,
	},
}
