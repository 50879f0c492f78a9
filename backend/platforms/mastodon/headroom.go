package mastodon

import "creatordesk/backend/platforms"

// Headroom reports the instance's rate limit as its latest X-RateLimit-*
// headers stated it: calls used and allowed in the current window and when the
// window resets. It implements platforms.HeadroomReporter; ok is false before
// any answer carried the headers.
func (c *connector) Headroom() (platforms.Headroom, bool) {
	remaining, limit, reset := c.RateLimit()
	if limit <= 0 || remaining < 0 {
		return platforms.Headroom{}, false
	}
	used := int64(limit - remaining)
	if used < 0 {
		used = 0
	}
	return platforms.Headroom{Kind: "rate", Used: used, Limit: int64(limit), ResetsAt: reset}, true
}
