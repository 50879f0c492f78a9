// Package oauthfake is a fake OAuth 2.0 authorization server for tests, the
// end-to-end run and other fakes (Mastodon's /oauth/* routes). It serves, on
// loopback:
//
//   - GET  <prefix>/authorize: checks the client, the redirect URI (loopback
//     only, and one registered for the client when the client has a list),
//     response_type=code and an S256 code challenge, then decides at once
//     (no login page): it redirects back with a code, or with
//     error=access_denied, or with a wrong state, as set by SetDecision;
//   - POST <prefix>/token: authorization_code (checks the client secret, that
//     the code is unused and unexpired, the redirect URI is the one the code
//     was issued for and the PKCE verifier matches) and refresh_token grants.
//
// Errors have RFC 6749's shape ({"error","error_description"}). Requests
// shows what clients sent, secrets included, for tests to assert on.
package oauthfake

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Decision is what the fake answers an authorization request with.
type Decision int

// Decisions.
const (
	// Approve redirects back with a code (the default).
	Approve Decision = iota
	// Deny redirects back with error=access_denied.
	Deny
	// WrongState redirects back with a code and a state the client never sent.
	WrongState
	// Hold never redirects: the request hangs until the client gives up (a
	// person who never finishes in the browser).
	Hold
)

// Client is a registered OAuth client.
type Client struct {
	ID, Secret string
	// RedirectURIs, when not empty, are the only redirect URIs accepted
	// (exact match, as Mastodon does). Empty accepts any loopback URI on any
	// port, as Google does for desktop clients.
	RedirectURIs []string
	Scopes       []string
}

// Request is one request a client made.
type Request struct {
	Path string
	Form url.Values
}

// grant is an issued authorization code.
type grant struct {
	client, redirect, challenge, scope string
	used                               bool
	issued                             time.Time
}

// Server is the fake authorization server.
type Server struct {
	// Prefix is the path the endpoints live under ("" or "/oauth").
	prefix string
	// CodeTTL is how long a code may be exchanged.
	codeTTL time.Duration

	mu           sync.Mutex
	clients      map[string]Client
	decision     Decision
	codes        map[string]*grant
	refresh      map[string]string // refresh token -> client id
	access       map[string]string // access token -> refresh token
	accessToken  func() string
	expiresIn    int
	rotate       bool
	failToken    int
	requests     []Request
	scopeGranted map[string]string // access token -> scope
	httpSrv      *httptest.Server
}

// New returns a fake with its endpoints under prefix ("" for /authorize and /token).
func New(prefix string) *Server {
	return &Server{
		prefix:       strings.TrimRight(prefix, "/"),
		codeTTL:      10 * time.Minute,
		clients:      map[string]Client{},
		codes:        map[string]*grant{},
		refresh:      map[string]string{},
		access:       map[string]string{},
		scopeGranted: map[string]string{},
		expiresIn:    3600,
	}
}

// Start serves the fake on a loopback port and returns it.
func (s *Server) Start() *Server {
	s.httpSrv = httptest.NewServer(s)
	return s
}

// Close stops the server started by Start.
func (s *Server) Close() {
	if s.httpSrv != nil {
		s.httpSrv.Close()
	}
}

// URL is the server's root ("http://127.0.0.1:port").
func (s *Server) URL() string { return s.httpSrv.URL }

// AuthURL is the authorization endpoint's address.
func (s *Server) AuthURL() string { return s.URL() + s.prefix + "/authorize" }

// TokenURL is the token endpoint's address.
func (s *Server) TokenURL() string { return s.URL() + s.prefix + "/token" }

// AddClient registers a client.
func (s *Server) AddClient(c Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clients[c.ID] = c
}

// RegisterClient creates a client with random credentials (Mastodon's POST
// /api/v1/apps) and returns it.
func (s *Server) RegisterClient(redirectURIs, scopes []string) Client {
	c := Client{ID: random(16), Secret: random(24), RedirectURIs: redirectURIs, Scopes: scopes}
	s.AddClient(c)
	return c
}

// SetDecision sets how authorization requests are answered.
func (s *Server) SetDecision(d Decision) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.decision = d
}

// SetAccessToken makes every issued access token come from next (for a
// fake API that accepts one fixed token); nil issues random tokens.
func (s *Server) SetAccessToken(next func() string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.accessToken = next
}

// SetExpiresIn sets the access tokens' lifetime in seconds (0: not sent).
func (s *Server) SetExpiresIn(secs int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expiresIn = secs
}

// SetRotateRefresh makes refresh grants issue a new refresh token too.
func (s *Server) SetRotateRefresh(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rotate = on
}

// FailTokenNext makes the next n token requests answer 503.
func (s *Server) FailTokenNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failToken = n
}

// RevokeRefresh makes a refresh token invalid (invalid_grant from then on).
func (s *Server) RevokeRefresh(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.refresh, token)
}

// RefreshTokens returns the refresh tokens currently valid.
func (s *Server) RefreshTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.refresh))
	for t := range s.refresh {
		out = append(out, t)
	}
	return out
}

// ValidAccess reports whether an access token was issued by this server and
// its refresh token is still valid, and the scope it carries.
func (s *Server) ValidAccess(token string) (scope string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rt, ok := s.access[token]
	if !ok {
		return "", false
	}
	if rt != "" {
		if _, live := s.refresh[rt]; !live {
			return "", false
		}
	}
	return s.scopeGranted[token], true
}

// Requests returns the requests made so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case s.prefix + "/authorize":
		s.authorize(w, r)
	case s.prefix + "/token":
		s.token(w, r)
	default:
		http.NotFound(w, r)
	}
}

// authorize answers an authorization request.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		oauthError(w, http.StatusMethodNotAllowed, "invalid_request", "GET only")
		return
	}
	q := r.URL.Query()
	s.mu.Lock()
	s.requests = append(s.requests, Request{Path: "authorize", Form: q})
	client, known := s.clients[q.Get("client_id")]
	decision := s.decision
	s.mu.Unlock()
	redirect := q.Get("redirect_uri")
	// Problems with the client or the redirect URI are shown to the person,
	// never redirected (RFC 6749 §4.1.2.1).
	switch {
	case !known:
		oauthError(w, http.StatusBadRequest, "invalid_client", "unknown client_id")
		return
	case !redirectAllowed(client, redirect):
		oauthError(w, http.StatusBadRequest, "invalid_request", "redirect_uri not allowed")
		return
	}
	back, _ := url.Parse(redirect)
	bq := back.Query()
	bq.Set("state", q.Get("state"))
	switch {
	case q.Get("response_type") != "code":
		bq.Set("error", "unsupported_response_type")
	case q.Get("code_challenge_method") != "S256" || len(q.Get("code_challenge")) != 43:
		bq.Set("error", "invalid_request")
		bq.Set("error_description", "PKCE S256 code challenge required")
	case !scopesAllowed(client, q.Get("scope")):
		bq.Set("error", "invalid_scope")
	case decision == Deny:
		bq.Set("error", "access_denied")
	case decision == Hold:
		<-r.Context().Done()
		return
	default:
		code := random(20)
		s.mu.Lock()
		s.codes[code] = &grant{client: client.ID, redirect: redirect, challenge: q.Get("code_challenge"), scope: q.Get("scope"), issued: time.Now()}
		s.mu.Unlock()
		bq.Set("code", code)
		if decision == WrongState {
			bq.Set("state", "not-"+q.Get("state"))
		}
	}
	back.RawQuery = bq.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

// token answers a token request.
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		oauthError(w, http.StatusMethodNotAllowed, "invalid_request", "POST only")
		return
	}
	if err := r.ParseForm(); err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "unreadable form")
		return
	}
	f := r.PostForm
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{Path: "token", Form: f})
	if s.failToken > 0 {
		s.failToken--
		oauthError(w, http.StatusServiceUnavailable, "temporarily_unavailable", "try again later")
		return
	}
	id, secret := f.Get("client_id"), f.Get("client_secret")
	if u, p, ok := r.BasicAuth(); ok {
		id, secret = u, p
	}
	client, known := s.clients[id]
	if !known || subtle.ConstantTimeCompare([]byte(client.Secret), []byte(secret)) != 1 {
		oauthError(w, http.StatusUnauthorized, "invalid_client", "client authentication failed")
		return
	}
	switch f.Get("grant_type") {
	case "authorization_code":
		g := s.codes[f.Get("code")]
		switch {
		case g == nil || g.used || time.Since(g.issued) > s.codeTTL || g.client != id:
			oauthError(w, http.StatusBadRequest, "invalid_grant", "unknown, used or expired code")
			return
		case f.Get("redirect_uri") != g.redirect:
			oauthError(w, http.StatusBadRequest, "invalid_grant", "redirect_uri mismatch")
			return
		case challengeOf(f.Get("code_verifier")) != g.challenge:
			oauthError(w, http.StatusBadRequest, "invalid_grant", "code_verifier does not match")
			return
		}
		g.used = true
		rt := random(24)
		s.refresh[rt] = id
		s.issueLocked(w, rt, g.scope, true)
	case "refresh_token":
		rt := f.Get("refresh_token")
		if owner, ok := s.refresh[rt]; !ok || owner != id {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "refresh token expired or revoked")
			return
		}
		scope := ""
		for at, r := range s.access {
			if r == rt {
				scope = s.scopeGranted[at]
			}
		}
		if s.rotate {
			next := random(24)
			s.refresh[next] = id
			rt = next
		}
		s.issueLocked(w, rt, scope, s.rotate)
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "")
	}
}

// issueLocked writes a token answer.
func (s *Server) issueLocked(w http.ResponseWriter, refresh, scope string, sendRefresh bool) {
	at := random(24)
	if s.accessToken != nil {
		at = s.accessToken()
	}
	s.access[at] = refresh
	s.scopeGranted[at] = scope
	body := map[string]any{"access_token": at, "token_type": "Bearer", "scope": scope}
	if s.expiresIn > 0 {
		body["expires_in"] = s.expiresIn
	}
	if sendRefresh {
		body["refresh_token"] = refresh
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(body)
}

// redirectAllowed accepts a registered URI, or any http loopback URI for
// clients without a list.
func redirectAllowed(c Client, redirect string) bool {
	if len(c.RedirectURIs) > 0 {
		for _, u := range c.RedirectURIs {
			if u == redirect {
				return true
			}
		}
		return false
	}
	u, err := url.Parse(redirect)
	if err != nil || u.Scheme != "http" {
		return false
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback()
}

// scopesAllowed checks the requested scopes against the client's, when it has a list.
func scopesAllowed(c Client, scope string) bool {
	if len(c.Scopes) == 0 {
		return true
	}
	allowed := map[string]bool{}
	for _, s := range c.Scopes {
		for _, part := range strings.Fields(s) {
			allowed[part] = true
		}
	}
	for _, s := range strings.Fields(scope) {
		if !allowed[s] {
			return false
		}
	}
	return true
}

// challengeOf is the S256 challenge of a verifier.
func challengeOf(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// oauthError writes RFC 6749's error body.
func oauthError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": desc})
}

// random returns n random bytes in hex.
func random(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
