package workspace

import (
	"context"

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
func init() {
	registerPlatform(youtube.Platform, PlatformPlugin{
		Build: func(secrets.Vault, string) (platforms.Factory, func(context.Context, store.Account) error) {
			return youtube.NewOAuth, nil
		},
		TokenFormat: youtube.ValidSecretFormat,
	})
}
