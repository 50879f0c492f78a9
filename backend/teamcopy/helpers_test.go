package teamcopy_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"creatordesk/backend/store"
)

// requirePostgres returns the test server's connection string or skips.
func requirePostgres(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("CREATORDESK_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CREATORDESK_TEST_POSTGRES is not set (run under scripts/with-postgres.sh)")
	}
	return dsn
}

// newTargetDSN creates an empty schema on the test server (dropped when the
// test ends) and returns a connection string that works in it.
func newTargetDSN(t testing.TB) string {
	t.Helper()
	dsn := requirePostgres(t)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	admin := stdlib.OpenDB(*cfg)
	admin.SetMaxOpenConns(1)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "cdcopy_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("drop test schema: %v", err)
		}
		_ = admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// openTarget opens (and migrates) a new team database.
func openTarget(t *testing.T) (*store.Store, string) {
	t.Helper()
	dsn := newTargetDSN(t)
	return openTargetAt(t, dsn), dsn
}

// openTargetTB opens a new team database for a test or a benchmark.
func openTargetTB(t testing.TB) *store.Store {
	t.Helper()
	return openTargetAt(t, newTargetDSN(t))
}

func openTargetAt(t testing.TB, dsn string) *store.Store {
	t.Helper()
	s, err := store.OpenPostgres(dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// openSource opens a data folder's local workspace.
func openSource(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(dir, store.FileName), store.Options{SkipBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// sourceSums reads every copied table's checksum of a local workspace.
func sourceSums(t *testing.T, s *store.Store) map[string]store.TableSum {
	t.Helper()
	ctx := context.Background()
	tables, err := s.CopyTables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.BeginCopySnapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	out := map[string]store.TableSum{}
	for _, tb := range tables {
		sum, err := snap.Checksum(ctx, tb)
		if err != nil {
			t.Fatal(err)
		}
		out[tb.Name] = sum
	}
	return out
}

// exec runs a statement on a store's writer.
func exec(t *testing.T, s *store.Store, q string, args ...any) {
	t.Helper()
	db, err := s.W.DB()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
