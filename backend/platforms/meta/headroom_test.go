package meta_test

import (
	"context"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

func TestHeadroomFollowsTheUsageHeaders(t *testing.T) {
	e := newEnv(t)
	seedIG(e, 2)
	e.fake.UsageLimit = 10 // each call adds 10%
	c := e.ig(t, nil)
	hr, ok := c.(platforms.HeadroomReporter)
	if !ok {
		t.Fatal("the Meta connector does not report headroom")
	}
	if _, known := hr.Headroom(); known {
		t.Fatal("headroom known before any answer")
	}
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if _, err := c.Verify(ctx); err != nil {
			t.Fatal(err)
		}
	}
	h, known := hr.Headroom()
	if !known || h.Kind != "rate" || h.Used != 30 || h.Limit != 100 || !h.ResetsAt.IsZero() {
		t.Fatalf("headroom after 3 of 10 calls = %+v, %v; want 30 of 100 without a reset time", h, known)
	}
}

func TestHeadroomIsUsedUpWhileMetaCutsAccessOff(t *testing.T) {
	e := newEnv(t)
	seedIG(e, 2)
	e.fake.UsageLimit = 3
	e.fake.RegainMinutes = 2
	c := e.ig(t, nil)
	if _, err := c.Poll(context.Background(), "", platforms.PollOptions{}); platforms.KindOf(err) != platforms.KindRateLimited {
		t.Fatalf("poll over the limit: %v", err)
	}
	h, ok := c.(platforms.HeadroomReporter).Headroom()
	if !ok || h.Used < h.Limit || h.ResetsAt.IsZero() {
		t.Fatalf("headroom while cut off = %+v, %v", h, ok)
	}
	if got := h.ResetsAt.Sub(e.fake.Clock.Now()); got <= 0 || got > 2*time.Minute {
		t.Fatalf("resets in %v, want within the 2 minutes Meta said", got)
	}
}
