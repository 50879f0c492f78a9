package workspace

import (
	"context"
	"errors"
	"fmt"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
	"creatordesk/backend/platforms/mastodon"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// connectors is what a workspace needs from the platforms it ships.
type connectors struct {
	registry platforms.Registry
	// forget clears platform-side session state of a disconnected account (per platform).
	forget map[string]func(ctx context.Context, acc store.Account) error
}

// PlatformPlugin is a connector added by its own file (platform_<name>.go), so
// adding a platform never edits the shared table below.
type PlatformPlugin struct {
	// Build returns the platform's factory for one workspace, and optionally
	// what clears its platform-side session state when an account is disconnected.
	Build func(vault secrets.Vault, workspaceID string) (platforms.Factory, func(ctx context.Context, acc store.Account) error)
	// TokenFormat checks a pasted token's shape before any network call (may be nil).
	TokenFormat func(string) bool
}

// platformPlugins are the registered plugins by platform name.
var platformPlugins = map[string]PlatformPlugin{}

// registerPlatform adds a plugin; called from init functions only.
func registerPlatform(name string, p PlatformPlugin) {
	if _, dup := platformPlugins[name]; dup {
		panic("workspace: platform registered twice: " + name)
	}
	platformPlugins[name] = p
}

// newConnectors builds the connector registry of one workspace. Platforms that
// keep a renewable session (Bluesky) store it in the vault under the workspace's keys.
func newConnectors(vault secrets.Vault, workspaceID string) connectors {
	c := coreConnectors(vault, workspaceID)
	for name, p := range platformPlugins {
		factory, forget := p.Build(vault, workspaceID)
		c.registry[name] = factory
		if forget != nil {
			c.forget[name] = forget
		}
	}
	return c
}

// coreConnectors are the walking skeleton's platforms.
func coreConnectors(vault secrets.Vault, workspaceID string) connectors {
	sessions := bluesky.NewSessions(vaultSessions{vault: vault, workspaceID: workspaceID})
	return connectors{
		registry: platforms.Registry{
			telegram.Platform: telegram.NewChannel, // publishes to Extra["channel"] when one is set
			mastodon.Platform: mastodon.New,
			bluesky.Platform:  sessions.New,
		},
		forget: map[string]func(context.Context, store.Account) error{
			bluesky.Platform: func(ctx context.Context, acc store.Account) error {
				return sessions.Forget(ctx, acc.BaseURL, acc.ExternalID)
			},
		},
	}
}

// Registry returns the connectors this build ships, without session persistence
// (for listing platform names and for tools that open no workspace).
func Registry() platforms.Registry {
	return newConnectors(secrets.NewMemory(), "").registry
}

// TokenFormats returns the per-platform token shape checks.
func TokenFormats() map[string]func(string) bool {
	out := map[string]func(string) bool{
		telegram.Platform: telegram.ValidTokenFormat,
		// An app password, never the account's main password (which would give full control).
		bluesky.Platform: bluesky.ValidAppPasswordFormat,
	}
	for name, p := range platformPlugins {
		if p.TokenFormat != nil {
			out[name] = p.TokenFormat
		}
	}
	return out
}

// vaultSessions keeps Bluesky refresh tokens in the vault, one entry per DID.
type vaultSessions struct {
	vault       secrets.Vault
	workspaceID string
}

// key is the vault key of a DID's session.
func (v vaultSessions) key(did string) string {
	return fmt.Sprintf("%s/bluesky/%s/session", v.workspaceID, did)
}

// LoadSession implements bluesky.SessionStore.
func (v vaultSessions) LoadSession(ctx context.Context, did string) (string, error) {
	tok, err := v.vault.Get(ctx, v.key(did))
	if errors.Is(err, secrets.ErrNotFound) {
		return "", nil
	}
	return tok, err
}

// SaveSession implements bluesky.SessionStore ("" removes the entry).
func (v vaultSessions) SaveSession(ctx context.Context, did, refreshJwt string) error {
	if refreshJwt == "" {
		return v.vault.Delete(ctx, v.key(did))
	}
	return v.vault.Set(ctx, v.key(did), refreshJwt)
}
