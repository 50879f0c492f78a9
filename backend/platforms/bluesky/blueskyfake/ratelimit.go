package blueskyfake

import "time"

// rateWindow is the rate-limit window the fake states in its ratelimit-*
// headers, as a PDS does on every answer (3000 calls per 5 minutes per IP
// on Bluesky's PDSes).
type rateWindow struct {
	set   bool
	limit int
	// from is the request count when the window was set.
	from  int
	reset time.Time
}

// SetRateLimit makes the ratelimit-* headers of later answers state a window
// of limit calls ending at reset, counting the calls from now on. Without it
// the fake states 3000 calls per 5 minutes from the wall clock.
func (s *Server) SetRateLimit(limit int, reset time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.window = rateWindow{set: true, limit: limit, from: s.requests, reset: reset}
}

// windowLocked returns the window's limit, what remains and its reset time.
func (s *Server) windowLocked() (limit, remaining int, reset time.Time) {
	if !s.window.set {
		return 3000, max(0, 3000-s.requests), time.Now().Add(5 * time.Minute)
	}
	return s.window.limit, max(0, s.window.limit-(s.requests-s.window.from)), s.window.reset
}

// Requests counts every XRPC request the fake received.
func (s *Server) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}
