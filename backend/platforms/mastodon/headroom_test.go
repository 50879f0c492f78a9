package mastodon_test

import (
	"context"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

func TestHeadroomReportsTheRateLimitHeaders(t *testing.T) {
	srv, c := start(t)
	hr, ok := c.(platforms.HeadroomReporter)
	if !ok {
		t.Fatal("the Mastodon connector does not report headroom")
	}
	if _, known := hr.Headroom(); known {
		t.Fatal("headroom known before any answer")
	}
	srv.SetRateLimit(300, 5*time.Minute)
	for i := 0; i < 3; i++ {
		if _, err := c.Verify(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	h, known := hr.Headroom()
	if !known || h.Kind != "rate" || h.Limit != 300 || h.Used != 3 || h.ResetsAt.IsZero() {
		t.Fatalf("headroom after 3 calls = %+v, %v; want 3 of 300 with a reset time", h, known)
	}
}
