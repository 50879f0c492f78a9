// Package telegramfake is a fake Telegram Bot API server for tests and the demo.
//
// It speaks the documented HTTP API on loopback (/bot<token>/<method>, the
// {"ok":...} envelope, getUpdates offsets and long polling, 409 for concurrent
// polls) and offers controls to queue incoming messages and inject failures.
// It implements getMe, getUpdates, sendMessage and the file uploads
// sendPhoto, sendVideo and sendDocument (multipart/form-data).
package telegramfake

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
)

// Server is a fake Bot API for one bot token. All methods are safe for concurrent use.
type Server struct {
	// Bot is what getMe returns; change it only before Start.
	Bot User

	token     string
	done      chan struct{} // closed by Close to release long polls
	closeOnce sync.Once

	mu        sync.Mutex
	httpSrv   *httptest.Server
	queue     []queued // pending updates in update_id order
	nextID    int64    // next update_id to assign
	wake      chan struct{}
	polling   bool
	chats     map[int64]Chat
	messages  map[msgKey]message
	nextMsgID map[int64]int64
	sent      []SentMessage
	faults    faults
}

// handler serves one API method with its merged parameters.
type handler func(s *Server, ctx context.Context, p params) reply

// methods are the API methods the fake knows, by lower-case name (Telegram
// matches method names case-insensitively).
var methods = map[string]handler{
	"getme":       (*Server).getMe,
	"getupdates":  (*Server).getUpdates,
	"sendmessage": (*Server).sendMessage,
}

// New returns a fake for token; the bot's id is the token's numeric prefix, as on Telegram.
func New(token string) *Server {
	id, err := strconv.ParseInt(strings.SplitN(token, ":", 2)[0], 10, 64)
	if err != nil || id <= 0 {
		id = 1
	}
	return &Server{
		Bot:       User{ID: id, IsBot: true, FirstName: "CreatorDesk Test Bot", Username: "creatordesk_test_bot"},
		token:     token,
		done:      make(chan struct{}),
		nextID:    1,
		wake:      make(chan struct{}),
		chats:     map[int64]Chat{},
		messages:  map[msgKey]message{},
		nextMsgID: map[int64]int64{},
	}
}

// Start serves the API on a loopback port and returns its base URL, to be
// used as Credentials.BaseURL. Calling it again returns the same URL.
func (s *Server) Start() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.httpSrv == nil {
		s.httpSrv = httptest.NewServer(http.HandlerFunc(s.serve))
	}
	return s.httpSrv.URL
}

// Close releases pending long polls and stops the server; it cannot be started again.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.done) })
	s.mu.Lock()
	srv := s.httpSrv
	s.mu.Unlock()
	if srv != nil {
		srv.Close()
	}
}

// serve routes /bot<token>/<method> requests.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == InspectSentPath {
		s.serveSent(w)
		return
	}
	if s.faults.Down() {
		s.write(w, fail(http.StatusBadGateway, "Bad Gateway"))
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, name, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 {
		s.write(w, fail(http.StatusNotFound, "Not Found"))
		return
	}
	if token != s.token {
		s.write(w, fail(http.StatusUnauthorized, "Unauthorized"))
		return
	}
	if mh, isMedia := mediaMethods[strings.ToLower(name)]; isMedia {
		if rep, injected := s.injectedFault(); injected {
			s.write(w, rep)
			return
		}
		s.write(w, s.serveUpload(r, mh))
		return
	}
	h, ok := methods[strings.ToLower(name)]
	if !ok {
		s.write(w, fail(http.StatusNotFound, "Not Found"))
		return
	}
	if rep, injected := s.injectedFault(); injected {
		s.write(w, rep)
		return
	}
	p, err := parseParams(r)
	if err != nil {
		s.write(w, fail(http.StatusBadRequest, "Bad Request: "+err.Error()))
		return
	}
	s.write(w, h(s, r.Context(), p))
}

// getMe returns the bot user.
func (s *Server) getMe(context.Context, params) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	return success(s.Bot)
}

// reply is a status and a JSON envelope.
type reply struct {
	status int
	body   []byte
}

// errorEnvelope is the body of a failed call.
type errorEnvelope struct {
	OK          bool            `json:"ok"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  *responseParams `json:"parameters,omitempty"`
}

// responseParams tells the client how it may retry.
type responseParams struct {
	RetryAfter int `json:"retry_after,omitempty"`
}

// success wraps result in a success envelope.
func success(result any) reply {
	raw, err := json.Marshal(result)
	if err != nil {
		return fail(http.StatusInternalServerError, "Internal Server Error: "+err.Error())
	}
	return successRaw(raw)
}

// successRaw wraps already-encoded result JSON in a success envelope.
func successRaw(result []byte) reply {
	body := make([]byte, 0, len(result)+24)
	body = append(body, `{"ok":true,"result":`...)
	body = append(body, result...)
	return reply{status: http.StatusOK, body: append(body, '}')}
}

// fail is an error envelope whose error_code equals the HTTP status, as on Telegram.
func fail(status int, description string) reply {
	return failWith(status, description, nil)
}

// failWith is fail with response parameters.
func failWith(status int, description string, p *responseParams) reply {
	body, _ := json.Marshal(errorEnvelope{ErrorCode: status, Description: description, Parameters: p})
	return reply{status: status, body: body}
}

// write sends rep, cut in half if a truncation was requested.
func (s *Server) write(w http.ResponseWriter, rep reply) {
	body := rep.body
	if s.faults.TakeTruncation() {
		body = body[:len(body)/2]
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rep.status)
	_, _ = w.Write(body)
}
