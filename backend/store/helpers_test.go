package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// fixedNow is the clock every store test runs on.
var fixedNow = time.Date(2026, 3, 29, 9, 30, 0, 0, time.UTC)

// openTest opens a fresh on-disk database in a temp dir with a fixed clock.
func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), FileName), Options{Now: func() time.Time { return fixedNow }})
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
