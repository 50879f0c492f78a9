package calendar

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
	"creatordesk/backend/platforms/bluesky/blueskyfake"
	"creatordesk/backend/platforms/mastodon"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/store"
	_ "time/tzdata"
)

// t0 is when every scheduler test starts: Monday 2 March 2026, 09:00 UTC.
var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// harness is a store on disk, a fake clock, and real connectors talking to fake platforms.
type harness struct {
	t     *testing.T
	ctx   context.Context
	clock *FakeClock
	st    *store.Store
	conns *connSource
	sched *Scheduler

	tg     *telegramfake.Server
	masto  *mastodonfake.Server
	bsky   *blueskyfake.Server
	tgAcc  store.Account
	mAcc   store.Account
	bAcc   store.Account
	tgChan telegramfake.Chat
}

// connSource builds connectors the way the sync engine does, from the account row.
type connSource struct {
	st      *store.Store
	factory map[string]platforms.Factory
	creds   map[int64]platforms.Credentials
}

func (c *connSource) Connector(ctx context.Context, id int64) (platforms.Connector, store.Account, error) {
	acc, err := c.st.AccountByID(ctx, id)
	if err != nil {
		return nil, acc, err
	}
	cr := c.creds[id]
	cr.Extra = acc.Extra()
	conn, err := c.factory[acc.Platform](cr)
	return conn, acc, err
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{t: t, ctx: context.Background(), clock: NewFakeClock(t0)}
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: h.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	h.st = st

	h.tg = telegramfake.New("4242:secret-token")
	h.masto = mastodonfake.New("masto-token")
	h.bsky = blueskyfake.New("app-pass-word-test")
	for _, closer := range []func(){h.tg.Close, h.masto.Close, h.bsky.Close} {
		t.Cleanup(closer)
	}
	h.tgChan = h.tg.AddChannel(-1001234567890, "calm_studio", "Calm Studio")
	h.conns = &connSource{st: st, creds: map[int64]platforms.Credentials{},
		factory: map[string]platforms.Factory{"telegram": telegram.New, "mastodon": mastodon.New, "bluesky": bluesky.NewSessions(nil).New}}
	h.tgAcc = h.addAccount("telegram", map[string]string{ChannelSetting: "@calm_studio"}, platforms.Credentials{BaseURL: h.tg.Start(), Token: "4242:secret-token"})
	h.mAcc = h.addAccount("mastodon", nil, platforms.Credentials{BaseURL: h.masto.Start(), Token: "masto-token"})
	h.bAcc = h.addAccount("bluesky", map[string]string{bluesky.IdentifierKey: blueskyfake.DefaultHandle},
		platforms.Credentials{BaseURL: h.bsky.Start(), Token: "app-pass-word-test"})
	h.sched = &Scheduler{Store: st, Connectors: h.conns, Clock: h.clock, KeySalt: "test"}
	return h
}

func (h *harness) addAccount(platform string, extra map[string]string, creds platforms.Credentials) store.Account {
	h.t.Helper()
	a := store.Account{Platform: platform, Name: platform, ExternalID: platform + "-1", BaseURL: creds.BaseURL, Status: store.AccountConnected}
	a.SetExtra(extra)
	if err := h.st.CreateAccount(h.ctx, &a); err != nil {
		h.t.Fatal(err)
	}
	h.conns.creds[a.ID] = creds
	return a
}

// schedule stores a scheduled post on acc at `at` (scheduled now).
func (h *harness) schedule(acc store.Account, caption string, at time.Time, rrule, zone string) store.CalendarItem {
	h.t.Helper()
	id := acc.ID
	it := store.CalendarItem{Kind: store.ItemPost, AccountID: &id, Platform: acc.Platform, Status: store.ItemScheduled,
		Caption: caption, StartAt: at.UnixMilli(), TimeZone: zone, RRule: rrule, ScheduledAt: h.clock.Now().UnixMilli()}
	if err := h.st.CreateCalendarItem(h.ctx, &it); err != nil {
		h.t.Fatal(err)
	}
	return it
}

func (h *harness) tick() {
	h.t.Helper()
	if err := h.sched.Tick(h.ctx); err != nil {
		h.t.Fatal(err)
	}
}

func (h *harness) item(id int64) store.CalendarItem {
	h.t.Helper()
	it, err := h.st.CalendarItemByID(h.ctx, id)
	if err != nil {
		h.t.Fatal(err)
	}
	return it
}

func (h *harness) jobs(itemID int64) []store.PublishJob {
	h.t.Helper()
	js, err := h.st.PublishJobsOfItem(h.ctx, itemID)
	if err != nil {
		h.t.Fatal(err)
	}
	return js
}
