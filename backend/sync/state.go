package sync

import (
	"context"
	"time"

	"creatordesk/backend/platforms"
)

// Why an account's loop is waiting, as AccountState.Wait names it.
const (
	// WaitNone: the loop is asking the platform now (or is not running).
	WaitNone = ""
	// WaitListening: a long poll is open; new items arrive as soon as they exist.
	WaitListening = "listening"
	// WaitIdle: nothing new came back; the loop asks again at NextRunAt.
	WaitIdle = "idle"
	// WaitPacing: the loop spaces its calls so the platform's quota or rate limit lasts until it resets.
	WaitPacing = "pacing"
	// WaitRateLimited: the platform asked the loop to wait until NextRunAt.
	WaitRateLimited = "rate_limited"
	// WaitBackoff: the last step failed; the loop tries again at NextRunAt.
	WaitBackoff = "backoff"
	// WaitLeased: another app instance of the team syncs the account (HeldBy
	// names it); this one checks at NextRunAt whether it has to take over.
	WaitLeased = "leased"
	// WaitTokenElsewhere: team mode, and the account is signed in on another
	// member's computer (its token is not in this computer's keyring); this
	// instance does not sync it and looks at the keyring again at NextRunAt.
	WaitTokenElsewhere = "token_elsewhere"
)

// AccountState is what the engine knows right now about one account's loop.
// Nothing in it survives a restart; the store keeps what must.
type AccountState struct {
	// Running reports whether the account has a loop.
	Running bool
	// Wait says why the loop is waiting (one of the Wait* names).
	Wait string
	// NextRunAt is when the loop next asks the platform (zero while it is asking, or listening).
	NextRunAt time.Time
	// Headroom is the platform's limit as the account's connector last saw it; HasHeadroom is
	// false when the connector does not track its limits or has not heard of them yet.
	Headroom    platforms.Headroom
	HasHeadroom bool
	// LeaseHeld reports whether this instance holds the account's sync lease.
	LeaseHeld bool
	// HeldBy names the other app instance that syncs the account (a member or
	// machine name) while Wait is WaitLeased.
	HeldBy string
}

// accountState is a loop's live state, guarded by Engine.mu.
type accountState struct {
	wait      string
	nextRunAt time.Time
	// conn is the connector the loop uses, for its headroom.
	conn platforms.Connector
	// polling is when the call in flight started (wall clock; zero when none), so
	// a poll the platform holds open reads as listening before the loop has seen an empty page.
	polling time.Time
	// leaseHeld and heldBy: see AccountState.
	leaseHeld bool
	heldBy    string
}

// heldOpen is how long a poll must be in flight to count as a long poll.
const heldOpen = time.Second

// State returns what the engine knows about the account's loop now. It is safe
// to call from any goroutine.
func (e *Engine) State(accountID int64) AccountState {
	e.mu.Lock()
	h := e.loops[accountID]
	var st AccountState
	var conn platforms.Connector
	if h != nil {
		st = AccountState{Running: true, Wait: h.state.wait, NextRunAt: h.state.nextRunAt,
			LeaseHeld: h.state.leaseHeld, HeldBy: h.state.heldBy}
		conn = h.state.conn
		if st.Wait == WaitNone && !h.state.polling.IsZero() && time.Since(h.state.polling) > heldOpen {
			st.Wait = WaitListening
		}
	}
	e.mu.Unlock()
	// Ask the connector outside the engine's lock: it takes its own.
	if hr, ok := conn.(platforms.HeadroomReporter); ok {
		st.Headroom, st.HasHeadroom = hr.Headroom()
	}
	return st
}

// note updates the live state of the account's current loop (none: no-op).
func (e *Engine) note(h *loopHandle, update func(*accountState)) {
	if h == nil {
		return
	}
	e.mu.Lock()
	update(&h.state)
	e.mu.Unlock()
}

// waitFor records why and until when the loop waits, then waits.
func (e *Engine) waitFor(ctx context.Context, h *loopHandle, why string, d time.Duration) error {
	e.note(h, func(s *accountState) { s.wait, s.nextRunAt = why, e.now().Add(d) })
	err := e.sleep(ctx, d)
	e.note(h, func(s *accountState) { s.wait, s.nextRunAt = WaitNone, time.Time{} })
	return err
}

// now is the engine's clock.
func (e *Engine) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	if e.Store != nil && e.Store.Now != nil {
		return e.Store.Now()
	}
	return time.Now()
}
