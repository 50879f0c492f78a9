// Package youtubefake is a fake YouTube Data API v3 server for tests and the demo.
//
// It serves, on loopback, the part of the API the youtube connector uses:
// bearer-token auth, channels.list (mine=true), videos.list, commentThreads.list
// (allThreadsRelatedToChannelId, videoId or id; order, maxResults, pageToken,
// moderationStatus; replies only partly included, as YouTube does),
// comments.list (parentId or id), comments.insert, comments.setModerationStatus
// (204, no body) and comments.delete (the author's own comments only).
//
// Like YouTube it charges every request its documented quota cost against a
// daily budget that resets at midnight Pacific time, and answers 403
// quotaExceeded once the budget is spent. Errors have Google's shape:
// {"error":{"code","message","errors":[{"domain","reason","message"}],"status"}}.
// Controls add videos, threads, replies, edits and malformed items, and inject
// failures (RateLimitNext, FailNext, FailNextWith, TruncateNext, SetDown,
// SetFaultScope, RevokeToken); Sent, Moderations, Deleted, Charges and
// Requests show what clients did, and InspectSentPath serves the sent replies
// as JSON to other processes. Page tokens
// are keyset positions, so threads added or removed while a client pages never
// open a gap.
//
// YouTube does not document whether order=time sorts threads by the top-level
// comment's time or by the latest reply. The fake sorts by the top-level
// comment's publishedAt (what the YouTube web page does for "Newest first");
// SetOrderByActivity switches to the latest reply, so clients can be tested
// against both.
package youtubefake

import (
	"creatordesk/backend/platforms/fakekit"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// APIRoot is the path below which the fake serves the API, as www.googleapis.com does.
const APIRoot = "/youtube/v3"

// Defaults of a new Server.
const (
	// DefaultDailyBudget is YouTube's default daily quota per project.
	DefaultDailyBudget = 10000
	// DefaultIncludedReplies is how many replies a commentThreads item carries at most.
	DefaultIncludedReplies = 5
	// MaxCommentLength is the longest comment text the fake accepts, in characters.
	MaxCommentLength = 10000
)

// costs are the documented quota costs of the methods the fake serves
// (developers.google.com/youtube/v3/determine_quota_cost).
var costs = map[string]int{
	"channels.list":                1,
	"videos.list":                  1,
	"commentThreads.list":          1,
	"comments.list":                1,
	"comments.insert":              50,
	"comments.setModerationStatus": 50,
	"comments.delete":              50,
}

// Costs returns the quota cost of each API method the fake serves.
func Costs() map[string]int { return maps.Clone(costs) }

// pacific is where YouTube's daily quota resets at midnight.
var pacific = mustLoadPacific()

// mustLoadPacific loads America/Los_Angeles (the connector embeds tzdata; the
// fake is only used where Go's own zone database is present).
func mustLoadPacific() *time.Location {
	loc, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		return time.FixedZone("PST", -8*3600)
	}
	return loc
}

// Server is a fake YouTube Data API for one channel (Self) behind one OAuth
// access token. All methods are safe for concurrent use.
type Server struct {
	// Self is the channel the token belongs to; change it only before Start.
	Self Channel

	token string

	mu      sync.Mutex
	httpSrv *httptest.Server
	revoked bool
	// tokenCheck, when set, decides which bearer tokens are valid (AcceptTokens).
	tokenCheck func(token string) bool

	videos          map[string]Video
	threads         []*thread
	comments        map[string]*comment
	nextID          int
	orderByActivity bool
	includedReplies int
	banned          map[string]bool

	sent        []SentReply
	moderations []Moderation
	deleted     []string
	requests    []Request
	charges     []Charge

	budget   int
	used     int
	quotaDay string

	clock  fakekit.Clock
	faults faults
}

// New returns a fake for the access token.
func New(token string) *Server {
	return &Server{
		Self:            Channel{ID: "UCbrandbrandbrandbrand01", Title: "Brand Studio", Handle: "@brandstudio"},
		token:           token,
		videos:          map[string]Video{},
		comments:        map[string]*comment{},
		includedReplies: DefaultIncludedReplies,
		banned:          map[string]bool{},
		budget:          DefaultDailyBudget,
	}
}

// Start serves the API on a loopback port and returns its root URL (the server
// address plus APIRoot), to be used as Credentials.BaseURL. Calling it again
// returns the same URL.
func (s *Server) Start() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.httpSrv == nil {
		s.httpSrv = httptest.NewServer(http.HandlerFunc(s.serve))
	}
	return s.httpSrv.URL + APIRoot
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

// route is one API method.
type route struct {
	// method is the API method name, which also names its quota cost.
	method string
	serve  func(s *Server, r *http.Request) reply
}

// routes maps "HTTP-method path" below APIRoot to API methods.
var routes = map[string]route{
	"GET /channels":                      {"channels.list", (*Server).listChannels},
	"GET /videos":                        {"videos.list", (*Server).listVideos},
	"GET /commentThreads":                {"commentThreads.list", (*Server).listThreads},
	"GET /comments":                      {"comments.list", (*Server).listComments},
	"POST /comments":                     {"comments.insert", (*Server).insertComment},
	"POST /comments/setModerationStatus": {"comments.setModerationStatus", (*Server).setModerationStatus},
	"DELETE /comments":                   {"comments.delete", (*Server).deleteComment},
}

// serve applies what Google's front end does before a method runs: the proxy
// (SetDown), authentication, injected faults, then quota, then the method.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == InspectSentPath {
		s.serveSent(w)
		return
	}
	authorized := s.authorized(r)
	path := strings.TrimPrefix(r.URL.Path, APIRoot)
	s.logRequest(r, path, authorized)
	if s.faults.Down() {
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<!DOCTYPE html><html><title>Error 502 (Server Error)!!1</title><p><b>502.</b> That's an error.</p></html>\n"))
		return
	}
	rt, known := routes[r.Method+" "+path]
	if !strings.HasPrefix(r.URL.Path, APIRoot+"/") || !known {
		s.write(w, r, fail(http.StatusNotFound, "global", "notFound", "Not Found"))
		return
	}
	if !authorized {
		s.write(w, r, unauthorized())
		return
	}
	if rep, ok := s.injectedFault(r); ok {
		s.write(w, r, rep)
		return
	}
	if rep, ok := s.charge(rt.method); !ok {
		s.write(w, r, rep)
		return
	}
	s.write(w, r, rt.serve(s, r))
}

// authorized checks the bearer token.
func (s *Server) authorized(r *http.Request) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.revoked {
		return false
	}
	if s.tokenCheck != nil {
		bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		return ok && bearer != "" && s.tokenCheck(bearer)
	}
	return r.Header.Get("Authorization") == "Bearer "+s.token
}

// logRequest records r for Requests.
func (s *Server) logRequest(r *http.Request, path string, authorized bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: path, Query: r.URL.RawQuery, Authorized: authorized})
}

// reply is an answer: a status and a JSON body (nil for 204).
type reply struct {
	status int
	body   []byte
}

// ok wraps a value as a 200 reply.
func ok(v any) reply {
	raw, err := json.Marshal(v)
	if err != nil {
		return fail(http.StatusInternalServerError, "global", "internalError", "Internal error encountered.")
	}
	return reply{status: http.StatusOK, body: raw}
}

// noContent is the 204 of setModerationStatus and delete.
func noContent() reply { return reply{status: http.StatusNoContent} }

// googleStatus is the canonical status Google adds to an error body.
var googleStatus = map[int]string{
	http.StatusBadRequest:          "INVALID_ARGUMENT",
	http.StatusUnauthorized:        "UNAUTHENTICATED",
	http.StatusForbidden:           "PERMISSION_DENIED",
	http.StatusNotFound:            "NOT_FOUND",
	http.StatusTooManyRequests:     "RESOURCE_EXHAUSTED",
	http.StatusInternalServerError: "INTERNAL",
	http.StatusServiceUnavailable:  "UNAVAILABLE",
}

// fail is Google's error body with one error item.
func fail(status int, domain, reason, message string) reply {
	type item struct {
		Message string `json:"message"`
		Domain  string `json:"domain"`
		Reason  string `json:"reason"`
	}
	body := map[string]any{"error": map[string]any{
		"code":    status,
		"message": message,
		"errors":  []item{{Message: message, Domain: domain, Reason: reason}},
		"status":  googleStatus[status],
	}}
	raw, _ := json.Marshal(body)
	return reply{status: status, body: raw}
}

// unauthorized is Google's answer to a missing, invalid or revoked token.
func unauthorized() reply {
	return fail(http.StatusUnauthorized, "global", "authError",
		"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.")
}

// badRequest is a 400 with a YouTube reason.
func badRequest(reason, message string) reply {
	return fail(http.StatusBadRequest, "youtube.api", reason, message)
}

// write sends rep, cut in half if a truncation was requested.
func (s *Server) write(w http.ResponseWriter, r *http.Request, rep reply) {
	body := rep.body
	if s.takeTruncation(r) {
		body = body[:len(body)/2]
	}
	h := w.Header()
	if rep.status != http.StatusNoContent {
		h.Set("Content-Type", "application/json; charset=UTF-8")
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(rep.status)
	if rep.status != http.StatusNoContent {
		_, _ = w.Write(body)
	}
}

// listChannels serves channels.list with mine=true or id=<own id>.
func (s *Server) listChannels(r *http.Request) reply {
	q := r.URL.Query()
	if q.Get("part") == "" {
		return badRequest("required", "No filter selected. Expected one of: part")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	items := []any{}
	mine := q.Get("mine") == "true"
	if mine || containsID(q.Get("id"), s.Self.ID) {
		items = append(items, map[string]any{
			"kind": "youtube#channel",
			"etag": etag(s.Self.ID),
			"id":   s.Self.ID,
			"snippet": map[string]any{
				"title":       s.Self.Title,
				"description": "",
				"customUrl":   s.Self.Handle,
				"publishedAt": "2015-06-01T10:00:00Z",
			},
		})
	} else if q.Get("mine") == "" && q.Get("id") == "" && q.Get("forHandle") == "" {
		return badRequest("missingRequiredParameter", "No filter selected. Expected one of: mine, id, forHandle, managedByMe, forUsername, categoryId")
	}
	return ok(listResponse("youtube#channelListResponse", items, "", len(items)))
}

// listVideos serves videos.list by id (at most 50); unknown ids are left out.
func (s *Server) listVideos(r *http.Request) reply {
	q := r.URL.Query()
	if q.Get("part") == "" || q.Get("id") == "" {
		return badRequest("missingRequiredParameter", "No filter selected. Expected one of: id, chart, myRating")
	}
	ids := strings.Split(q.Get("id"), ",")
	if len(ids) > 50 {
		return badRequest("invalidParameter", "The request specifies more than 50 video ids.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	items := []any{}
	for _, id := range ids {
		v, ok := s.videos[id]
		if !ok {
			continue
		}
		items = append(items, map[string]any{
			"kind": "youtube#video",
			"etag": etag(v.ID),
			"id":   v.ID,
			"snippet": map[string]any{
				"title":       v.Title,
				"channelId":   s.Self.ID,
				"publishedAt": "2026-01-01T00:00:00Z",
			},
		})
	}
	return ok(listResponse("youtube#videoListResponse", items, "", len(items)))
}

// listResponse is the envelope of every list method.
func listResponse(kind string, items []any, next string, perPage int) map[string]any {
	out := map[string]any{
		"kind":     kind,
		"etag":     etag(kind + strconv.Itoa(len(items))),
		"pageInfo": map[string]int{"totalResults": len(items), "resultsPerPage": perPage},
		"items":    items,
	}
	if next != "" {
		out["nextPageToken"] = next
	}
	return out
}

// containsID reports whether the comma-separated list holds id.
func containsID(list, id string) bool {
	for _, x := range strings.Split(list, ",") {
		if x != "" && x == id {
			return true
		}
	}
	return false
}

// etag is a stable stand-in for YouTube's etags.
func etag(s string) string {
	var h uint32 = 2166136261
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return "fake" + strconv.FormatUint(uint64(h), 36)
}
