package platforms

import (
	"context"
	"time"
)

// TokenInfo is what a platform says about an access token's lifetime.
type TokenInfo struct {
	// ExpiresAt is when the token lapses; the zero time means it does not
	// expire or the platform does not say.
	ExpiresAt time.Time
	// Scopes are the permissions granted, when the platform reports them.
	Scopes []string
}

// RefreshedToken is a new access token a platform issued in place of the old one.
type RefreshedToken struct {
	Token string
	// ExpiresAt is when the new token lapses (zero: never or unknown).
	ExpiresAt time.Time
}

// TokenRefresher is implemented by connectors whose long-lived tokens can be
// renewed before they expire (Instagram's ig_refresh_token). The caller
// stores the new token in the vault; the old one stays valid until its own
// expiry, so a failed save loses nothing.
type TokenRefresher interface {
	// RefreshToken asks for a new token. A token the platform will not renew
	// yet (too new) is a KindPermanent error; an expired one is KindAuth.
	RefreshToken(ctx context.Context) (RefreshedToken, error)
}

// TokenInspector is implemented by connectors that can read a token's
// lifetime from the platform without renewing it.
type TokenInspector interface {
	InspectToken(ctx context.Context) (TokenInfo, error)
}
