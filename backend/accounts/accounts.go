// Package accounts connects and disconnects platform accounts: it checks a
// token with the platform, keeps it in the vault, and records the account.
package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// ErrTokenFormat: the token cannot be right for its platform (checked before any network call).
// The error returned is a *TokenFormatError, which names the platform.
var ErrTokenFormat = errors.New("accounts: this does not look like a token for that platform")

// TokenFormatError reports a token whose shape is wrong for Platform.
type TokenFormatError struct{ Platform string }

// Error implements error.
func (e *TokenFormatError) Error() string { return ErrTokenFormat.Error() + ": " + e.Platform }

// Is makes errors.Is(err, ErrTokenFormat) true.
func (e *TokenFormatError) Is(target error) bool { return target == ErrTokenFormat }

// IdentifierKey is the Extra key of a login identifier (a Bluesky handle or DID).
const IdentifierKey = "identifier"

// ErrUnknownPlatform: no connector exists for the platform.
var ErrUnknownPlatform = errors.New("accounts: unknown platform")

// Syncer starts and stops account loops (the sync engine).
type Syncer interface {
	Start(ctx context.Context, accountID int64)
	StopAccount(accountID int64)
}

// Service connects and disconnects accounts.
type Service struct {
	Store       *store.Store
	Vault       secrets.Vault
	Registry    platforms.Registry
	Sync        Syncer
	WorkspaceID string
	// TokenFormat optionally checks a token's shape per platform before any network call.
	TokenFormat map[string]func(string) bool
	// Forget optionally clears a platform's session state when an account is disconnected.
	Forget map[string]func(ctx context.Context, acc store.Account) error
}

// ConnectRequest is what a person provides to connect an account.
type ConnectRequest struct {
	Platform string
	Token    string
	Name     string
	BaseURL  string
	// Extra holds non-secret connector settings (Credentials.Extra), kept on the account.
	Extra map[string]string
	// Actor is who connects it, for the audit trail.
	Actor string
}

// Connect verifies the token with the platform, stores it in the vault and
// records the account, then starts syncing it. On any failure nothing is kept:
// no account row, no keyring entry.
func (s *Service) Connect(ctx context.Context, req ConnectRequest) (store.Account, error) {
	req.Token = strings.TrimSpace(req.Token)
	req.BaseURL = strings.TrimRight(strings.TrimSpace(req.BaseURL), "/")
	factory, ok := s.Registry[req.Platform]
	if !ok {
		return store.Account{}, ErrUnknownPlatform
	}
	if check := s.TokenFormat[req.Platform]; check != nil && !check(req.Token) {
		return store.Account{}, &TokenFormatError{Platform: req.Platform}
	}
	if err := checkSettings(req.Platform, req.Extra); err != nil {
		return store.Account{}, err
	}
	// The keyring must work before anything is asked of the platform or stored.
	if err := s.Vault.Check(ctx); err != nil {
		return store.Account{}, err
	}
	conn, err := factory(platforms.Credentials{BaseURL: req.BaseURL, Token: req.Token, Extra: req.Extra})
	if err != nil {
		return store.Account{}, err
	}
	info, err := conn.Verify(ctx)
	if err != nil {
		return store.Account{}, err
	}
	var expiresAt int64
	req.Token, expiresAt = s.renewAtConnect(ctx, conn, req.Token)
	if _, ok := req.Extra[IdentifierKey]; ok {
		// Keep the platform's stable id for the account (a Bluesky DID rather than a
		// handle that can change), so later syncs find the same session.
		req.Extra[IdentifierKey] = info.ExternalID
	}
	name := strings.TrimSpace(req.Name)
	if name == "" {
		name = firstNonEmpty(info.DisplayName, info.Handle, req.Platform)
	}
	acc := store.Account{Platform: req.Platform, Name: name, ExternalID: info.ExternalID, Handle: info.Handle, BaseURL: req.BaseURL,
		TokenExpiresAt: expiresAt}
	acc.SetExtra(req.Extra)
	if err := s.Store.CreateAccount(ctx, &acc); err != nil {
		return store.Account{}, err
	}
	if expiresAt != 0 && acc.TokenExpiresAt != expiresAt {
		// A revived account keeps its old row: record the new token's lifetime.
		acc.TokenExpiresAt = expiresAt
		_ = s.setTokenExpiry(ctx, acc.ID, expiresAt)
	}
	if err := s.Vault.Set(ctx, secrets.AccountTokenKey(s.WorkspaceID, acc.ID), req.Token); err != nil {
		// Keep nothing: the account cannot sync without its token.
		_ = s.Store.SetAccountStatus(context.WithoutCancel(ctx), acc.ID, store.AccountDisconnected, "", "")
		return store.Account{}, err
	}
	_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: req.Actor, Action: "account.connected",
		TargetType: "account", TargetID: fmt.Sprint(acc.ID), AfterJSON: fmt.Sprintf(`{"platform":%q,"handle":%q}`, acc.Platform, acc.Handle)})
	if s.Sync != nil {
		s.Sync.Start(context.WithoutCancel(ctx), acc.ID)
	}
	return acc, nil
}

// Disconnect stops syncing an account and removes its token from the vault.
// Its conversations and messages stay.
func (s *Service) Disconnect(ctx context.Context, accountID int64, actor string) error {
	acc, err := s.Store.AccountByID(ctx, accountID)
	if err != nil {
		return err
	}
	if s.Sync != nil {
		s.Sync.StopAccount(accountID)
	}
	if forget := s.Forget[acc.Platform]; forget != nil {
		if err := forget(ctx, acc); err != nil {
			// The platform could not be told; the local secrets are removed all the same.
			_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "account.forget_failed",
				TargetType: "account", TargetID: fmt.Sprint(acc.ID), Reason: err.Error()})
		}
	}
	if err := s.Vault.Delete(ctx, secrets.AccountTokenKey(s.WorkspaceID, acc.ID)); err != nil {
		return err
	}
	if err := s.Store.SetAccountStatus(ctx, acc.ID, store.AccountDisconnected, "", ""); err != nil {
		return err
	}
	_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "account.disconnected",
		TargetType: "account", TargetID: fmt.Sprint(acc.ID)})
	return nil
}

// firstNonEmpty returns the first non-empty string.
func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
