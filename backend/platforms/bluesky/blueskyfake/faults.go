package blueskyfake

import (
	"net/http"
	"strconv"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// faults are the failures queued by the control methods.
type faults struct {
	fakekit.Faults
	// rateLimits queue 429s; the value is the ratelimit-reset time.
	rateLimits fakekit.Countdown[time.Time]
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
	s.faults.rateLimits.Set(n, reset)
}

// FailNext makes the next n XRPC calls answer status with a typical error
// body. A status outside 400..599 is taken as 500.
func (s *Server) FailNext(n, status int) {
	status = fakekit.ErrorStatus(status)
	names, ok := defaultNames[status]
	if !ok {
		names = [2]string{"InternalServerError", http.StatusText(status)}
	}
	s.FailNextWith(n, status, names[0], names[1])
}

// FailNextWith makes the next n XRPC calls answer status with
// {"error": name, "message": message}.
func (s *Server) FailNextWith(n, status int, name, message string) {
	s.faults.FailNextWith(n, fakekit.Failure{Status: status, Name: name, Message: message})
}

// TruncateNext cuts the next n responses in half, leaving invalid JSON. The
// call itself still takes effect, as when a connection drops mid-answer.
func (s *Server) TruncateNext(n int) {
	s.faults.TruncateNext(n)
}

// SetDown makes every call answer 502 with an HTML page until set back to false.
func (s *Server) SetDown(down bool) {
	s.faults.SetDown(down)
}

// injectedFault consumes a queued rate limit or failure, if any.
func (s *Server) injectedFault() (reply, bool) {
	if reset, ok := s.faults.rateLimits.Take(); ok {
		rep := fail(http.StatusTooManyRequests, "RateLimitExceeded", "Rate Limit Exceeded")
		if !reset.IsZero() {
			rep.header = http.Header{
				"Ratelimit-Limit":     {"3000"},
				"Ratelimit-Remaining": {"0"},
				"Ratelimit-Reset":     {strconv.FormatInt(reset.Unix(), 10)},
				"Ratelimit-Policy":    {"3000;w=300"},
			}
		} else {
			rep.header = http.Header{"Ratelimit-Reset": nil, "Ratelimit-Limit": nil, "Ratelimit-Remaining": nil, "Ratelimit-Policy": nil}
		}
		return rep, true
	}
	if f, ok := s.faults.TakeFailure(); ok {
		return fail(f.Status, f.Name, f.Message), true
	}
	return reply{}, false
}
