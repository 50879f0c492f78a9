package sync

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// run is one account's loop. It returns when ctx ends or the account needs
// reconnecting. h is the loop's handle, where it records what it waits for.
//
// A rate-limit signal is not a failure: the loop waits as long as the platform
// asks and leaves the account's status alone. Other failures are recorded on
// the account and retried with a growing backoff. Nothing here waits on
// another account: each account has its own loop and its own connector.
//
// The loop polls only while it holds the account's sync lease (see lease.go):
// when another instance holds it, the loop waits until the lease expires and
// tries again, without touching the account's shared status. In team mode an
// account signed in on another member's computer is left to that computer.
func (e *Engine) run(ctx context.Context, accountID int64, h *loopHandle) {
	if !e.syncable(ctx, accountID) {
		return // an archive or a disconnected account: nothing to fetch
	}
	var keeper *leaseKeeper
	dropLease := func(release bool) {
		if keeper != nil {
			keeper.stop(release)
			keeper = nil
		}
		e.note(h, func(s *accountState) { s.leaseHeld = false })
	}
	defer dropLease(true)
	log := e.log().With("account_id", accountID)
	backoff := time.Second
	for ctx.Err() == nil {
		conn, _, err := e.Connector(ctx, accountID)
		if IsNoTokenHere(err) {
			dropLease(true) // a member whose keyring has the token may sync it
			e.note(h, func(s *accountState) { s.heldBy = "" })
			if e.waitFor(ctx, h, WaitTokenElsewhere, TokenRecheck) != nil {
				return
			}
			continue
		}
		if err != nil {
			if e.recordFailure(ctx, accountID, err) {
				return
			}
			if e.waitFor(ctx, h, WaitBackoff, backoff) != nil {
				return
			}
			backoff = nextBackoff(backoff)
			continue
		}
		e.note(h, func(s *accountState) { s.conn = conn })
		if !platforms.SyncsMessages(conn.Capabilities()) {
			// A shop (Shopify): nothing to poll here; its orders are synced by the campaigns module.
			e.setStatus(ctx, accountID, store.AccountConnected, nil)
			<-ctx.Done()
			return
		}
		if keeper != nil && keeper.isLost() {
			log.Info("sync lease lost; this instance stops syncing the account")
			dropLease(false)
		}
		if keeper == nil {
			k, lease, err := e.acquire(ctx, accountID)
			if err != nil {
				// The database did not answer: not the account's fault, so nothing is recorded on it.
				log.Warn("sync lease not taken", "error", err.Error())
				if e.waitFor(ctx, h, WaitBackoff, backoff) != nil {
					return
				}
				backoff = nextBackoff(backoff)
				continue
			}
			if k == nil {
				e.note(h, func(s *accountState) { s.heldBy = HolderLabel(lease.Holder) })
				if e.waitFor(ctx, h, WaitLeased, e.leaseWait(lease)) != nil {
					return
				}
				continue
			}
			keeper = k
			e.note(h, func(s *accountState) { s.leaseHeld, s.heldBy = true, "" })
		}
		if !e.cycle(ctx, keeper.ctx, h, conn, accountID, &backoff, log) {
			return
		}
	}
}

// cycle polls under a held lease (lctx ends if it is lost) until something
// fails, and waits as the failure asks. It reports whether the loop goes on.
func (e *Engine) cycle(ctx, lctx context.Context, h *loopHandle, conn platforms.Connector, accountID int64, backoff *time.Duration, log *slog.Logger) bool {
	_, err := e.recoverSpool(lctx, accountID) // pages an interrupted sync fetched
	var acc store.Account
	if err == nil {
		acc, err = e.Store.AccountByID(lctx, accountID) // the cursor as stored, also by a previous holder
	}
	if err == nil {
		err = e.pollUntilError(lctx, h, conn, acc.SyncCursor, accountID, backoff)
	}
	if ctx.Err() != nil {
		return false
	}
	if lctx.Err() != nil {
		return true // the lease was lost: the loop finds out who has it now
	}
	if platforms.KindOf(err) == platforms.KindRateLimited {
		wait := retryDelay(err, *backoff)
		log.Info("sync waits for the platform's rate limit", "wait", wait.String())
		if e.waitFor(lctx, h, WaitRateLimited, wait) != nil {
			return ctx.Err() == nil
		}
		if platforms.RetryAfterOf(err) == 0 {
			*backoff = nextBackoff(*backoff) // the platform named no wait: ask less often each time
		}
		return true
	}
	log.Info("sync paused by an error", "kind", string(platforms.KindOf(err)), "error", err.Error())
	if e.recordFailure(ctx, accountID, err) {
		return false
	}
	wait := *backoff
	if platforms.KindOf(err) == platforms.KindConflict {
		wait = 30 * time.Second
	}
	if e.waitFor(lctx, h, WaitBackoff, wait) != nil {
		return ctx.Err() == nil
	}
	*backoff = nextBackoff(*backoff)
	return true
}

// pollUntilError polls and stores pages until something fails or ctx ends.
// Between cycles it waits as the platform's headroom asks (see Pace), so a
// daily quota or a rate window lasts until it resets.
func (e *Engine) pollUntilError(ctx context.Context, h *loopHandle, conn platforms.Connector, cursor string, accountID int64, backoff *time.Duration) error {
	wait := e.Wait
	if wait == 0 {
		wait = LongPollWait
	}
	healthy, longPolls := false, false
	var cost int64 // what one cycle used of the platform's budget, once measured
	before, hadBefore := headroomOf(conn)
	catchingUp := e.SpoolDir != "" // a backlog is fetched and stored at the same time
	for {
		if catchingUp {
			e.note(h, func(s *accountState) { s.polling = time.Now() })
			st, next, err := e.syncPipelined(ctx, conn, accountID, cursor, false)
			e.note(h, func(s *accountState) { s.polling = time.Time{} })
			if err != nil {
				return err
			}
			cursor, catchingUp = next, false
			*backoff = time.Second
			if !healthy {
				e.setStatus(ctx, accountID, store.AccountConnected, nil)
				healthy = true
			} else if st.Inserted > 0 || st.Updated > 0 {
				e.Bus.Publish(events.AccountChanged, events.AccountChangedPayload{AccountID: accountID})
			}
		}
		started := time.Now()
		e.note(h, func(s *accountState) {
			s.polling = started
			if longPolls {
				s.wait = WaitListening
			}
		})
		page, err := conn.Poll(ctx, cursor, platforms.PollOptions{Wait: wait, Limit: PageLimit})
		e.note(h, func(s *accountState) { s.wait, s.polling = WaitNone, time.Time{} })
		if err != nil {
			return err
		}
		var st Stats
		if err := e.store(ctx, accountID, page, 1, &st); err != nil {
			return err
		}
		cursor = page.Cursor
		*backoff = time.Second
		if !healthy {
			e.setStatus(ctx, accountID, store.AccountConnected, nil)
			healthy = true
		} else if st.Inserted > 0 || st.Updated > 0 {
			e.Bus.Publish(events.AccountChanged, events.AccountChangedPayload{AccountID: accountID})
		}
		if page.More {
			catchingUp = e.SpoolDir != ""
			continue
		}
		// The cycle is done. An empty page that came back at once means the platform
		// does not long-poll: pause instead of asking again in a tight loop.
		fast := len(page.Messages) == 0 && time.Since(started) < time.Second
		longPolls = len(page.Messages) == 0 && !fast || longPolls && len(page.Messages) > 0
		pause, why := time.Duration(0), WaitIdle
		if fast {
			pause = IdleInterval
		}
		after, hasAfter := headroomOf(conn)
		if c := cycleCost(before, after, hadBefore, hasAfter); c > 0 {
			cost = c
		}
		if hasAfter {
			if p := Pace(after, cost, e.now()); p > pause {
				pause, why = p, WaitPacing
			}
		}
		if pause > 0 {
			if err := e.waitFor(ctx, h, why, pause); err != nil {
				return err
			}
		}
		before, hadBefore = headroomOf(conn)
	}
}

// recordFailure stores the account's state after err and reports whether the loop must stop.
func (e *Engine) recordFailure(ctx context.Context, accountID int64, err error) (stop bool) {
	if ctx.Err() != nil {
		return true
	}
	switch {
	case errors.Is(err, ErrNoToken), platforms.KindOf(err) == platforms.KindAuth:
		e.setStatus(ctx, accountID, store.AccountNeedsReconnect, err)
		return true
	case errors.Is(err, store.ErrNotFound):
		return true
	case errors.Is(err, secrets.ErrUnavailable), errors.Is(err, secrets.ErrLocked), errors.Is(err, secrets.ErrTimeout):
		e.setStatus(ctx, accountID, store.AccountError, err)
		return false
	}
	e.setStatus(ctx, accountID, store.AccountError, err)
	return false
}

// setStatus records an account's status and publishes the change.
func (e *Engine) setStatus(ctx context.Context, accountID int64, status string, err error) {
	kind, text := "", ""
	if err != nil {
		kind, text = ErrorKind(err), err.Error()
	}
	// Use a fresh context: the status must be saved even while the loop is being cancelled.
	saveCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if e.Store.SetAccountStatus(saveCtx, accountID, status, kind, text) != nil {
		return
	}
	// The failure run feeds the health page; losing one count is not worth failing the loop over.
	if err != nil {
		_ = e.Store.NoteSyncFailure(saveCtx, accountID, e.now().UnixMilli())
	} else if status == store.AccountConnected {
		_ = e.Store.NoteSyncSuccess(saveCtx, accountID)
	}
	e.Bus.Publish(events.AccountChanged, events.AccountChangedPayload{AccountID: accountID})
}

// ErrorKind names the class of a sync failure for storage and translation.
func ErrorKind(err error) string {
	switch {
	case errors.Is(err, ErrNoToken):
		return "no_token"
	case errors.Is(err, secrets.ErrUnavailable):
		return "keyring_unavailable"
	case errors.Is(err, secrets.ErrLocked):
		return "keyring_locked"
	case errors.Is(err, secrets.ErrTimeout):
		return "keyring_timeout"
	case errors.Is(err, store.ErrDiskFull):
		return "disk_full"
	}
	return string(platforms.KindOf(err))
}

// retryDelay is the wait a rate-limited error asks for, or fallback.
func retryDelay(err error, fallback time.Duration) time.Duration {
	if d := platforms.RetryAfterOf(err); d > 0 {
		return d
	}
	return fallback
}

// nextBackoff doubles d with ±20% jitter, capped at MaxBackoff.
func nextBackoff(d time.Duration) time.Duration {
	next := time.Duration(float64(d) * (1.6 + 0.8*rand.Float64()))
	if next > MaxBackoff {
		next = MaxBackoff
	}
	return next
}
