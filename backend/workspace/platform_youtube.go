package workspace

import (
	"context"
	"strings"
	gosync "sync"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// YouTube: comment threads on the channel's videos, replies, moderation and
// the project's daily quota. A channel connects through the browser with the
// person's own Google Cloud OAuth client (backend/oauth/connect): the
// account's keyring entry holds the refresh token together with the client
// secret (youtube.OAuthSecret); the client id and any token-endpoint override
// are the account's non-secret settings. Access tokens are renewed before
// they lapse; the refresh token is never replaced by a failed renewal.
//
// The daily quota each Google Cloud project spends is kept in the
// workspace's database (quota_usage), read back when a connector is built, so
// a restart neither forgets the units spent nor overspends the budget.
func init() {
	registerPlatform(youtube.Platform, PlatformPlugin{
		Build: func(_ secrets.Vault, workspaceID string) (platforms.Factory, func(context.Context, store.Account) error) {
			return youtube.NewOAuthFactory(quotaBookOf(workspaceID), workspaceClock(workspaceID)), nil
		},
		TokenFormat: youtube.ValidSecretFormat,
	})
	registerModule(Module{Name: "youtube-quota", Start: func(w *Workspace) (func(), error) {
		quotaStores.Store(w.ID, w.Store)
		return func() { quotaStores.CompareAndDelete(w.ID, w.Store) }, nil
	}})
}

// quotaStores are the open workspaces' stores by workspace id; a connector
// built for a workspace books its quota in that workspace's database.
var quotaStores gosync.Map

// quotaBookOf returns the quota book of a workspace. It looks the store up at
// each call, so connectors built before the module started, or after the
// workspace closed, simply keep their count in memory.
func quotaBookOf(workspaceID string) youtube.QuotaBook {
	return storeQuotaBook{workspaceID: workspaceID}
}

// workspaceClock is the clock of a workspace's store while it is open
// (tests inject a fixed one), else time.Now.
func workspaceClock(workspaceID string) func() time.Time {
	return func() time.Time {
		if st := (storeQuotaBook{workspaceID: workspaceID}).st(); st != nil && st.Now != nil {
			return st.Now()
		}
		return time.Now()
	}
}

// storeQuotaBook keeps YouTube quota use in a workspace's quota_usage table.
type storeQuotaBook struct{ workspaceID string }

// st returns the workspace's open store, or nil.
func (b storeQuotaBook) st() *store.Store {
	v, _ := quotaStores.Load(b.workspaceID)
	st, _ := v.(*store.Store)
	return st
}

// LoadQuota implements youtube.QuotaBook.
func (b storeQuotaBook) LoadQuota(ctx context.Context, project, day string) (int, error) {
	st := b.st()
	if st == nil {
		return 0, nil
	}
	u, _, err := st.QuotaUsageOn(ctx, youtube.Platform, project, day)
	return int(u.Units), err
}

// SaveQuota implements youtube.QuotaBook.
func (b storeQuotaBook) SaveQuota(ctx context.Context, project, day string, units, budget int, resetsAt time.Time) error {
	st := b.st()
	if st == nil {
		return nil
	}
	return st.SaveQuotaUsage(ctx, store.QuotaUsage{Platform: youtube.Platform, Project: project, Day: day,
		Units: int64(units), Budget: int64(budget), ResetsAt: resetsAt.UnixMilli()})
}

// YouTubeQuotaProject is the quota project an account's connector counts
// under: its quotaProject setting, else its OAuth client id ("" when neither
// is set, as for a pasted access token: such a count is not kept).
func YouTubeQuotaProject(acc store.Account) string {
	extra := acc.Extra()
	if p := strings.TrimSpace(extra[youtube.ExtraQuotaProject]); p != "" {
		return p
	}
	return strings.TrimSpace(extra[youtube.ExtraClientID])
}

// YouTubeQuotaToday returns the units the account's quota project has spent
// today as saved in the database, the budget then in force and the next reset
// (ok false when the account is not YouTube or nothing is saved for today).
func YouTubeQuotaToday(ctx context.Context, st *store.Store, acc store.Account, now time.Time) (platforms.Headroom, bool, error) {
	project := YouTubeQuotaProject(acc)
	if acc.Platform != youtube.Platform || project == "" {
		return platforms.Headroom{}, false, nil
	}
	u, ok, err := st.QuotaUsageOn(ctx, youtube.Platform, project, youtube.QuotaDay(now))
	if err != nil || !ok {
		return platforms.Headroom{}, false, err
	}
	return platforms.Headroom{Kind: "quota", Used: u.Units, Limit: u.Budget, ResetsAt: youtube.NextQuotaReset(now)}, true, nil
}
