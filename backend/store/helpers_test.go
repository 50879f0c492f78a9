package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// fixedNow is the clock every store test runs on.
var fixedNow = time.Date(2026, 3, 29, 9, 30, 0, 0, time.UTC)

// openTest opens a fresh workspace with a fixed clock: an on-disk SQLite database
// in a temp dir, or, when CREATORDESK_TEST_POSTGRES holds a connection string
// (scripts/with-postgres.sh sets it), a fresh schema on that PostgreSQL server,
// dropped when the test ends. Tests listed in sqliteOnlyTests skip on PostgreSQL.
func openTest(t *testing.T) *Store {
	t.Helper()
	return openTestClock(t, func() time.Time { return fixedNow })
}

// openTestClock is openTest with a chosen clock.
func openTestClock(t *testing.T, now func() time.Time) *Store {
	t.Helper()
	if dsn := os.Getenv(testPostgresEnv); dsn != "" {
		if reason, ok := sqliteOnlyTests[strings.SplitN(t.Name(), "/", 2)[0]]; ok {
			t.Skip("SQLite only: " + reason)
		}
		return openPostgresTest(t, dsn, Options{Now: now})
	}
	s, err := Open(filepath.Join(t.TempDir(), FileName), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// addAccount creates a connected test account.
func addAccount(t *testing.T, s *Store, platform, external string) Account {
	t.Helper()
	a := Account{Platform: platform, Name: platform + " " + external, ExternalID: external}
	if err := s.CreateAccount(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// msg builds an inbound platform message in thread th at minute offset min.
func msg(th, ext, text string, min int) platforms.Message {
	return platforms.Message{
		ExternalID: ext, ThreadExternalID: th, ThreadKind: platforms.ThreadDM, ThreadTitle: "Thread " + th,
		Author:    platforms.Person{ExternalID: "user-" + th, DisplayName: "Ana Pop", Handle: "ana"},
		Direction: platforms.DirectionIn, Text: text, SentAt: fixedNow.Add(time.Duration(min) * time.Minute),
	}
}

// countRows returns SELECT COUNT(*) of a table.
func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.writer().QueryRow(fmt.Sprintf("SELECT COUNT(*) FROM %s", table)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
