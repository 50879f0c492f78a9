package sync

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	gosync "sync"
	"time"

	"creatordesk/backend/store"
)

// Sync leases: in team mode several app instances share one workspace, and
// only the instance holding an account's lease (store.AcquireLease) syncs it.
// The holder renews the lease well before it expires while its loop runs and
// releases it when the loop stops; an instance that finds the lease held waits
// until it expires and tries again, so when the holder disappears without
// releasing (killed, offline) another instance takes over after one lease
// time. The same code runs on SQLite, where one process owns the data folder
// and always gets the lease.

// Lease timings.
const (
	// DefaultLeaseTTL is how long a lease lasts without renewal.
	DefaultLeaseTTL = 30 * time.Second
	// leaseMargin is added to the wait for a held lease, so the retry lands after it expired.
	leaseMargin = 250 * time.Millisecond
)

// LeaseHeldError says another app instance syncs the account now.
type LeaseHeldError struct {
	AccountID int64
	// Holder is the other instance's label (a member or machine name).
	Holder string
	// Until is when its lease expires unless it renews it.
	Until time.Time
}

// Error describes who syncs the account.
func (e *LeaseHeldError) Error() string {
	return fmt.Sprintf("sync: account %d is synced by %s (another app instance) until at least %s",
		e.AccountID, e.Holder, e.Until.UTC().Format(time.RFC3339))
}

// ErrorKey names the translated message (see app.KeyedError).
func (e *LeaseHeldError) ErrorKey() (string, string, map[string]string) {
	return "sync_leased", "errors.teamsync.leased", map[string]string{"holder": e.Holder}
}

// HolderLabel is the readable part of a lease holder id (store.NewLeaseHolder):
// the member or machine name without the instance's random suffix.
func HolderLabel(holder string) string {
	if i := strings.LastIndex(holder, "#"); i > 0 {
		return holder[:i]
	}
	return holder
}

// pidMark separates a holder id from the process id the engine appends.
const pidMark = "-p"

// Holder is this engine's lease holder id, made once: store.NewLeaseHolder of
// HolderLabel (or the host name), then this process's id, so an instance on
// the same machine can tell that the holder's process has ended.
func (e *Engine) Holder() string {
	e.holderOnce.Do(func() {
		label := e.HolderLabel
		if label == "" {
			label, _ = os.Hostname()
		}
		e.holder = store.NewLeaseHolder(label) + pidMark + strconv.Itoa(os.Getpid())
	})
	return e.holder
}

// holderProcessGone reports whether holder names a process of this machine
// that has ended (false when it names none).
func holderProcessGone(holder string) bool {
	i := strings.LastIndex(holder, pidMark)
	if i < strings.LastIndex(holder, "#") || i < 0 {
		return false
	}
	pid, err := strconv.Atoi(holder[i+len(pidMark):])
	if err != nil || pid <= 0 || pid == os.Getpid() {
		return false
	}
	return processGone(pid)
}

// leaseTTL is the lease time in use.
func (e *Engine) leaseTTL() time.Duration {
	if e.LeaseTTL > 0 {
		return e.LeaseTTL
	}
	return DefaultLeaseTTL
}

// leaseRenew is how often a held lease is renewed: a third of its time unless set.
func (e *Engine) leaseRenew() time.Duration {
	if e.LeaseRenew > 0 {
		return e.LeaseRenew
	}
	return e.leaseTTL() / 3
}

// leaseKeeper renews one held lease in the background. Its ctx ends when the
// lease is lost (or the keeper stops), which cancels the sync work it guards.
type leaseKeeper struct {
	e      *Engine
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}

	mu    gosync.Mutex
	lease store.Lease
	lost  bool
}

// acquire tries to take the account's lease. It returns a running keeper when
// this instance has it, else the lease as it stands (held by someone else).
//
// A SQLite workspace is only open on one machine, so there a lease whose
// holder's process has ended (killed, crashed) is taken over at once instead
// of after it expires; on a team database the holder may be another machine,
// and its lease is waited out.
func (e *Engine) acquire(ctx context.Context, accountID int64) (*leaseKeeper, store.Lease, error) {
	l, ok, err := e.Store.AcquireLease(ctx, accountID, e.Holder(), e.leaseTTL())
	if err == nil && !ok && !e.Store.IsPostgres() && l.HeldAt(e.now().UnixMilli()) && holderProcessGone(l.Holder) {
		l, ok, err = e.Store.TakeOverLease(ctx, l, e.Holder(), e.leaseTTL(), "the previous holder's process has ended")
	}
	if err != nil || !ok {
		return nil, l, err
	}
	return e.keep(ctx, l), l, nil
}

// keep starts renewing l until parent ends, the keeper stops or the lease is lost.
func (e *Engine) keep(parent context.Context, l store.Lease) *leaseKeeper {
	ctx, cancel := context.WithCancel(parent)
	k := &leaseKeeper{e: e, ctx: ctx, cancel: cancel, done: make(chan struct{}), lease: l}
	go k.run()
	return k
}

// run renews the lease every leaseRenew until the keeper's context ends.
func (k *leaseKeeper) run() {
	defer close(k.done)
	t := time.NewTimer(k.e.leaseRenew())
	defer t.Stop()
	for {
		select {
		case <-k.ctx.Done():
			return
		case <-t.C:
		}
		k.mu.Lock()
		l := k.lease
		k.mu.Unlock()
		renewed, err := k.e.Store.RenewLease(k.ctx, l, k.e.leaseTTL())
		switch {
		case k.ctx.Err() != nil:
			return
		case errors.Is(err, store.ErrLeaseLost):
			k.e.log().Info("sync lease taken over by another app instance", "account_id", l.AccountID)
			k.markLost()
			return
		case err != nil:
			// The database did not answer: keep trying while the lease is still ours,
			// and stop syncing once it may have expired (another instance may take it).
			k.e.log().Warn("sync lease not renewed", "account_id", l.AccountID, "error", err.Error())
			if !k.e.now().Before(time.UnixMilli(l.ExpiresAt)) {
				k.markLost()
				return
			}
		default:
			k.mu.Lock()
			k.lease = renewed
			k.mu.Unlock()
		}
		t.Reset(k.e.leaseRenew())
	}
}

// markLost records that the lease is gone and cancels the work it guarded.
func (k *leaseKeeper) markLost() {
	k.mu.Lock()
	k.lost = true
	k.mu.Unlock()
	k.cancel()
}

// isLost reports whether the lease was lost.
func (k *leaseKeeper) isLost() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.lost
}

// stop ends the renewals and, when release is true and the lease is still
// ours, gives it up at once so another instance need not wait for it to expire.
func (k *leaseKeeper) stop(release bool) {
	k.cancel()
	<-k.done
	if !release || k.isLost() {
		return
	}
	k.mu.Lock()
	l := k.lease
	k.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := k.e.Store.ReleaseLease(ctx, l); err != nil {
		k.e.log().Warn("sync lease not released; it expires by itself", "account_id", l.AccountID, "error", err.Error())
	}
}

// leaseWait is how long to wait before trying a lease held by another
// instance again: until just after it expires, at least leaseMargin.
func (e *Engine) leaseWait(l store.Lease) time.Duration {
	d := time.UnixMilli(l.ExpiresAt).Sub(e.now()) + leaseMargin
	if d < leaseMargin {
		d = leaseMargin
	}
	return d
}
