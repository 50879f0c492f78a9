package store

// step19KpiFacts precomputes what the KPI dashboards used to derive from the
// messages table on every request (kpi_facts.go keeps it current):
//
// kpi_exchanges holds, per conversation, its "exchanges": the customer's
// inbound messages (not deleted) grouped by the reply that answered them. An
// exchange is the run of inbound messages whose first later reply (an outbound
// message that is not deleted, queued or failed, sent strictly after the
// inbound one) is the same message; the unanswered tail of a conversation is
// one exchange with reply_id 0. For any period, a conversation's first inbound
// message is in the first exchange that reaches into the period, and the reply
// to it is that exchange's reply. resolved_at is the first audited resolve at
// or after the exchange's first inbound message; reply_automated says whether
// an automation wrote the reply (its author is "automation:…").
//
// kpi_inbound_quarters counts inbound messages (not deleted) per quarter hour
// (bucket = sent_at / 900000): the busiest-time heat map in any time zone
// (every zone's offset is a whole number of quarter hours).
//
// kpi_comment_marks holds, per inbound comment (not deleted), whether its text
// asks a question and whether it is substantial (backend/kpi/commenttext), so
// that the meaningful-comments figure reads flags instead of every comment's
// text. Those are Go functions of the text: the store fills the table on first
// use (EnsureKpiCommentMarks) and keeps it current at ingest.
//
// The exchanges and quarter hours are backfilled here from the existing
// messages and audit trail.
var step19KpiFacts = migration{
	why: "KPI: precomputed exchanges (first inbound, reply, resolve) and inbound counts per quarter hour",
	sql: []string{
		`CREATE TABLE kpi_exchanges (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			reply_id INTEGER NOT NULL DEFAULT 0,
			first_in_at INTEGER NOT NULL,
			last_in_at INTEGER NOT NULL,
			in_count INTEGER NOT NULL,
			reply_at INTEGER NOT NULL DEFAULT 0,
			reply_automated INTEGER NOT NULL DEFAULT 0,
			resolved_at INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE UNIQUE INDEX ux_kpi_exchanges_conversation ON kpi_exchanges(conversation_id, reply_id)`,
		// The dashboard reads the exchanges reaching into a period (last_in_at >= from) from this index alone.
		`CREATE INDEX ix_kpi_exchanges_last_in ON kpi_exchanges(last_in_at, first_in_at, conversation_id, reply_at, resolved_at, reply_automated)`,
		`CREATE TABLE kpi_inbound_quarters (
			bucket INTEGER PRIMARY KEY,
			inbound INTEGER NOT NULL
		)`,
		`CREATE TABLE kpi_comment_marks (
			message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
			conversation_id INTEGER NOT NULL,
			sent_at INTEGER NOT NULL,
			question INTEGER NOT NULL,
			substantial INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_kpi_comment_marks_sent ON kpi_comment_marks(sent_at, conversation_id, message_id, question, substantial)`,
		kpiExchangesInsert + kpiExchangesSelect(""),
		kpiQuartersBackfill,
	},
}
