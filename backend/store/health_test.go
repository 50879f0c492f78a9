package store

import (
	"context"
	"testing"
	"time"
)

func TestSyncedItemsAreCountedPerHourAndPruned(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	b := addAccount(t, s, "mastodon", "2")
	at := func(d time.Duration) int64 { return fixedNow.Add(d).UnixMilli() }
	for _, step := range []struct {
		acc int64
		n   int
		at  int64
	}{
		{a.ID, 3, at(0)}, {a.ID, 2, at(-10 * time.Minute)}, // the same hour: one row
		{a.ID, 7, at(-30 * time.Hour)}, // outside the last 24 hours
		{b.ID, 4, at(-2 * time.Hour)},
		{b.ID, 0, at(0)}, // nothing stored: no row
	} {
		if err := s.AddSyncedItems(ctx, step.acc, step.n, step.at); err != nil {
			t.Fatal(err)
		}
	}
	if n := countRows(t, s, "account_sync_hours"); n != 3 {
		t.Fatalf("%d hour rows, want 3", n)
	}
	got, err := s.SyncedItemsSince(ctx, at(-23*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if got[a.ID] != 5 || got[b.ID] != 4 || len(got) != 2 {
		t.Fatalf("last 24 h = %v, want %d:5 %d:4", got, a.ID, b.ID)
	}
	// A counter older than SyncCounterKeep is dropped at the account's next write.
	if err := s.AddSyncedItems(ctx, a.ID, 1, at(SyncCounterKeep-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "account_sync_hours"); n != 3 {
		t.Fatalf("%d hour rows after pruning, want 3 (a's 30-hour-old row gone, a new one added)", n)
	}
}

func TestSyncFailuresCountARunUntilASuccess(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	for i := int64(1); i <= 3; i++ {
		if err := s.NoteSyncFailure(ctx, a.ID, 1000*i); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.SyncFailures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if f := got[a.ID]; f.Failures != 3 || f.LastErrorAt != 3000 {
		t.Fatalf("failures %+v, want 3 ending at 3000", f)
	}
	if err := s.NoteSyncSuccess(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = s.SyncFailures(ctx)
	if f := got[a.ID]; f.Failures != 0 || f.LastErrorAt != 3000 {
		t.Fatalf("after a success %+v, want 0 failures and the last error time kept", f)
	}
}

func TestSetAccountSettingsReplacesTheSettings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	a.SetExtra(map[string]string{"channel": "@glaze"})
	if err := s.SetAccountSettings(ctx, a.ID, a.Settings); err != nil {
		t.Fatal(err)
	}
	got, _ := s.AccountByID(ctx, a.ID)
	if got.Extra()["channel"] != "@glaze" {
		t.Fatalf("settings %q", got.Settings)
	}
	if err := s.SetAccountSettings(ctx, 999, "{}"); err != ErrNotFound {
		t.Fatalf("unknown account: %v", err)
	}
}
