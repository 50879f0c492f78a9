package youtubefake

// AcceptTokens makes the fake accept the bearer tokens check approves (the
// access tokens a fake authorization server issued, see backend/oauth/oauthfake)
// instead of its one fixed token; nil goes back to the fixed token. check is
// called with the fake's lock held: it must not call the fake.
func (s *Server) AcceptTokens(check func(token string) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokenCheck = check
}
