// Package whatsappfake is a fake WhatsApp Cloud API for tests and the demo:
// one WhatsApp Business Account with its phone numbers, message templates,
// people with their customer-service windows, and the error codes Meta
// answers with (190 expired token, 131047 window closed, 131026
// undeliverable, 130429 throughput, 132000/132001 template problems). It
// listens only on loopback.
package whatsappfake

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// Codes the fake answers with.
const (
	codeAuth          = 190
	codeThroughput    = 130429
	codeReengagement  = 131047
	codeUndeliverable = 131026
	codeTemplateParam = 132000
	codeTemplateGone  = 132001
	codeMediaUpload   = 131053
)

// InspectSentPath lists what was sent and marked read (not part of the real API).
const InspectSentPath = "/_fake/sent"

// Phone is a business phone number of the account.
type Phone struct {
	ID, Display, VerifiedName string
}

// Template is one message template.
type Template struct {
	ID, Name, Language, Status, Category, Body string
}

// Sent is one message the fake accepted.
type Sent struct {
	ID, To, Type, Text, Template, Language, ReplyTo string
	Params                                          []string
	At                                              time.Time
	// Caption and the media fields describe a sent file (Type image, video, audio or document).
	Caption, MediaID, FileName, MimeType string
	FileSize                             int64
}

// Server is a running fake.
type Server struct {
	// Clock is the fake's time (the real time until frozen).
	Clock fakekit.Clock
	// Faults are the injected failures.
	Faults fakekit.Faults

	mu        sync.Mutex
	wabaID    string
	phones    []Phone
	tokens    map[string]time.Time // token -> expiry (zero: never)
	templates []json.RawMessage
	people    map[string]time.Time // wa_id -> last message from them
	received  map[string]bool      // ids of messages the people sent
	read      []string
	sent      []Sent
	throttle  fakekit.Countdown[int] // queued rate-limit answers (the code)
	nextID    int
	media     map[string]Media // uploaded files by media id
	srv       *httptest.Server
}

// New returns a fake account wabaID with one phone number; add tokens,
// templates and people before use.
func New(wabaID string, phone Phone) *Server {
	return &Server{
		wabaID: wabaID, phones: []Phone{phone},
		tokens: map[string]time.Time{}, people: map[string]time.Time{}, received: map[string]bool{},
		media: map[string]Media{},
	}
}

// AddToken makes tok valid until now+ttl (ttl 0: a system-user token that never expires).
func (s *Server) AddToken(tok string, ttl time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var exp time.Time
	if ttl > 0 {
		exp = s.Clock.Now().Add(ttl)
	}
	s.tokens[tok] = exp
}

// AddPhone adds another phone number to the account.
func (s *Server) AddPhone(p Phone) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.phones = append(s.phones, p)
}

// AddTemplate adds a template to the account.
func (s *Server) AddTemplate(t Template) {
	comps := []map[string]string{{"type": "BODY", "text": t.Body}}
	raw, _ := json.Marshal(map[string]any{"id": t.ID, "name": t.Name, "language": t.Language,
		"status": t.Status, "category": t.Category, "components": comps})
	s.AddRawTemplate(raw)
}

// AddRawTemplate adds a template exactly as given (a malformed one, for tests).
func (s *Server) AddRawTemplate(raw json.RawMessage) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.templates = append(s.templates, raw)
}

// Receive records that person waID wrote at the fake's current time (which
// opens their 24-hour window) and returns the message's id, as a webhook
// would have delivered it.
func (s *Server) Receive(waID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.people[waID] = s.Clock.Now()
	id := s.newID()
	s.received[id] = true
	return id
}

// AddPerson registers a WhatsApp user who has not written yet (their window is closed).
func (s *Server) AddPerson(waID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.people[waID]; !ok {
		s.people[waID] = time.Time{}
	}
}

// ThrottleNext answers the next n calls with a rate-limit error of code
// (130429 throughput, 4 app, 80007 account).
func (s *Server) ThrottleNext(n, code int) { s.throttle.Set(n, code) }

// Sent returns what was sent so far.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Sent(nil), s.sent...)
}

// Read returns the ids marked read so far.
func (s *Server) Read() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.read...)
}

// Start serves on loopback and returns the base URL (without a version).
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

// newID returns a new message id; the caller holds s.mu.
func (s *Server) newID() string {
	s.nextID++
	return "wamid.HBgL" + strings.Repeat("0", 4) + strconv.Itoa(s.nextID)
}

// graphError is Meta's error object.
type graphError struct {
	Message   string `json:"message"`
	Type      string `json:"type"`
	Code      int    `json:"code"`
	Subcode   int    `json:"error_subcode,omitempty"`
	Transient bool   `json:"is_transient,omitempty"`
	Details   string `json:"-"`
}

// writeError answers with Graph's error envelope and WhatsApp's error_data.
func writeError(w http.ResponseWriter, status int, e graphError) {
	body := map[string]any{"message": e.Message, "type": e.Type, "code": e.Code, "fbtrace_id": "AfakeTrace"}
	if e.Subcode != 0 {
		body["error_subcode"] = e.Subcode
	}
	if e.Transient {
		body["is_transient"] = true
	}
	if e.Details != "" {
		body["error_data"] = map[string]string{"messaging_product": "whatsapp", "details": e.Details}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": body})
}
