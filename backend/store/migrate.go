package store

import (
	"context"
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
	// pg holds PostgreSQL-only statements run after sql in the same transaction
	// (triggers and functions of team mode that SQLite has no use for).
	pg []string
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
	step13Moderation,
	step14Campaigns2,
	step15Kpi,
	step16Finish,
	step17Health,
	step18Team,
	step19KpiFacts,
	step20Outbound,
	step21Conn2,
	step22TeamCopy,
	step23TeamWS,
}

// SchemaVersion is the version a fully migrated database has.
func SchemaVersion() int { return len(migrations) }

// migrate applies the missing steps, each in its own transaction. When the
// database already holds data and steps are missing, a backup is taken first.
// On PostgreSQL every schema transaction first takes an advisory lock, so app
// instances opening one team database at the same time migrate it once.
func (s *Store) migrate(backup bool, target int) error {
	db := s.writer()
	if err := s.schemaTx(db, func(tx *sql.Tx) error {
		for _, stmt := range s.schemaSQL(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)`) {
			if _, err := tx.Exec(stmt); err != nil {
				return err
			}
		}
		if s.IsPostgres() {
			_, err := tx.Exec(pgFTSFunctionSQL())
			return err
		}
		return nil
	}); err != nil {
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
		if err := s.applyStep(db, v+1, migrations[v]); err != nil {
			return err
		}
	}
	if s.IsPostgres() {
		if _, err := db.Exec(pgResyncIdentitiesSQL); err != nil {
			return fmt.Errorf("store: identity sequences: %w", classify(err))
		}
	}
	return nil
}

// schemaSQL is a schema statement in the store's dialect.
func (s *Store) schemaSQL(stmt string) []string {
	if s.IsPostgres() {
		return pgSchemaStatements(stmt)
	}
	return []string{stmt}
}

// schemaTx runs fn in a transaction; on PostgreSQL the transaction first takes
// the workspace schema's migration lock.
func (s *Store) schemaTx(db *sql.DB, fn func(tx *sql.Tx) error) error {
	tx, err := db.Begin()
	if err != nil {
		return classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	if s.IsPostgres() {
		if _, err := tx.Exec(`SELECT pg_advisory_xact_lock(?, hashtext(current_schema()))`, pgMigrationLockKey); err != nil {
			return classify(err)
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	return classify(tx.Commit())
}

// currentVersion reads the applied schema version (0 for a new database).
func currentVersion(q queryRower) (int, error) {
	var v sql.NullInt64
	if err := q.QueryRowContext(context.Background(), `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: read schema version: %w", classify(err))
	}
	return int(v.Int64), nil
}

// applyStep runs one migration and records it, all or nothing. A step another
// instance applied meanwhile (PostgreSQL) is skipped.
func (s *Store) applyStep(db *sql.DB, version int, m migration) error {
	return s.schemaTx(db, func(tx *sql.Tx) error {
		if s.IsPostgres() {
			if current, err := currentVersion(tx); err != nil || current >= version {
				return err
			}
		}
		stmts := m.sql
		if s.IsPostgres() {
			stmts = append(append([]string(nil), m.sql...), m.pg...)
		}
		for _, stmt := range stmts {
			for _, q := range s.schemaSQL(stmt) {
				if _, err := tx.Exec(q); err != nil {
					return fmt.Errorf("store: migration %d (%s): %w", version, m.why, classify(err))
				}
			}
		}
		if _, err := tx.Exec(`INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)`, version, time.Now().UnixMilli()); err != nil {
			return classify(err)
		}
		return nil
	})
}

// Backup writes a consistent copy of the database to dest (VACUUM INTO) with
// mode 0600. The copy is written under a ".partial" name and renamed when
// complete, so a crash mid-backup never leaves a truncated file that looks like
// a backup (or blocks the next one). A team workspace on PostgreSQL is backed
// up by its server (pg_dump); there it returns ErrNotOnPostgres.
func (s *Store) Backup(dest string) (string, error) {
	if s.IsPostgres() {
		return "", ErrNotOnPostgres
	}
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
