package store

import (
	"context"
	"testing"
	"time"
)

// A workspace opens on PostgreSQL with the whole schema, twice (the second open
// finds nothing to migrate), and reports its dialect.
func TestOpenPostgresMigratesOnceAndReopens(t *testing.T) {
	dsn := requirePostgres(t)
	schema := newTestSchema(t, dsn)
	start := time.Now()
	s, err := OpenPostgres(withSearchPath(t, dsn, schema), Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first open (all %d steps) took %v", SchemaVersion(), time.Since(start))
	defer s.Close()
	if !s.IsPostgres() || s.Dialect().String() != "postgres" {
		t.Fatalf("dialect = %v", s.Dialect())
	}
	if v, err := currentVersion(s.writer()); err != nil || v != SchemaVersion() {
		t.Fatalf("version = %d, %v; want %d", v, err, SchemaVersion())
	}
	again, err := OpenPostgres(withSearchPath(t, dsn, schema), Options{})
	if err != nil {
		t.Fatal(err)
	}
	_ = again.Close()
	if n := countRows(t, s, "schema_migrations"); n != SchemaVersion() {
		t.Errorf("schema_migrations has %d rows, want %d", n, SchemaVersion())
	}
	if err := s.IntegrityCheck(context.Background()); err != ErrNotOnPostgres {
		t.Errorf("IntegrityCheck = %v, want ErrNotOnPostgres", err)
	}
}
