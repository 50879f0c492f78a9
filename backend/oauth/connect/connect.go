// Package connect connects platform accounts through the browser: it runs an
// OAuth flow (backend/oauth) for a platform that signs in that way (YouTube
// with the person's own Google Cloud client, Mastodon with an app registered
// on the instance), then connects or reconnects the account with the token
// through the normal accounts service, so the keyring, the audit trail and
// the sync engine are the same as for a pasted token.
//
// A flow runs in the background: Start returns at once with the URL to open,
// Status tells the UI where it is (waiting for the browser, connecting, done,
// failed, canceled), Cancel ends it, Wait blocks until it ends (the CLI).
package connect

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/oauth"
	"creatordesk/backend/platforms/mastodon"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/secrets"
)

// State is where a flow is.
type State string

// Flow states.
const (
	// Waiting: the browser has the sign-in page; nothing came back yet.
	Waiting State = "waiting"
	// Connecting: the browser came back with a token; the account is being checked and saved.
	Connecting State = "connecting"
	// Done: the account is connected (or reconnected).
	Done State = "done"
	// Failed: the flow ended with an error (Status.Err).
	Failed State = "failed"
	// Canceled: the person canceled, or the flow was replaced by a new one.
	Canceled State = "canceled"
)

// Platforms are the platforms that connect through the browser.
var Platforms = []string{youtube.Platform, mastodon.Platform}

// Request starts a flow.
type Request struct {
	Platform string
	// ClientID and ClientSecret are the person's Google Cloud OAuth client
	// (YouTube). On a reconnect an empty ClientID means the account's.
	ClientID, ClientSecret string
	// BaseURL is the API root (YouTube; empty for Google's) or the instance (Mastodon).
	BaseURL string
	// AuthURL and TokenURL override Google's endpoints (tests, the demo).
	AuthURL, TokenURL string
	// Name is the account's name in CreatorDesk (optional).
	Name string
	// AccountID, when not zero, reconnects that account instead of adding one.
	AccountID int64
	// Actor is who connects, for the audit trail.
	Actor string
	// Until, when set, bounds the flow: when it ends (the workspace the
	// account would join is closing) the flow is canceled and its loopback
	// listener closed, so nothing keeps listening for a browser.
	Until context.Context
}

// Status is a flow's state.
type Status struct {
	ID       string
	Platform string
	State    State
	// AuthURL is the page to open (shown too, in case the browser did not open).
	AuthURL string
	// BrowserOpened is false when the opener failed: the person must open AuthURL.
	BrowserOpened bool
	StartedAt     time.Time
	EndedAt       time.Time
	// AccountID is the connected account once State is Done.
	AccountID int64
	// Err is why the flow failed or was canceled.
	Err error
}

// ErrNoRefreshToken: Google signed in but gave no refresh token, so the
// channel could not stay connected.
var ErrNoRefreshToken error = &keyedError{msg: "connect: Google gave no refresh token (remove CreatorDesk's access in your Google account, then try again)",
	code: "oauth_no_refresh", key: "errors.oauth.noRefreshToken"}

// ErrUnknownFlow: no flow has that id (it ended long ago, or never existed).
var ErrUnknownFlow error = &keyedError{msg: "connect: no such sign-in", code: "not_found", key: "errors.oauth.unknownFlow"}

// ErrNotBrowserPlatform: the platform does not connect through the browser.
var ErrNotBrowserPlatform error = &keyedError{msg: "connect: this platform does not sign in through the browser", code: "invalid_input", key: "errors.oauth.unsupported"}

// ErrClientMismatch: a reconnect used another OAuth client than the account's.
var ErrClientMismatch error = &keyedError{msg: "connect: use the same OAuth client id the channel was connected with", code: "invalid_input", key: "errors.oauth.clientMismatch"}

// keyedError is an error a person can cause, with its translation key.
type keyedError struct{ msg, code, key string }

// Error implements error.
func (e *keyedError) Error() string { return e.msg }

// ErrorKey implements app.KeyedError.
func (e *keyedError) ErrorKey() (code, key string, args map[string]string) { return e.code, e.key, nil }

// Manager runs the flows of one app session.
type Manager struct {
	// Accounts returns the open workspace's accounts service (it may change
	// between flows, when the person switches to the demo).
	Accounts func() *accounts.Service
	// Open shows the authorization URL (the system browser); nil opens nothing.
	Open oauth.Opener
	// Timeout bounds each flow (default oauth.DefaultTimeout).
	Timeout time.Duration
	// Now is the clock for the status times (default time.Now).
	Now func() time.Time

	mu    sync.Mutex
	flows map[string]*flow
}

// flow is one running or ended flow.
type flow struct {
	req    Request
	oauth  *oauth.Flow
	cancel context.CancelFunc // ends the connect step
	done   chan struct{}

	mu     sync.Mutex
	status Status
}

// keepEnded is how long an ended flow's status stays readable.
const keepEnded = 15 * time.Minute

// now returns the manager's clock's time.
func (m *Manager) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Now()
}

// Start begins a flow: it opens the loopback listener, prepares the client
// (registering an app on a Mastodon instance), opens the browser and returns
// the flow's status (Waiting). A flow still waiting for the same platform is
// canceled: the person started again.
func (m *Manager) Start(ctx context.Context, req Request) (Status, error) {
	req.Platform = strings.TrimSpace(req.Platform)
	req.BaseURL = strings.TrimRight(strings.TrimSpace(req.BaseURL), "/")
	if req.Platform != youtube.Platform && req.Platform != mastodon.Platform {
		return Status{}, ErrNotBrowserPlatform
	}
	if m.Accounts == nil || m.Accounts() == nil {
		return Status{}, errors.New("connect: no workspace")
	}
	if err := m.fillFromAccount(ctx, &req); err != nil {
		return Status{}, err
	}
	if req.Platform == youtube.Platform && (strings.TrimSpace(req.ClientID) == "" || strings.TrimSpace(req.ClientSecret) == "") {
		return Status{}, accounts.ErrAppCredentials
	}
	if req.Platform == mastodon.Platform {
		base, err := mastodon.NormalizeBaseURL(req.BaseURL)
		if err != nil {
			return Status{}, err
		}
		req.BaseURL = base
	}
	// The keyring must work before the person is sent to the browser.
	if err := m.Accounts().Vault.Check(ctx); err != nil {
		return Status{}, err
	}
	of, err := oauth.Listen(oauth.Options{Timeout: m.Timeout})
	if err != nil {
		return Status{}, err
	}
	cfg, err := m.config(ctx, req, of.RedirectURI())
	if err != nil {
		of.Cancel()
		return Status{}, err
	}
	authURL, err := of.Authorize(cfg)
	if err != nil {
		of.Cancel()
		return Status{}, err
	}
	connectCtx, cancel := context.WithCancel(context.Background())
	fl := &flow{req: req, oauth: of, cancel: cancel, done: make(chan struct{}),
		status: Status{ID: newID(), Platform: req.Platform, State: Waiting, AuthURL: authURL, BrowserOpened: true, StartedAt: m.now()}}
	m.add(fl)
	if m.Open != nil {
		if err := m.Open(ctx, authURL); err != nil {
			fl.update(func(s *Status) { s.BrowserOpened = false })
		}
	} else {
		fl.update(func(s *Status) { s.BrowserOpened = false })
	}
	go m.run(connectCtx, fl, cfg)
	if req.Until != nil {
		go func() {
			select {
			case <-req.Until.Done():
				fl.stop()
			case <-fl.done:
			}
		}()
	}
	return fl.snapshot(), nil
}

// fillFromAccount completes a reconnect request from the account.
func (m *Manager) fillFromAccount(ctx context.Context, req *Request) error {
	if req.AccountID == 0 {
		return nil
	}
	acc, err := m.Accounts().Store.AccountByID(ctx, req.AccountID)
	if err != nil {
		return err
	}
	if acc.Platform != req.Platform {
		return ErrNotBrowserPlatform
	}
	extra := acc.Extra()
	req.BaseURL = acc.BaseURL
	if req.Platform == youtube.Platform {
		if req.ClientID == "" {
			req.ClientID = extra[youtube.ExtraClientID]
		}
		if req.ClientID != extra[youtube.ExtraClientID] {
			return ErrClientMismatch
		}
		if req.TokenURL == "" {
			req.TokenURL = extra[youtube.ExtraTokenURL]
		}
		if req.ClientSecret == "" {
			req.ClientSecret = m.savedSecret(ctx, acc.ID, req.ClientID)
		}
	}
	return nil
}

// savedSecret is the client secret kept with the account's refresh token,
// or else the one saved as the workspace's Google app ("" if neither).
func (m *Manager) savedSecret(ctx context.Context, accountID int64, clientID string) string {
	svc := m.Accounts()
	if v, err := svc.Vault.Get(ctx, secrets.AccountTokenKey(svc.WorkspaceID, accountID)); err == nil {
		if sec, ok := youtube.DecodeOAuthSecret(v); ok && sec.ClientSecret != "" {
			return sec.ClientSecret
		}
	}
	if id, secret, err := svc.AppCredentials(ctx, "google"); err == nil && id == clientID {
		return secret
	}
	return ""
}

// config builds the OAuth client of a request.
func (m *Manager) config(ctx context.Context, req Request, redirect string) (oauth.Config, error) {
	if req.Platform == youtube.Platform {
		return youtube.OAuthConfig(req.ClientID, req.ClientSecret, req.AuthURL, req.TokenURL), nil
	}
	app, err := mastodon.RegisterApp(ctx, req.BaseURL, redirect)
	if err != nil {
		return oauth.Config{}, err
	}
	return mastodon.OAuthConfig(req.BaseURL, app)
}

// run waits for the browser, then connects the account.
func (m *Manager) run(ctx context.Context, fl *flow, cfg oauth.Config) {
	defer close(fl.done)
	defer fl.cancel()
	tok, err := fl.oauth.Wait(ctx)
	if err != nil {
		m.end(fl, 0, err)
		return
	}
	fl.update(func(s *Status) { s.State = Connecting })
	token, extra, err := m.accountToken(fl.req, cfg, tok)
	if err != nil {
		m.end(fl, 0, err)
		return
	}
	svc := m.Accounts()
	cctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	var id int64
	if fl.req.AccountID != 0 {
		acc, err := svc.Reconnect(cctx, accounts.ReconnectRequest{AccountID: fl.req.AccountID, Token: token, Actor: fl.req.Actor})
		id = acc.ID
		if err != nil {
			m.end(fl, 0, err)
			return
		}
	} else {
		acc, err := svc.Connect(cctx, accounts.ConnectRequest{Platform: fl.req.Platform, Token: token, Name: fl.req.Name,
			BaseURL: fl.req.BaseURL, Extra: extra, Actor: fl.req.Actor})
		id = acc.ID
		if err != nil {
			m.end(fl, 0, err)
			return
		}
	}
	if fl.req.Platform == youtube.Platform {
		// Kept so the next connect or reconnect can offer the same client.
		_ = svc.SetAppCredentials(context.WithoutCancel(ctx), "google", fl.req.ClientID, fl.req.ClientSecret, fl.req.Actor)
	}
	m.end(fl, id, nil)
}

// accountToken is what the account keeps in the keyring, and its settings.
func (m *Manager) accountToken(req Request, cfg oauth.Config, tok oauth.Token) (string, map[string]string, error) {
	if req.Platform == mastodon.Platform {
		return tok.AccessToken, nil, nil
	}
	if tok.RefreshToken == "" {
		return "", nil, ErrNoRefreshToken
	}
	extra := map[string]string{youtube.ExtraClientID: cfg.ClientID}
	if cfg.Endpoint.TokenURL != youtube.GoogleTokenURL {
		extra[youtube.ExtraTokenURL] = cfg.Endpoint.TokenURL
	}
	return youtube.OAuthSecret{RefreshToken: tok.RefreshToken, ClientSecret: cfg.ClientSecret}.Encode(), extra, nil
}

// end records a flow's outcome.
func (m *Manager) end(fl *flow, accountID int64, err error) {
	at := m.now()
	fl.update(func(s *Status) {
		s.EndedAt, s.Err, s.AccountID = at, err, accountID
		switch {
		case err == nil:
			s.State = Done
		case errors.Is(err, oauth.ErrCanceled), errors.Is(err, context.Canceled):
			s.State, s.Err = Canceled, oauth.ErrCanceled
		default:
			s.State = Failed
		}
	})
}

// Status returns a flow's state.
func (m *Manager) Status(id string) (Status, error) {
	fl := m.get(id)
	if fl == nil {
		return Status{}, ErrUnknownFlow
	}
	return fl.snapshot(), nil
}

// Cancel ends a flow that has not finished (no-op for an ended one).
func (m *Manager) Cancel(id string) (Status, error) {
	fl := m.get(id)
	if fl == nil {
		return Status{}, ErrUnknownFlow
	}
	fl.stop()
	<-fl.done
	return fl.snapshot(), nil
}

// Wait blocks until the flow ends or ctx does, and returns its status.
func (m *Manager) Wait(ctx context.Context, id string) (Status, error) {
	fl := m.get(id)
	if fl == nil {
		return Status{}, ErrUnknownFlow
	}
	select {
	case <-fl.done:
	case <-ctx.Done():
		fl.stop()
		<-fl.done
	}
	return fl.snapshot(), nil
}

// Close cancels every running flow (the app is closing).
func (m *Manager) Close() {
	m.mu.Lock()
	list := make([]*flow, 0, len(m.flows))
	for _, fl := range m.flows {
		list = append(list, fl)
	}
	m.mu.Unlock()
	for _, fl := range list {
		fl.stop()
		<-fl.done
	}
}

// add registers a flow, canceling a waiting one of the same platform and
// forgetting flows that ended long ago.
func (m *Manager) add(fl *flow) {
	m.mu.Lock()
	if m.flows == nil {
		m.flows = map[string]*flow{}
	}
	var replaced []*flow
	now := m.now()
	for id, old := range m.flows {
		st := old.snapshot()
		switch {
		case st.State == Waiting && st.Platform == fl.req.Platform:
			replaced = append(replaced, old)
		case !st.EndedAt.IsZero() && now.Sub(st.EndedAt) > keepEnded:
			delete(m.flows, id)
		}
	}
	m.flows[fl.status.ID] = fl
	m.mu.Unlock()
	for _, old := range replaced {
		old.oauth.Cancel()
	}
}

// get returns a flow by id.
func (m *Manager) get(id string) *flow {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.flows[id]
}

// stop cancels the browser wait and the connect step.
func (fl *flow) stop() {
	fl.oauth.Cancel()
	fl.cancel()
}

// update changes the status under the flow's lock.
func (fl *flow) update(change func(*Status)) {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	change(&fl.status)
}

// snapshot returns a copy of the status.
func (fl *flow) snapshot() Status {
	fl.mu.Lock()
	defer fl.mu.Unlock()
	return fl.status
}
