package store

// step7SLA is the schema of the SLA area (policies, per-conversation timers and
// the record of away acknowledgements). It is unreleased until it lands on
// main; after that it is append-only like every step.
//
// conversation_sla is the one table other areas read (the inbox list filters and
// shows it): one row per conversation with a running or finished timer. Its
// columns are a contract; the SLA area's own details live in sla_timers.
//   - due_at: Unix ms when the reply is due (0 = no timer running)
//   - state: none | ok | warning | breached | met
//
// The business calendar (weekly hours, zone, holidays), the away settings and
// the notification settings are small documents always read, validated and
// saved whole (overlapping shifts are a property of a whole day), and never
// queried by a column, so each is one JSON value in the settings table
// (keys sla.calendar, sla.away, notify.settings) rather than tables.
var step7SLA = migration{
	why: "SLA policies, per-conversation timers and away acknowledgements sent",
	sql: []string{
		`CREATE TABLE conversation_sla (
			conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
			policy_id INTEGER NOT NULL DEFAULT 0,
			due_at INTEGER NOT NULL DEFAULT 0,
			state TEXT NOT NULL DEFAULT 'none',
			updated_at INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE INDEX ix_conversation_sla_state_due ON conversation_sla(state, due_at)`,
		// Response-time targets, matched in position order (the first that applies wins).
		// preset names a built-in policy whose name the UI translates (name is then '').
		`CREATE TABLE sla_policies (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			position INTEGER NOT NULL DEFAULT 0,
			name TEXT NOT NULL DEFAULT '',
			preset TEXT NOT NULL DEFAULT '',
			kind TEXT NOT NULL DEFAULT '',
			intent TEXT NOT NULL DEFAULT '',
			tag TEXT NOT NULL DEFAULT '',
			min_priority INTEGER NOT NULL DEFAULT 0,
			target_minutes INTEGER NOT NULL,
			business_hours INTEGER NOT NULL DEFAULT 1,
			warn_percent INTEGER NOT NULL DEFAULT 75,
			enabled INTEGER NOT NULL DEFAULT 1,
			created_at INTEGER NOT NULL DEFAULT 0,
			updated_at INTEGER NOT NULL DEFAULT 0
		)`,
		`INSERT INTO sla_policies(position, preset, kind, intent, target_minutes) VALUES
			(0, 'highIntentDm', 'dm', 'high', 60), (1, 'comments', 'comment', '', 120), (2, 'otherDm', 'dm', '', 1440)`,
		// The timer's details beside conversation_sla: when it started and warns, when
		// the reply came, and when resolving or snoozing stopped it (messages before
		// stopped_at never start a timer again).
		`CREATE TABLE sla_timers (
			conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
			started_at INTEGER NOT NULL DEFAULT 0,
			warn_at INTEGER NOT NULL DEFAULT 0,
			answered_at INTEGER NOT NULL DEFAULT 0,
			stopped_at INTEGER NOT NULL DEFAULT 0
		)`,
		// One away acknowledgement per conversation per closed period (period = the
		// Unix ms of the next opening). message_id is the gate's stored message (0
		// while sending); state is sending | sent | failed | refused.
		`CREATE TABLE sla_away_sent (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
			period INTEGER NOT NULL,
			message_id INTEGER NOT NULL DEFAULT 0,
			state TEXT NOT NULL DEFAULT 'sending',
			created_at INTEGER NOT NULL,
			UNIQUE(conversation_id, period)
		)`,
		`CREATE INDEX ix_sla_away_sent_message ON sla_away_sent(message_id)`,
	},
}
