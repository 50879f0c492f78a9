package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// testPostgresEnv names the connection string of the PostgreSQL server the store
// tests also run on (scripts/with-postgres.sh sets it).
const testPostgresEnv = "CREATORDESK_TEST_POSTGRES"

// sqliteOnlyTests are the tests that check something only a local SQLite file
// has; on PostgreSQL they skip with this reason.
var sqliteOnlyTests = map[string]string{
	"TestFullDiskRollsBackWholePagesAndRecovers": "fills a size-capped SQLite file (a PostgreSQL server reports disk full itself)",
	"TestKpiMessageScanUsesTheCoveringIndex":     "reads SQLite's EXPLAIN QUERY PLAN",
	"TestListQueriesUseIndexes":                  "reads SQLite's EXPLAIN QUERY PLAN",
	"TestWaitingFilterUsesAnIndex":               "reads SQLite's EXPLAIN QUERY PLAN",
	"TestBackupRefusesToOverwrite":               "VACUUM INTO backups of the SQLite file (a team database is backed up by its server)",
}

// openPostgresTest opens a workspace in a new schema of the test server and
// drops the schema when the test ends.
func openPostgresTest(t testing.TB, dsn string, opts Options) *Store {
	t.Helper()
	schema := newTestSchema(t, dsn)
	s, err := OpenPostgres(withSearchPath(t, dsn, schema), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// newTestSchema creates a uniquely named schema and registers its removal.
func newTestSchema(t testing.TB, dsn string) string {
	t.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "cdtest_" + hex.EncodeToString(b)
	admin := openAdmin(t, dsn)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop test schema: %v", err)
		}
		_ = admin.Close()
	})
	return schema
}

// openAdmin opens a plain (unwrapped) connection to the test server.
func openAdmin(t testing.TB, dsn string) *sql.DB {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(1)
	if err := db.PingContext(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db
}

// withSearchPath sets search_path in a URL connection string.
func withSearchPath(t testing.TB, dsn, schema string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// requirePostgres returns the test server's connection string or skips.
func requirePostgres(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(testPostgresEnv)
	if dsn == "" {
		t.Skip(testPostgresEnv + " is not set (run under scripts/with-postgres.sh)")
	}
	return dsn
}

// openTwoInstances opens the same workspace twice, as two app instances would:
// the same SQLite file, or the same schema on the test PostgreSQL server. Both
// share the clock now.
func openTwoInstances(t *testing.T, now func() time.Time) (*Store, *Store) {
	t.Helper()
	opts := Options{Now: now}
	if dsn := os.Getenv(testPostgresEnv); dsn != "" {
		dsn = withSearchPath(t, dsn, newTestSchema(t, dsn))
		var pair [2]*Store
		for i := range pair {
			s, err := OpenPostgres(dsn, opts)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = s.Close() })
			pair[i] = s
		}
		return pair[0], pair[1]
	}
	path := filepath.Join(t.TempDir(), FileName)
	var pair [2]*Store
	for i := range pair {
		s, err := Open(path, opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = s.Close() })
		pair[i] = s
	}
	return pair[0], pair[1]
}

// testClock is a clock tests move by hand, safe for concurrent use.
type testClock struct{ ms atomic.Int64 }

func newTestClock(at time.Time) *testClock {
	c := &testClock{}
	c.ms.Store(at.UnixMilli())
	return c
}

func (c *testClock) Now() time.Time          { return time.UnixMilli(c.ms.Load()).UTC() }
func (c *testClock) Advance(d time.Duration) { c.ms.Add(d.Milliseconds()) }
