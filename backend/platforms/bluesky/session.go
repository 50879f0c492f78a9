package bluesky

import (
	"context"
	"crypto/sha256"
	"log/slog"
	"net/http"
	"strings"
	"sync"

	"creatordesk/backend/platforms"
)

// XRPC methods of the session flow.
const (
	nsidCreateSession  = "com.atproto.server.createSession"
	nsidRefreshSession = "com.atproto.server.refreshSession"
	nsidDeleteSession  = "com.atproto.server.deleteSession"
)

// SessionStore keeps an account's refresh JWT between runs of the app, so a
// restart refreshes the session instead of spending one of the few
// createSession calls Bluesky allows (30 per 5 minutes, 300 per day).
//
// The refresh JWT is a secret as strong as the app password for about two
// months: implement the store over the OS keyring, never over the database.
// Keys are account DIDs; the implementation adds its own namespace (the
// workspace). Calls may block (a keyring prompt); they get the caller's context.
type SessionStore interface {
	// LoadSession returns the refresh JWT saved for did, or "" when there is none.
	LoadSession(ctx context.Context, did string) (string, error)
	// SaveSession stores refreshJwt for did, replacing the earlier one; "" removes it.
	SaveSession(ctx context.Context, did, refreshJwt string) error
}

// Sessions holds the live Bluesky sessions of the process and builds
// connectors that share them. The sync loop and the send gate each build a
// connector per use; sharing makes them all use (and refresh) one session per
// account instead of logging in again. Its New method is a platforms.Factory.
// A Sessions is safe for concurrent use.
type Sessions struct {
	store SessionStore
	http  *http.Client

	mu       sync.Mutex
	accounts map[string]*account // by base URL + identifier, and base URL + DID
}

// NewSessions returns an empty session pool that persists refresh JWTs in
// store (nil keeps them in memory only, so each app start logs in once).
func NewSessions(store SessionStore) *Sessions {
	return &Sessions{store: store, http: newHTTPClient(), accounts: map[string]*account{}}
}

// defaultSessions backs New.
var defaultSessions = NewSessions(nil)

// account is one logged-in Bluesky account: its session and the caches its
// connectors share (convo members and titles, post titles).
type account struct {
	// mu serialises session changes, so two connectors never refresh at once
	// (a refresh JWT is single-use: the second refresh would be rejected).
	mu      sync.Mutex
	did     string
	handle  string
	access  string
	refresh string
	// proven is the SHA-256 of the password that created the session; Verify
	// trusts the session only for that password.
	proven    [32]byte
	hasProven bool
	// loaded tells that the store was already asked for a refresh JWT.
	loaded bool

	// secretsMu guards recent, the tokens redact removes (read while mu may be held).
	secretsMu sync.Mutex
	recent    []string

	// rate is the PDS's rate limit as its latest answer stated it.
	rate rateWindow

	cacheMu sync.Mutex
	convos  map[string]convoInfo
	titles  map[string]string
}

// accountKey names an account in the pool: handles are case-insensitive and
// DIDs are lower-case in practice.
func accountKey(base, identifier string) string {
	return base + " " + strings.ToLower(identifier)
}

// lookup returns the pooled account for identifier on base, creating it.
func (s *Sessions) lookup(base, identifier string) *account {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := accountKey(base, identifier)
	if a, ok := s.accounts[key]; ok {
		return a
	}
	a := &account{convos: map[string]convoInfo{}, titles: map[string]string{}}
	s.accounts[key] = a
	return a
}

// alias files a under its DID too, so connectors built with the DID share it.
func (s *Sessions) alias(base, did string, a *account) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.accounts[accountKey(base, did)] = a
}

// Forget ends the account's session: it revokes the refresh JWT on the server
// (best effort), drops the session from memory and deletes the stored refresh
// JWT. Call it when the account is disconnected. baseURL is the account's
// Credentials.BaseURL ("" for the default).
func (s *Sessions) Forget(ctx context.Context, baseURL, did string) error {
	base := normalizeBase(baseURL)
	s.mu.Lock()
	a := s.accounts[accountKey(base, did)] // every logged-in account is filed under its DID
	for key, other := range s.accounts {
		if a != nil && other == a {
			delete(s.accounts, key)
		}
	}
	s.mu.Unlock()
	refresh := ""
	if a != nil {
		a.mu.Lock()
		refresh = a.refresh
		a.access, a.refresh, a.hasProven = "", "", false
		a.mu.Unlock()
	}
	if refresh == "" && s.store != nil {
		refresh, _ = s.store.LoadSession(ctx, did)
	}
	if refresh != "" {
		c := &connector{sessions: s, acct: &account{}, base: base}
		_, _ = c.send(ctx, call{nsid: nsidDeleteSession, post: true}, refresh)
	}
	if s.store != nil {
		return s.store.SaveSession(ctx, did, "")
	}
	return nil
}

// sessionOutput is createSession's and refreshSession's answer.
type sessionOutput struct {
	AccessJwt  string `json:"accessJwt"`
	RefreshJwt string `json:"refreshJwt"`
	Handle     string `json:"handle"`
	DID        string `json:"did"`
	Active     *bool  `json:"active"`
	Status     string `json:"status"`
}

// tokens returns the tokens the account has used lately, for redaction.
func (a *account) tokens() []string {
	a.secretsMu.Lock()
	defer a.secretsMu.Unlock()
	return append([]string(nil), a.recent...)
}

// remember adds tokens to the redaction list, keeping the last few.
func (a *account) remember(tokens ...string) {
	a.secretsMu.Lock()
	defer a.secretsMu.Unlock()
	a.recent = append(a.recent, tokens...)
	if n := len(a.recent); n > 8 {
		a.recent = append([]string(nil), a.recent[n-8:]...)
	}
}

// ownDID returns the account's DID once a session exists.
func (a *account) ownDID() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.did
}

// accessToken returns a usable access token, establishing a session first if
// there is none (refresh a known refresh JWT, else createSession).
func (c *connector) accessToken(ctx context.Context) (string, error) {
	a := c.acct
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.access != "" {
		return a.access, nil
	}
	if err := c.establishLocked(ctx); err != nil {
		return "", err
	}
	return a.access, nil
}

// renew replaces the access token failed, unless another call already did.
func (c *connector) renew(ctx context.Context, failed string) (string, error) {
	a := c.acct
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.access != "" && a.access != failed {
		return a.access, nil
	}
	a.access = ""
	if err := c.establishLocked(ctx); err != nil {
		return "", err
	}
	return a.access, nil
}

// establishLocked gets an access token with as few createSession calls as
// possible: refresh the known (or stored) refresh JWT, and only when the
// server rejects it, log in with the app password. A refresh that fails for
// another reason (network, 5xx, rate limit) is returned as is, so a flaky
// network cannot burn the daily login allowance.
func (c *connector) establishLocked(ctx context.Context) error {
	a := c.acct
	if a.refresh == "" && !a.loaded && c.sessions.store != nil && strings.HasPrefix(c.identifier, "did:") {
		a.loaded = true
		rt, err := c.sessions.store.LoadSession(ctx, c.identifier)
		if err != nil {
			// The keyring is unavailable: log in without it rather than stop syncing.
			logWarn(ctx, "bluesky: could not load the stored session", "error", err.Error())
		} else if rt != "" {
			a.refresh, a.did = rt, c.identifier
			a.remember(rt)
		}
	}
	if a.refresh != "" {
		err := c.refreshLocked(ctx)
		if err == nil || platforms.KindOf(err) != platforms.KindAuth {
			return err
		}
		// The refresh JWT was rejected (expired, revoked, or from another server): log in.
	}
	return c.createLocked(ctx)
}

// createLocked logs in with the identifier and app password.
func (c *connector) createLocked(ctx context.Context) error {
	body := map[string]string{"identifier": c.identifier, "password": c.password}
	out, err := c.sessionCall(ctx, call{nsid: nsidCreateSession, post: true, body: body}, "")
	if err != nil {
		return err
	}
	a := c.acct
	a.proven, a.hasProven = sha256.Sum256([]byte(c.password)), true
	return c.adoptLocked(ctx, out)
}

// refreshLocked trades the refresh JWT for a new pair. A rejected refresh JWT
// is forgotten, here and in the store.
func (c *connector) refreshLocked(ctx context.Context) error {
	a := c.acct
	out, err := c.sessionCall(ctx, call{nsid: nsidRefreshSession, post: true}, a.refresh)
	if err != nil {
		if platforms.KindOf(err) == platforms.KindAuth {
			did := a.did
			a.refresh, a.hasProven = "", false
			if c.sessions.store != nil && did != "" {
				if serr := c.sessions.store.SaveSession(ctx, did, ""); serr != nil {
					logWarn(ctx, "bluesky: could not delete the stored session", "error", serr.Error())
				}
			}
		}
		return err
	}
	return c.adoptLocked(ctx, out)
}

// sessionCall makes a createSession or refreshSession call with an explicit bearer.
func (c *connector) sessionCall(ctx context.Context, cl call, bearer string) (sessionOutput, error) {
	var out sessionOutput
	ans, err := c.send(ctx, cl, bearer)
	if err != nil {
		return out, err
	}
	if err := c.decode(cl, ans, &out); err != nil {
		return out, err
	}
	if out.AccessJwt == "" || out.RefreshJwt == "" || !strings.HasPrefix(out.DID, "did:") {
		return out, errTransient(cl.nsid + ": incomplete session in the response")
	}
	if out.Active != nil && !*out.Active {
		status := out.Status
		if status == "" {
			status = "inactive"
		}
		c.acct.remember(out.AccessJwt, out.RefreshJwt)
		return out, errAuth(cl.nsid + ": the account is " + status)
	}
	return out, nil
}

// adoptLocked installs a new session and persists its refresh JWT.
func (c *connector) adoptLocked(ctx context.Context, out sessionOutput) error {
	a := c.acct
	a.remember(out.AccessJwt, out.RefreshJwt)
	a.access, a.refresh, a.did, a.handle, a.loaded = out.AccessJwt, out.RefreshJwt, out.DID, out.Handle, true
	c.sessions.alias(c.base, out.DID, a)
	if c.sessions.store != nil {
		if err := c.sessions.store.SaveSession(ctx, out.DID, out.RefreshJwt); err != nil {
			logWarn(ctx, "bluesky: could not store the session", "error", err.Error())
		}
	}
	return nil
}

// prove makes sure the session was created with this connector's password,
// logging in when it was not (a session from the store, or from an earlier
// password), so Verify never accepts a wrong password.
func (c *connector) prove(ctx context.Context) (did, handle string, err error) {
	a := c.acct
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.access == "" || !a.hasProven || a.proven != sha256.Sum256([]byte(c.password)) {
		// A failed login leaves the working session (if any) in place.
		if err := c.createLocked(ctx); err != nil {
			return "", "", err
		}
	}
	return a.did, a.handle, nil
}

// session returns the account's DID, establishing the session if needed.
func (c *connector) session(ctx context.Context) (string, error) {
	if _, err := c.accessToken(ctx); err != nil {
		return "", err
	}
	return c.acct.ownDID(), nil
}

// logWarn logs without message content or secrets.
func logWarn(ctx context.Context, msg string, args ...any) {
	slog.Default().WarnContext(ctx, msg, append([]any{"platform", Platform}, args...)...)
}
