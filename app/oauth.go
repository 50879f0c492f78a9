package app

import (
	"context"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/oauth/connect"
	"creatordesk/backend/platforms/youtube"
)

// EventOAuthFlow carries an OAuthFlowDTO whenever a browser sign-in changes state.
const EventOAuthFlow = "oauth:flow"

// URLOpener is implemented by a Runtime that can open the system browser
// (the Wails runtime's BrowserOpenURL).
type URLOpener interface {
	OpenURL(ctx context.Context, url string) error
}

// OAuth is the bound facade for connecting accounts through the browser
// (YouTube, Mastodon): Start opens the browser, Status and the oauth:flow
// event say where the sign-in is, Cancel ends it.
type OAuth struct {
	s    *Session
	once sync.Once
	mgr  *connect.Manager
}

// NewOAuth binds the facade to a session.
func NewOAuth(s *Session) *OAuth { return &OAuth{s: s} }

func init() { registerFacade(func(s *Session) any { return NewOAuth(s) }) }

// manager returns the session's flow manager.
func (a *OAuth) manager() *connect.Manager {
	a.once.Do(func() {
		a.mgr = &connect.Manager{
			Accounts: func() *accounts.Service {
				if ws := a.s.Workspace(); ws != nil {
					return ws.Accounts
				}
				return nil
			},
			Open: a.open,
		}
	})
	return a.mgr
}

// open hands the URL to the runtime's browser opener; without one the UI
// shows the link for the person to open.
func (a *OAuth) open(ctx context.Context, url string) error {
	if ws := a.s.Workspace(); ws != nil && ws.Demo() != nil && ws.Demo().Google.OwnsAuthURL(url) {
		// The demo's fake Google approves at once; no browser is needed (and
		// none could sign in to it anyway).
		return ws.Demo().Google.Consent(url)
	}
	a.s.mu.RLock()
	rt := a.s.rt
	a.s.mu.RUnlock()
	if o, ok := rt.(URLOpener); ok {
		return o.OpenURL(ctx, url)
	}
	return errNoBrowser
}

// errNoBrowser: the runtime cannot open a browser (tests, the e2e dev server).
var errNoBrowser = &AppError{Code: "no_browser", Key: "errors.oauth.noBrowser", Message: "cannot open the browser"}

// Start begins a browser sign-in and returns at once (state "waiting").
func (a *OAuth) Start(req OAuthStartRequest) (OAuthFlowDTO, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if req.Platform == youtube.Platform && strings.TrimSpace(req.ClientSecret) == "" && req.AccountID == 0 {
		// The secret saved with the same client id, if any.
		if id, secret, err := a.s.Workspace().Accounts.AppCredentials(ctx, "google"); err == nil && id == strings.TrimSpace(req.ClientID) {
			req.ClientSecret = secret
		}
	}
	// The sign-in belongs to the open workspace: closing it (quitting, or
	// switching to the demo or a team database) cancels the sign-in and
	// closes its loopback listener.
	if d := a.s.Workspace().Demo(); d != nil && req.Platform == youtube.Platform && req.AuthURL == "" && req.TokenURL == "" && req.BaseURL == "" {
		// The demo connects YouTube to its own fake Google, never to Google.
		req.AuthURL, req.TokenURL, req.BaseURL = d.Google.Auth.AuthURL(), d.Google.Auth.TokenURL(), d.Google.APIURL
	}
	st, err := a.manager().Start(ctx, connect.Request{Platform: req.Platform, ClientID: req.ClientID, ClientSecret: req.ClientSecret,
		BaseURL: req.BaseURL, AuthURL: req.AuthURL, TokenURL: req.TokenURL, Name: req.Name, AccountID: req.AccountID, Actor: a.s.Actor(),
		Until: a.s.Workspace().Context()})
	if err != nil {
		return OAuthFlowDTO{}, connectError(err)
	}
	go a.report(st.ID)
	return a.toDTO(st), nil
}

// report emits the flow's end (and the account's new state) when it comes.
func (a *OAuth) report(id string) {
	st, err := a.manager().Wait(context.Background(), id)
	if err != nil {
		return
	}
	dto := a.toDTO(st)
	if dto.Account != nil {
		a.s.emit(EventSyncStatus, *dto.Account)
	}
	a.s.emit(EventOAuthFlow, dto)
}

// Status returns where a sign-in is.
func (a *OAuth) Status(id string) (OAuthFlowDTO, error) {
	st, err := a.manager().Status(id)
	if err != nil {
		return OAuthFlowDTO{}, err
	}
	return a.toDTO(st), nil
}

// Cancel ends a sign-in still waiting for the browser.
func (a *OAuth) Cancel(id string) (OAuthFlowDTO, error) {
	st, err := a.manager().Cancel(id)
	if err != nil {
		return OAuthFlowDTO{}, err
	}
	return a.toDTO(st), nil
}

// SavedClient returns the OAuth client saved for a provider ("google"), so
// the connect form can offer it again; the secret itself never leaves the keyring.
func (a *OAuth) SavedClient(provider string) (OAuthClientDTO, error) {
	id, secret, err := a.s.Workspace().Accounts.AppCredentials(context.Background(), provider)
	if err != nil {
		return OAuthClientDTO{}, err
	}
	return OAuthClientDTO{Provider: provider, ClientID: id, HasSecret: secret != ""}, nil
}

// toDTO turns a flow status into its DTO.
func (a *OAuth) toDTO(st connect.Status) OAuthFlowDTO {
	dto := OAuthFlowDTO{ID: st.ID, Platform: st.Platform, State: string(st.State), AuthURL: st.AuthURL,
		BrowserOpened: st.BrowserOpened, StartedAt: oauthTime(st.StartedAt), EndedAt: oauthTime(st.EndedAt)}
	if st.Err != nil {
		ae := ToAppError(connectError(st.Err))
		dto.Error = ae
	}
	if st.AccountID != 0 {
		if ws := a.s.Workspace(); ws != nil {
			if acc, err := ws.Store.AccountByID(context.Background(), st.AccountID); err == nil {
				d := toAccountDTO(acc)
				dto.Account = &d
			}
		}
	}
	return dto
}

// oauthTime writes a time as RFC 3339 ("" for the zero time).
func oauthTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
