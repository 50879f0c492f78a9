package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// OpenPostgres opens a team workspace on PostgreSQL and brings its schema up to
// date. dsn is a libpq connection string or URL
// ("postgres://user@host:5432/db?sslmode=verify-full"); its search_path, if
// given, selects the schema the workspace lives in.
//
// As on SQLite, writes go through one connection (W) and reads through a small
// pool (R) whose sessions are read-only. Several app instances may open the same
// database at once: migrations are serialized by an advisory lock, and work that
// only one instance may do (syncing an account) is coordinated by leases.
func OpenPostgres(dsn string, opts Options) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: postgres connection settings: %w", err)
	}
	w, err := openPostgresPool(cfg, false)
	if err != nil {
		return nil, err
	}
	sqlW, _ := w.DB()
	sqlW.SetMaxOpenConns(1)
	sqlW.SetMaxIdleConns(1)
	sqlW.SetConnMaxIdleTime(5 * time.Minute)

	readers := opts.Readers
	if readers <= 0 {
		readers = 4
	}
	r, err := openPostgresPool(cfg, true)
	if err != nil {
		_ = sqlW.Close()
		return nil, err
	}
	sqlR, _ := r.DB()
	sqlR.SetMaxOpenConns(readers)
	sqlR.SetMaxIdleConns(readers)
	sqlR.SetConnMaxIdleTime(5 * time.Minute)

	s := &Store{W: w, R: r, Now: opts.Now, dialect: DialectPostgres}
	if s.Now == nil {
		s.Now = time.Now
	}
	if err := s.migrate(false, opts.schemaTarget); err != nil {
		_ = s.Close()
		return nil, err
	}
	return s, nil
}

// openPostgresPool opens one wrapped pgx pool; a reader's sessions are read-only.
func openPostgresPool(base *pgx.ConnConfig, readOnly bool) (*gorm.DB, error) {
	cfg := base.Copy()
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	cfg.RuntimeParams["application_name"] = "creatordesk"
	cfg.RuntimeParams["timezone"] = "UTC"
	if readOnly {
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	db := sql.OpenDB(pgConnector{inner: stdlib.GetConnector(*cfg)})
	g, err := gorm.Open(postgres.New(postgres.Config{Conn: db}), &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true,
		PrepareStmt:            false,
	})
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("store: connect to postgres: %w", classify(err))
	}
	return g, nil
}

// pgMigrationLockKey is the advisory lock that serializes migrations between
// app instances opening the same database ("CDmg" in ASCII).
const pgMigrationLockKey int32 = 0x43446d67
