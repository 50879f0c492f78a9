package mastodonfake

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// resetFormat is how Mastodon writes X-RateLimit-Reset (Ruby's iso8601(6)).
const resetFormat = "2006-01-02T15:04:05.000000Z07:00"

// rateState is the token's request budget in the current window.
type rateState struct {
	limit     int
	period    time.Duration
	used      int
	windowEnd time.Time
}

// faults are the failures queued by the control methods.
type faults struct {
	fakekit.Faults
	// rateLimits queue 429s; the value is how far off X-RateLimit-Reset is.
	rateLimits fakekit.Countdown[time.Duration]
	// scopeMethod and scopePath restrict the queued failures to matching
	// requests. Server.mu guards them.
	scopeMethod, scopePath string
}

// defaultMessages are Mastodon's words for the failures FailNext may inject.
var defaultMessages = map[int]string{
	http.StatusBadRequest:          "Bad request",
	http.StatusUnauthorized:        "The access token is invalid",
	http.StatusForbidden:           "This action is outside the authorized scopes",
	http.StatusNotFound:            "Record not found",
	http.StatusGone:                "Gone",
	http.StatusUnprocessableEntity: "Validation failed: injected failure",
	http.StatusTooManyRequests:     "Too many requests",
	http.StatusServiceUnavailable:  "There was a temporary problem serving your request, please try again",
}

// Now returns the fake's clock: the real time unless SetNow froze it.
func (s *Server) Now() time.Time { return s.clock.Now() }

// nowLocked reads the clock while Server.mu is held (the clock has its own lock).
func (s *Server) nowLocked() time.Time { return s.clock.Now() }

// SetNow freezes the fake's clock at t. The clock dates the Date header, the rate-limit windows and the statuses posted through the API.
func (s *Server) SetNow(t time.Time) { s.clock.Set(t) }

// Advance moves the clock forward by d (freezing a running one first).
func (s *Server) Advance(d time.Duration) { s.clock.Advance(d) }

// SetRateLimit sets the request budget per period (Mastodon: 300 per 5 minutes)
// and starts a fresh window. Requests beyond the budget answer 429 until the
// window, aligned to the period like rack-attack's, ends.
func (s *Server) SetRateLimit(limit int, period time.Duration) {
	if period <= 0 {
		period = DefaultRatePeriod
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rate = rateState{limit: limit, period: period}
}

// RateLimitNext makes the next n requests answer 429. With resetIn > 0 they carry
// X-RateLimit-Limit, -Remaining (0) and -Reset (now + resetIn), as rack-attack
// sends them; with resetIn == 0 they carry no rate-limit headers at all, as a
// proxy in front of an instance may answer.
func (s *Server) RateLimitNext(n int, resetIn time.Duration) {
	s.faults.rateLimits.Set(n, resetIn)
}

// FailNext makes the next n requests answer status with Mastodon's usual error
// text for it. A status outside 400..599 is taken as 500.
func (s *Server) FailNext(n, status int) {
	s.FailNextWith(n, status, "")
}

// FailNextWith is FailNext with a chosen error text ("" for the usual one).
func (s *Server) FailNextWith(n, status int, message string) {
	status = fakekit.ErrorStatus(status)
	if n < 0 {
		n = math.MaxInt // a negative n fails every request, as it always has
	}
	if message == "" {
		message = defaultMessages[status]
	}
	if message == "" {
		message = http.StatusText(status)
	}
	s.faults.FailNextWith(n, fakekit.Failure{Status: status, Message: message})
}

// TruncateNext cuts the next n responses in half, leaving invalid JSON. The
// request itself still takes effect, as when a connection drops mid-answer.
func (s *Server) TruncateNext(n int) {
	s.faults.TruncateNext(n)
}

// SetDown makes every request answer 502 with an HTML page (a proxy whose
// backend is gone) until it is set back to false.
func (s *Server) SetDown(down bool) {
	s.faults.SetDown(down)
}

// SetFaultScope limits RateLimitNext, FailNext and TruncateNext to requests with
// this method ("" for any) and path ("" for any; a path ending in "/" matches
// as a prefix). Other requests pass untouched and do not use up the faults.
func (s *Server) SetFaultScope(method, path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.scopeMethod, s.faults.scopePath = method, path
}

// RevokeToken makes the token invalid, as when the user revokes the app.
func (s *Server) RevokeToken() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.revoked = true
}

// inScope reports whether the queued faults apply to r.
func (s *Server) inScope(r *http.Request) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inScopeLocked(r)
}

// inScopeLocked reports whether the queued faults apply to r.
func (s *Server) inScopeLocked(r *http.Request) bool {
	f := &s.faults
	if f.scopeMethod != "" && r.Method != f.scopeMethod {
		return false
	}
	switch {
	case f.scopePath == "":
		return true
	case strings.HasSuffix(f.scopePath, "/"):
		return strings.HasPrefix(r.URL.Path, f.scopePath)
	default:
		return r.URL.Path == f.scopePath
	}
}

// throttle applies an injected 429 or the budget, writes the rate-limit headers
// into h and reports whether the request is refused.
func (s *Server) throttle(r *http.Request, h http.Header) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.nowLocked()
	if s.inScopeLocked(r) {
		if resetIn, ok := s.faults.rateLimits.Take(); ok {
			if resetIn > 0 {
				setRateHeaders(h, s.rate.limit, 0, now.Add(resetIn))
			}
			return true
		}
	}
	rs := &s.rate
	if !now.Before(rs.windowEnd) {
		rs.used = 0
		rs.windowEnd = now.Truncate(rs.period).Add(rs.period)
	}
	rs.used++
	setRateHeaders(h, rs.limit, max(rs.limit-rs.used, 0), rs.windowEnd)
	return rs.used > rs.limit
}

// setRateHeaders writes the X-RateLimit-* headers.
func setRateHeaders(h http.Header, limit, remaining int, reset time.Time) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset", reset.UTC().Format(resetFormat))
}

// injectedFault consumes a queued failure that applies to r, if any.
func (s *Server) injectedFault(r *http.Request) (reply, bool) {
	if !s.inScope(r) {
		return reply{}, false
	}
	f, ok := s.faults.TakeFailure()
	if !ok {
		return reply{}, false
	}
	return fail(f.Status, f.Message), true
}

// takeTruncation consumes a queued truncation that applies to r, if any.
func (s *Server) takeTruncation(r *http.Request) bool {
	return s.inScope(r) && s.faults.TakeTruncation()
}
