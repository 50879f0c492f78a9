package store

// step7SLA is the schema of the SLA area (policies, business hours, holidays and
// per-conversation timers). It is unreleased until it lands on main; after that
// it is append-only like every step.
//
// conversation_sla is the one table other areas read (the inbox list filters and
// shows it): one row per conversation with a running or finished timer.
//   - due_at: Unix ms when the reply is due (0 = no timer running)
//   - state: none | ok | warning | breached | met
var step7SLA = migration{
	why: "SLA policies, business hours, holidays and per-conversation timers",
	sql: []string{
		`CREATE TABLE conversation_sla (
			conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
			policy_id INTEGER NOT NULL DEFAULT 0,
			due_at INTEGER NOT NULL DEFAULT 0,
			state TEXT NOT NULL DEFAULT 'none',
			updated_at INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX ix_conversation_sla_state_due ON conversation_sla(state, due_at)`,
	},
}
