package store

// step17Health keeps what the account health page needs across restarts:
// items stored per account and hour (so "items synced in the last 24 hours"
// needs no scan of the messages table, which has no index for it and should
// not get one on the ingest path), and per account the time of the last sync
// failure and how many failed in a row since the last success.
var step17Health = migration{
	why: "account health: hourly synced-item counters and the last sync failure per account",
	sql: []string{
		`CREATE TABLE account_sync_hours (
			account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
			hour_at INTEGER NOT NULL,
			items INTEGER NOT NULL DEFAULT 0,
			PRIMARY KEY (account_id, hour_at)
		)`,
		`CREATE INDEX ix_account_sync_hours_hour ON account_sync_hours(hour_at, account_id)`,
		`CREATE TABLE account_sync_failures (
			account_id INTEGER NOT NULL PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
			last_error_at INTEGER NOT NULL DEFAULT 0,
			failures INTEGER NOT NULL DEFAULT 0
		)`,
	},
}
