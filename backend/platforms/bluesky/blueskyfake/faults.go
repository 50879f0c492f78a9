package blueskyfake

import (
	"net/http"
	"strconv"
	"time"
)

// faults are the failures queued by the control methods.
type faults struct {
	rateLimited int
	reset       time.Time
	failures    int
	failure     reply
	truncations int
	down        bool
}

// defaultNames are the XRPC error names FailNext uses per status.
var defaultNames = map[int][2]string{
	http.StatusBadRequest:          {"InvalidRequest", "injected failure"},
	http.StatusUnauthorized:        {"AuthenticationRequired", "Authentication Required"},
	http.StatusForbidden:           {"Forbidden", "injected failure"},
	http.StatusNotFound:            {"NotFound", "Not Found"},
	http.StatusInternalServerError: {"InternalServerError", "Internal Server Error"},
	http.StatusBadGateway:          {"UpstreamFailure", "Upstream Failure"},
	http.StatusServiceUnavailable:  {"NotEnoughResources", "Service Unavailable"},
}

// RateLimitNext makes the next n XRPC calls answer 429 RateLimitExceeded
// with ratelimit-reset set to reset (in epoch seconds); a zero reset sends
// no ratelimit-* headers at all.
func (s *Server) RateLimitNext(n int, reset time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.rateLimited, s.faults.reset = n, reset
}

// FailNext makes the next n XRPC calls answer status with a typical error
// body. A status outside 400..599 is taken as 500.
func (s *Server) FailNext(n, status int) {
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	names, ok := defaultNames[status]
	if !ok {
		names = [2]string{"InternalServerError", http.StatusText(status)}
	}
	s.FailNextWith(n, status, names[0], names[1])
}

// FailNextWith makes the next n XRPC calls answer status with
// {"error": name, "message": message}.
func (s *Server) FailNextWith(n, status int, name, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.failures, s.faults.failure = n, fail(status, name, message)
}

// TruncateNext cuts the next n responses in half, leaving invalid JSON. The
// call itself still takes effect, as when a connection drops mid-answer.
func (s *Server) TruncateNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.truncations = n
}

// SetDown makes every call answer 502 with an HTML page until set back to false.
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
		rep := fail(http.StatusTooManyRequests, "RateLimitExceeded", "Rate Limit Exceeded")
		if !f.reset.IsZero() {
			rep.header = http.Header{
				"Ratelimit-Limit":     {"3000"},
				"Ratelimit-Remaining": {"0"},
				"Ratelimit-Reset":     {strconv.FormatInt(f.reset.Unix(), 10)},
				"Ratelimit-Policy":    {"3000;w=300"},
			}
		} else {
			rep.header = http.Header{"Ratelimit-Reset": nil, "Ratelimit-Limit": nil, "Ratelimit-Remaining": nil, "Ratelimit-Policy": nil}
		}
		return rep, true
	case f.failures > 0:
		f.failures--
		return f.failure, true
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
