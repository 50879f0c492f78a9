package accounts

import (
	"context"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

// What a person should do about an account, as Health.Advice names it.
const (
	// AdviceNone: nothing; the account syncs on its own.
	AdviceNone = "none"
	// AdviceReconnect: the platform no longer accepts the token; reconnect the account.
	AdviceReconnect = "reconnect"
	// AdviceReconnectSoon: the token lapses within ExpirySoon and is not renewed automatically.
	AdviceReconnectSoon = "reconnect_soon"
	// AdviceWait: the platform asked for a pause; syncing resumes by itself at AdviceUntil.
	AdviceWait = "wait"
	// AdviceRetrying: the last attempt failed; CreatorDesk tries again by itself at AdviceUntil.
	AdviceRetrying = "retrying"
	// AdviceCheckAddress: the server keeps failing or cannot be reached; check the server address.
	AdviceCheckAddress = "check_address"
	// AdviceCheckConnection: the platform keeps failing or cannot be reached; check the internet connection.
	AdviceCheckConnection = "check_connection"
	// AdviceOtherClient: another app reads the same bot's updates; stop it.
	AdviceOtherClient = "stop_other_client"
	// AdviceUnlockKeyring: the system keyring is locked; unlock it.
	AdviceUnlockKeyring = "unlock_keyring"
	// AdviceCheckKeyring: the system keyring cannot be reached.
	AdviceCheckKeyring = "check_keyring"
	// AdviceFreeDisk: the disk is full; free some space.
	AdviceFreeDisk = "free_disk"
	// AdviceCheckSettings: the platform refuses the request as made; check the account's settings.
	AdviceCheckSettings = "check_settings"
	// AdviceStart: the account is not being synced right now; start a sync.
	AdviceStart = "sync_now"
)

// ExpirySoon is how early a token that is not renewed automatically is flagged.
const ExpirySoon = 14 * 24 * time.Hour

// RepeatedFailures is how many failures in a row make a connection problem worth a person's look.
const RepeatedFailures = 3

// StateReader tells what the sync engine knows of an account's loop (sync.Engine implements it).
type StateReader interface {
	State(accountID int64) sync.AccountState
}

// Health is one account's health: the stored account, its loop's live state,
// its counters and what to do next.
type Health struct {
	Account store.Account
	Loop    sync.AccountState
	// ItemsLast24h counts the items stored in the current hour and the 23 before it.
	ItemsLast24h int64
	// LastErrorAt is when the latest sync failure happened (Unix ms; 0 = never).
	LastErrorAt int64
	// Failures counts sync failures in a row since the last success.
	Failures int64
	// Advice names what to do next (one of the Advice* names); AdviceUntil is the
	// time it refers to, when it has one.
	Advice      string
	AdviceUntil time.Time
}

// Health reports the health of every account that is not disconnected, oldest
// first. renews tells the platforms whose tokens CreatorDesk renews itself.
func (s *Service) Health(ctx context.Context, renews func(platform string) bool) ([]Health, error) {
	list, err := s.Store.Accounts(ctx, false)
	if err != nil {
		return nil, err
	}
	now := s.now()
	recent, err := s.Store.SyncedItemsSince(ctx, now.Add(-23*time.Hour).UnixMilli())
	if err != nil {
		return nil, err
	}
	failures, err := s.Store.SyncFailures(ctx)
	if err != nil {
		return nil, err
	}
	reader, _ := s.Sync.(StateReader)
	out := make([]Health, len(list))
	for i, acc := range list {
		h := Health{Account: acc, ItemsLast24h: recent[acc.ID]}
		if f, ok := failures[acc.ID]; ok {
			h.LastErrorAt, h.Failures = f.LastErrorAt, f.Failures
		}
		if reader != nil {
			h.Loop = reader.State(acc.ID)
		}
		h.Advice, h.AdviceUntil = Advise(h, renews != nil && renews(acc.Platform), now)
		out[i] = h
	}
	return out, nil
}

// Advise decides what a person should do about an account, and the time the
// advice refers to (zero when none): the most pressing problem first.
func Advise(h Health, renews bool, now time.Time) (string, time.Time) {
	acc := h.Account
	switch acc.Status {
	case store.AccountImported, store.AccountDisconnected:
		return AdviceNone, time.Time{}
	case store.AccountNeedsReconnect:
		return AdviceReconnect, time.Time{}
	}
	if acc.Status == store.AccountError {
		switch acc.LastErrorKind {
		case "no_token", string(platforms.KindAuth):
			return AdviceReconnect, time.Time{}
		case "keyring_locked":
			return AdviceUnlockKeyring, time.Time{}
		case "keyring_unavailable", "keyring_timeout":
			return AdviceCheckKeyring, time.Time{}
		case "disk_full":
			return AdviceFreeDisk, time.Time{}
		case string(platforms.KindConflict):
			return AdviceOtherClient, time.Time{}
		case string(platforms.KindPermanent):
			return AdviceCheckSettings, time.Time{}
		}
		if h.Failures >= RepeatedFailures {
			if acc.BaseURL != "" {
				return AdviceCheckAddress, time.Time{}
			}
			return AdviceCheckConnection, time.Time{}
		}
		if h.Loop.Running {
			return AdviceRetrying, h.Loop.NextRunAt
		}
		return AdviceStart, time.Time{}
	}
	if h.Loop.Wait == sync.WaitRateLimited {
		return AdviceWait, h.Loop.NextRunAt
	}
	if acc.TokenExpiresAt > 0 && !renews {
		if at := time.UnixMilli(acc.TokenExpiresAt); at.Sub(now) < ExpirySoon {
			return AdviceReconnectSoon, at
		}
	}
	if !h.Loop.Running && acc.Syncable() && h.Account.Status != store.AccountConnected {
		return AdviceStart, time.Time{}
	}
	return AdviceNone, time.Time{}
}
