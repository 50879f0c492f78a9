// Package store is CreatorDesk's persistence: SQLite (through GORM and, on hot
// paths, plain SQL), append-only migrations, and the full-text index. A team
// workspace runs the same code on PostgreSQL (OpenPostgres; see pg_*.go).
//
// One writer connection serializes every write (SQLite allows one writer at a
// time; a single connection turns lock contention into an orderly queue), while
// a small pool of read-only connections serves the UI concurrently under WAL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// FileName is the database file inside a workspace's data directory.
const FileName = "creatordesk.db"

// Store is an open workspace database.
type Store struct {
	// W is the single-connection writer.
	W *gorm.DB
	// R serves reads; under WAL it never waits for the writer.
	R *gorm.DB
	// Path is the database file ("" for none).
	Path string
	// Now is the clock; tests inject a fixed one.
	Now func() time.Time
	// MachineScope, when set (team mode), keeps the settings that belong to one
	// computer (machineSettings) apart from the teammates': they are stored
	// under "key@scope". Set it right after opening, before any use.
	MachineScope string

	prepMu   sync.Mutex
	prepared map[string]*sql.Stmt // ingest statements, prepared once on the writer

	dialect Dialect // SQLite unless opened by OpenPostgres
}

// Options tunes Open.
type Options struct {
	// Now overrides the clock (time.Now by default).
	Now func() time.Time
	// Readers is the size of the read pool (4 by default).
	Readers int
	// SkipBackup disables the backup taken before migrating a non-empty database.
	SkipBackup bool
	// schemaTarget stops migrating at this version (tests build old schemas with it).
	schemaTarget int
}

// Open opens (creating if needed) the database at path, with its directory 0700
// and its file 0600, and brings its schema up to date.
func Open(path string, opts Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: database path: %w", err)
	}
	path = abs
	if err = os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: create data dir: %w", err)
	}
	if err = ensurePrivateFile(path); err != nil {
		return nil, err
	}
	w, err := openGorm(path, false)
	if err != nil {
		return nil, err
	}
	sqlW, _ := w.DB()
	sqlW.SetMaxOpenConns(1)
	sqlW.SetMaxIdleConns(1)
	sqlW.SetConnMaxLifetime(0)

	readers := opts.Readers
	if readers <= 0 {
		readers = 4
	}
	r, err := openGorm(path, true)
	if err != nil {
		_ = sqlW.Close()
		return nil, err
	}
	sqlR, _ := r.DB()
	sqlR.SetMaxOpenConns(readers)
	sqlR.SetMaxIdleConns(readers)

	s := &Store{W: w, R: r, Path: path, Now: opts.Now}
	if s.Now == nil {
		s.Now = time.Now
	}
	if err := s.migrate(!opts.SkipBackup, opts.schemaTarget); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

// ensurePrivateFile creates path with mode 0600 if missing and tightens it if it exists.
func ensurePrivateFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("store: open database file: %w", err)
	}
	_ = f.Close()
	return os.Chmod(path, 0o600)
}

// openGorm opens one pool with the pragmas CreatorDesk relies on.
func openGorm(path string, readOnly bool) (*gorm.DB, error) {
	// mattn/go-sqlite3 applies these DSN parameters on every new connection.
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_foreign_keys", "1")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_cache_size", "-65536")
	if readOnly {
		q.Set("_query_only", "1")
	} else {
		q.Set("_txlock", "immediate")
	}
	dsn := (&url.URL{Scheme: "file", Path: path}).String() + "?" + q.Encode()
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		PrepareStmt:            false,
	})
	if err != nil {
		return nil, fmt.Errorf("store: open database: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	if err := sqlDB.Ping(); err != nil {
		return nil, fmt.Errorf("store: open database: %w", classify(err))
	}
	return db, nil
}

// Close closes both pools.
func (s *Store) Close() error {
	var errs []error
	s.prepMu.Lock()
	for _, st := range s.prepared {
		errs = append(errs, st.Close())
	}
	s.prepared = nil
	s.prepMu.Unlock()
	for _, db := range []*gorm.DB{s.R, s.W} {
		if db == nil {
			continue
		}
		if sqlDB, err := db.DB(); err == nil {
			errs = append(errs, sqlDB.Close())
		}
	}
	return errors.Join(errs...)
}

// writer returns the writer's *sql.DB for hot paths written in plain SQL.
func (s *Store) writer() *sql.DB {
	db, _ := s.W.DB()
	return db
}

// reader returns the read pool's *sql.DB.
func (s *Store) reader() *sql.DB {
	db, _ := s.R.DB()
	return db
}

// nowMillis returns the store clock's time in Unix milliseconds.
func (s *Store) nowMillis() int64 { return s.Now().UnixMilli() }

// IntegrityCheck runs PRAGMA integrity_check and returns nil when the file is sound.
// A PostgreSQL server checks its own pages; there it returns ErrNotOnPostgres.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	if s.IsPostgres() {
		return ErrNotOnPostgres
	}
	var res string
	if err := s.writer().QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("%w: %s", ErrCorrupt, res)
	}
	return nil
}
