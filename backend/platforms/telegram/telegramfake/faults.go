package telegramfake

import (
	"fmt"
	"net/http"

	"creatordesk/backend/platforms/fakekit"
)

// faults are the failures queued by the control methods.
type faults struct {
	fakekit.Faults
	// rateLimits queue 429s; the value is parameters.retry_after.
	rateLimits fakekit.Countdown[int]
}

// descriptions are Telegram's wording for failures FailNext may inject.
var descriptions = map[int]string{
	http.StatusBadRequest: "Bad Request: injected failure",
	http.StatusForbidden:  "Forbidden: bot was blocked by the user",
	http.StatusConflict:   conflictDescription,
}

// RateLimitNext makes the next n API calls answer 429 with parameters.retry_after.
func (s *Server) RateLimitNext(n, retryAfter int) {
	s.faults.rateLimits.Set(n, retryAfter)
}

// FailNext makes the next n API calls answer status with an error envelope.
// A status outside 400..599 is taken as 500.
func (s *Server) FailNext(n, status int) {
	s.faults.FailNext(n, status)
}

// TruncateNext cuts the next n responses in half, leaving invalid JSON.
// The call itself still takes effect, as when a connection drops mid-answer.
func (s *Server) TruncateNext(n int) {
	s.faults.TruncateNext(n)
}

// SetDown makes every call answer 502 Bad Gateway until it is set back to false.
func (s *Server) SetDown(down bool) {
	s.faults.SetDown(down)
}

// injectedFault consumes a queued rate limit or failure, if any.
func (s *Server) injectedFault() (reply, bool) {
	if retryAfter, ok := s.faults.rateLimits.Take(); ok {
		return failWith(http.StatusTooManyRequests,
			fmt.Sprintf("Too Many Requests: retry after %d", retryAfter),
			&responseParams{RetryAfter: retryAfter}), true
	}
	if f, ok := s.faults.TakeFailure(); ok {
		desc, ok := descriptions[f.Status]
		if !ok {
			desc = http.StatusText(f.Status)
		}
		return fail(f.Status, desc), true
	}
	return reply{}, false
}
