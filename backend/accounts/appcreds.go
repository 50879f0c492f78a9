package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// ErrAppCredentials: an app id or secret is missing or malformed.
var ErrAppCredentials error = &keyedError{msg: "accounts: the app id and app secret are both needed",
	code: "app_credentials_missing", key: "errors.connectors.appCredentials"}

// AppProviders are the providers whose developer app a person may bring
// ("bring your own Meta app"); their credentials are kept in the vault.
var AppProviders = map[string]bool{"meta": true, "google": true, "tiktok": true}

// appKey is the vault key of one app credential (one entry per secret).
func appKey(workspaceID, provider, name string) string {
	return fmt.Sprintf("%s/app/%s/%s", workspaceID, provider, name)
}

// SetAppCredentials keeps a provider's app id and app secret in the vault,
// each in its own entry. Nothing of them goes into the database.
func (s *Service) SetAppCredentials(ctx context.Context, provider, appID, secret, actor string) error {
	appID, secret = strings.TrimSpace(appID), strings.TrimSpace(secret)
	if !AppProviders[provider] {
		return ErrUnknownPlatform
	}
	if appID == "" || secret == "" || strings.ContainsAny(appID, " \t\n") {
		return ErrAppCredentials
	}
	if err := s.Vault.Check(ctx); err != nil {
		return err
	}
	if err := s.Vault.Set(ctx, appKey(s.WorkspaceID, provider, "app_id"), appID); err != nil {
		return err
	}
	if err := s.Vault.Set(ctx, appKey(s.WorkspaceID, provider, "app_secret"), secret); err != nil {
		_ = s.Vault.Delete(ctx, appKey(s.WorkspaceID, provider, "app_id"))
		return err
	}
	_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "app_credentials.saved", TargetType: "app", TargetID: provider})
	return nil
}

// AppCredentials returns a provider's app id and secret ("" when not saved).
func (s *Service) AppCredentials(ctx context.Context, provider string) (appID, secret string, err error) {
	appID, err = s.Vault.Get(ctx, appKey(s.WorkspaceID, provider, "app_id"))
	if errors.Is(err, secrets.ErrNotFound) {
		return "", "", nil
	}
	if err != nil {
		return "", "", err
	}
	secret, err = s.Vault.Get(ctx, appKey(s.WorkspaceID, provider, "app_secret"))
	if errors.Is(err, secrets.ErrNotFound) {
		return appID, "", nil
	}
	return appID, secret, err
}

// ForgetAppCredentials removes a provider's app id and secret from the vault.
func (s *Service) ForgetAppCredentials(ctx context.Context, provider, actor string) error {
	for _, name := range []string{"app_id", "app_secret"} {
		if err := s.Vault.Delete(ctx, appKey(s.WorkspaceID, provider, name)); err != nil {
			return err
		}
	}
	_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "app_credentials.removed", TargetType: "app", TargetID: provider})
	return nil
}

// trimToken cleans a pasted token.
func trimToken(t string) string { return strings.TrimSpace(t) }
