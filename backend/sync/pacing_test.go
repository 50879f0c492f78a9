package sync_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/mastodon"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

// With a Mastodon instance's rate limit in its headers, the loop spaces its
// cycles so the window's budget (less the reserve) lasts until it resets,
// instead of polling every IdleInterval; State shows the pacing and the headroom.
func TestLoopPacesCyclesByTheRateLimitHeaders(t *testing.T) {
	const tok = "mastodon-engine-test-token"
	srv := mastodonfake.New(tok)
	url := srv.Start()
	t.Cleanup(srv.Close)
	start := time.Date(2026, 3, 1, 12, 0, 10, 0, time.UTC)
	srv.SetNow(start)
	srv.SetRateLimit(40, 5*time.Minute) // the window ends at 12:05:00
	srv.AddMention(mastodonfake.Post{From: mastodonfake.Account{ID: "101", Username: "alice", DisplayName: "Alice"}, Text: "@brand hi", At: start.Add(-time.Minute)})

	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: srv.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	acc := store.Account{Platform: mastodon.Platform, Name: "brand", ExternalID: "1", BaseURL: url}
	if err := st.CreateAccount(context.Background(), &acc); err != nil {
		t.Fatal(err)
	}
	vault := secrets.NewMemory()
	_ = vault.Set(context.Background(), secrets.AccountTokenKey("ws", acc.ID), tok)

	paced := make(chan time.Duration, 1)
	release := make(chan struct{})
	eng := &sync.Engine{Store: st, Vault: vault, Bus: events.New(), WorkspaceID: "ws", Now: srv.Now,
		Registry: platforms.Registry{mastodon.Platform: mastodon.New},
		Sleep: func(ctx context.Context, d time.Duration) error {
			if d > sync.IdleInterval {
				select {
				case paced <- d:
				default:
				}
				select {
				case <-release:
				case <-ctx.Done():
				}
			}
			return ctx.Err()
		}}
	eng.Start(context.Background(), acc.ID)
	defer eng.Stop()
	defer close(release)

	var d time.Duration
	select {
	case d = <-paced:
	case <-time.After(10 * time.Second):
		t.Fatal("the loop never waited longer than the idle interval")
	}
	s := eng.State(acc.ID)
	if s.Wait != sync.WaitPacing || !s.HasHeadroom || s.Headroom.Limit != 40 || s.Headroom.Used == 0 {
		t.Fatalf("state while pacing %+v", s)
	}
	// The wait spreads what is left of the budget (less the 10 % reserve) over the rest of the window.
	want := sync.Pace(s.Headroom, 1, start)
	if d != want || !s.NextRunAt.Equal(start.Add(d)) {
		t.Fatalf("paced %v until %v, want %v until %v", d, s.NextRunAt, want, start.Add(want))
	}
	if d <= sync.IdleInterval || d > 290*time.Second {
		t.Fatalf("pace %v is not between the idle interval and the window's end", d)
	}
}
