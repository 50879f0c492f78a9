package app

import (
	"context"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/tiktok"
	"creatordesk/backend/platforms/whatsapp"
	"creatordesk/backend/platforms/youtube"
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

// Health returns each connected account's health: status, last successful
// sync, next run, rate-limit or quota headroom, token expiry, the last error,
// items synced, and what to do next.
func (a *Connectors) Health() ([]AccountHealthDTO, error) {
	list, err := a.s.Workspace().Accounts.Health(context.Background(), renews)
	if err != nil {
		return nil, err
	}
	out := make([]AccountHealthDTO, len(list))
	for i, h := range list {
		out[i] = toHealthDTO(h)
	}
	return WithSavedQuota(a.s, out), nil
}

// renews reports the platforms whose tokens CreatorDesk renews before they lapse.
func renews(platform string) bool {
	return platform == meta.PlatformInstagram || platform == youtube.Platform || platform == tiktok.Platform
}

// toHealthDTO converts an account's health.
func toHealthDTO(h accounts.Health) AccountHealthDTO {
	acc := h.Account
	dto := AccountHealthDTO{AccountID: acc.ID, Platform: acc.Platform, Name: acc.Name, Handle: acc.Handle, Status: acc.Status,
		LastSyncAt: rfc3339(acc.LastSyncAt), Running: h.Loop.Running, Wait: h.Loop.Wait, HeldBy: h.Loop.HeldBy, NextRunAt: timeString(h.Loop.NextRunAt),
		NeedsReconnect: acc.Status == store.AccountNeedsReconnect, TokenNeverExpires: neverExpires[acc.Platform], Renews: renews(acc.Platform),
		LastError: storedError(acc.LastErrorKind, acc.LastError), LastErrorAt: rfc3339(h.LastErrorAt), Failures: h.Failures,
		ItemsSynced: acc.ItemsSynced, ItemsLast24h: h.ItemsLast24h, Advice: h.Advice, AdviceUntil: timeString(h.AdviceUntil),
		Settings: map[string]string{}}
	if acc.TokenExpiresAt > 0 {
		dto.TokenExpiresAt = rfc3339(acc.TokenExpiresAt)
	}
	if h.Loop.HasHeadroom {
		hr := h.Loop.Headroom
		dto.Headroom = &HeadroomDTO{Kind: hr.Kind, Used: hr.Used, Limit: hr.Limit, ResetsAt: timeString(hr.ResetsAt)}
	}
	extra := acc.Extra()
	for _, name := range accounts.EditableSettings(acc.Platform) {
		dto.Settings[name] = extra[name]
	}
	return dto
}

// timeString formats t as RFC 3339 in UTC ("" for the zero time).
func timeString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return rfc3339(t.UnixMilli())
}

// neverExpires are the platforms whose pasted tokens do not lapse.
var neverExpires = map[string]bool{telegram.Platform: true, meta.PlatformFacebook: true, whatsapp.Platform: true} // WhatsApp: system-user tokens

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

// UpdateSettings changes an account's non-secret settings (for Telegram, the
// channel it publishes to); the change is recorded in the audit trail. It sits
// on this facade because the frontend's Accounts bindings are the shared core's.
func (a *Connectors) UpdateSettings(req AccountSettingsRequest) (AccountDTO, error) {
	acc, err := a.s.Workspace().Accounts.UpdateSettings(context.Background(), accounts.SettingsRequest{
		AccountID: req.AccountID, Settings: req.Settings, Actor: a.s.Actor()})
	if err != nil {
		return AccountDTO{}, err
	}
	a.s.emit(EventSyncStatus, toAccountDTO(acc))
	return toAccountDTO(acc), nil
}
