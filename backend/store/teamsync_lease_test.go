package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

// A lease whose holder is known to be gone is taken over before it expires,
// audited with the reason; a takeover from a stale view changes nothing.
func TestTakeOverLeaseOfAGoneHolder(t *testing.T) {
	clock := newTestClock(fixedNow)
	a, b := openTwoInstances(t, clock.Now)
	ctx := context.Background()
	acct := addAccount(t, a, "telegram", "shop")
	held, ok, err := a.AcquireLease(ctx, acct.ID, "ana#1-p100", time.Minute)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	taken, ok, err := b.TakeOverLease(ctx, held, "bo#2-p200", time.Minute, "the previous holder's process has ended")
	if err != nil || !ok || taken.Holder != "bo#2-p200" || taken.Generation != held.Generation+1 ||
		taken.ExpiresAt != clock.Now().Add(time.Minute).UnixMilli() {
		t.Fatalf("takeover = %+v %v %v", taken, ok, err)
	}
	if _, err := a.RenewLease(ctx, held, time.Minute); !errors.Is(err, ErrLeaseLost) {
		t.Fatalf("the old holder's renewal = %v, want ErrLeaseLost", err)
	}
	if again, ok, err := a.TakeOverLease(ctx, held, "cy#3-p300", time.Minute, "stale"); err != nil || ok || again.Holder != "bo#2-p200" {
		t.Fatalf("a takeover from a stale view = %+v %v %v", again, ok, err)
	}
	entries, err := a.SearchAudit(ctx, AuditFilter{Action: "sync.lease.takeover"}, 10)
	if err != nil || len(entries) != 1 || entries[0].Reason != "the previous holder's process has ended" {
		t.Fatalf("audit = %+v %v", entries, err)
	}
}
