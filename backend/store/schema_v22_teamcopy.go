package store

// step22TeamCopy records the progress of a one-way copy of a local SQLite
// workspace into a team database (backend/teamcopy), in the team database
// itself, so that a copy cut short continues where it stopped.
//
// teamcopy_runs holds one row per copy started into this database: which
// workspace it came from and when its rows were all copied (copied_at) and
// found identical on both sides (verified_at); 0 means not yet.
// teamcopy_progress holds, for the newest run, each table's last copied
// primary key (JSON), its rows copied so far and whether it is complete. A
// batch of rows and its progress row are written in one transaction.
//
// Both tables exist in every workspace (the steps run on both engines) but
// are never copied themselves.
var step22TeamCopy = migration{
	why: "team copy: resumable progress of a SQLite-to-PostgreSQL workspace copy",
	sql: []string{
		`CREATE TABLE teamcopy_runs (
			id INTEGER PRIMARY KEY AUTOINCREMENT,
			source_workspace TEXT NOT NULL,
			started_at INTEGER NOT NULL,
			copied_at INTEGER NOT NULL DEFAULT 0,
			verified_at INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE TABLE teamcopy_progress (
			table_name TEXT PRIMARY KEY,
			last_key TEXT NOT NULL DEFAULT '',
			rows_copied INTEGER NOT NULL DEFAULT 0,
			done INTEGER NOT NULL DEFAULT 0,
			updated_at INTEGER NOT NULL
		)`,
	},
}
