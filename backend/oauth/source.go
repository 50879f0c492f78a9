package oauth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"
)

// RefreshSkew is how long before its expiry an access token is renewed.
const RefreshSkew = 2 * time.Minute

// TokenSource hands out a valid access token, renewing it with the refresh
// token shortly before it lapses. Concurrent callers share one renewal. If the
// server rotates the refresh token, the new one is kept (and reported through
// OnRotate); otherwise the original stays in use.
type TokenSource struct {
	cfg Config
	// OnRotate, when set, receives a new refresh token the server issued in
	// place of the old one, so the caller can keep it. The old one is kept
	// in use if OnRotate is nil.
	OnRotate func(refreshToken string)

	mu      sync.Mutex
	refresh string
	current Token
}

// NewTokenSource returns a source for a refresh token.
func NewTokenSource(cfg Config, refreshToken string) *TokenSource {
	return &TokenSource{cfg: cfg, refresh: refreshToken}
}

// Token returns an access token valid for at least RefreshSkew more, renewing
// it when needed. A refused refresh token is a *TokenError wrapping ErrInvalidGrant.
func (s *TokenSource) Token(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current.AccessToken != "" && (s.current.ExpiresAt.IsZero() || s.cfg.now().Add(RefreshSkew).Before(s.current.ExpiresAt)) {
		return s.current.AccessToken, nil
	}
	tok, err := s.cfg.Refresh(ctx, s.refresh)
	if err != nil {
		return "", err
	}
	if tok.RefreshToken != "" && tok.RefreshToken != s.refresh {
		s.refresh = tok.RefreshToken
		if s.OnRotate != nil {
			s.OnRotate(tok.RefreshToken)
		}
	}
	s.current = tok
	return tok.AccessToken, nil
}

// Invalidate drops the cached access token (the API refused it), so the next
// Token call renews it.
func (s *TokenSource) Invalidate() {
	s.mu.Lock()
	s.current = Token{}
	s.mu.Unlock()
}

// Expiry is when the cached access token lapses (zero when none is cached).
func (s *TokenSource) Expiry() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current.ExpiresAt
}

// Sources shares one TokenSource per (token endpoint, client, refresh token)
// in a process, so connectors rebuilt for every sync cycle reuse the access
// token instead of asking for a new one each time.
type Sources struct {
	mu sync.Mutex
	m  map[string]*TokenSource
}

// Get returns the shared source of cfg's client and refreshToken, creating it.
func (ss *Sources) Get(cfg Config, refreshToken string) *TokenSource {
	sum := sha256.Sum256([]byte(cfg.Endpoint.TokenURL + "\x00" + cfg.ClientID + "\x00" + cfg.ClientSecret + "\x00" + refreshToken))
	key := hex.EncodeToString(sum[:])
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if ss.m == nil {
		ss.m = map[string]*TokenSource{}
	}
	if s := ss.m[key]; s != nil {
		return s
	}
	s := NewTokenSource(cfg, refreshToken)
	ss.m[key] = s
	return s
}
