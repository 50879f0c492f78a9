// Package blueskyfake is a fake Bluesky PDS and chat service for tests and the demo.
//
// It speaks XRPC on loopback (/xrpc/<nsid>, {"error","message"} bodies,
// ratelimit-* headers) for one account: app-password sessions with
// short-lived access tokens and single-use refresh tokens, a capped
// createSession, the chat.bsky.convo methods (which require the atproto-proxy
// header), notifications, posts and the repository records the connector
// writes (posts, threadgates, blocks), mutes and reports. Controls add
// conversations, messages and notifications, inject failures, and show what
// the client sent, hid, muted, blocked and reported.
package blueskyfake

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults of a new Server.
const (
	// DefaultDID, DefaultHandle and DefaultDisplayName describe the account.
	DefaultDID         = "did:plc:creatordesktest0000000000"
	DefaultHandle      = "creator.test"
	DefaultDisplayName = "Creator Test"
	// DefaultCreateSessionLimit is Bluesky's createSession cap per 5 minutes.
	DefaultCreateSessionLimit = 30
	// DefaultAccessTTL is how long an access token lives.
	DefaultAccessTTL = 2 * time.Hour
	// DefaultLogPageSize caps one getLog answer.
	DefaultLogPageSize = 100
	// ChatProxy is the atproto-proxy header value chat.bsky.* calls need.
	ChatProxy = "did:web:api.bsky.chat#bsky_chat"
	// MaxHiddenReplies is the threadgate hiddenReplies limit.
	MaxHiddenReplies = 300
)

// Server is a fake PDS and chat service for one account. Exported fields may
// be changed only before Start; everything else is safe for concurrent use.
type Server struct {
	// Account is the account the app password logs in to.
	Account Profile
	// CreateSessionLimit caps the createSession calls the fake answers; later
	// ones get 429 RateLimitExceeded.
	CreateSessionLimit int
	// AccessTTL is the lifetime of access tokens.
	AccessTTL time.Duration
	// LogPageSize caps the events of one getLog answer.
	LogPageSize int
	// LogInclusive makes getLog also return the event at the cursor, as a
	// service may (Bluesky's own client filters events it has seen).
	LogInclusive bool

	mu          sync.Mutex
	httpSrv     *httptest.Server
	appPassword string
	dmAccess    bool
	seq         uint64
	access      map[string]accessToken
	refresh     map[string]string // refresh token → DID
	issued      []string
	createCalls int
	refreshUse  int
	requests    int
	calls       map[string]int
	profiles    map[string]Profile // by DID
	records     map[string]*record // by at-uri
	notifs      []*notif
	mutes       []string
	reports     []Report
	convos      map[string]*convo
	logs        []logEntry
	sent        []SentMessage
	faults      faults
	window      rateWindow
}

// accessToken is an issued access token.
type accessToken struct {
	did     string
	expires time.Time
}

// New returns a fake for the default account, logging in with appPassword.
// The app password has DM access (see SetDMAccess).
func New(appPassword string) *Server {
	return &Server{
		Account:            Profile{DID: DefaultDID, Handle: DefaultHandle, DisplayName: DefaultDisplayName},
		CreateSessionLimit: DefaultCreateSessionLimit,
		AccessTTL:          DefaultAccessTTL,
		LogPageSize:        DefaultLogPageSize,
		appPassword:        appPassword,
		dmAccess:           true,
		seq:                1 << 50, // TIDs of a plausible size
		access:             map[string]accessToken{},
		refresh:            map[string]string{},
		profiles:           map[string]Profile{},
		records:            map[string]*record{},
		convos:             map[string]*convo{},
		calls:              map[string]int{},
	}
}

// Start serves on a loopback port and returns the base URL (Credentials.BaseURL).
// Calling it again returns the same URL.
func (s *Server) Start() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.httpSrv == nil {
		s.profiles[s.Account.DID] = s.Account
		s.httpSrv = httptest.NewServer(http.HandlerFunc(s.serve))
	}
	return s.httpSrv.URL
}

// Close stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	srv := s.httpSrv
	s.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// authKind is what a method wants in its Authorization header.
type authKind int

const (
	authNone authKind = iota
	authAccess
	authRefresh
)

// route is one XRPC method.
type route struct {
	post bool
	auth authKind
	// chat methods need the atproto-proxy header and an app password with DM access.
	chat bool
	h    func(s *Server, r *request) reply
}

// request is a parsed call.
type request struct {
	q    url.Values
	body map[string]json.RawMessage
	// token is the bearer token of the call.
	token string
}

// routes are the methods the fake implements.
var routes = map[string]route{
	"com.atproto.server.createSession":        {post: true, auth: authNone, h: (*Server).createSession},
	"com.atproto.server.refreshSession":       {post: true, auth: authRefresh, h: (*Server).refreshSession},
	"com.atproto.server.deleteSession":        {post: true, auth: authRefresh, h: (*Server).deleteSession},
	"app.bsky.actor.getProfile":               {auth: authAccess, h: (*Server).getProfile},
	"chat.bsky.convo.listConvos":              {auth: authAccess, chat: true, h: (*Server).listConvos},
	"chat.bsky.convo.getConvo":                {auth: authAccess, chat: true, h: (*Server).getConvo},
	"chat.bsky.convo.getMessages":             {auth: authAccess, chat: true, h: (*Server).getMessages},
	"chat.bsky.convo.getLog":                  {auth: authAccess, chat: true, h: (*Server).getLog},
	"chat.bsky.convo.sendMessage":             {post: true, auth: authAccess, chat: true, h: (*Server).sendMessage},
	"app.bsky.notification.listNotifications": {auth: authAccess, h: (*Server).listNotifications},
	"app.bsky.feed.getPosts":                  {auth: authAccess, h: (*Server).getPosts},
	"app.bsky.feed.getPostThread":             {auth: authAccess, h: (*Server).getPostThread},
	"com.atproto.repo.createRecord":           {post: true, auth: authAccess, h: (*Server).createRecord},
	"com.atproto.repo.putRecord":              {post: true, auth: authAccess, h: (*Server).putRecord},
	"com.atproto.repo.getRecord":              {auth: authAccess, h: (*Server).getRecord},
	"com.atproto.repo.deleteRecord":           {post: true, auth: authAccess, h: (*Server).deleteRecord},
	"app.bsky.graph.muteActor":                {post: true, auth: authAccess, h: (*Server).muteActor},
	"com.atproto.moderation.createReport":     {post: true, auth: authAccess, h: (*Server).createReport},
}

// reply is a status, a JSON body and extra headers.
type reply struct {
	status int
	body   []byte
	header http.Header
	// raw sends body as text/plain (a gateway page, not XRPC).
	raw bool
}

// maxBody caps a request body.
const maxBody = 1 << 20

// serve routes /xrpc/<nsid> requests.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == InspectPath {
		s.serveInspect(w)
		return
	}
	if s.faults.Down() {
		s.write(w, reply{status: http.StatusBadGateway, body: []byte("<html><body>502 Bad Gateway</body></html>"), raw: true})
		return
	}
	nsid, ok := strings.CutPrefix(r.URL.Path, "/xrpc/")
	rt, known := routes[nsid]
	if !ok || !known {
		s.write(w, fail(http.StatusNotImplemented, "MethodNotImplemented", "Method Not Implemented"))
		return
	}
	s.count(nsid)
	if (r.Method == http.MethodPost) != rt.post {
		s.write(w, fail(http.StatusBadRequest, "InvalidRequest", "Incorrect HTTP method ("+r.Method+") expected "+map[bool]string{true: "POST", false: "GET"}[rt.post]))
		return
	}
	if rep, injected := s.injectedFault(); injected {
		s.write(w, rep)
		return
	}
	if rt.chat && r.Header.Get("atproto-proxy") != ChatProxy {
		s.write(w, fail(http.StatusBadRequest, "InvalidRequest", "chat methods must be proxied to "+ChatProxy+" with the atproto-proxy header"))
		return
	}
	req := &request{q: r.URL.Query()}
	if rt.auth != authNone {
		token, rep, ok := s.authorize(r, rt.auth)
		if !ok {
			s.write(w, rep)
			return
		}
		req.token = token
	}
	if rt.chat && !s.hasDMAccess() {
		s.write(w, fail(http.StatusBadRequest, "InvalidToken", "Bad token method"))
		return
	}
	if rt.post {
		raw, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
		if err != nil {
			s.write(w, fail(http.StatusRequestEntityTooLarge, "PayloadTooLarge", "request entity too large"))
			return
		}
		if len(strings.TrimSpace(string(raw))) > 0 {
			if err := json.Unmarshal(raw, &req.body); err != nil {
				s.write(w, fail(http.StatusBadRequest, "InvalidRequest", "Request body is not valid JSON"))
				return
			}
		}
	}
	s.write(w, rt.h(s, req))
}

// count records calls to the session methods.
func (s *Server) count(nsid string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	s.calls[nsid]++
	switch nsid {
	case "com.atproto.server.createSession":
		s.createCalls++
	case "com.atproto.server.refreshSession":
		s.refreshUse++
	}
}

// Calls counts the requests made to an XRPC method (nsid), answered or not.
func (s *Server) Calls(nsid string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[nsid]
}

// authorize checks the bearer token a method needs, answering like the PDS:
// 401 AuthMissing without one, 400 ExpiredToken for an expired access token,
// 400 InvalidToken for an unknown or revoked one.
func (s *Server) authorize(r *http.Request, kind authKind) (string, reply, bool) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		return "", fail(http.StatusUnauthorized, "AuthMissing", "Authentication Required"), false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if kind == authRefresh {
		if _, ok := s.refresh[token]; !ok {
			if _, isAccess := s.access[token]; isAccess {
				return "", fail(http.StatusBadRequest, "InvalidToken", "Bad token scope"), false
			}
			return "", fail(http.StatusBadRequest, "ExpiredToken", "Token has been revoked"), false
		}
		return token, reply{}, true
	}
	at, ok := s.access[token]
	switch {
	case !ok:
		return "", fail(http.StatusBadRequest, "InvalidToken", "Token could not be verified"), false
	case !time.Now().Before(at.expires):
		return "", fail(http.StatusBadRequest, "ExpiredToken", "Token has expired"), false
	}
	return token, reply{}, true
}

// hasDMAccess reports whether the app password may use chat.
func (s *Server) hasDMAccess() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dmAccess
}

// success encodes v as a 200 answer.
func success(v any) reply {
	body, err := json.Marshal(v)
	if err != nil {
		return fail(http.StatusInternalServerError, "InternalServerError", "encode: "+err.Error())
	}
	return reply{status: http.StatusOK, body: body}
}

// fail is an XRPC error answer.
func fail(status int, name, message string) reply {
	body, _ := json.Marshal(map[string]string{"error": name, "message": message})
	return reply{status: status, body: body}
}

// invalid is a 400 InvalidRequest.
func invalid(format string, args ...any) reply {
	return fail(http.StatusBadRequest, "InvalidRequest", fmt.Sprintf(format, args...))
}

// write sends rep with the ratelimit-* headers, cut in half if a truncation was requested.
func (s *Server) write(w http.ResponseWriter, rep reply) {
	body := rep.body
	if s.faults.TakeTruncation() {
		body = body[:len(body)/2]
	}
	h := w.Header()
	s.mu.Lock()
	limit, remaining, reset := s.windowLocked()
	s.mu.Unlock()
	h.Set("ratelimit-limit", strconv.Itoa(limit))
	h.Set("ratelimit-remaining", strconv.Itoa(remaining))
	h.Set("ratelimit-reset", strconv.FormatInt(reset.Unix(), 10))
	h.Set("ratelimit-policy", strconv.Itoa(limit)+";w=300")
	for k, v := range rep.header {
		h[k] = v
	}
	if rep.raw {
		h.Set("Content-Type", "text/html")
	} else {
		h.Set("Content-Type", "application/json; charset=utf-8")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rep.status)
	_, _ = w.Write(body)
}

// str reads a string field of a JSON body ("" when absent or not a string).
func (r *request) str(name string) string {
	var v string
	_ = json.Unmarshal(r.body[name], &v)
	return v
}

// limit reads a limit parameter within 1..100 (def when absent).
func (r *request) limit(def int) (int, error) {
	v := r.q.Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100 {
		return 0, errors.New("limit must be an integer between 1 and 100")
	}
	return n, nil
}
