package app

import (
	"context"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/workspace"
)

// Accounts is the bound facade for connected accounts.
type Accounts struct{ s *Session }

// NewAccounts binds the facade to a session.
func NewAccounts(s *Session) *Accounts { return &Accounts{s: s} }

// List returns the connected accounts.
func (a *Accounts) List() ([]AccountDTO, error) {
	list, err := a.s.Workspace().Store.Accounts(context.Background(), false)
	if err != nil {
		return nil, err
	}
	out := make([]AccountDTO, len(list))
	for i, acc := range list {
		out[i] = toAccountDTO(acc)
	}
	return out, nil
}

// ConnectTelegram checks a bot token with Telegram, keeps it in the keyring and starts syncing.
func (a *Accounts) ConnectTelegram(req ConnectTelegramRequest) (AccountDTO, error) {
	return a.Connect(ConnectRequest{Platform: telegram.Platform, Token: req.Token, Name: req.Name, BaseURL: req.BaseURL})
}

// Connect checks a token with its platform, keeps it in the keyring and starts syncing.
func (a *Accounts) Connect(req ConnectRequest) (AccountDTO, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ws := a.s.Workspace()
	acc, err := ws.Accounts.Connect(ctx, accounts.ConnectRequest{Platform: req.Platform, Token: req.Token,
		Name: req.Name, BaseURL: req.BaseURL, Extra: req.Extra, Actor: a.s.Actor()})
	if err != nil {
		return AccountDTO{}, connectError(err)
	}
	a.s.emit(EventSyncStatus, toAccountDTO(acc))
	return toAccountDTO(acc), nil
}

// Disconnect removes an account's token from the keyring and stops syncing it.
func (a *Accounts) Disconnect(id int64) error {
	return a.s.Workspace().Accounts.Disconnect(context.Background(), id, a.s.Actor())
}

// SyncNow restarts an account's sync loop at once (for example after an error).
func (a *Accounts) SyncNow(id int64) error {
	ws := a.s.Workspace()
	if _, err := ws.Store.AccountByID(context.Background(), id); err != nil {
		return err
	}
	// The engine leaves accounts with nothing to sync (imported archives) alone.
	ws.Engine.StopAccount(id)
	ws.Engine.Start(ws.Context(), id)
	return nil
}

// WithSavedQuota fills in the daily quota of the accounts whose sync loop has
// not reported one yet (a CLI process, or the app before the first sync after
// a restart) from the use saved in the workspace's database, so Account
// health shows what was spent today even then. Entries that already carry a
// headroom are left as they are.
func WithSavedQuota(s *Session, list []AccountHealthDTO) []AccountHealthDTO {
	ctx := context.Background()
	w := s.Workspace()
	now := w.Store.Now()
	for i := range list {
		if list[i].Headroom != nil {
			continue
		}
		acc, err := w.Store.AccountByID(ctx, list[i].AccountID)
		if err != nil {
			continue
		}
		hr, ok, err := workspace.YouTubeQuotaToday(ctx, w.Store, acc, now)
		if err != nil || !ok {
			continue
		}
		list[i].Headroom = &HeadroomDTO{Kind: hr.Kind, Used: hr.Used, Limit: hr.Limit, ResetsAt: timeString(hr.ResetsAt)}
	}
	return list
}
