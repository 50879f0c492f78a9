package store

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// migration is one append-only schema step. Steps are never edited or reordered
// once released: the schema version of a database is the number of steps applied.
type migration struct {
	// why says what the step is for, for the next engineer.
	why string
	// sql is run in one transaction together with the version bump.
	sql []string
}

// migrations is the ordered list of every schema step. Append only.
var migrations = []migration{
	step1InitialSchema,
	step2TokenExpiryAndPriority,
	step3AccountSettings,
	step4UnreadIndex,
	step5Triage,
	step6Templates,
	step7SLA,
	step8Governance,
	step9Campaigns,
	step10Calendar,
	step11MessageCover,
	step12LeanConversationIndexes,
}

// SchemaVersion is the version a fully migrated database has.
func SchemaVersion() int { return len(migrations) }

// migrate applies the missing steps, each in its own transaction. When the
// database already holds data and steps are missing, a backup is taken first.
func (s *Store) migrate(backup bool, target int) error {
	db := s.writer()
	if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("store: migrations table: %w", classify(err))
	}
	current, err := currentVersion(db)
	if err != nil {
		return err
	}
	if target <= 0 || target > len(migrations) {
		target = len(migrations)
	}
	if current > len(migrations) {
		return fmt.Errorf("store: database schema %d is newer than this app (%d); update CreatorDesk", current, len(migrations))
	}
	if current >= target {
		return nil
	}
	if backup && current > 0 && s.Path != "" {
		if _, err := s.Backup(filepath.Join(filepath.Dir(s.Path), "backups",
			fmt.Sprintf("before-migration-v%d-%s.db", current+1, s.Now().UTC().Format("20060102-150405")))); err != nil {
			return fmt.Errorf("store: backup before migration: %w", err)
		}
	}
	for v := current; v < target; v++ {
		if err := applyStep(db, v+1, migrations[v]); err != nil {
			return err
		}
	}
	return nil
}

// currentVersion reads the applied schema version (0 for a new database).
func currentVersion(db *sql.DB) (int, error) {
	var v sql.NullInt64
	if err := db.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: read schema version: %w", classify(err))
	}
	return int(v.Int64), nil
}

// applyStep runs one migration and records it, all or nothing.
func applyStep(db *sql.DB, version int, m migration) error {
	tx, err := db.Begin()
	if err != nil {
		return classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	for _, stmt := range m.sql {
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("store: migration %d (%s): %w", version, m.why, classify(err))
		}
	}
	if _, err := tx.Exec(`INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)`, version, time.Now().UnixMilli()); err != nil {
		return classify(err)
	}
	return classify(tx.Commit())
}

// Backup writes a consistent copy of the database to dest (VACUUM INTO) with mode 0600.
func (s *Store) Backup(dest string) (string, error) {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return "", err
	}
	if _, err := os.Stat(dest); err == nil {
		return "", fmt.Errorf("store: backup %s already exists", dest)
	}
	if _, err := s.writer().Exec(`VACUUM INTO ?`, dest); err != nil {
		return "", classify(err)
	}
	return dest, os.Chmod(dest, 0o600)
}
