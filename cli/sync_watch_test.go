package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	gosync "sync"
	"testing"
	"time"

	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// syncBuffer is a bytes.Buffer safe to read while the command writes.
type syncBuffer struct {
	mu gosync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// `sync --watch` keeps syncing until stopped: each new batch is one line, and
// on the way out the account's lease is given up for another instance.
func TestSyncWatchRunsUntilStopped(t *testing.T) {
	vault := secrets.NewMemory()
	fake, url := startFake(t, 3, 1)
	dir := t.TempDir()
	mustRun(t, vault, testToken, "--data-dir", dir, "accounts", "add", "telegram", "--token-stdin", "--base-url", url, "--name", "Studio")

	out := &syncBuffer{}
	env := Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: io.Discard, Vault: vault}
	s, closeAll, err := openSession(globals{dataDir: dir}, env, false)
	if err != nil {
		t.Fatal(err)
	}
	defer closeAll()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- syncCmd(ctx, s, []string{"--watch"}, env) }()
	waitOutput(t, out, `telegram "Studio": syncing here`)
	waitOutput(t, out, "3 messages stored in 3 conversations")

	fake.AddMessage(telegramfake.Chat{ID: 77, Type: "private", FirstName: "Late"}, telegramfake.User{ID: 77, FirstName: "Late"},
		"still open tomorrow?", time.Now())
	waitOutput(t, out, "1 messages stored in 1 conversations")

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("sync --watch = %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("sync --watch did not stop")
	}
	if !strings.Contains(out.String(), "stopped; the accounts' sync leases are released") {
		t.Fatalf("output:\n%s", out)
	}
	leases, err := s.Workspace().Store.SyncLeases(context.Background())
	if err != nil || len(leases) != 1 || leases[0].Holder != "" {
		t.Fatalf("leases after stopping = %+v, %v", leases, err)
	}
}

// `sync --once` leaves an account to the app instance holding its lease.
func TestSyncOnceSkipsAnAccountAnotherInstanceSyncs(t *testing.T) {
	vault := secrets.NewMemory()
	_, url := startFake(t, 2, 1)
	dir := t.TempDir()
	mustRun(t, vault, testToken, "--data-dir", dir, "accounts", "add", "telegram", "--token-stdin", "--base-url", url, "--name", "Studio")
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := st.AcquireLease(context.Background(), 1, "Ana's laptop#0badc0", time.Hour); err != nil || !ok {
		t.Fatal(ok, err)
	}
	_ = st.Close()
	out := mustRun(t, vault, "", "--data-dir", dir, "sync", "--once")
	if !strings.Contains(out, `telegram "Studio": skipped, synced by Ana's laptop (another app instance)`) {
		t.Fatalf("output %q", out)
	}
	if code, _, errOut := run(t, vault, "", "--data-dir", dir, "sync"); code != 2 || !strings.Contains(errOut, "--watch") {
		t.Fatalf("sync without a mode exited %d: %s", code, errOut)
	}
}

// waitOutput waits (generously: not a speed check) until out contains want.
func waitOutput(t *testing.T, out fmt.Stringer, want string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(out.String(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %q in the output:\n%s", want, out)
}
