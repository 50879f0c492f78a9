package metafake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// Defaults of a new Server.
const (
	// DefaultUsageLimit is the calls per usage window before throttling.
	DefaultUsageLimit = 200
	// UsageWindow is how long the usage counter runs before it resets.
	UsageWindow = time.Hour
	// DefaultRegainMinutes is the estimated_time_to_regain_access reported when throttled.
	DefaultRegainMinutes = 1
)

// Server is a running fake.
type Server struct {
	// Clock is the fake's time (the real time until frozen).
	Clock fakekit.Clock
	// Faults are the injected failures.
	Faults fakekit.Faults

	mu sync.Mutex
	// IG is the Instagram professional account; Page is the Facebook Page.
	IG, Page Person
	// HumanAgent grants the HUMAN_AGENT tag (7-day window).
	HumanAgent bool
	// UsageLimit is the calls per window before code 4; RegainMinutes the wait then reported.
	UsageLimit, RegainMinutes int

	tokens      map[string]*token
	convs       []*Conversation
	posts       []*Post
	sent        []Sent
	uploads     map[string]SentFile // attachment ids from message_attachments
	calls       int
	windowStart time.Time
	nextID      int
	srv         *httptest.Server
}

// New returns a fake with an Instagram account and a Page; add tokens with AddToken.
func New() *Server {
	return &Server{
		IG:         Person{ID: "17841400000000001", Username: "glazeco", Name: "Glaze & Co."},
		Page:       Person{ID: "104000000000001", Name: "Glaze & Co."},
		UsageLimit: DefaultUsageLimit, RegainMinutes: DefaultRegainMinutes,
		tokens: map[string]*token{},
	}
}

// AddToken makes tok valid for platform (Instagram: the IG user token;
// Messenger: the Page token), issued now and expiring after ttl (0: never).
func (s *Server) AddToken(tok, platform string, ttl time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.Clock.Now()
	t := &token{platform: platform, issued: now}
	if ttl > 0 {
		t.expires = now.Add(ttl)
	}
	s.tokens[tok] = t
}

// SetTokenIssued backdates a token (refresh needs a token at least 24 hours old).
func (s *Server) SetTokenIssued(tok string, issued time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.tokens[tok]; t != nil {
		t.issued = issued
	}
}

// Start serves on loopback and returns the base URL (without a version).
func (s *Server) Start() string {
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s.srv.URL
}

// URL is the base URL once started.
func (s *Server) URL() string { return s.srv.URL }

// Close stops the server.
func (s *Server) Close() {
	if s.srv != nil {
		s.srv.Close()
	}
}

// Calls is how many API calls were made in the current usage window.
func (s *Server) Calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// ResetUsage starts a new usage window.
func (s *Server) ResetUsage() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls, s.windowStart = 0, s.Clock.Now()
}

// versionPrefix is the versioned part of a path ("/v25.0").
var versionPrefix = regexp.MustCompile(`^/v\d+\.\d+(/|$)`)

// serve routes one request.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == InspectSentPath {
		s.inspectSent(w)
		return
	}
	if s.Faults.Down() {
		http.Error(w, "down", http.StatusBadGateway)
		return
	}
	tw := &truncWriter{ResponseWriter: w, cut: s.Faults.TakeTruncation()}
	defer tw.flush()
	w = tw
	tok := bearer(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	t, bad := s.checkToken(tok)
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
	path := r.URL.Path
	if path == "/refresh_access_token" {
		s.refresh(w, r, tok, t)
		return
	}
	loc := versionPrefix.FindStringIndex(path)
	if loc == nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "Unknown path components: " + path, Type: "OAuthException", Code: 2500})
		return
	}
	parts := strings.Split(strings.Trim(path[loc[1]-1:], "/"), "/")
	s.route(w, r, t, parts)
}

// bearer is the request's token: the Authorization header, else access_token.
func bearer(r *http.Request) string {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimPrefix(h, "Bearer ")
	}
	return r.URL.Query().Get("access_token")
}

// checkToken finds a valid token or the 190 error to answer.
func (s *Server) checkToken(tok string) (*token, *graphError) {
	t := s.tokens[tok]
	if t == nil {
		return nil, &graphError{Message: "Invalid OAuth access token - Cannot parse access token", Type: "OAuthException", Code: 190}
	}
	if now := s.Clock.Now(); !t.expires.IsZero() && !now.Before(t.expires) {
		return nil, &graphError{Message: "Error validating access token: Session has expired on " + t.expires.Format(time.RFC1123) + ".",
			Type: "OAuthException", Code: 190, Subcode: 463}
	}
	return t, nil
}

// countCall counts a call, writes the usage headers, and answers code 4 past the limit.
func (s *Server) countCall(w http.ResponseWriter) bool {
	now := s.Clock.Now()
	if s.windowStart.IsZero() || now.Sub(s.windowStart) >= UsageWindow {
		s.calls, s.windowStart = 0, now
	}
	s.calls++
	limit := max(s.UsageLimit, 1)
	pct := s.calls * 100 / limit
	over := s.calls > limit
	regain := 0
	if over {
		regain = max(s.RegainMinutes, 1)
		pct = 100
	}
	app, _ := json.Marshal(map[string]int{"call_count": pct, "total_time": pct / 2, "total_cputime": pct / 3})
	w.Header().Set("X-App-Usage", string(app))
	buc, _ := json.Marshal(map[string][]map[string]any{s.IG.ID: {{"type": "instagram", "call_count": pct,
		"total_cputime": pct / 3, "total_time": pct / 2, "estimated_time_to_regain_access": regain}}})
	w.Header().Set("X-Business-Use-Case-Usage", string(buc))
	if over {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#4) Application request limit reached", Type: "OAuthException", Code: 4, Transient: true})
		return false
	}
	return true
}

// graphError is Graph's error object.
type graphError struct {
	Message   string `json:"message"`
	Type      string `json:"type"`
	Code      int    `json:"code"`
	Subcode   int    `json:"error_subcode,omitempty"`
	Transient bool   `json:"is_transient,omitempty"`
	TraceID   string `json:"fbtrace_id"`
}

// writeError answers Graph's error envelope.
func writeError(w http.ResponseWriter, status int, e graphError) {
	e.TraceID = "AfakeTrace" + strconv.Itoa(e.Code)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]graphError{"error": e})
}

// writeJSON answers 200 with v.
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// notFound answers Graph's "object does not exist" error.
func notFound(w http.ResponseWriter, id string) {
	writeError(w, http.StatusBadRequest, graphError{
		Message: fmt.Sprintf("Unsupported get request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", id),
		Type:    "GraphMethodException", Code: 100, Subcode: 33})
}

// truncWriter cuts a response in half when asked (a dropped connection).
type truncWriter struct {
	http.ResponseWriter
	cut    bool
	buf    []byte
	status int
}

func (t *truncWriter) WriteHeader(status int) {
	if !t.cut {
		t.ResponseWriter.WriteHeader(status)
		return
	}
	t.status = status
}

func (t *truncWriter) Write(b []byte) (int, error) {
	if !t.cut {
		return t.ResponseWriter.Write(b)
	}
	t.buf = append(t.buf, b...)
	return len(b), nil
}

func (t *truncWriter) flush() {
	if !t.cut {
		return
	}
	if t.status != 0 {
		t.ResponseWriter.WriteHeader(t.status)
	}
	_, _ = t.ResponseWriter.Write(t.buf[:len(t.buf)/2])
}

// newID returns a fresh id with a prefix.
func (s *Server) newID(prefix string) string {
	s.nextID++
	return fmt.Sprintf("%s%d", prefix, 1000+s.nextID)
}

// graphTime formats a time as Graph does ("2017-08-31T19:16:02+0000").
func graphTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05-0700")
}
