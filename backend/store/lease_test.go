package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

// Two app instances race for the same account's lease many times over: each
// round exactly one of them holds it; when the holder stops renewing, the other
// takes over once the lease has expired, and the old holder finds out.
func TestLeaseOneHolderAtATimeAndTakeoverAfterExpiry(t *testing.T) {
	clock := newTestClock(fixedNow)
	a, b := openTwoInstances(t, clock.Now)
	ctx := context.Background()
	acct := addAccount(t, a, "telegram", "shop")
	const ttl = 30 * time.Second

	for round := 0; round < 5; round++ {
		accountID := acct.ID
		if round > 0 {
			accountID = addAccount(t, a, "telegram", fmt.Sprint("r", round)).ID
		}
		var wg sync.WaitGroup
		wins := make([]bool, 2)
		errs := make([]error, 2)
		for i, s := range []*Store{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, wins[i], errs[i] = s.AcquireLease(ctx, accountID, fmt.Sprint("instance-", i), ttl)
			}()
		}
		wg.Wait()
		if errs[0] != nil || errs[1] != nil {
			t.Fatalf("round %d: errors %v", round, errs)
		}
		if wins[0] == wins[1] {
			t.Fatalf("round %d: wins = %v, want exactly one holder", round, wins)
		}
	}

	solo := addAccount(t, a, "telegram", "solo")
	first, ok, err := a.AcquireLease(ctx, solo.ID, "instance-a", ttl)
	if err != nil || !ok {
		t.Fatalf("acquire a free lease: %v %v", ok, err)
	}
	acct = solo
	holder, other, otherName := a, b, "instance-b"
	if _, ok, _ := other.AcquireLease(ctx, acct.ID, otherName, ttl); ok {
		t.Fatal("the other instance took a lease that is still held")
	}
	clock.Advance(ttl / 2)
	renewed, err := holder.RenewLease(ctx, first, ttl)
	if err != nil || renewed.ExpiresAt != clock.Now().Add(ttl).UnixMilli() {
		t.Fatalf("renew: %+v %v", renewed, err)
	}
	clock.Advance(ttl - time.Millisecond)
	if _, ok, _ := other.AcquireLease(ctx, acct.ID, otherName, ttl); ok {
		t.Fatal("taken over before the renewed lease expired")
	}
	clock.Advance(time.Millisecond) // the holder has vanished: its lease runs out
	taken, ok, err := other.AcquireLease(ctx, acct.ID, otherName, ttl)
	if err != nil || !ok || taken.Holder != otherName || taken.Generation != renewed.Generation+1 {
		t.Fatalf("takeover after expiry: %+v ok=%v err=%v (before: generation %d)", taken, ok, err, renewed.Generation)
	}
	if _, err := holder.RenewLease(ctx, renewed, ttl); !errors.Is(err, ErrLeaseLost) {
		t.Fatalf("the old holder's renewal = %v, want ErrLeaseLost", err)
	}
	entries, err := a.SearchAudit(ctx, AuditFilter{Action: "sync.lease.takeover"}, 10)
	if err != nil || len(entries) == 0 {
		t.Fatalf("takeover not audited: %v %v", entries, err)
	}
}

// A released lease is free at once, and releasing a lost lease changes nothing.
func TestLeaseReleaseFreesAtOnce(t *testing.T) {
	clock := newTestClock(fixedNow)
	a, b := openTwoInstances(t, clock.Now)
	ctx := context.Background()
	acct := addAccount(t, a, "telegram", "shop")
	l, ok, err := a.AcquireLease(ctx, acct.ID, "a", time.Minute)
	if err != nil || !ok || !l.HeldAt(clock.Now().UnixMilli()) {
		t.Fatalf("acquire: %+v %v %v", l, ok, err)
	}
	if err := a.ReleaseLease(ctx, l); err != nil {
		t.Fatal(err)
	}
	got, ok, err := b.AcquireLease(ctx, acct.ID, "b", time.Minute)
	if err != nil || !ok || got.Generation != l.Generation+1 {
		t.Fatalf("acquire after release: %+v %v %v", got, ok, err)
	}
	if err := a.ReleaseLease(ctx, l); err != nil {
		t.Fatal(err)
	}
	leases, err := b.SyncLeases(ctx)
	if err != nil || len(leases) != 1 || leases[0].Holder != "b" {
		t.Fatalf("a stale release changed the lease: %+v %v", leases, err)
	}
	// A release is not a vanished holder: nothing to audit.
	if entries, _ := a.SearchAudit(ctx, AuditFilter{Action: "sync.lease.takeover"}, 10); len(entries) != 0 {
		t.Fatalf("release audited as takeover: %+v", entries)
	}
}
