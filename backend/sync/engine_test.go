package sync_test

import (
	"context"
	"fmt"
	"path/filepath"
	gosync "sync"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

const token = "5550002222:engine-test-token-abcdefghijklmnopqrst"

// fixture is a store with one Telegram account pointed at a fake Bot API.
type fixture struct {
	store   *store.Store
	fake    *telegramfake.Server
	vault   *secrets.Memory
	engine  *sync.Engine
	account store.Account
	sleeps  []time.Duration
	mu      gosync.Mutex
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	fake := telegramfake.New(token)
	url := fake.Start()
	t.Cleanup(fake.Close)
	f := &fixture{store: st, fake: fake, vault: secrets.NewMemory()}
	f.account = store.Account{Platform: telegram.Platform, Name: "bot", ExternalID: "1", BaseURL: url}
	if err := st.CreateAccount(context.Background(), &f.account); err != nil {
		t.Fatal(err)
	}
	_ = f.vault.Set(context.Background(), secrets.AccountTokenKey("ws", f.account.ID), token)
	f.engine = &sync.Engine{Store: st, Vault: f.vault, Bus: events.New(), WorkspaceID: "ws",
		Registry: platforms.Registry{telegram.Platform: telegram.New}, Wait: time.Second, SpoolDir: filepath.Join(t.TempDir(), "spool"),
		Sleep: func(ctx context.Context, d time.Duration) error {
			f.mu.Lock()
			f.sleeps = append(f.sleeps, d)
			f.mu.Unlock()
			select { // a short real pause keeps loops from spinning while tests observe them
			case <-time.After(10 * time.Millisecond):
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}}
	return f
}

// add queues n private messages in n chats.
func (f *fixture) add(n int) {
	for i := 0; i < n; i++ {
		id := int64(500 + i)
		f.fake.AddMessage(telegramfake.Chat{ID: id, Type: "private", FirstName: "C"}, telegramfake.User{ID: id, FirstName: "C"},
			fmt.Sprintf("hello %d", i), time.Now())
	}
}

func (f *fixture) accountNow(t *testing.T) store.Account {
	t.Helper()
	a, err := f.store.AccountByID(context.Background(), f.account.ID)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func (f *fixture) count(t *testing.T) int {
	t.Helper()
	var n int
	db, _ := f.store.R.DB()
	_ = db.QueryRow(`SELECT COUNT(*) FROM messages`).Scan(&n)
	return n
}

// eventually polls cond for up to 10 s.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestSyncOnceWaitsOutRateLimits(t *testing.T) {
	f := newFixture(t)
	f.add(250)
	f.fake.RateLimitNext(2, 3)
	st, err := f.engine.SyncOnce(context.Background(), f.account.ID)
	if err != nil || st.Inserted != 250 || st.Pages != 3 {
		t.Fatalf("SyncOnce = %+v, %v", st, err)
	}
	if len(f.sleeps) != 2 || f.sleeps[0] != 3*time.Second {
		t.Fatalf("should have waited retry_after twice, slept %v", f.sleeps)
	}
	if a := f.accountNow(t); a.Status != store.AccountConnected || a.ItemsSynced != 250 {
		t.Fatalf("account %+v", a)
	}
}

func TestLoopSurvivesOutageAndRecovers(t *testing.T) {
	f := newFixture(t)
	var stored []events.MessagesStoredPayload
	var mu gosync.Mutex
	f.engine.Bus.Subscribe(events.MessagesStored, func(p any) {
		mu.Lock()
		stored = append(stored, p.(events.MessagesStoredPayload))
		mu.Unlock()
	})
	f.add(10)
	f.engine.Start(context.Background(), f.account.ID)
	defer f.engine.Stop()
	eventually(t, "first messages", func() bool { return f.count(t) == 10 })

	f.fake.SetDown(true)
	f.add(5)
	eventually(t, "error state", func() bool { return f.accountNow(t).Status == store.AccountError })
	if a := f.accountNow(t); a.LastErrorKind != string(platforms.KindTransient) {
		t.Fatalf("error kind %q", a.LastErrorKind)
	}
	f.fake.SetDown(false)
	eventually(t, "recovery", func() bool { return f.count(t) == 15 && f.accountNow(t).Status == store.AccountConnected })
	mu.Lock()
	defer mu.Unlock()
	if len(stored) == 0 {
		t.Fatal("no MessagesStored events published")
	}
}

func TestRevokedTokenNeedsReconnect(t *testing.T) {
	f := newFixture(t)
	_ = f.vault.Set(context.Background(), secrets.AccountTokenKey("ws", f.account.ID), "5550002222:revoked-token-abcdefghijklmnopqrstuvw")
	f.engine.Start(context.Background(), f.account.ID)
	eventually(t, "needs_reconnect", func() bool { return f.accountNow(t).Status == store.AccountNeedsReconnect })
	eventually(t, "loop to stop", func() bool { return !f.engine.Running(f.account.ID) })
}

func TestMissingTokenNeedsReconnect(t *testing.T) {
	f := newFixture(t)
	_ = f.vault.Delete(context.Background(), secrets.AccountTokenKey("ws", f.account.ID))
	if _, err := f.engine.SyncOnce(context.Background(), f.account.ID); err == nil {
		t.Fatal("SyncOnce without a token succeeded")
	}
	if a := f.accountNow(t); a.Status != store.AccountNeedsReconnect || a.LastErrorKind != "no_token" {
		t.Fatalf("account %+v", a)
	}
}

func TestLockedKeyringIsAnErrorNotAReconnect(t *testing.T) {
	f := newFixture(t)
	f.vault.SetFailure(secrets.ErrLocked)
	if _, err := f.engine.SyncOnce(context.Background(), f.account.ID); err == nil {
		t.Fatal("SyncOnce with a locked keyring succeeded")
	}
	if a := f.accountNow(t); a.Status != store.AccountError || a.LastErrorKind != "keyring_locked" {
		t.Fatalf("account %+v", a)
	}
	f.vault.SetFailure(nil)
	f.add(3)
	if st, err := f.engine.SyncOnce(context.Background(), f.account.ID); err != nil || st.Inserted != 3 {
		t.Fatalf("after unlock: %+v %v", st, err)
	}
}

func TestStopCancelsLongPollPromptly(t *testing.T) {
	f := newFixture(t)
	f.engine.Wait = 20 * time.Second
	f.engine.Start(context.Background(), f.account.ID)
	eventually(t, "a long poll in flight", f.fake.Polling)
	done := make(chan struct{})
	go func() { f.engine.Stop(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Stop did not return while a long poll was waiting")
	}
	if f.engine.Running(f.account.ID) {
		t.Fatal("loop still running after Stop")
	}
}

func TestArchivesAreNeverSynced(t *testing.T) {
	f := newFixture(t)
	if err := f.store.SetAccountStatus(context.Background(), f.account.ID, store.AccountImported, "", ""); err != nil {
		t.Fatal(err)
	}
	f.add(3)
	if st, err := f.engine.SyncOnce(context.Background(), f.account.ID); err != nil || st.Inserted != 0 {
		t.Fatalf("SyncOnce on an archive = %+v, %v", st, err)
	}
	f.engine.Start(context.Background(), f.account.ID)
	eventually(t, "the loop to end at once", func() bool { return !f.engine.Running(f.account.ID) })
	if a := f.accountNow(t); a.Status != store.AccountImported || f.count(t) != 0 {
		t.Fatalf("archive touched: status %q, %d messages", a.Status, f.count(t))
	}
}
