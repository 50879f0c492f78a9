package meta

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

// DefaultUsageThreshold is the usage percentage from which calls are spaced out.
const DefaultUsageThreshold = 80

// highUsageSpacing is the least time between two calls of an account once
// its usage passed the threshold.
const highUsageSpacing = 2 * time.Second

// usage is what one answer's usage headers said: the highest percentage of
// any budget (calls, CPU time, total time) and the longest
// estimated_time_to_regain_access.
type usage struct {
	// pct is the highest usage percentage seen, -1 when the answer had no usage header.
	pct    int
	regain time.Duration
}

// usageCounters is the body of X-App-Usage and X-Page-Usage, and one entry of X-Business-Use-Case-Usage.
type usageCounters struct {
	CallCount    float64 `json:"call_count"`
	TotalCPUTime float64 `json:"total_cputime"`
	TotalTime    float64 `json:"total_time"`
	// Regain is in minutes.
	Regain float64 `json:"estimated_time_to_regain_access"`
}

// parseUsage reads X-App-Usage, X-Page-Usage and X-Business-Use-Case-Usage.
// Unreadable headers are ignored.
func parseUsage(h http.Header) usage {
	u := usage{pct: -1}
	add := func(c usageCounters) {
		u.pct = max(u.pct, int(max(c.CallCount, c.TotalCPUTime, c.TotalTime)))
		if c.Regain > 0 {
			u.regain = max(u.regain, time.Duration(c.Regain*float64(time.Minute)))
		}
	}
	for _, name := range []string{"X-App-Usage", "X-Page-Usage"} {
		var c usageCounters
		if v := h.Get(name); v != "" && json.Unmarshal([]byte(v), &c) == nil {
			add(c)
		}
	}
	if v := h.Get("X-Business-Use-Case-Usage"); v != "" {
		var buc map[string][]usageCounters
		if json.Unmarshal([]byte(v), &buc) == nil {
			for _, list := range buc {
				for _, c := range list {
					add(c)
				}
			}
		}
	}
	return u
}

// limiter paces one account's calls: a least spacing per edge, wider spacing
// while usage is above the threshold, and no calls at all while Meta says
// access is cut off. It is shared by every connector of the account.
type limiter struct {
	threshold int

	mu sync.Mutex
	// next is the earliest time of the next call per edge.
	next map[string]time.Time
	// usage is the latest usage percentage (-1 unknown).
	usage        int
	blockedUntil time.Time
}

// reserve books a call on edge at now: it returns how long to wait first, or
// (when access is cut off) how long until it is back, in which case nothing is booked.
func (l *limiter) reserve(edge string, spacing time.Duration, now time.Time) (wait, blocked time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Before(l.blockedUntil) {
		return 0, l.blockedUntil.Sub(now)
	}
	if l.usage >= l.threshold {
		spacing = max(spacing, highUsageSpacing)
		edge = "" // under pressure every call counts against the same budget
	}
	if spacing <= 0 {
		return 0, 0
	}
	if l.next == nil {
		l.next = map[string]time.Time{}
	}
	at := now
	if n, ok := l.next[edge]; ok && n.After(at) {
		at = n
	}
	l.next[edge] = at.Add(spacing)
	return at.Sub(now), 0
}

// note records an answer's usage.
func (l *limiter) note(u usage, now time.Time) {
	if u.pct < 0 && u.regain == 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if u.pct >= 0 {
		l.usage = u.pct
	}
	if u.regain > 0 && now.Add(u.regain).After(l.blockedUntil) {
		l.blockedUntil = now.Add(u.regain)
	}
}

// block stops calls until t (after a throttling error).
func (l *limiter) block(t time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t.After(l.blockedUntil) {
		l.blockedUntil = t
	}
}

// Usage reports the latest usage percentage the account's answers carried
// (-1 before any) and until when Meta cut access off (zero when it is not).
// It is not part of platforms.Connector: assert interface{ Usage() (int, time.Time) }.
func (c *connector) Usage() (pct int, blockedUntil time.Time) {
	c.lim.mu.Lock()
	defer c.lim.mu.Unlock()
	return c.lim.usage, c.lim.blockedUntil
}
