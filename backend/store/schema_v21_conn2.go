package store

// step21Conn2 keeps the daily API quota a platform meters (YouTube's units
// per Google Cloud project) across restarts.
//
// quota_usage holds one row per platform, quota project and quota day: the
// units spent that day, the budget in force and when the day ends (Unix ms).
// A quota day is the platform's own (for YouTube a Pacific-time date written
// "2026-03-08"), so the row of a new day starts at zero without any reset job.
// Rows older than a few weeks are pruned when a newer day is saved.
var step21Conn2 = migration{
	why: "connectors: daily API quota use survives restarts",
	sql: []string{
		`CREATE TABLE quota_usage (
			platform TEXT NOT NULL,
			project TEXT NOT NULL,
			quota_day TEXT NOT NULL,
			units INTEGER NOT NULL DEFAULT 0,
			budget INTEGER NOT NULL DEFAULT 0,
			resets_at INTEGER NOT NULL DEFAULT 0,
			updated_at INTEGER NOT NULL,
			PRIMARY KEY (platform, project, quota_day)
		)`,
		`CREATE INDEX idx_quota_usage_updated ON quota_usage(updated_at)`,
	},
}
