package inbox_test

import (
	"testing"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// TestEveryPlatformHasALimitAndKnownWindow: the composer shows a length
// counter for every platform CreatorDesk sends to, in both thread kinds, and
// the messaging window's time left exactly where the platform has one.
func TestEveryPlatformHasALimitAndKnownWindow(t *testing.T) {
	windows := map[string]time.Duration{"instagram": 24 * time.Hour, "facebook": 24 * time.Hour,
		"whatsapp": 24 * time.Hour, "tiktok": 48 * time.Hour}
	for _, p := range []string{"telegram", "instagram", "facebook", "whatsapp", "youtube", "tiktok", "bluesky", "mastodon"} {
		for _, kind := range []string{"dm", "comment"} {
			l, ok := inbox.LimitFor(p, kind)
			if !ok || l.Max <= 0 || l.Unit == "" {
				t.Errorf("%s %s: no length limit (%+v)", p, kind, l)
			}
			d, ok := inbox.Window(p, kind)
			want, has := windows[p]
			if kind == "comment" {
				has = false
			}
			if ok != has || (has && d != want) {
				t.Errorf("%s %s: window %v (%v), want %v (%v)", p, kind, d, ok, want, has)
			}
			last := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
			closes, ok := inbox.WindowClosesAt(store.Conversation{Platform: p, Kind: kind, LastInboundAt: last.UnixMilli()})
			if ok != has || (has && !closes.Equal(last.Add(want))) {
				t.Errorf("%s %s: closes %v (%v)", p, kind, closes, ok)
			}
		}
	}
	// The units the platforms count in.
	for _, c := range []struct{ p, kind, unit string }{{"instagram", "dm", inbox.UnitBytes}, {"bluesky", "comment", inbox.UnitGraphemes},
		{"mastodon", "comment", inbox.UnitMastodon}, {"telegram", "dm", inbox.UnitCharacters}} {
		if l, _ := inbox.LimitFor(c.p, c.kind); l.Unit != c.unit {
			t.Errorf("%s %s counts %s, want %s", c.p, c.kind, l.Unit, c.unit)
		}
	}
	if _, ok := inbox.LimitFor("shopify", "dm"); ok {
		t.Error("shopify has no messages to limit")
	}
}
