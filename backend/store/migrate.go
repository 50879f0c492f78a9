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
		if _, err := s.Backup(freeName(filepath.Join(filepath.Dir(s.Path), "backups",
			fmt.Sprintf("before-migration-v%d-%s", current+1, s.Now().UTC().Format("20060102-150405"))), ".db")); err != nil {
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

// Backup writes a consistent copy of the database to dest (VACUUM INTO) with
// mode 0600. The copy is written under a ".partial" name and renamed when
// complete, so a crash mid-backup never leaves a truncated file that looks like
// a backup (or blocks the next one).
func (s *Store) Backup(dest string) (string, error) {
	dir := filepath.Dir(dest)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	if _, err := os.Stat(dest); err == nil {
		return "", fmt.Errorf("store: backup %s already exists", dest)
	}
	removeStalePartials(dir, time.Now()) // file times are wall-clock times
	partial := dest + partialSuffix
	_ = os.Remove(partial)
	if _, err := s.writer().Exec(`VACUUM INTO ?`, partial); err != nil {
		_ = os.Remove(partial)
		return "", classify(err)
	}
	if err := os.Chmod(partial, 0o600); err != nil {
		return "", err
	}
	if err := os.Rename(partial, dest); err != nil {
		_ = os.Remove(partial)
		return "", err
	}
	return dest, nil
}

// partialSuffix marks a backup still being written.
const partialSuffix = ".partial"

// stalePartialAge is how old a ".partial" file must be before a new backup
// removes it as the remains of a crashed one (younger ones may be in progress
// in another process).
const stalePartialAge = time.Hour

// removeStalePartials deletes backups that a crash left half written.
func removeStalePartials(dir string, now time.Time) {
	matches, _ := filepath.Glob(filepath.Join(dir, "*"+partialSuffix))
	for _, m := range matches {
		if info, err := os.Stat(m); err == nil && now.Sub(info.ModTime()) > stalePartialAge {
			_ = os.Remove(m)
		}
	}
}

// freeName returns base+ext, or base-2+ext, base-3+ext... when that file
// exists (a backup taken in the same second by a start that was cut short).
func freeName(base, ext string) string {
	name := base + ext
	for i := 2; ; i++ {
		if _, err := os.Stat(name); os.IsNotExist(err) {
			return name
		}
		name = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
}
