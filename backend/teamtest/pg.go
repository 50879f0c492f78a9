package teamtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// PostgresEnv names the connection string of the throwaway test server
// (scripts/with-postgres.sh sets it).
const PostgresEnv = "CREATORDESK_TEST_POSTGRES"

// RequirePostgres returns the test server's connection string or skips the test.
func RequirePostgres(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(PostgresEnv)
	if dsn == "" {
		t.Skip(PostgresEnv + " is not set (run under scripts/with-postgres.sh)")
	}
	return dsn
}

// FreshSchema creates a uniquely named schema on the server dsn names, drops it
// when the test ends, and returns dsn with that schema as its search_path, and
// the schema's name: a workspace of its own for one test.
func FreshSchema(t testing.TB, dsn string) (string, string) {
	t.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "cdteam_" + hex.EncodeToString(b)
	admin := OpenAdmin(t, dsn)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = admin.Exec("DROP SCHEMA " + schema + " CASCADE") })
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), schema
}

// OpenAdmin opens a plain connection pool to the server, closed after the test.
func OpenAdmin(t testing.TB, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(2)
	t.Cleanup(func() { _ = db.Close() })
	return db
}
