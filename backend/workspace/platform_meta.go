package workspace

import (
	"context"
	"sync"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// tokenRefreshEvery is how often expiring tokens are looked for.
const tokenRefreshEvery = 6 * time.Hour

// metaFactories holds one Meta factory per workspace, so the Instagram and
// Facebook connectors of an account share its rate limiter.
var metaFactories sync.Map // workspace id -> *meta.Factory

// metaFactory returns the workspace's Meta factory.
func metaFactory(workspaceID string) *meta.Factory {
	f, _ := metaFactories.LoadOrStore(workspaceID, meta.NewFactory(meta.Options{}))
	return f.(*meta.Factory)
}

func init() {
	registerPlatform(meta.PlatformInstagram, PlatformPlugin{
		Build: func(_ secrets.Vault, workspaceID string) (platforms.Factory, func(context.Context, store.Account) error) {
			return metaFactory(workspaceID).Instagram, nil
		},
	})
	registerPlatform(meta.PlatformFacebook, PlatformPlugin{
		Build: func(_ secrets.Vault, workspaceID string) (platforms.Factory, func(context.Context, store.Account) error) {
			return metaFactory(workspaceID).Facebook, nil
		},
	})
	registerModule(Module{Name: "token-refresh", Start: startTokenRefresh})
}

// startTokenRefresh renews expiring tokens (Instagram's 60-day tokens) soon
// after the workspace opens and then every tokenRefreshEvery.
func startTokenRefresh(w *Workspace) (func(), error) {
	ctx, cancel := context.WithCancel(w.Context())
	done := make(chan struct{})
	go func() {
		defer close(done)
		timer := time.NewTimer(time.Minute)
		defer timer.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-timer.C:
			}
			res, err := w.Accounts.RefreshDue(ctx)
			if err != nil {
				w.Log.Warn("token refresh failed", "error", err.Error())
			} else if res.Refreshed+res.Failed+res.NeedReconnect > 0 {
				w.Log.Info("token refresh", "refreshed", res.Refreshed, "failed", res.Failed, "need_reconnect", res.NeedReconnect)
			}
			timer.Reset(tokenRefreshEvery)
		}
	}()
	return func() { cancel(); <-done }, nil
}
