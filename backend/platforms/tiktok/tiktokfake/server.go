// Package tiktokfake is a fake of TikTok's API for Business (the Business
// account comment endpoints and token refresh) for tests and the demo: videos
// with comments and replies (public and hidden), cursor pagination with
// has_more, the {"code","message","request_id","data"} envelope with its
// non-zero codes (40100 too many requests, 40105 invalid token, 40102 expired
// token, 40001 not allowed), personal accounts that are refused, and
// malformed items on demand. It listens only on loopback.
package tiktokfake

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"sync"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// Codes the fake answers with.
const (
	CodeRateLimited  = 40100
	CodeTokenExpired = 40102
	CodeTokenInvalid = 40105
	CodeNotAllowed   = 40001
	CodeBadParam     = 40002
	CodeServer       = 50000
)

// IncludedReplies is how many replies include_replies puts in reply_list.
const IncludedReplies = 2

// Person is a TikTok user.
type Person struct {
	ID, Username, Name string
}

// Comment is one comment or reply.
type Comment struct {
	ID, Video, Parent string
	Author            Person
	Text              string
	At                time.Time
	Hidden            bool
	// Raw, when set, is served instead of the rendered comment (a malformed item).
	Raw json.RawMessage
}

// Server is a running fake.
type Server struct {
	Clock  fakekit.Clock
	Faults fakekit.Faults

	mu sync.Mutex
	// Account is the Business account; Personal makes it a personal account.
	Account  Person
	Personal bool
	// AppID and AppSecret are what token refresh requires.
	AppID, AppSecret string

	tokens   map[string]time.Time // access token -> expiry
	refresh  map[string]bool      // valid refresh tokens
	videos   []video
	comments []*Comment
	limited  fakekit.Countdown[bool]
	nextID   int
	srv      *httptest.Server
}

type video struct {
	ID, Caption string
	At          time.Time
}

// New returns a fake Business account.
func New(account Person) *Server {
	return &Server{Account: account, AppID: "7300000000000000001", AppSecret: "fake-app-secret-0123456789",
		tokens: map[string]time.Time{}, refresh: map[string]bool{}}
}

// AddToken makes tok valid for ttl from now.
func (s *Server) AddToken(tok string, ttl time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[tok] = s.Clock.Now().Add(ttl)
}

// AddRefreshToken makes a refresh token valid.
func (s *Server) AddRefreshToken(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refresh[tok] = true
}

// AddVideo adds a video posted at at.
func (s *Server) AddVideo(id, caption string, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.videos = append(s.videos, video{ID: id, Caption: caption, At: at})
	sort.SliceStable(s.videos, func(i, j int) bool { return s.videos[i].At.After(s.videos[j].At) })
}

// AddComment adds a comment (Parent set: a reply) and returns its id.
func (s *Server) AddComment(c Comment) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.ID == "" {
		s.nextID++
		c.ID = strconv.Itoa(7400000000000000000 + s.nextID)
	}
	s.comments = append(s.comments, &c)
	return c.ID
}

// DeleteComment removes a comment (and its replies) as if its author deleted it.
func (s *Server) DeleteComment(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.comments[:0]
	for _, c := range s.comments {
		if c.ID != id && c.Parent != id {
			out = append(out, c)
		}
	}
	s.comments = out
}

// Hidden reports whether a comment is hidden.
func (s *Server) Hidden(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.find(id)
	return c != nil && c.Hidden
}

// Exists reports whether a comment exists.
func (s *Server) Exists(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.find(id) != nil
}

// RateLimitNext answers the next n calls with code 40100.
func (s *Server) RateLimitNext(n int) { s.limited.Set(n, true) }

// Start serves on loopback and returns the base URL (the host; the API is under /open_api/v1.3).
func (s *Server) Start() string {
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s.srv.URL
}

// Close stops the server.
func (s *Server) Close() {
	if s.srv != nil {
		s.srv.Close()
	}
}

// find returns a comment by id; the caller holds s.mu.
func (s *Server) find(id string) *Comment {
	for _, c := range s.comments {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// write answers with TikTok's envelope.
func write(w http.ResponseWriter, code int, msg string, data any) {
	w.Header().Set("Content-Type", "application/json")
	body := map[string]any{"code": code, "message": msg, "request_id": "2026031012000001FAKE"}
	if data != nil {
		body["data"] = data
	} else {
		body["data"] = map[string]any{}
	}
	_ = json.NewEncoder(w).Encode(body)
}
