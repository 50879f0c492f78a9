package workspace

import (
	"context"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/shopify"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// The brand's own Shopify store: orders and discount codes, no messages. Its
// access token (or a Dev Dashboard app's client secret, with the client id in
// the account's settings) is kept in the keyring through the normal connect flow.
func init() {
	registerPlatform(shopify.Platform, PlatformPlugin{
		Build: func(secrets.Vault, string) (platforms.Factory, func(context.Context, store.Account) error) {
			return shopify.New, nil
		},
		TokenFormat: shopify.ValidTokenFormat,
	})
}
