package sync_test

import (
	"context"
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

// A 429 in the loop is waited out as the platform asks: the account never
// shows an error for it, and State says why and until when the loop waits.
func TestLoopWaitsOutRateLimitsWithoutAnError(t *testing.T) {
	f := newFixture(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	f.engine.Now = func() time.Time { return now }
	release := make(chan struct{})
	inner := f.engine.Sleep
	f.engine.Sleep = func(ctx context.Context, d time.Duration) error {
		if d == 7*time.Second {
			select {
			case <-release:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return inner(ctx, d)
	}
	f.add(3)
	f.fake.RateLimitNext(1, 7)
	f.engine.Start(context.Background(), f.account.ID)
	defer f.engine.Stop()
	eventually(t, "the rate-limit wait", func() bool { return f.engine.State(f.account.ID).Wait == sync.WaitRateLimited })
	st := f.engine.State(f.account.ID)
	if !st.Running || !st.NextRunAt.Equal(now.Add(7*time.Second)) {
		t.Fatalf("state %+v, want running with the next run in 7 s", st)
	}
	if a := f.accountNow(t); a.Status == store.AccountError || a.LastErrorKind != "" {
		t.Fatalf("a rate limit was recorded as an error: %+v", a)
	}
	close(release)
	eventually(t, "the messages after the wait", func() bool { return f.count(t) == 3 })
	if fails, _ := f.store.SyncFailures(context.Background()); fails[f.account.ID].Failures != 0 {
		t.Fatalf("a rate limit counted as a failure: %+v", fails[f.account.ID])
	}
}

// One account whose platform is down never holds up another account.
func TestFailingAccountDoesNotBlockAnother(t *testing.T) {
	f := newFixture(t)
	f.fake.SetDown(true)
	other := telegramfake.New(token)
	url := other.Start()
	t.Cleanup(other.Close)
	acc := store.Account{Platform: telegram.Platform, Name: "second", ExternalID: "2", BaseURL: url}
	if err := f.store.CreateAccount(context.Background(), &acc); err != nil {
		t.Fatal(err)
	}
	_ = f.vault.Set(context.Background(), secrets.AccountTokenKey("ws", acc.ID), token)
	other.AddMessage(telegramfake.Chat{ID: 9, Type: "private", FirstName: "D"}, telegramfake.User{ID: 9, FirstName: "D"}, "still here", time.Now())
	if err := f.engine.StartAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer f.engine.Stop()
	eventually(t, "the first account's error", func() bool { return f.accountNow(t).Status == store.AccountError })
	eventually(t, "the second account's message", func() bool { return f.count(t) == 1 })
	a, _ := f.store.AccountByID(context.Background(), acc.ID)
	if a.Status != store.AccountConnected {
		t.Fatalf("second account %q, want connected", a.Status)
	}
	eventually(t, "a failure run recorded", func() bool {
		fails, _ := f.store.SyncFailures(context.Background())
		return fails[f.account.ID].Failures > 0 && fails[f.account.ID].LastErrorAt > 0 && fails[acc.ID].Failures == 0
	})
	if st := f.engine.State(f.account.ID); !st.Running {
		t.Fatalf("the failing account's loop stopped: %+v", st)
	}
}

// SyncOnce counts stored items per hour, and an edit the platform reports is
// applied to the stored message without counting it again.
func TestSyncCountsItemsAndAppliesEdits(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	chat := telegramfake.Chat{ID: 77, Type: "private", FirstName: "E"}
	id := f.fake.AddMessage(chat, telegramfake.User{ID: 77, FirstName: "E"}, "first words", time.Now())
	f.add(4)
	if st, err := f.engine.SyncOnce(ctx, f.account.ID); err != nil || st.Inserted != 5 {
		t.Fatalf("SyncOnce = %+v, %v", st, err)
	}
	if _, err := f.fake.EditMessage(chat.ID, id, "second thoughts", time.Now()); err != nil {
		t.Fatal(err)
	}
	if st, err := f.engine.SyncOnce(ctx, f.account.ID); err != nil || st.Updated != 1 || st.Inserted != 0 {
		t.Fatalf("SyncOnce after the edit = %+v, %v", st, err)
	}
	var text string
	var edited int64
	db, _ := f.store.R.DB()
	if err := db.QueryRow(`SELECT text, edited_at FROM messages WHERE text LIKE 'second%'`).Scan(&text, &edited); err != nil || edited == 0 {
		t.Fatalf("edited message: %q %d %v", text, edited, err)
	}
	got, err := f.store.SyncedItemsSince(ctx, f.store.Now().Add(-23*time.Hour).UnixMilli())
	if err != nil || got[f.account.ID] != 5 {
		t.Fatalf("items in the last 24 h = %v, %v; want 5", got, err)
	}
}

// State of an account without a loop says so, and a stopped loop forgets its state.
func TestStateOfAnAccountWithoutALoop(t *testing.T) {
	e := &sync.Engine{Bus: events.New(), Registry: platforms.Registry{}}
	if st := e.State(42); st.Running || st.Wait != sync.WaitNone || !st.NextRunAt.IsZero() || st.HasHeadroom {
		t.Fatalf("state %+v", st)
	}
}

// A poll the platform holds open (Telegram's long poll) reads as listening.
func TestLongPollReadsAsListening(t *testing.T) {
	f := newFixture(t)
	f.engine.Wait = 20 * time.Second
	f.engine.Start(context.Background(), f.account.ID)
	defer f.engine.Stop()
	eventually(t, "a long poll in flight", f.fake.Polling)
	eventually(t, "the listening state", func() bool { return f.engine.State(f.account.ID).Wait == sync.WaitListening })
	if st := f.engine.State(f.account.ID); !st.NextRunAt.IsZero() {
		t.Fatalf("listening with a next run at %v", st.NextRunAt)
	}
}
