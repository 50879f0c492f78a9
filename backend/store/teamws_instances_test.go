package store

import (
	"context"
	"testing"
	"time"
)

// Active instances are the ones seen lately; a closing instance leaves, a
// crashed one ages out; the caller is never in its own list.
func TestTeamInstancesAgeOut(t *testing.T) {
	clock := newTestClock(fixedNow)
	s := openTestClock(t, clock.Now)
	ctx := context.Background()
	if err := s.TouchInstance(ctx, "a", "Dana", "laptop-a"); err != nil {
		t.Fatal(err)
	}
	if err := s.TouchInstance(ctx, "b", "", "laptop-b"); err != nil {
		t.Fatal(err)
	}
	got, err := s.ActiveInstances(ctx, "a")
	if err != nil || len(got) != 1 || got[0].InstanceID != "b" || got[0].Machine != "laptop-b" {
		t.Fatalf("active for a: %+v %v", got, err)
	}
	clock.Advance(InstanceTTL / 2)
	if err := s.TouchInstance(ctx, "a", "Ion", "laptop-a"); err != nil { // who works there changed
		t.Fatal(err)
	}
	clock.Advance(InstanceTTL/2 + time.Second) // b has not refreshed: gone
	got, _ = s.ActiveInstances(ctx, "b")
	if len(got) != 1 || got[0].InstanceID != "a" || got[0].Member != "Ion" || got[0].StartedAt != fixedNow.UnixMilli() {
		t.Fatalf("active for b: %+v", got)
	}
	if err := s.LeaveInstance(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.ActiveInstances(ctx, ""); len(got) != 0 {
		t.Fatalf("after leaving: %+v", got)
	}
}
