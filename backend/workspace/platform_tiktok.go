package workspace

import (
	"context"
	"errors"
	"fmt"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/tiktok"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// TikTok Business accounts: comments on the account's videos (read, reply,
// hide, delete own). The keyring holds the access token, or the access and
// refresh tokens together; the TikTok app's id and secret, which renewing
// needs, are the workspace's app credentials for provider "tiktok" (kept in
// the keyring by accounts.SetAppCredentials under <workspace>/app/tiktok/…).
func init() {
	registerPlatform(tiktok.Platform, PlatformPlugin{
		Build: func(vault secrets.Vault, workspaceID string) (platforms.Factory, func(context.Context, store.Account) error) {
			f := tiktok.NewFactory(tiktok.Options{App: tiktokAppCredentials(vault, workspaceID)})
			return f.New, nil
		},
		TokenFormat: tiktok.ValidTokenFormat,
	})
}

// tiktokAppCredentials reads the TikTok app's id and secret from the vault
// ("" when they were never saved).
func tiktokAppCredentials(vault secrets.Vault, workspaceID string) tiktok.AppCredentials {
	get := func(ctx context.Context, name string) (string, error) {
		v, err := vault.Get(ctx, fmt.Sprintf("%s/app/tiktok/%s", workspaceID, name))
		if errors.Is(err, secrets.ErrNotFound) {
			return "", nil
		}
		return v, err
	}
	return func(ctx context.Context) (string, string, error) {
		id, err := get(ctx, "app_id")
		if err != nil || id == "" {
			return "", "", err
		}
		secret, err := get(ctx, "app_secret")
		return id, secret, err
	}
}
