package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

func TestBackupRotateAndRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	clock := fixedNow
	s, err := Open(path, Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	_, _ = s.IngestPage(ctx, a.ID, []platforms.Message{msg("1", "1:1", "kept", 0), msg("2", "2:1", "kept too", 1)}, "c1")
	var chosen string
	for i := 0; i < 9; i++ {
		clock = clock.Add(time.Minute)
		p, err := s.BackupNow(7)
		if err != nil {
			t.Fatal(err)
		}
		if i == 8 {
			chosen = p
		}
	}
	list, _ := Backups(dir)
	if len(list) != 7 || list[0] != chosen {
		t.Fatalf("rotation kept %d backups (newest %v), want 7 with the newest first", len(list), list)
	}
	// Work goes on after the backup, then the user restores it.
	_, _ = s.IngestPage(ctx, a.ID, []platforms.Message{msg("3", "3:1", "after the backup", 5)}, "c2")
	_ = s.Close()
	kept, err := Restore(path, chosen, clock)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n := countRows(t, r, "messages"); n != 2 {
		t.Fatalf("restored database has %d messages, want the 2 of the backup", n)
	}
	if hits, _ := r.Search(ctx, "kept", 10); len(hits) != 2 {
		t.Fatalf("search index not restored: %d hits", len(hits))
	}
	if acc, _ := r.AccountByID(ctx, a.ID); acc.SyncCursor != "c1" {
		t.Fatalf("cursor %q, want the backup's c1", acc.SyncCursor)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("restored file mode %v", st.Mode().Perm())
	}
	before, err := Open(kept, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer before.Close()
	if n := countRows(t, before, "messages"); n != 3 {
		t.Fatalf("the copy kept before restoring has %d messages, want 3", n)
	}
}

func TestRestoreRefusesADamagedBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	s, _ := Open(path, Options{})
	addAccount(t, s, "telegram", "1")
	_ = s.Close()
	bad := filepath.Join(dir, "bad.db")
	_ = os.WriteFile(bad, []byte("this is not a database"), 0o600)
	other := filepath.Join(dir, "other.db")
	_ = os.WriteFile(other, nil, 0o600)
	for _, b := range []string{bad, other, filepath.Join(dir, "missing.db")} {
		if _, err := Restore(path, b, fixedNow); err == nil {
			t.Errorf("restoring %s succeeded", filepath.Base(b))
		} else if b == bad && !errors.Is(err, ErrCorrupt) {
			t.Errorf("restoring garbage: %v, want ErrCorrupt", err)
		}
	}
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if accs, _ := r.Accounts(context.Background(), true); len(accs) != 1 {
		t.Fatal(fmt.Sprint("the refused restores changed the database: ", accs))
	}
}
