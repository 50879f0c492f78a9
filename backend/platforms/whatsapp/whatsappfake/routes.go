package whatsappfake

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// versionPrefix is the versioned part of a path ("/v25.0").
var versionPrefix = regexp.MustCompile(`^/v\d+\.\d+/`)

// placeholder finds {{n}} in a template body.
var placeholder = regexp.MustCompile(`\{\{\s*\d+\s*\}\}`)

// serve routes one request.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == InspectSentPath {
		fakekit.WriteJSON(w, map[string]any{"sent": s.Sent(), "read": s.Read()})
		return
	}
	if s.Faults.Down() {
		http.Error(w, "down", http.StatusBadGateway)
		return
	}
	if r.URL.Query().Get("access_token") != "" {
		writeError(w, http.StatusBadRequest, graphError{Message: "The token must go in the Authorization header in this fake", Type: "OAuthException", Code: 100})
		return
	}
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	defer s.mu.Unlock()
	exp, ok := s.tokens[tok]
	switch {
	case !ok:
		writeError(w, http.StatusUnauthorized, graphError{Message: "Invalid OAuth access token - Cannot parse access token", Type: "OAuthException", Code: codeAuth})
		return
	case !exp.IsZero() && !s.Clock.Now().Before(exp):
		writeError(w, http.StatusUnauthorized, graphError{Message: "Error validating access token: Session has expired.", Type: "OAuthException", Code: codeAuth, Subcode: 463})
		return
	}
	if code, ok := s.throttle.Take(); ok {
		w.Header().Set("X-Business-Use-Case-Usage", `{"`+s.wabaID+`":[{"type":"whatsapp_business_messaging","call_count":100,"estimated_time_to_regain_access":0}]}`)
		writeError(w, http.StatusBadRequest, graphError{Message: "(#" + strconv.Itoa(code) + ") Rate limit hit", Type: "OAuthException", Code: code,
			Details: "Too many messages sent from this phone number in a short period of time"})
		return
	}
	if f, ok := s.Faults.TakeFailure(); ok {
		writeError(w, f.Status, graphError{Message: "An unexpected error has occurred. Please retry your request later.", Type: "OAuthException", Code: 2, Transient: true})
		return
	}
	loc := versionPrefix.FindStringIndex(r.URL.Path)
	if loc == nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "Unknown path components: " + r.URL.Path, Type: "OAuthException", Code: 2500})
		return
	}
	parts := strings.Split(strings.Trim(r.URL.Path[loc[1]:], "/"), "/")
	switch {
	case len(parts) == 1 && r.Method == http.MethodGet:
		s.phone(w, parts[0])
	case len(parts) == 2 && parts[0] == s.wabaID && parts[1] == "phone_numbers" && r.Method == http.MethodGet:
		out := []map[string]string{}
		for _, p := range s.phones {
			out = append(out, map[string]string{"id": p.ID, "display_phone_number": p.Display, "verified_name": p.VerifiedName})
		}
		fakekit.WriteJSON(w, map[string]any{"data": out})
	case len(parts) == 2 && parts[0] == s.wabaID && parts[1] == "message_templates" && r.Method == http.MethodGet:
		s.listTemplates(w, r)
	case len(parts) == 2 && parts[1] == "media" && r.Method == http.MethodPost:
		if s.findPhone(parts[0]) == nil {
			writeError(w, http.StatusBadRequest, graphError{Message: "Unsupported post request. Object with ID '" + parts[0] + "' does not exist", Type: "GraphMethodException", Code: 100, Subcode: 33})
			return
		}
		s.uploadMedia(w, r)
	case len(parts) == 2 && parts[1] == "messages" && r.Method == http.MethodPost:
		if s.findPhone(parts[0]) == nil {
			writeError(w, http.StatusBadRequest, graphError{Message: "Unsupported post request. Object with ID '" + parts[0] + "' does not exist", Type: "GraphMethodException", Code: 100, Subcode: 33})
			return
		}
		s.message(w, r)
	default:
		writeError(w, http.StatusBadRequest, graphError{Message: "Unsupported request", Type: "GraphMethodException", Code: 100})
	}
}

// findPhone returns the account's phone number with id, or nil.
func (s *Server) findPhone(id string) *Phone {
	for i := range s.phones {
		if s.phones[i].ID == id {
			return &s.phones[i]
		}
	}
	return nil
}

// phone answers GET /{phone-number-id}.
func (s *Server) phone(w http.ResponseWriter, id string) {
	p := s.findPhone(id)
	if p == nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "Unsupported get request. Object with ID '" + id + "' does not exist", Type: "GraphMethodException", Code: 100, Subcode: 33})
		return
	}
	fakekit.WriteJSON(w, map[string]string{"id": p.ID, "display_phone_number": p.Display, "verified_name": p.VerifiedName, "quality_rating": "GREEN"})
}

// listTemplates answers GET /{waba-id}/message_templates with cursor pages.
func (s *Server) listTemplates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit := 25
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Param limit must be a positive integer", Type: "OAuthException", Code: 100})
			return
		}
		limit = min(n, 100)
	}
	start := 0
	if a := q.Get("after"); a != "" {
		raw, err := base64.RawURLEncoding.DecodeString(a)
		n, err2 := strconv.Atoi(string(raw))
		if err != nil || err2 != nil || n < 0 || n > len(s.templates) {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) The after cursor is invalid", Type: "OAuthException", Code: 100})
			return
		}
		start = n
	}
	end := min(start+limit, len(s.templates))
	resp := map[string]any{"data": s.templates[start:end]}
	if end < len(s.templates) {
		after := base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(end)))
		resp["paging"] = map[string]any{"cursors": map[string]string{"after": after},
			"next": "http://" + r.Host + r.URL.Path + "?after=" + after + "&access_token=<redacted-by-fake>"}
	}
	fakekit.WriteJSON(w, resp)
}

// sendBody is the body of POST /{phone-number-id}/messages.
type sendBody struct {
	Product  string                `json:"messaging_product"`
	To       string                `json:"to"`
	Type     string                `json:"type"`
	Status   string                `json:"status"`
	ID       string                `json:"message_id"`
	Text     struct{ Body string } `json:"text"`
	Image    *mediaRef             `json:"image"`
	Video    *mediaRef             `json:"video"`
	Audio    *mediaRef             `json:"audio"`
	Document *mediaRef             `json:"document"`
	Context  struct {
		MessageID string `json:"message_id"`
	} `json:"context"`
	Template struct {
		Name     string `json:"name"`
		Language struct {
			Code string `json:"code"`
		} `json:"language"`
		Components []struct {
			Type       string `json:"type"`
			Parameters []struct {
				Type string `json:"type"`
				Text string `json:"text"`
			} `json:"parameters"`
		} `json:"components"`
	} `json:"template"`
}

// message answers a send or a read receipt.
func (s *Server) message(w http.ResponseWriter, r *http.Request) {
	var b sendBody
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil || b.Product != "whatsapp" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "messaging_product is required"})
		return
	}
	now := s.Clock.Now()
	if b.Status == "read" {
		if !s.received[b.ID] {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "Invalid message_id"})
			return
		}
		s.read = append(s.read, b.ID)
		fakekit.WriteJSON(w, map[string]bool{"success": true})
		return
	}
	last, known := s.people[b.To]
	if !known {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#131026) Message undeliverable", Type: "OAuthException", Code: codeUndeliverable,
			Details: "Message Undeliverable."})
		return
	}
	sent := Sent{To: b.To, Type: b.Type, At: now, ReplyTo: b.Context.MessageID}
	windowClosed := last.IsZero() || now.Sub(last) >= 24*time.Hour
	switch b.Type {
	case "text":
		if windowClosed {
			writeReengagement(w)
			return
		}
		sent.Text = b.Text.Body
	case "image", "video", "audio", "document":
		if windowClosed {
			writeReengagement(w)
			return
		}
		if !s.sendMedia(w, &b, &sent) {
			return
		}
	case "template":
		if msg, code := s.checkTemplate(&b); code != 0 {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#" + strconv.Itoa(code) + ") " + msg, Type: "OAuthException", Code: code, Details: msg})
			return
		}
		sent.Template, sent.Language = b.Template.Name, b.Template.Language.Code
		for _, c := range b.Template.Components {
			for _, p := range c.Parameters {
				sent.Params = append(sent.Params, p.Text)
			}
		}
	default:
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "Unsupported type"})
		return
	}
	sent.ID = s.newID()
	s.sent = append(s.sent, sent)
	fakekit.WriteJSON(w, map[string]any{"messaging_product": "whatsapp",
		"contacts": []map[string]string{{"input": b.To, "wa_id": b.To}}, "messages": []map[string]string{{"id": sent.ID}}})
}

// checkTemplate finds an approved template of that name and language whose
// placeholders match the parameters; it returns Meta's message and code otherwise.
func (s *Server) checkTemplate(b *sendBody) (string, int) {
	for _, raw := range s.templates {
		var t struct {
			Name, Language, Status string
			Components             []struct{ Type, Text string }
		}
		if json.Unmarshal(raw, &t) != nil || t.Name != b.Template.Name || t.Language != b.Template.Language.Code {
			continue
		}
		if t.Status != "APPROVED" {
			break
		}
		want := 0
		for _, c := range t.Components {
			if c.Type == "BODY" {
				want = len(placeholder.FindAllString(c.Text, -1))
			}
		}
		got := 0
		for _, c := range b.Template.Components {
			got += len(c.Parameters)
		}
		if got != want {
			return "Number of parameters does not match the expected number of params", codeTemplateParam
		}
		return "", 0
	}
	return "Template name does not exist in the translation", codeTemplateGone
}
