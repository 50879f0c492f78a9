package accounts

import (
	"context"
	"fmt"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// ErrDifferentAccount: the token given to reconnect an account belongs to another account.
var ErrDifferentAccount error = &keyedError{msg: "accounts: this token belongs to a different account",
	code: "reconnect_other_account", key: "errors.connectors.otherAccount"}

// keyedError is an error a person can cause, with its translation key.
type keyedError struct{ msg, code, key string }

// Error implements error.
func (e *keyedError) Error() string { return e.msg }

// ErrorKey implements app.KeyedError.
func (e *keyedError) ErrorKey() (code, key string, args map[string]string) {
	return e.code, e.key, nil
}

// RefreshBefore is how long before a token's expiry it is renewed.
const RefreshBefore = 10 * 24 * time.Hour

// now is the service's clock.
func (s *Service) now() time.Time {
	if s.Store != nil && s.Store.Now != nil {
		return s.Store.Now()
	}
	return time.Now()
}

// renewAtConnect renews a token the platform lets renew (Instagram), so the
// account starts with a fresh token and a known expiry. When the platform
// will not renew it yet (a token younger than a day), the pasted token is
// kept and its expiry stays unknown until the TokenKeeper renews it.
func (s *Service) renewAtConnect(ctx context.Context, conn platforms.Connector, token string) (string, int64) {
	if insp, ok := conn.(platforms.TokenInspector); ok {
		if info, err := insp.InspectToken(ctx); err == nil && !info.ExpiresAt.IsZero() {
			return token, info.ExpiresAt.UnixMilli()
		}
	}
	r, ok := conn.(platforms.TokenRefresher)
	if !ok {
		return token, 0
	}
	fresh, err := r.RefreshToken(ctx)
	if err != nil || fresh.Token == "" {
		return token, 0
	}
	exp := int64(0)
	if !fresh.ExpiresAt.IsZero() {
		exp = fresh.ExpiresAt.UnixMilli()
	}
	return fresh.Token, exp
}

// tokenExpirySetter is the store method that records a token's expiry
// (store.(*Store).SetAccountTokenExpiry, see the connectors report).
type tokenExpirySetter interface {
	SetAccountTokenExpiry(ctx context.Context, id, expiresAt int64) error
}

// setTokenExpiry records an account's token expiry when the store can.
func (s *Service) setTokenExpiry(ctx context.Context, id, expiresAt int64) error {
	if st, ok := any(s.Store).(tokenExpirySetter); ok {
		return st.SetAccountTokenExpiry(ctx, id, expiresAt)
	}
	return nil
}

// ReconnectRequest is a new token for an account that needs reconnecting.
type ReconnectRequest struct {
	AccountID int64
	Token     string
	Actor     string
}

// Reconnect checks a new token for an existing account (it must belong to
// the same platform account), replaces the old token in the vault, clears the
// error and restarts syncing from the saved cursor. On failure the old token
// and the account stay as they were.
func (s *Service) Reconnect(ctx context.Context, req ReconnectRequest) (store.Account, error) {
	acc, err := s.Store.AccountByID(ctx, req.AccountID)
	if err != nil {
		return store.Account{}, err
	}
	factory, ok := s.Registry[acc.Platform]
	if !ok {
		return store.Account{}, ErrUnknownPlatform
	}
	token := trimToken(req.Token)
	if check := s.TokenFormat[acc.Platform]; check != nil && !check(token) {
		return store.Account{}, &TokenFormatError{Platform: acc.Platform}
	}
	if err := s.Vault.Check(ctx); err != nil {
		return store.Account{}, err
	}
	conn, err := factory(platforms.Credentials{BaseURL: acc.BaseURL, Token: token, Extra: acc.Extra()})
	if err != nil {
		return store.Account{}, err
	}
	info, err := conn.Verify(ctx)
	if err != nil {
		return store.Account{}, err
	}
	if info.ExternalID != acc.ExternalID {
		return store.Account{}, ErrDifferentAccount
	}
	token, expiresAt := s.renewAtConnect(ctx, conn, token)
	if s.Sync != nil {
		s.Sync.StopAccount(acc.ID)
	}
	if err := s.Vault.Set(ctx, secrets.AccountTokenKey(s.WorkspaceID, acc.ID), token); err != nil {
		return store.Account{}, err
	}
	if expiresAt != 0 {
		acc.TokenExpiresAt = expiresAt
		_ = s.setTokenExpiry(ctx, acc.ID, expiresAt)
	}
	if err := s.Store.SetAccountStatus(ctx, acc.ID, store.AccountConnected, "", ""); err != nil {
		return store.Account{}, err
	}
	acc.Status, acc.LastError, acc.LastErrorKind = store.AccountConnected, "", ""
	_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: req.Actor, Action: "account.reconnected",
		TargetType: "account", TargetID: fmt.Sprint(acc.ID), BeforeJSON: `{"status":"needs_reconnect"}`, AfterJSON: `{"status":"connected"}`})
	if s.Sync != nil {
		s.Sync.Start(context.WithoutCancel(ctx), acc.ID)
	}
	return acc, nil
}

// RefreshResult says what one RefreshDue run did.
type RefreshResult struct {
	Refreshed, Failed, NeedReconnect int
}

// RefreshDue renews the tokens that expire within RefreshBefore (or whose
// expiry is still unknown) on platforms that renew tokens. A new token goes
// into the vault in place of the old one (which stays valid until its own
// expiry, so a failure loses nothing); a token the platform rejects moves the
// account to needs_reconnect; a platform that will not renew yet is left for
// the next run.
func (s *Service) RefreshDue(ctx context.Context) (RefreshResult, error) {
	var res RefreshResult
	list, err := s.Store.Accounts(ctx, false)
	if err != nil {
		return res, err
	}
	now := s.now()
	for _, acc := range list {
		if !acc.Syncable() || acc.Status == store.AccountNeedsReconnect {
			continue
		}
		if acc.TokenExpiresAt != 0 && time.UnixMilli(acc.TokenExpiresAt).Sub(now) > RefreshBefore {
			continue
		}
		factory, ok := s.Registry[acc.Platform]
		if !ok {
			continue
		}
		key := secrets.AccountTokenKey(s.WorkspaceID, acc.ID)
		token, err := s.Vault.Get(ctx, key)
		if err != nil {
			continue
		}
		conn, err := factory(platforms.Credentials{BaseURL: acc.BaseURL, Token: token, Extra: acc.Extra()})
		if err != nil {
			continue
		}
		r, ok := conn.(platforms.TokenRefresher)
		if !ok {
			continue
		}
		fresh, err := r.RefreshToken(ctx)
		switch {
		case err == nil && fresh.Token != "":
		case platforms.KindOf(err) == platforms.KindAuth:
			res.NeedReconnect++
			_ = s.Store.SetAccountStatus(ctx, acc.ID, store.AccountNeedsReconnect, string(platforms.KindAuth), err.Error())
			continue
		default:
			res.Failed++
			continue
		}
		if err := s.Vault.Set(ctx, key, fresh.Token); err != nil {
			res.Failed++
			continue
		}
		exp := int64(0)
		if !fresh.ExpiresAt.IsZero() {
			exp = fresh.ExpiresAt.UnixMilli()
		}
		_ = s.setTokenExpiry(ctx, acc.ID, exp)
		res.Refreshed++
		_, _ = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: "system", Action: "account.token_refreshed",
			TargetType: "account", TargetID: fmt.Sprint(acc.ID), AfterJSON: fmt.Sprintf(`{"expires_at":%d}`, exp)})
	}
	return res, nil
}
