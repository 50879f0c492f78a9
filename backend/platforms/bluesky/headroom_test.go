package bluesky_test

import (
	"context"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
)

func TestHeadroomFromRateLimitHeaders(t *testing.T) {
	srv, base := startFake(t)
	c := connect(t, bluesky.NewSessions(nil), base, "creator.test", appPassword)
	hr, ok := c.(platforms.HeadroomReporter)
	if !ok {
		t.Fatal("the connector does not report headroom")
	}
	if _, known := hr.Headroom(); known {
		t.Fatal("headroom known before any answer")
	}
	// The login alone (createSession has its own small limit) says nothing
	// about the general window.
	reset := time.Date(2026, 4, 2, 10, 5, 0, 0, time.UTC)
	srv.SetRateLimit(40, reset)
	from := srv.Requests()
	if _, err := c.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	before, known := hr.Headroom()
	if !known || before.Kind != "rate" || before.Limit != 40 || !before.ResetsAt.Equal(reset) || before.Used < 1 {
		t.Fatalf("after verify: %+v known=%v", before, known)
	}
	if _, err := c.Poll(context.Background(), "", platforms.PollOptions{Limit: 10}); err != nil {
		t.Fatal(err)
	}
	after, _ := hr.Headroom()
	if calls := srv.Requests() - from; after.Used != int64(calls) || after.Used <= before.Used || after.Limit != 40 {
		t.Fatalf("after a poll: %+v, want %d of 40 used (every call since the window was set)", after, calls)
	}

	// A 429 states the window used up: the engine waits for the reset.
	srv.RateLimitNext(1, reset)
	if _, err := c.Poll(context.Background(), "", platforms.PollOptions{Limit: 10}); platforms.KindOf(err) != platforms.KindRateLimited {
		t.Fatalf("poll during the 429: %v", err)
	}
	if h, _ := hr.Headroom(); h.Used != h.Limit || h.Limit != 3000 {
		t.Fatalf("after a 429: %+v", h)
	}
	// Another connector of the same account shares what the PDS said.
	other := connect(t, bluesky.NewSessions(nil), base, "creator.test", appPassword)
	if _, known := other.(platforms.HeadroomReporter).Headroom(); known {
		t.Fatal("a connector of another session pool knows the window")
	}
}
