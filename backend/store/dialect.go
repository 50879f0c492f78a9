package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Dialect is the database engine a Store runs on.
type Dialect int

const (
	// DialectSQLite is the default: one local file per workspace.
	DialectSQLite Dialect = iota
	// DialectPostgres is team mode: a shared PostgreSQL database.
	DialectPostgres
)

// String names the dialect.
func (d Dialect) String() string {
	if d == DialectPostgres {
		return "postgres"
	}
	return "sqlite"
}

// Dialect reports the engine the store runs on.
func (s *Store) Dialect() Dialect { return s.dialect }

// IsPostgres reports whether the store is a team workspace on PostgreSQL.
func (s *Store) IsPostgres() bool { return s.dialect == DialectPostgres }

// forUpdate is the clause that locks the rows a SELECT reads until the
// transaction ends (PostgreSQL); SQLite's write transactions are already
// exclusive, so there it is empty.
func (d Dialect) forUpdate() string {
	if d == DialectPostgres {
		return " FOR UPDATE"
	}
	return ""
}

// queryRower is what the catalog helpers need: a *sql.DB, *sql.Conn or *sql.Tx.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// tableExistsSQL is the dialect's "does this table exist" query (one argument).
func (d Dialect) tableExistsSQL() string {
	if d == DialectPostgres {
		return `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`
	}
	return `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?`
}

// columnExistsSQL is the dialect's "does this column exist" query (table, column).
func (d Dialect) columnExistsSQL() string {
	if d == DialectPostgres {
		return `SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?`
	}
	return `SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?`
}

// tableExists reports whether a table exists in the workspace's schema.
func (s *Store) tableExists(ctx context.Context, q queryRower, table string) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, s.dialect.tableExistsSQL(), table).Scan(&n); err != nil {
		return false, classify(err)
	}
	return n > 0, nil
}

// columnExists reports whether table has column.
func (s *Store) columnExists(ctx context.Context, q queryRower, table, column string) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, s.dialect.columnExistsSQL(), table, column).Scan(&n); err != nil {
		return false, classify(err)
	}
	return n > 0, nil
}

// Transaction-scoped locks that serialize a read-then-write between app
// instances sharing one PostgreSQL database (on SQLite the single writer
// connection already serializes every write transaction).
const (
	// lockAuditChain guards the audit trail's head: two instances appending at
	// once would otherwise chain two entries to the same predecessor.
	lockAuditChain int32 = 0x43446175 // "CDau"
)

// lockTx takes a transaction-scoped advisory lock on PostgreSQL (per workspace
// schema); it does nothing on SQLite.
func (s *Store) lockTx(ctx context.Context, tx *sql.Tx, key int32) error {
	if !s.IsPostgres() {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?, hashtext(current_schema()))`, key)
	return classify(err)
}

// ErrNotOnPostgres is returned by operations that only exist for a local
// SQLite file (VACUUM INTO backups, integrity_check).
var ErrNotOnPostgres = fmt.Errorf("store: not available for a team workspace on PostgreSQL")
