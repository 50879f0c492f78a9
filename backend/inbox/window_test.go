package inbox_test

import (
	"context"
	"errors"
	"path/filepath"
	gosync "sync"
	"testing"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/meta/metafake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

// lockedClock is a movable clock shared by the store and the fake.
type lockedClock struct {
	mu  gosync.Mutex
	now time.Time
}

func (c *lockedClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *lockedClock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

// instagramDM connects an Instagram account to the Meta fake (with or without
// the Human Agent permission, on both sides) and syncs one DM whose customer
// wrote at t0.
func instagramDM(t *testing.T, humanAgent bool, t0 time.Time) (*inbox.Service, *store.Store, *metafake.Server, store.Conversation, *lockedClock) {
	t.Helper()
	ctx := context.Background()
	const token = "IGQVJwindow-test-token"
	clock := &lockedClock{now: t0.Add(time.Minute)}
	fake := metafake.New()
	fake.Clock.Set(clock.Now())
	fake.HumanAgent = humanAgent
	fake.AddToken(token, metafake.Instagram, 60*24*time.Hour)
	url := fake.Start()
	t.Cleanup(fake.Close)
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	factory := meta.NewFactory(meta.Options{Now: fake.Clock.Now, Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }})
	reg := platforms.Registry{meta.PlatformInstagram: factory.Instagram}
	vault := secrets.NewMemory()
	eng := &sync.Engine{Store: st, Vault: vault, Bus: events.New(), WorkspaceID: "ws", Registry: reg,
		Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}
	req := accounts.ConnectRequest{Platform: meta.PlatformInstagram, Token: token, BaseURL: url, Actor: "me"}
	if humanAgent {
		req.Extra = map[string]string{meta.ExtraHumanAgent: "true"}
	}
	acc, err := (&accounts.Service{Store: st, Vault: vault, Registry: reg, WorkspaceID: "ws"}).Connect(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	c := fake.AddConversation(metafake.Instagram, metafake.Person{ID: "IGSID990001", Username: "mara", Name: "Mara"})
	fake.AddMessage(c, "Is the blue mug back in stock?", t0, false)
	if _, err := eng.SyncOnce(ctx, acc.ID); err != nil {
		t.Fatal(err)
	}
	convs, _, _ := st.Conversations(ctx, store.ConversationFilter{Kind: "dm"}, store.ConversationCursor{}, 10)
	if len(convs) != 1 {
		t.Fatalf("want one DM, got %d", len(convs))
	}
	return &inbox.Service{Store: st, Connectors: eng}, st, fake, convs[0], clock
}

// TestHumanAgentKeepsTheWindowOpenForSevenDays: past Meta's 24 hours, the
// gate lets a reply through when the account holds the Human Agent
// permission (the platform accepts it with the HUMAN_AGENT tag) and refuses
// it otherwise; after 7 days both are refused before any call.
func TestHumanAgentKeepsTheWindowOpenForSevenDays(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	ctx := context.Background()

	svc, _, fake, conv, clock := instagramDM(t, true, t0)
	at, ok := svc.WindowDeadline(ctx, conv)
	if !ok || !at.Equal(t0.Add(24*time.Hour)) {
		t.Fatalf("inside the standard window the deadline is %v (%v), want 24 h", at, ok)
	}
	clock.Set(t0.Add(30 * time.Hour))
	fake.Clock.Set(clock.Now())
	if at, ok = svc.WindowDeadline(ctx, conv); !ok || !at.Equal(t0.Add(7*24*time.Hour)) {
		t.Fatalf("with Human Agent the deadline is %v (%v), want 7 days", at, ok)
	}
	m, err := svc.Reply(ctx, conv.ID, "Dana", "Yes, it is back: here is the link.")
	if err != nil || m.State != store.StateSent {
		t.Fatalf("reply after 30 h with Human Agent: %+v %v", m, err)
	}
	sent := fake.Sent()
	if len(sent) != 1 || sent[0].Tag != "HUMAN_AGENT" {
		t.Fatalf("the platform received %+v", sent)
	}
	clock.Set(t0.Add(7*24*time.Hour + time.Minute))
	var closed *inbox.WindowClosedError
	if _, err := svc.Reply(ctx, conv.ID, "Dana", "Still there?"); !errors.As(err, &closed) || !closed.ClosedAt.Equal(t0.Add(7*24*time.Hour)) {
		t.Fatalf("after 7 days: %v", err)
	}

	plain, _, plainFake, plainConv, plainClock := instagramDM(t, false, t0)
	plainClock.Set(t0.Add(30 * time.Hour))
	if _, err := plain.Reply(ctx, plainConv.ID, "Dana", "Yes, it is back."); !errors.As(err, &closed) || !closed.ClosedAt.Equal(t0.Add(24*time.Hour)) {
		t.Fatalf("without Human Agent after 30 h: %v", err)
	}
	if n := len(plainFake.Sent()); n != 0 {
		t.Fatalf("a refused reply reached the platform: %d", n)
	}
}
