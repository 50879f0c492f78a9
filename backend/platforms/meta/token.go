package meta

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// RefreshToken renews an Instagram long-lived token (GET
// /refresh_access_token?grant_type=ig_refresh_token) for another 60 days; it
// works on a token at least 24 hours old that has not expired. Facebook Page
// tokens taken with a long-lived user token do not expire, so for facebook it
// is a permanent error.
func (c *connector) RefreshToken(ctx context.Context) (platforms.RefreshedToken, error) {
	if c.flavor != instagram {
		return platforms.RefreshedToken{}, c.errPermanent("refresh token: Facebook Page tokens do not expire and are not refreshed")
	}
	var resp struct {
		AccessToken string  `json:"access_token"`
		ExpiresIn   float64 `json:"expires_in"`
	}
	// The refresh endpoint is not versioned.
	err := c.do(ctx, call{op: "refresh token", method: http.MethodGet, path: "/refresh_access_token", unversioned: true,
		query: url.Values{"grant_type": {"ig_refresh_token"}}}, &resp)
	if err != nil {
		return platforms.RefreshedToken{}, err
	}
	if strings.TrimSpace(resp.AccessToken) == "" {
		return platforms.RefreshedToken{}, c.errTransient("refresh token: answer without a token")
	}
	out := platforms.RefreshedToken{Token: resp.AccessToken}
	if resp.ExpiresIn > 0 {
		out.ExpiresAt = c.now().Add(time.Duration(resp.ExpiresIn) * time.Second).UTC()
	}
	return out, nil
}

// asPlatformError is errors.As for *platforms.Error.
func asPlatformError(err error, target **platforms.Error) bool {
	return errors.As(err, target)
}

// containsFold reports whether s contains sub, ignoring case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
