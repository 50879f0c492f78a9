package workspace

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/demo"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

func TestOpenDemoSeedsSyncsAndCleansUp(t *testing.T) {
	vault := secrets.NewMemory()
	dir := filepath.Join(t.TempDir(), "demo")
	w, err := OpenDemo(Config{Dir: dir, Vault: vault})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	accs, _ := w.Store.Accounts(ctx, false)
	platformsSeen := map[string]bool{}
	for _, a := range accs {
		if a.Status != store.AccountConnected {
			t.Fatalf("demo account not connected: %+v", a)
		}
		platformsSeen[a.Platform] = true
	}
	if len(accs) != 4 || !platformsSeen["telegram"] || !platformsSeen["mastodon"] || !platformsSeen["bluesky"] || !platformsSeen["instagram"] {
		t.Fatalf("demo accounts %+v", accs)
	}
	key := secrets.AccountTokenKey(w.ID, accs[0].ID)
	if tok, err := vault.Get(ctx, key); err != nil || tok != demo.TelegramToken {
		t.Fatalf("demo token not in the vault: %v", err)
	}
	perPlatform := map[string]int{}
	all, _, _ := w.Store.Conversations(ctx, store.ConversationFilter{}, store.ConversationCursor{}, 500)
	for _, c := range all {
		perPlatform[c.Platform]++
	}
	if perPlatform["mastodon"] < 10 || perPlatform["bluesky"] < 10 {
		t.Fatalf("conversations per platform %v", perPlatform)
	}
	convs, _, _ := w.Store.Conversations(ctx, store.ConversationFilter{}, store.ConversationCursor{}, 500)
	if len(convs) < 200 {
		t.Fatalf("demo has %d conversations, want at least 200", len(convs))
	}
	hostile := 0
	for _, c := range convs {
		if c.Snippet != "" && c.Snippet[0] == '<' {
			hostile++
		}
	}
	if hostile != 1 {
		t.Fatalf("want exactly one hostile-HTML conversation, found %d", hostile)
	}
	b, err := os.ReadFile(filepath.Join(dir, demo.InfoFile))
	if err != nil {
		t.Fatal(err)
	}
	var info demo.Info
	if json.Unmarshal(b, &info) != nil || info.Fakes["telegram"] == "" || info.Fakes["mastodon"] == "" || info.Fakes["bluesky"] == "" {
		t.Fatalf("demo.json: %s", b)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := vault.Get(ctx, key); !errors.Is(err, secrets.ErrNotFound) {
		t.Fatalf("closing the demo left its token in the vault: %v", err)
	}
}

func TestOpenDemoInTempDirRemovesIt(t *testing.T) {
	w, err := OpenDemo(Config{Vault: secrets.NewMemory()})
	if err != nil {
		t.Fatal(err)
	}
	dir := w.Dir
	if _, err := os.Stat(filepath.Join(dir, store.FileName)); err != nil {
		t.Fatal(err)
	}
	_ = w.Close()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("temp demo dir still there: %v", err)
	}
}

func TestWorkspaceIDIsStableAndKeysDoNotCollide(t *testing.T) {
	dirA, dirB := t.TempDir(), t.TempDir()
	a, _ := Open(Config{Dir: dirA, Vault: secrets.NewMemory()})
	idA := a.ID
	_ = a.Close()
	a2, _ := Open(Config{Dir: dirA, Vault: secrets.NewMemory()})
	defer a2.Close()
	b, _ := Open(Config{Dir: dirB, Vault: secrets.NewMemory()})
	defer b.Close()
	if a2.ID != idA || b.ID == idA || secrets.AccountTokenKey(a2.ID, 1) == secrets.AccountTokenKey(b.ID, 1) {
		t.Fatalf("workspace ids: %q %q %q", idA, a2.ID, b.ID)
	}
}

func TestOpenDemoWithoutKeyringKeepsTheFakeTokenInMemory(t *testing.T) {
	broken := secrets.NewMemory()
	broken.SetFailure(secrets.ErrUnavailable)
	w, err := OpenDemo(Config{Vault: broken})
	if err != nil {
		t.Fatalf("the demo must open without a keyring: %v", err)
	}
	defer w.Close()
	accs, _ := w.Store.Accounts(context.Background(), false)
	if len(accs) != 4 {
		t.Fatalf("accounts %+v", accs)
	}
}

func TestBackupIfDueTakesOneADay(t *testing.T) {
	clock := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	w, err := Open(Config{Dir: t.TempDir(), Vault: secrets.NewMemory(), Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	first, err := w.BackupIfDue()
	if err != nil || first == "" {
		t.Fatalf("first backup: %q %v", first, err)
	}
	clock = clock.Add(23 * time.Hour)
	if again, _ := w.BackupIfDue(); again != "" {
		t.Fatalf("a second backup within a day: %s", again)
	}
	clock = clock.Add(2 * time.Hour)
	if later, _ := w.BackupIfDue(); later == "" || later == first {
		t.Fatalf("no backup after a day: %q", later)
	}
}
