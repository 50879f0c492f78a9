package meta

import "creatordesk/backend/platforms"

// Headroom reports the account's Graph API usage as Meta's usage headers
// (X-App-Usage, X-Page-Usage, X-Business-Use-Case-Usage) last stated it: the
// highest percentage of any budget, out of 100. Meta's budgets roll over a
// one-hour window without a reset time, so ResetsAt is only set while Meta has
// cut access off (estimated_time_to_regain_access or a throttling error), and
// then the budget counts as used up. It implements platforms.HeadroomReporter;
// ok is false before any answer carried a usage header.
func (c *connector) Headroom() (platforms.Headroom, bool) {
	pct, blockedUntil := c.Usage()
	blocked := blockedUntil.After(c.now())
	if pct < 0 && !blocked {
		return platforms.Headroom{}, false
	}
	h := platforms.Headroom{Kind: "rate", Used: int64(max(pct, 0)), Limit: 100}
	if blocked {
		h.Used, h.ResetsAt = max(h.Used, 100), blockedUntil
	}
	return h, true
}
