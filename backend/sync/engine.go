// Package sync runs one polling loop per connected account: it asks the
// account's connector for the next page after the persisted cursor, stores the
// page and the new cursor in one transaction, publishes what it stored, and
// backs off on failures the way each failure asks for.
package sync

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	gosync "sync"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// Defaults for the loop.
const (
	// LongPollWait is how long a poll may wait for new items on platforms that long-poll.
	LongPollWait = 25 * time.Second
	// IdleInterval is the pause between polls when a page came back empty.
	IdleInterval = 2 * time.Second
	// MaxBackoff caps the wait after repeated failures.
	MaxBackoff = 5 * time.Minute
	// PageLimit is the page size asked of connectors.
	PageLimit = 100
)

// ErrNoToken means the account's token is not in the vault (it needs reconnecting).
var ErrNoToken = errors.New("sync: no token in the keyring for this account")

// Engine owns the per-account loops of one workspace.
type Engine struct {
	Store       *store.Store
	Vault       secrets.Vault
	Registry    platforms.Registry
	Bus         *events.Bus
	Log         *slog.Logger
	WorkspaceID string
	// Sleep waits d or until ctx ends (tests replace it to run without real waits).
	Sleep func(ctx context.Context, d time.Duration) error
	// Wait is the long-poll wait; LongPollWait when zero.
	Wait time.Duration
	// Now is the clock for the times State reports (Store.Now when nil).
	Now func() time.Time
	// LeaseTTL is how long an account's sync lease lasts without renewal
	// (DefaultLeaseTTL when zero); LeaseRenew is how often a held lease is
	// renewed (a third of LeaseTTL when zero). Set them before starting loops.
	LeaseTTL, LeaseRenew time.Duration
	// HolderLabel names this app instance in the lease list and in "Synced by
	// ..." (a member or machine name); the host name when empty.
	HolderLabel string
	// Team treats the workspace as shared by several members even on SQLite
	// (a team database on PostgreSQL always is): a token missing from this
	// computer's keyring then means "signed in on another member's computer",
	// not "needs reconnect".
	Team bool
	// SpoolDir, when set, makes a sync with a backlog fetch and store at the
	// same time, every fetched page captured in an account spool there first
	// (see pipeline.go and spool.go). Empty: one page at a time, each stored
	// before the next is fetched (a team database, whose sync may move to
	// another member's computer, which could not read this one's spool).
	SpoolDir string

	mu    gosync.Mutex
	loops map[int64]*loopHandle
	wg    gosync.WaitGroup

	holderOnce gosync.Once
	holder     string
}

// loopHandle stops one account's loop and tells when it has finished.
type loopHandle struct {
	cancel context.CancelFunc
	done   chan struct{}
	// state is the loop's live state (see State), guarded by Engine.mu.
	state accountState
}

// Connector builds the connector of an account with its token from the vault.
func (e *Engine) Connector(ctx context.Context, accountID int64) (platforms.Connector, store.Account, error) {
	acc, err := e.Store.AccountByID(ctx, accountID)
	if err != nil {
		return nil, acc, err
	}
	factory, ok := e.Registry[acc.Platform]
	if !ok {
		return nil, acc, fmt.Errorf("sync: no connector for platform %q", acc.Platform)
	}
	token, err := e.Vault.Get(ctx, secrets.AccountTokenKey(e.WorkspaceID, acc.ID))
	if errors.Is(err, secrets.ErrNotFound) {
		if e.team() {
			return nil, acc, &NoTokenHereError{AccountID: acc.ID, Account: acc.Name}
		}
		return nil, acc, ErrNoToken
	}
	if err != nil {
		return nil, acc, err
	}
	conn, err := factory(platforms.Credentials{BaseURL: acc.BaseURL, Token: token, Extra: acc.Extra()})
	return conn, acc, err
}

// StartAll starts a loop for every connected account.
func (e *Engine) StartAll(ctx context.Context) error {
	accounts, err := e.Store.Accounts(ctx, false)
	if err != nil {
		return err
	}
	for _, a := range accounts {
		if a.Syncable() && a.Status != store.AccountNeedsReconnect {
			e.Start(ctx, a.ID)
		}
	}
	return nil
}

// Start runs the account's loop in the background (no-op if it already runs).
func (e *Engine) Start(parent context.Context, accountID int64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.loops == nil {
		e.loops = map[int64]*loopHandle{}
	}
	if _, running := e.loops[accountID]; running {
		return
	}
	ctx, cancel := context.WithCancel(parent)
	h := &loopHandle{cancel: cancel, done: make(chan struct{})}
	e.loops[accountID] = h
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		defer close(h.done)
		e.run(ctx, accountID, h)
		cancel()
		e.mu.Lock()
		if e.loops[accountID] == h { // a newer loop for the account may have replaced this one
			delete(e.loops, accountID)
		}
		e.mu.Unlock()
	}()
}

// StopAccount ends one account's loop and waits for it to finish its current step.
func (e *Engine) StopAccount(accountID int64) {
	e.mu.Lock()
	h := e.loops[accountID]
	e.mu.Unlock()
	if h != nil {
		h.cancel()
		<-h.done
	}
}

// Stop ends every loop and waits for them: a page being stored is finished or
// rolled back, never half written.
func (e *Engine) Stop() {
	e.mu.Lock()
	for _, h := range e.loops {
		h.cancel()
	}
	e.mu.Unlock()
	e.wg.Wait()
}

// Running reports whether the account's loop is running.
func (e *Engine) Running(accountID int64) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, ok := e.loops[accountID]
	return ok
}

// Stats counts what a SyncOnce stored.
type Stats struct {
	Pages, Inserted, Updated, Skipped int
}

// add adds o's counts to s.
func (s *Stats) add(o Stats) {
	s.Pages += o.Pages
	s.Inserted += o.Inserted
	s.Updated += o.Updated
	s.Skipped += o.Skipped
}

// SyncOnce fetches everything available now for one account, without long
// polling, and returns when the platform has nothing more. Rate limits are waited
// out; other errors end the run and are recorded on the account.
//
// It syncs under the account's lease like a loop does: when another app
// instance holds it, SyncOnce fetches nothing and returns a *LeaseHeldError;
// in team mode an account signed in on another member's computer returns a
// *NoTokenHereError. Neither is recorded on the account.
func (e *Engine) SyncOnce(ctx context.Context, accountID int64) (Stats, error) {
	var st Stats
	if !e.syncable(ctx, accountID) {
		return st, nil // an archive or a disconnected account: nothing to fetch
	}
	conn, _, err := e.Connector(ctx, accountID)
	if err != nil {
		if !IsNoTokenHere(err) {
			e.recordFailure(ctx, accountID, err)
		}
		return st, err
	}
	if !platforms.SyncsMessages(conn.Capabilities()) {
		return st, nil // a shop: its orders are synced by the campaigns module
	}
	ownLoop := e.Running(accountID) // this engine's loop holds the same lease: leave it held
	keeper, lease, err := e.acquire(ctx, accountID)
	if err != nil {
		return st, err
	}
	if keeper == nil {
		return st, &LeaseHeldError{AccountID: accountID, Holder: HolderLabel(lease.Holder), Until: time.UnixMilli(lease.ExpiresAt)}
	}
	defer keeper.stop(!ownLoop)
	st, err = e.syncOnceHeld(keeper.ctx, conn, accountID)
	if err != nil && keeper.isLost() && ctx.Err() == nil {
		return st, store.ErrLeaseLost
	}
	return st, err
}

// syncOnceHeld is SyncOnce's work once the lease is held (ctx ends if it is lost).
func (e *Engine) syncOnceHeld(ctx context.Context, conn platforms.Connector, accountID int64) (Stats, error) {
	st, err := e.recoverSpool(ctx, accountID) // pages an interrupted sync fetched
	if err != nil {
		e.recordFailure(ctx, accountID, err)
		return st, err
	}
	acc, err := e.Store.AccountByID(ctx, accountID) // the cursor as the previous holder left it
	if err != nil {
		return st, err
	}
	cursor := acc.SyncCursor
	e.setStatus(ctx, accountID, store.AccountSyncing, nil)
	if e.SpoolDir != "" {
		piped, _, err := e.syncPipelined(ctx, conn, accountID, cursor, true)
		st.add(piped)
		if err != nil {
			e.recordFailure(ctx, accountID, err)
			return st, err
		}
		e.setStatus(ctx, accountID, store.AccountConnected, nil)
		return st, nil
	}
	for {
		page, err := conn.Poll(ctx, cursor, platforms.PollOptions{Limit: PageLimit})
		if err != nil {
			if platforms.KindOf(err) == platforms.KindRateLimited {
				if err := e.sleep(ctx, retryDelay(err, time.Second)); err != nil {
					return st, err
				}
				continue
			}
			e.recordFailure(ctx, accountID, err)
			return st, err
		}
		if err := e.store(ctx, accountID, page, 1, &st); err != nil {
			e.recordFailure(ctx, accountID, err)
			return st, err
		}
		// A page that moved nothing on ends the run even if it claims more, so a
		// misbehaving platform cannot keep the run spinning.
		stalled := page.Cursor == cursor && len(page.Messages) == 0 && page.Skipped == 0
		cursor = page.Cursor
		if !page.More || stalled {
			e.setStatus(ctx, accountID, store.AccountConnected, nil)
			return st, nil
		}
	}
}

// syncable reports whether the account exists and has a stream to sync (store.Account.Syncable).
func (e *Engine) syncable(ctx context.Context, accountID int64) bool {
	acc, err := e.Store.AccountByID(ctx, accountID)
	return err == nil && acc.Syncable()
}

// store writes one page (or several fetched pages joined into one, the
// number counted in pages) and publishes what changed.
func (e *Engine) store(ctx context.Context, accountID int64, page platforms.Page, pages int, st *Stats) error {
	res, err := e.Store.IngestPage(ctx, accountID, page.Messages, page.Cursor)
	if err != nil {
		return err
	}
	st.Pages += pages
	st.Inserted += res.Inserted
	st.Updated += res.Updated
	st.Skipped += page.Skipped
	if page.Skipped > 0 {
		e.log().Warn("sync skipped malformed items", "account_id", accountID, "skipped", page.Skipped)
	}
	if len(res.ConversationIDs) > 0 {
		e.Bus.Publish(events.MessagesStored, events.MessagesStoredPayload{
			AccountID: accountID, ConversationIDs: res.ConversationIDs, MessageIDs: res.MessageIDs})
	}
	return nil
}

// log returns the engine's logger or a discarding one.
func (e *Engine) log() *slog.Logger {
	if e.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return e.Log
}

// sleep waits through the injected Sleep or a real timer.
func (e *Engine) sleep(ctx context.Context, d time.Duration) error {
	if e.Sleep != nil {
		return e.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
