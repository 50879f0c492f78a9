package app

import (
	"context"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/store"
)

// Connectors is the bound facade for account health, reconnecting and
// developer-app credentials (the connectors area).
type Connectors struct{ s *Session }

// NewConnectors binds the facade to a session.
func NewConnectors(s *Session) *Connectors { return &Connectors{s: s} }

func init() { registerFacade(func(s *Session) any { return NewConnectors(s) }) }

// Reconnect gives an account that needs reconnecting a new token (it must be
// the same platform account), then resumes syncing where it stopped.
func (a *Connectors) Reconnect(req ReconnectRequest) (AccountDTO, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	acc, err := a.s.Workspace().Accounts.Reconnect(ctx, accounts.ReconnectRequest{AccountID: req.AccountID, Token: req.Token, Actor: a.s.Actor()})
	if err != nil {
		return AccountDTO{}, connectError(err)
	}
	a.s.emit(EventSyncStatus, toAccountDTO(acc))
	return toAccountDTO(acc), nil
}

// Health returns each connected account's token health.
func (a *Connectors) Health() ([]AccountHealthDTO, error) {
	list, err := a.s.Workspace().Store.Accounts(context.Background(), false)
	if err != nil {
		return nil, err
	}
	out := make([]AccountHealthDTO, len(list))
	for i, acc := range list {
		h := AccountHealthDTO{AccountID: acc.ID, NeedsReconnect: acc.Status == store.AccountNeedsReconnect,
			TokenNeverExpires: neverExpires[acc.Platform], Renews: acc.Platform == meta.PlatformInstagram}
		if acc.TokenExpiresAt > 0 {
			h.TokenExpiresAt = rfc3339(acc.TokenExpiresAt)
		}
		out[i] = h
	}
	return out, nil
}

// neverExpires are the platforms whose pasted tokens do not lapse.
var neverExpires = map[string]bool{telegram.Platform: true, meta.PlatformFacebook: true}

// SaveAppCredentials keeps a developer app's id and secret in the keyring.
func (a *Connectors) SaveAppCredentials(req AppCredentialsRequest) (AppCredentialsStatus, error) {
	ctx := context.Background()
	if err := a.s.Workspace().Accounts.SetAppCredentials(ctx, req.Provider, req.AppID, req.AppSecret, a.s.Actor()); err != nil {
		return AppCredentialsStatus{}, err
	}
	return a.AppCredentials(req.Provider)
}

// AppCredentials says whether a provider's app credentials are saved.
func (a *Connectors) AppCredentials(provider string) (AppCredentialsStatus, error) {
	id, secret, err := a.s.Workspace().Accounts.AppCredentials(context.Background(), provider)
	if err != nil {
		return AppCredentialsStatus{}, err
	}
	return AppCredentialsStatus{Provider: provider, AppID: id, HasSecret: secret != ""}, nil
}
