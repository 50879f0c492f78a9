package sync

import (
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

func TestPaceSpreadsTheBudgetUntilItResets(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	in := func(d time.Duration) time.Time { return now.Add(d) }
	cases := []struct {
		name string
		h    platforms.Headroom
		cost int64
		want time.Duration
	}{
		{"no limit known", platforms.Headroom{}, 3, 0},
		// 10,000 units a day, 1,000 reserved, 1,000 used: 8,000 left at 4 a cycle = 2,000 cycles in 10 h.
		{"daily quota", platforms.Headroom{Kind: "quota", Used: 1000, Limit: 10000, ResetsAt: in(10 * time.Hour)}, 4, 18 * time.Second},
		// 300 calls in 5 minutes, 30 reserved, 0 used: 270 cycles of 1 call.
		{"rate window, cost unknown", platforms.Headroom{Kind: "rate", Limit: 300, ResetsAt: in(270 * time.Second)}, 0, time.Second},
		{"only the reserve left", platforms.Headroom{Kind: "rate", Used: 270, Limit: 300, ResetsAt: in(time.Minute)}, 1, time.Minute},
		{"less than one cycle left", platforms.Headroom{Kind: "quota", Used: 8998, Limit: 10000, ResetsAt: in(time.Hour)}, 5, time.Hour},
		{"window already over", platforms.Headroom{Kind: "rate", Used: 300, Limit: 300, ResetsAt: in(-time.Second)}, 1, 0},
		{"used up, no reset time", platforms.Headroom{Kind: "rate", Used: 100, Limit: 100}, 1, HeadroomRecheck},
		{"plenty, no reset time", platforms.Headroom{Kind: "rate", Used: 20, Limit: 100}, 1, 0},
	}
	for _, c := range cases {
		if got := Pace(c.h, c.cost, now); got != c.want {
			t.Errorf("%s: Pace = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCycleCostOnlyWithinOneWindow(t *testing.T) {
	reset := time.Date(2026, 3, 1, 12, 5, 0, 0, time.UTC)
	a := platforms.Headroom{Used: 10, Limit: 300, ResetsAt: reset}
	b := platforms.Headroom{Used: 13, Limit: 300, ResetsAt: reset}
	if c := cycleCost(a, b, true, true); c != 3 {
		t.Errorf("cost %d, want 3", c)
	}
	next := platforms.Headroom{Used: 2, Limit: 300, ResetsAt: reset.Add(5 * time.Minute)}
	if c := cycleCost(b, next, true, true); c != 0 {
		t.Errorf("cost across windows %d, want 0", c)
	}
	if c := cycleCost(platforms.Headroom{}, b, false, true); c != 0 {
		t.Errorf("cost without a start %d, want 0", c)
	}
}
