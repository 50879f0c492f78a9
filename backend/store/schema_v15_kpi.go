package store

// step15Kpi is the schema of the KPI area's own records: rating requests sent
// after a conversation is resolved (with the 1–5 reply once it comes), the
// goals the team sets on its figures, and an index for the KPI reads of the audit trail.
// It is unreleased until it lands on main; after that it is append-only like every step.
var step15Kpi = migration{
	why: "KPI: CSAT rating requests and replies, goals",
	sql: []string{
		`CREATE TABLE kpi_csat_requests (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			resolved_at INTEGER NOT NULL,
			message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
			status TEXT NOT NULL DEFAULT 'sent',
			requested_at INTEGER NOT NULL,
			rating INTEGER NOT NULL DEFAULT 0,
			rating_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
			rated_at INTEGER NOT NULL DEFAULT 0,
			UNIQUE(conversation_id, resolved_at)
		)`,
		`CREATE INDEX ix_kpi_csat_requested ON kpi_csat_requests(requested_at, id)`,
		`CREATE INDEX ix_kpi_csat_pending ON kpi_csat_requests(status, requested_at)`,
		`CREATE TABLE kpi_goals (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			metric TEXT NOT NULL,
			mode TEXT NOT NULL,
			target REAL NOT NULL,
			span TEXT NOT NULL DEFAULT 'month',
			note TEXT NOT NULL DEFAULT '',
			created_by TEXT NOT NULL DEFAULT '',
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		)`,
		`CREATE INDEX ix_kpi_goals_metric ON kpi_goals(metric, id)`,
		// The KPI reads of the audit trail (resolutions, sends) and the rating-request worker
		// look entries up by action from an instant on.
		`CREATE INDEX ix_audit_events_action_at ON audit_events(action, at)`,
	},
}
