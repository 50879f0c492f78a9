package metafake

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
)

// Published lists the Page posts the account published through POST /{page-id}/feed, oldest first.
func (s *Server) Published() []*Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Post
	for _, x := range s.sent {
		if x.Kind != "post" {
			continue
		}
		for _, p := range s.posts {
			if p.ID == x.ID {
				cp := *p
				out = append(out, &cp)
			}
		}
	}
	return out
}

// StartPublishing serves on loopback like Start, with the Page publishing
// route answered (see routePublish), and returns the base URL.
func (s *Server) StartPublishing() string {
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if parts, ok := feedPath(r); ok {
			s.servePublish(w, r, parts)
			return
		}
		s.serve(w, r)
	}))
	return s.srv.URL
}

// feedPath reports whether r is POST /{version}/{page}/feed and returns the path parts after the version.
func feedPath(r *http.Request) ([]string, bool) {
	if r.Method != http.MethodPost {
		return nil, false
	}
	loc := versionPrefix.FindStringIndex(r.URL.Path)
	if loc == nil {
		return nil, false
	}
	parts := strings.Split(strings.Trim(r.URL.Path[loc[1]-1:], "/"), "/")
	return parts, len(parts) == 2 && parts[1] == "feed"
}

// servePublish checks the call like every other (down, token, usage, injected failures) and publishes.
func (s *Server) servePublish(w http.ResponseWriter, r *http.Request, parts []string) {
	if s.Faults.Down() {
		http.Error(w, "down", http.StatusBadGateway)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, bad := s.checkToken(bearer(r))
	if bad != nil {
		writeError(w, http.StatusBadRequest, *bad)
		return
	}
	if !s.countCall(w) {
		return
	}
	if f, ok := s.Faults.TakeFailure(); ok {
		writeError(w, f.Status, graphError{Message: "An unexpected error has occurred. Please retry your request later.", Type: "OAuthException", Code: 2, Transient: true})
		return
	}
	s.routePublish(w, r, t, parts)
}

// routePublish answers POST /{page-id}/feed with a Page token: the message
// becomes a Page post (listed by published_posts) and the new post's id
// ("{page-id}_{post-id}") is returned. It reports whether it handled the call,
// so route can hand it publishing calls.
func (s *Server) routePublish(w http.ResponseWriter, r *http.Request, t *token, parts []string) bool {
	if len(parts) != 2 || parts[1] != "feed" || r.Method != http.MethodPost {
		return false
	}
	if t.platform != Messenger || (parts[0] != s.Page.ID && parts[0] != "me") {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#200) The user hasn't authorized the application to perform this action", Type: "OAuthException", Code: 200})
		return true
	}
	text := publishMessage(r)
	if strings.TrimSpace(text) == "" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) The parameter message is required", Type: "OAuthException", Code: 100})
		return true
	}
	now := s.Clock.Now()
	p := &Post{ID: s.Page.ID + "_" + s.newID(""), Platform: Messenger, Caption: text, At: now, Updated: now}
	s.posts = append(s.posts, p)
	s.record(Sent{Kind: "post", Platform: Messenger, TargetID: s.Page.ID, ID: p.ID, Text: text, At: now})
	writeJSON(w, map[string]string{"id": p.ID})
	return true
}

// publishMessage reads message from a JSON body, else like the other routes (query or form).
func publishMessage(r *http.Request) string {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var body struct {
			Message string `json:"message"`
		}
		if json.NewDecoder(r.Body).Decode(&body) == nil {
			return body.Message
		}
	}
	return message(r)
}
