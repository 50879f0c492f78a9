package mastodonfake

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"

	"creatordesk/backend/oauth/oauthfake"
)

// The fake's OAuth side, as a Mastodon instance has it: POST /api/v1/apps
// registers a client (client_name, redirect_uris, scopes) and
// /oauth/authorize and /oauth/token run the authorization-code flow (PKCE
// checked) through backend/oauth/oauthfake, which decides at once (no login
// page). The access token the flow issues is the fake's own token, so the
// rest of the fake accepts it.

// oauthState is the lazily built authorization server.
type oauthState struct {
	once sync.Once
	srv  *oauthfake.Server
	apps []App
}

// App is a client registered through POST /api/v1/apps.
type App struct {
	Name, ClientID, ClientSecret, Scopes string
	RedirectURIs                         []string
}

// OAuth returns the fake's authorization server (to set its decision, revoke
// tokens or read what clients sent).
func (s *Server) OAuth() *oauthfake.Server {
	s.oauth.once.Do(func() {
		s.oauth.srv = oauthfake.New("/oauth")
		s.oauth.srv.SetAccessToken(func() string {
			s.mu.Lock()
			defer s.mu.Unlock()
			return s.token
		})
		s.oauth.srv.SetExpiresIn(0) // Mastodon's tokens do not expire
	})
	return s.oauth.srv
}

// Apps returns the clients registered so far.
func (s *Server) Apps() []App {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]App(nil), s.oauth.apps...)
}

// serveOAuth answers the OAuth routes; it reports whether r was one.
func (s *Server) serveOAuth(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case strings.HasPrefix(r.URL.Path, "/oauth/"):
		s.OAuth().ServeHTTP(w, r)
		return true
	case r.URL.Path == "/api/v1/apps" && r.Method == http.MethodPost:
		s.registerApp(w, r)
		return true
	}
	return false
}

// registerApp is POST /api/v1/apps.
func (s *Server) registerApp(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		writeJSONError(w, http.StatusUnprocessableEntity, "Validation failed: unreadable form")
		return
	}
	name := strings.TrimSpace(r.PostForm.Get("client_name"))
	redirects := strings.Fields(r.PostForm.Get("redirect_uris"))
	if len(redirects) == 0 {
		redirects = r.PostForm["redirect_uris[]"]
	}
	scopes := r.PostForm.Get("scopes")
	if scopes == "" {
		scopes = "read"
	}
	if name == "" || len(redirects) == 0 {
		writeJSONError(w, http.StatusUnprocessableEntity, "Validation failed: Application name and redirect URI can't be blank")
		return
	}
	c := s.OAuth().RegisterClient(redirects, []string{scopes})
	s.mu.Lock()
	s.oauth.apps = append(s.oauth.apps, App{Name: name, ClientID: c.ID, ClientSecret: c.Secret, Scopes: scopes, RedirectURIs: redirects})
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"id": "1", "name": name, "website": r.PostForm.Get("website"), "scopes": strings.Fields(scopes),
		"redirect_uri": strings.Join(redirects, "\n"), "redirect_uris": redirects,
		"client_id": c.ID, "client_secret": c.Secret, "vapid_key": "BFakeVapidKey=",
	})
}

// writeJSONError writes Mastodon's {"error": ...} body.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": msg})
}
