package youtube

import (
	"context"
	"errors"

	"creatordesk/backend/platforms"
)

// accessToken returns the token for one call: the fixed one, or a fresh one
// from the token source. A source's failure that is not already a
// *platforms.Error is transient (the token endpoint could not be reached).
func (c *connector) accessToken(ctx context.Context, op string) (string, error) {
	token := c.token
	if c.src != nil {
		t, err := c.src.Token(ctx)
		if err != nil {
			var pe *platforms.Error
			if errors.As(err, &pe) {
				return "", pe
			}
			e := errTransient(op + ": renew access token: " + transportReason(err))
			e.Err = err
			return "", e
		}
		token = t
	}
	c.mu.Lock()
	c.used = token
	c.mu.Unlock()
	return token, nil
}

// lastToken is the access token of the latest call ("" before any).
func (c *connector) lastToken() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.used != "" {
		return c.used
	}
	return c.token
}

// Headroom reports the day's quota: units used since midnight Pacific time,
// the daily budget and the next reset (platforms.HeadroomReporter).
func (c *connector) Headroom() (platforms.Headroom, bool) {
	used, budget, reset := c.quota.snapshot(c.now())
	return platforms.Headroom{Kind: "quota", Used: int64(used), Limit: int64(budget), ResetsAt: reset}, true
}
