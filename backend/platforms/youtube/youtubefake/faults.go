package youtubefake

import (
	"net/http"
	"strings"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// faults are the failures queued by the control methods.
type faults struct {
	fakekit.Faults
	// rateLimits queue 403 rateLimitExceeded answers.
	rateLimits fakekit.Countdown[struct{}]
	// scopePath and scopeQuery restrict the queued failures to matching
	// requests. Server.mu guards them.
	scopePath, scopeQuery string
}

// reasons are the YouTube reasons FailNext uses for each status.
var reasons = map[int]struct{ domain, reason, message string }{
	http.StatusBadRequest:          {"youtube.api", "processingFailure", "The API server failed to successfully process the request."},
	http.StatusUnauthorized:        {"global", "authError", "Invalid Credentials"},
	http.StatusForbidden:           {"youtube.commentThread", "commentsDisabled", "The video identified by the videoId parameter has disabled comments."},
	http.StatusNotFound:            {"youtube.comment", "commentNotFound", "The specified comment could not be found."},
	http.StatusInternalServerError: {"global", "backendError", "Backend Error"},
	http.StatusServiceUnavailable:  {"global", "backendError", "The service is currently unavailable."},
}

// Now returns the fake's clock: the real time unless SetNow froze it.
func (s *Server) Now() time.Time { return s.clock.Now() }

// nowLocked reads the clock while Server.mu is held (the clock has its own lock).
func (s *Server) nowLocked() time.Time { return s.clock.Now() }

// SetNow freezes the fake's clock at t. The clock dates comments created through the API and decides the quota day.
func (s *Server) SetNow(t time.Time) { s.clock.Set(t) }

// Advance moves the clock forward by d (freezing a running one first).
func (s *Server) Advance(d time.Duration) { s.clock.Advance(d) }

// SetDailyBudget sets the project's daily quota in units (YouTube's default
// is 10,000). Units already used today stay used.
func (s *Server) SetDailyBudget(units int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.budget = units
}

// Used returns the units charged since the last midnight Pacific time.
func (s *Server) Used() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rollQuotaLocked()
	return s.used
}

// rollQuotaLocked starts a new quota day at midnight Pacific time.
func (s *Server) rollQuotaLocked() {
	day := s.nowLocked().In(pacific).Format(time.DateOnly)
	if day != s.quotaDay {
		s.quotaDay, s.used = day, 0
	}
}

// charge takes a method's cost from the day's budget. It refuses, with
// YouTube's 403 quotaExceeded and without charging, a call the rest of the
// budget cannot pay for. Every call that passes is charged in full, even if
// the method then fails ("all API requests, including invalid requests, incur
// a quota cost").
func (s *Server) charge(method string) (reply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rollQuotaLocked()
	units := costs[method]
	if s.used+units > s.budget {
		return fail(http.StatusForbidden, "youtube.quota", "quotaExceeded",
			`The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.`), false
	}
	s.used += units
	s.charges = append(s.charges, Charge{Method: method, Units: units})
	return reply{}, true
}

// RateLimitNext makes the next n authorized API calls answer 403
// rateLimitExceeded (YouTube's short-term per-project limit), without charge.
func (s *Server) RateLimitNext(n int) {
	s.faults.rateLimits.Set(n, struct{}{})
}

// FailNext makes the next n authorized API calls answer status with a typical
// YouTube reason for it (400 processingFailure, 403 commentsDisabled, 404
// commentNotFound, 500 and 503 backendError), without charge. A status outside
// 400..599 is taken as 500.
func (s *Server) FailNext(n, status int) {
	s.FailNextWith(n, status, "", "")
}

// FailNextWith is FailNext with a chosen reason and message ("" for the usual ones).
func (s *Server) FailNextWith(n, status int, reason, message string) {
	status = fakekit.ErrorStatus(status)
	def := reasons[status]
	if reason == "" {
		reason = def.reason
	}
	if reason == "" {
		reason = "unknownError"
	}
	if message == "" {
		message = def.message
	}
	if message == "" {
		message = http.StatusText(status)
	}
	s.faults.FailNextWith(n, fakekit.Failure{Status: status, Name: reason, Message: message})
}

// TruncateNext cuts the next n response bodies in half, leaving invalid JSON.
// The call itself still takes effect, as when a connection drops mid-answer.
func (s *Server) TruncateNext(n int) {
	s.faults.TruncateNext(n)
}

// SetDown makes every request answer 502 with Google's HTML error page until
// it is set back to false.
func (s *Server) SetDown(down bool) {
	s.faults.SetDown(down)
}

// RevokeToken makes the token invalid, as when the user removes the app's access.
func (s *Server) RevokeToken() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.revoked = true
}

// SetFaultScope limits RateLimitNext, FailNext and TruncateNext to requests
// for path below APIRoot ("" for any, "/commentThreads") whose raw query
// contains query ("" for any, "moderationStatus=heldForReview"). Other
// requests pass untouched and do not use up the faults.
func (s *Server) SetFaultScope(path, query string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.scopePath, s.faults.scopeQuery = path, query
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
	return (f.scopePath == "" || strings.TrimPrefix(r.URL.Path, APIRoot) == f.scopePath) &&
		(f.scopeQuery == "" || strings.Contains(r.URL.RawQuery, f.scopeQuery))
}

// injectedFault consumes a queued rate limit or failure, if any.
func (s *Server) injectedFault(r *http.Request) (reply, bool) {
	if !s.inScope(r) {
		return reply{}, false
	}
	if _, ok := s.faults.rateLimits.Take(); ok {
		return fail(http.StatusForbidden, "youtube.quota", "rateLimitExceeded",
			"The request cannot be completed because you have exceeded your quota for requests per minute."), true
	}
	if f, ok := s.faults.TakeFailure(); ok {
		domain := reasons[f.Status].domain
		if domain == "" {
			domain = "global"
		}
		return fail(f.Status, domain, f.Name, f.Message), true
	}
	return reply{}, false
}

// takeTruncation consumes a queued truncation, if any.
func (s *Server) takeTruncation(r *http.Request) bool {
	return s.inScope(r) && s.faults.TakeTruncation()
}
