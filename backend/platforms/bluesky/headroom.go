package bluesky

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms"
)

// rateWindow is the rate limit a PDS last stated in its ratelimit-limit,
// ratelimit-remaining and ratelimit-reset (epoch seconds) headers. It is kept
// per account, shared by the account's connectors.
type rateWindow struct {
	mu        sync.Mutex
	seen      bool
	limit     int64
	remaining int64
	reset     time.Time
}

// observe records the headers of an answer; an answer without all three (or
// with unusable values) changes nothing.
func (w *rateWindow) observe(h http.Header) {
	limit, okL := headerInt(h, "ratelimit-limit")
	remaining, okR := headerInt(h, "ratelimit-remaining")
	reset, okT := headerInt(h, "ratelimit-reset")
	if !okL || !okR || !okT || limit <= 0 {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.seen, w.limit, w.remaining, w.reset = true, limit, min(remaining, limit), time.Unix(reset, 0)
}

// headerInt reads a non-negative integer header.
func headerInt(h http.Header, name string) (int64, bool) {
	v, err := strconv.ParseInt(strings.TrimSpace(h.Get(name)), 10, 64)
	return v, err == nil && v >= 0
}

// Headroom reports the PDS's rate limit as its latest ratelimit-* headers
// stated it: calls used and allowed in the current window and when the window
// resets. It implements platforms.HeadroomReporter, so the sync engine paces
// the account's polling and Account health shows it; ok is false before any
// answer carried the headers. The session calls (createSession and
// refreshSession, with their own much smaller limits) are not counted here.
func (c *connector) Headroom() (platforms.Headroom, bool) {
	w := &c.acct.rate
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.seen {
		return platforms.Headroom{}, false
	}
	return platforms.Headroom{Kind: "rate", Used: w.limit - w.remaining, Limit: w.limit, ResetsAt: w.reset}, true
}

// Interface check.
var _ platforms.HeadroomReporter = (*connector)(nil)

// observeRate records an answer's rate-limit headers unless it answers a
// session call.
func (c *connector) observeRate(nsid string, h http.Header) {
	if strings.HasPrefix(nsid, "com.atproto.server.") {
		return
	}
	c.acct.rate.observe(h)
}
