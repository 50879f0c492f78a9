// Package mastodonfake is a fake Mastodon API server for tests and the demo.
//
// It serves the part of the Mastodon REST API the connector uses, on loopback:
// bearer-token auth, verify_credentials, instance configuration, direct
// conversations and mention notifications with Link-header pagination, status
// lookup and context, posting (with Idempotency-Key), deleting, block, mute and
// reports. Like a real server it paginates conversations by their last status
// id, writes Link URLs with its own public host name (LinkBase, not the
// loopback address it listens on), ends a notification walk with an empty page,
// renders content as HTML, and sends X-RateLimit-* headers with a budget that
// runs out into 429s. Controls add conversations, mentions and edits, and inject
// failures (RateLimitNext, FailNext, TruncateNext, SetDown).
package mastodonfake

import (
	"creatordesk/backend/platforms/fakekit"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"sync"
	"time"
)

// Defaults of a new Server.
const (
	// DefaultLinkBase is the public address the fake writes into Link headers.
	DefaultLinkBase = "http://mastodon.internal"
	// DefaultMaxCharacters is Mastodon's default status length limit.
	DefaultMaxCharacters = 500
	// DefaultRateLimit and DefaultRatePeriod are Mastodon's per-token API budget.
	DefaultRateLimit  = 300
	DefaultRatePeriod = 5 * time.Minute
)

// First ids of each kind: statuses look like Mastodon snowflakes, conversation
// and notification ids are small, so confusing one for another shows.
const (
	firstStatusID       = 113000000000000001
	firstConversationID = 401
	firstNotificationID = 9001
)

// Server is a fake Mastodon instance with one account (Self) behind one access
// token. All methods are safe for concurrent use.
type Server struct {
	// Self is the account the token belongs to; change it only before Start.
	Self Account
	// LinkBase is the scheme and host written into Link headers, like the
	// LOCAL_DOMAIN a real instance uses behind a proxy; change it only before Start.
	LinkBase string
	// MaxCharacters is the instance's status length limit; change it only before Start.
	MaxCharacters int

	token  string
	domain string

	mu      sync.Mutex
	httpSrv *httptest.Server
	mux     *http.ServeMux
	revoked bool

	accounts     map[string]Account
	accountOrder []string
	statuses     map[int64]*status
	convs        []*conversation
	notifs       []*notification
	nextStatus   int64
	nextConv     int64
	nextNotif    int64
	nextReport   int64

	sent     []SentStatus
	idem     map[string]int64
	blocks   []string
	mutes    []Mute
	reports  []Report
	deleted  []string
	requests []Request
	clock    fakekit.Clock
	rate     rateState
	faults   faults
	oauth    oauthState
}

// New returns a fake instance for the access token.
func New(token string) *Server {
	return &Server{
		Self:          Account{ID: "1", Username: "brand", DisplayName: "Brand Studio"},
		LinkBase:      DefaultLinkBase,
		MaxCharacters: DefaultMaxCharacters,
		token:         token,
		accounts:      map[string]Account{},
		statuses:      map[int64]*status{},
		nextStatus:    firstStatusID,
		nextConv:      firstConversationID,
		nextNotif:     firstNotificationID,
		nextReport:    1,
		idem:          map[string]int64{},
		rate:          rateState{limit: DefaultRateLimit, period: DefaultRatePeriod},
	}
}

// Start serves the API on a loopback port and returns its base URL, to be used
// as Credentials.BaseURL. Calling it again returns the same URL.
func (s *Server) Start() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.httpSrv == nil {
		s.setupLocked()
		s.httpSrv = httptest.NewServer(http.HandlerFunc(s.serve))
	}
	return s.httpSrv.URL
}

// Close stops the server; it cannot be started again.
func (s *Server) Close() {
	s.mu.Lock()
	srv := s.httpSrv
	s.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// setupLocked fixes the settings made before Start and builds the routes.
func (s *Server) setupLocked() {
	if s.LinkBase == "" {
		s.LinkBase = DefaultLinkBase
	}
	if u, err := url.Parse(s.LinkBase); err == nil && u.Host != "" {
		s.domain = u.Host
	} else {
		s.domain = "mastodon.internal"
	}
	if s.MaxCharacters <= 0 {
		s.MaxCharacters = DefaultMaxCharacters
	}
	s.rememberAccountLocked(s.Self)
	s.mux = http.NewServeMux()
	for pattern, h := range map[string]handler{
		"GET /api/v1/accounts/verify_credentials": (*Server).verifyCredentials,
		"GET /api/v1/instance":                    (*Server).instanceV1,
		"GET /api/v2/instance":                    (*Server).instanceV2,
		"GET /api/v1/conversations":               (*Server).listConversations,
		"GET /api/v1/notifications":               (*Server).listNotifications,
		"GET /api/v1/statuses/{id}":               (*Server).getStatus,
		"GET /api/v1/statuses/{id}/context":       (*Server).getContext,
		"POST /api/v1/statuses":                   (*Server).postStatus,
		"DELETE /api/v1/statuses/{id}":            (*Server).deleteStatus,
		"POST /api/v1/accounts/{id}/block":        (*Server).block,
		"POST /api/v1/accounts/{id}/mute":         (*Server).mute,
		"POST /api/v1/reports":                    (*Server).report,
	} {
		s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			s.write(w, r, h(s, r))
		})
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.write(w, r, fail(http.StatusNotFound, "Record not found"))
	})
}

// handler serves one API route.
type handler func(s *Server, r *http.Request) reply

// publicPaths answer without a token, as on Mastodon.
var publicPaths = map[string]bool{"/api/v1/instance": true, "/api/v2/instance": true}

// serve applies what a real instance does before routing: the proxy (SetDown),
// rack-attack's rate limits, token authentication, then the injected failures.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == InspectSentPath {
		s.serveSent(w)
		return
	}
	if s.serveOAuth(w, r) {
		return
	}
	authorized := s.authorized(r)
	s.logRequest(r, authorized)
	h := w.Header()
	h.Set("Date", s.Now().UTC().Format(http.TimeFormat))
	if s.faults.Down() {
		h.Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n"))
		return
	}
	if s.throttle(r, h) {
		s.write(w, r, fail(http.StatusTooManyRequests, "Too many requests"))
		return
	}
	if !authorized && !publicPaths[r.URL.Path] {
		s.write(w, r, fail(http.StatusUnauthorized, "The access token is invalid"))
		return
	}
	if rep, ok := s.injectedFault(r); ok {
		s.write(w, r, rep)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// authorized checks the bearer token.
func (s *Server) authorized(r *http.Request) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.revoked && r.Header.Get("Authorization") == "Bearer "+s.token
}

// logRequest records r for Requests.
func (s *Server) logRequest(r *http.Request, authorized bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Host: r.Host,
		IdempotencyKey: r.Header.Get("Idempotency-Key"), Authorized: authorized,
	})
}

// reply is a status, a JSON body and an optional Link header.
type reply struct {
	status int
	body   []byte
	link   string
}

// ok wraps a value as a 200 reply.
func ok(v any) reply {
	raw, err := json.Marshal(v)
	if err != nil {
		return fail(http.StatusInternalServerError, "Internal server error")
	}
	return reply{status: http.StatusOK, body: raw}
}

// fail is Mastodon's error body {"error": message}.
func fail(status int, message string) reply {
	raw, _ := json.Marshal(map[string]string{"error": message})
	return reply{status: status, body: raw}
}

// write sends rep, cut in half if a truncation was requested.
func (s *Server) write(w http.ResponseWriter, r *http.Request, rep reply) {
	body := rep.body
	if s.takeTruncation(r) {
		body = body[:len(body)/2]
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if rep.link != "" {
		h.Set("Link", rep.link)
	}
	w.WriteHeader(rep.status)
	_, _ = w.Write(body)
}

// verifyCredentials returns the fake's own account with its source.
func (s *Server) verifyCredentials(*http.Request) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	type credential struct {
		accountJSON
		Source map[string]any `json:"source"`
	}
	return ok(credential{
		accountJSON: s.accountJSONLocked(s.Self),
		Source:      map[string]any{"privacy": "public", "sensitive": false, "language": "en", "note": "", "fields": []any{}},
	})
}

// instanceV2 returns the instance with its status length limit.
func (s *Server) instanceV2(*http.Request) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ok(map[string]any{
		"domain":  s.domain,
		"title":   "Mastodon fake",
		"version": "4.3.0",
		"configuration": map[string]any{
			"statuses": map[string]any{
				"max_characters":              s.MaxCharacters,
				"max_media_attachments":       4,
				"characters_reserved_per_url": 23,
			},
		},
	})
}

// instanceV1 is the older instance document.
func (s *Server) instanceV1(*http.Request) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ok(map[string]any{
		"uri":     s.domain,
		"title":   "Mastodon fake",
		"version": "4.3.0",
		"configuration": map[string]any{
			"statuses": map[string]any{"max_characters": s.MaxCharacters},
		},
	})
}

// rememberAccountLocked stores a (for the fake: immutable) account.
func (s *Server) rememberAccountLocked(a Account) {
	if _, known := s.accounts[a.ID]; !known {
		s.accountOrder = append(s.accountOrder, a.ID)
	}
	s.accounts[a.ID] = a
}

// sortedStatusIDsLocked returns every stored status id in ascending order.
func (s *Server) sortedStatusIDsLocked() []int64 {
	ids := make([]int64, 0, len(s.statuses))
	for id := range s.statuses {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}
