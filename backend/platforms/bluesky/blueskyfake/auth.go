package blueskyfake

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// createSession logs in with the handle or DID and the app password. Calls
// past CreateSessionLimit get 429 RateLimitExceeded, as on Bluesky.
func (s *Server) createSession(r *request) reply {
	identifier := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(r.str("identifier")), "@"))
	password := r.str("password")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.createCalls > s.CreateSessionLimit {
		reset := time.Now().Add(5 * time.Minute).Unix()
		rep := fail(http.StatusTooManyRequests, "RateLimitExceeded", "Rate Limit Exceeded")
		rep.header = http.Header{
			"Ratelimit-Limit":     {strconv.Itoa(s.CreateSessionLimit)},
			"Ratelimit-Remaining": {"0"},
			"Ratelimit-Reset":     {strconv.FormatInt(reset, 10)},
			"Ratelimit-Policy":    {strconv.Itoa(s.CreateSessionLimit) + ";w=300"},
		}
		return rep
	}
	if identifier == "" || password == "" {
		return invalid("Error: Params must have the properties \"identifier\" and \"password\"")
	}
	known := identifier == strings.ToLower(s.Account.Handle) || identifier == strings.ToLower(s.Account.DID)
	if !known || s.appPassword == "" || password != s.appPassword {
		return fail(http.StatusUnauthorized, "AuthenticationRequired", "Invalid identifier or password")
	}
	return success(s.issueLocked())
}

// refreshSession trades a refresh token for a new pair; the old refresh token
// stops working at once (Bluesky allows a short grace period; the fake is stricter).
func (s *Server) refreshSession(r *request) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.refresh[r.token]; !ok {
		return fail(http.StatusBadRequest, "ExpiredToken", "Token has been revoked")
	}
	delete(s.refresh, r.token)
	return success(s.issueLocked())
}

// deleteSession revokes a refresh token.
func (s *Server) deleteSession(r *request) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.refresh, r.token)
	return reply{status: http.StatusOK, body: []byte("{}")}
}

// sessionView is createSession's and refreshSession's answer.
type sessionView struct {
	AccessJwt  string `json:"accessJwt"`
	RefreshJwt string `json:"refreshJwt"`
	Handle     string `json:"handle"`
	DID        string `json:"did"`
	Active     bool   `json:"active"`
}

// issueLocked creates a token pair for the account.
func (s *Server) issueLocked() sessionView {
	access, refresh := "fakeaccess."+randomHex(), "fakerefresh."+randomHex()
	s.access[access] = accessToken{did: s.Account.DID, expires: time.Now().Add(s.AccessTTL)}
	s.refresh[refresh] = s.Account.DID
	s.issued = append(s.issued, access, refresh)
	return sessionView{AccessJwt: access, RefreshJwt: refresh, Handle: s.Account.Handle, DID: s.Account.DID, Active: true}
}

// randomHex returns 24 random bytes in hex.
func randomHex() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// getProfile returns a known profile by DID or handle.
func (s *Server) getProfile(r *request) reply {
	actor := strings.ToLower(r.q.Get("actor"))
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.profiles {
		if strings.ToLower(p.DID) == actor || strings.ToLower(p.Handle) == actor {
			return success(p)
		}
	}
	return invalid("Profile not found")
}

// ExpireAccessTokens makes every access token issued so far expired, so the
// next call with one gets 400 ExpiredToken (refresh tokens stay valid).
func (s *Server) ExpireAccessTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	past := time.Now().Add(-time.Second)
	for token, at := range s.access {
		at.expires = past
		s.access[token] = at
	}
}

// RevokeAppPassword deletes the app password and every session made with
// it: tokens are rejected and createSession answers 401.
func (s *Server) RevokeAppPassword() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.appPassword = ""
	s.access = map[string]accessToken{}
	s.refresh = map[string]string{}
}

// SetAppPassword sets the app password createSession accepts (a new app password).
func (s *Server) SetAppPassword(password string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.appPassword = password
}

// SetDMAccess sets whether the app password may use chat ("Allow access to
// your direct messages"). Without it chat calls answer 400 InvalidToken
// "Bad token method", as the PDS does.
func (s *Server) SetDMAccess(allowed bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dmAccess = allowed
}

// CreateSessionCalls counts createSession requests, answered or not.
func (s *Server) CreateSessionCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.createCalls
}

// RefreshSessionCalls counts refreshSession requests.
func (s *Server) RefreshSessionCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refreshUse
}

// IssuedTokens returns every access and refresh token issued, so tests can
// check that none leaks into an error message or a log.
func (s *Server) IssuedTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.issued...)
}
