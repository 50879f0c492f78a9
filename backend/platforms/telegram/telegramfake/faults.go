package telegramfake

import (
	"fmt"
	"net/http"
)

// faults are the failures queued by the control methods.
type faults struct {
	rateLimited, retryAfter int
	failures, failStatus    int
	truncations             int
	down                    bool
}

// descriptions are Telegram's wording for failures FailNext may inject.
var descriptions = map[int]string{
	http.StatusBadRequest: "Bad Request: injected failure",
	http.StatusForbidden:  "Forbidden: bot was blocked by the user",
	http.StatusConflict:   conflictDescription,
}

// RateLimitNext makes the next n API calls answer 429 with parameters.retry_after.
func (s *Server) RateLimitNext(n, retryAfter int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.rateLimited, s.faults.retryAfter = n, retryAfter
}

// FailNext makes the next n API calls answer status with an error envelope.
// A status outside 400..599 is taken as 500.
func (s *Server) FailNext(n, status int) {
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.failures, s.faults.failStatus = n, status
}

// TruncateNext cuts the next n responses in half, leaving invalid JSON.
// The call itself still takes effect, as when a connection drops mid-answer.
func (s *Server) TruncateNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.truncations = n
}

// SetDown makes every call answer 502 Bad Gateway until it is set back to false.
func (s *Server) SetDown(down bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.down = down
}

// isDown reports whether SetDown(true) is in effect.
func (s *Server) isDown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults.down
}

// injectedFault consumes a queued rate limit or failure, if any.
func (s *Server) injectedFault() (reply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := &s.faults
	switch {
	case f.rateLimited > 0:
		f.rateLimited--
		return failWith(http.StatusTooManyRequests,
			fmt.Sprintf("Too Many Requests: retry after %d", f.retryAfter),
			&responseParams{RetryAfter: f.retryAfter}), true
	case f.failures > 0:
		f.failures--
		desc, ok := descriptions[f.failStatus]
		if !ok {
			desc = http.StatusText(f.failStatus)
		}
		return fail(f.failStatus, desc), true
	}
	return reply{}, false
}

// takeTruncation consumes a queued truncation, if any.
func (s *Server) takeTruncation() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults.truncations == 0 {
		return false
	}
	s.faults.truncations--
	return true
}
