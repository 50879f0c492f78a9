package metafake

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// route answers one authenticated API call; parts is the path after the version.
func (s *Server) route(w http.ResponseWriter, r *http.Request, t *token, parts []string) {
	owner := parts[0]
	if owner == "me" || owner == s.self(t.platform).ID {
		owner = "me"
	}
	switch {
	case len(parts) == 1 && owner == "me" && r.Method == http.MethodGet:
		s.me(w, t)
	case len(parts) == 2 && owner == "me" && parts[1] == "conversations" && r.Method == http.MethodGet:
		s.listConversations(w, r, t)
	case len(parts) == 2 && owner == "me" && parts[1] == "messages" && r.Method == http.MethodPost:
		s.sendMessage(w, r, t)
	case len(parts) == 2 && owner == "me" && parts[1] == "message_attachments" && r.Method == http.MethodPost:
		s.uploadAttachment(w, r, t)
	case len(parts) == 2 && owner == "me" && (parts[1] == "media" && t.platform == Instagram ||
		parts[1] == "published_posts" && t.platform == Messenger) && r.Method == http.MethodGet:
		s.listPosts(w, r, t)
	case len(parts) == 2 && parts[1] == "feed" && r.Method == http.MethodPost:
		s.routePublish(w, r, t, parts)
	case len(parts) == 1:
		s.object(w, r, t, parts[0])
	case len(parts) == 2 && parts[1] == "comments" && r.Method == http.MethodGet:
		s.listComments(w, r, t, parts[0])
	case len(parts) == 2 && (parts[1] == "comments" || parts[1] == "replies") && r.Method == http.MethodPost:
		s.postComment(w, r, t, parts[0], parts[1])
	default:
		writeError(w, http.StatusBadRequest, graphError{Message: "Unsupported " + strings.ToLower(r.Method) + " request.", Type: "GraphMethodException", Code: 100})
	}
}

// me answers GET /me.
func (s *Server) me(w http.ResponseWriter, t *token) {
	if t.platform == Messenger {
		writeJSON(w, map[string]string{"id": s.Page.ID, "name": s.Page.Name})
		return
	}
	writeJSON(w, map[string]string{"id": "app-scoped-" + s.IG.ID, "user_id": s.IG.ID, "username": s.IG.Username, "name": s.IG.Name})
}

// key orders items for keyset cursors.
type key struct {
	ms int64
	id string
}

// encode makes a key an opaque cursor.
func (k key) encode() string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(k.ms, 10) + "|" + k.id))
}

// decodeKey reads a cursor.
func decodeKey(s string) (key, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return key{}, false
	}
	ms, id, ok := strings.Cut(string(raw), "|")
	n, err := strconv.ParseInt(ms, 10, 64)
	return key{n, id}, ok && err == nil
}

// before reports whether a comes before b in an order (newest first when desc).
func (a key) before(b key, desc bool) bool {
	if a.ms != b.ms {
		return (a.ms > b.ms) == desc
	}
	return (a.id > b.id) == desc
}

// pageOf cuts one page from items (already in order) after the cursor in r's "after".
func pageOf[T any](w http.ResponseWriter, r *http.Request, items []T, keyOf func(T) key, desc bool, defLimit int) ([]T, map[string]any, bool) {
	q := r.URL.Query()
	limit := defLimit
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Param limit must be a positive integer", Type: "OAuthException", Code: 100})
			return nil, nil, false
		}
		limit = min(n, 100)
	}
	start := 0
	if a := q.Get("after"); a != "" {
		k, ok := decodeKey(a)
		if !ok {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) The after cursor is invalid", Type: "OAuthException", Code: 100})
			return nil, nil, false
		}
		start = len(items)
		for i, it := range items {
			if k.before(keyOf(it), desc) {
				start = i
				break
			}
		}
	}
	end := min(start+limit, len(items))
	page := items[start:end]
	paging := map[string]any{}
	if len(page) > 0 {
		paging["cursors"] = map[string]string{"before": keyOf(page[0]).encode(), "after": keyOf(page[len(page)-1]).encode()}
	}
	if end < len(items) {
		next := *r.URL
		nq := next.Query()
		nq.Set("after", keyOf(page[len(page)-1]).encode())
		nq.Set("access_token", "<redacted-by-fake>")
		next.RawQuery = nq.Encode()
		next.Scheme, next.Host = "http", r.Host
		paging["next"] = next.String()
	}
	return page, paging, true
}

// person renders a participant the way each API does.
func person(p Person, platform string) map[string]string {
	if platform == Messenger {
		return map[string]string{"id": p.ID, "name": p.Name, "email": p.ID + "@facebook.com"}
	}
	return map[string]string{"id": p.ID, "username": p.Username}
}

// listConversations answers the conversations edge, newest-updated first,
// with the 20 newest messages expanded when fields asks for messages.
func (s *Server) listConversations(w http.ResponseWriter, r *http.Request, t *token) {
	if p := r.URL.Query().Get("platform"); p != "" && p != t.platform {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid platform " + p, Type: "OAuthException", Code: 100})
		return
	}
	var list []*Conversation
	for _, c := range s.convs {
		if c.Platform == t.platform && len(c.Messages) > 0 {
			list = append(list, c)
		}
	}
	keyOf := func(c *Conversation) key { return key{c.updated().UnixMilli(), c.ID} }
	slices.SortFunc(list, func(a, b *Conversation) int {
		if keyOf(a).before(keyOf(b), true) {
			return -1
		}
		return 1
	})
	page, paging, ok := pageOf(w, r, list, keyOf, true, 25)
	if !ok {
		return
	}
	withMessages := strings.Contains(r.URL.Query().Get("fields"), "messages")
	data := make([]any, 0, len(page))
	for _, c := range page {
		item := map[string]any{"id": c.ID, "updated_time": graphTime(c.updated()),
			"participants": map[string]any{"data": []any{person(s.self(c.Platform), c.Platform), person(c.With, c.Platform)}}}
		if c.Corrupt {
			item["id"] = 12345
		}
		if withMessages {
			item["messages"] = map[string]any{"data": s.renderMessages(c)}
		}
		data = append(data, item)
	}
	writeJSON(w, map[string]any{"data": data, "paging": paging})
}

// renderMessages renders a conversation's 20 newest messages, newest first.
func (s *Server) renderMessages(c *Conversation) []any {
	out := []any{}
	for i := len(c.Messages) - 1; i >= 0 && len(out) < 20; i-- {
		m := c.Messages[i]
		to := c.With
		if m.From.ID == c.With.ID {
			to = s.self(c.Platform)
		}
		out = append(out, map[string]any{"id": m.ID, "created_time": graphTime(m.At), "message": m.Text,
			"from": person(m.From, c.Platform), "to": map[string]any{"data": []any{person(to, c.Platform)}}})
	}
	return out
}

// listPosts answers /me/media (Instagram) or /{page}/published_posts, newest first.
func (s *Server) listPosts(w http.ResponseWriter, r *http.Request, t *token) {
	var list []*Post
	for _, p := range s.posts {
		if p.Platform == t.platform {
			list = append(list, p)
		}
	}
	keyOf := func(p *Post) key { return key{p.At.UnixMilli(), p.ID} }
	slices.SortFunc(list, func(a, b *Post) int {
		if keyOf(a).before(keyOf(b), true) {
			return -1
		}
		return 1
	})
	page, paging, ok := pageOf(w, r, list, keyOf, true, 25)
	if !ok {
		return
	}
	data := make([]any, 0, len(page))
	for _, p := range page {
		if p.Platform == Messenger {
			data = append(data, map[string]any{"id": p.ID, "message": p.Caption, "created_time": graphTime(p.At), "updated_time": graphTime(p.Updated)})
		} else {
			data = append(data, map[string]any{"id": p.ID, "caption": p.Caption, "timestamp": graphTime(p.At), "comments_count": len(p.Comments)})
		}
	}
	writeJSON(w, map[string]any{"data": data, "paging": paging})
}

// renderComment renders one comment the way each API does.
func renderComment(c *Comment, platform string) map[string]any {
	at := graphTime(c.At)
	if c.Corrupt {
		at = "yesterday-ish"
	}
	if platform == Messenger {
		out := map[string]any{"id": c.ID, "message": c.Text, "created_time": at, "is_hidden": c.Hidden,
			"from": map[string]string{"id": c.From.ID, "name": c.From.Name}}
		if c.ParentID != "" {
			out["parent"] = map[string]string{"id": c.ParentID}
		}
		return out
	}
	out := map[string]any{"id": c.ID, "text": c.Text, "timestamp": at, "hidden": c.Hidden, "username": c.From.Username,
		"from": map[string]string{"id": c.From.ID, "username": c.From.Username}}
	if c.ParentID != "" {
		out["parent_id"] = c.ParentID
	}
	return out
}

// listComments answers /{post}/comments: Instagram's top-level comments newest
// first with replies expanded; Facebook's filter=stream, every comment oldest first.
func (s *Server) listComments(w http.ResponseWriter, r *http.Request, t *token, postID string) {
	post := s.post(postID, t.platform)
	if post == nil {
		notFound(w, postID)
		return
	}
	keyOf := func(c *Comment) key { return key{c.At.UnixMilli(), c.ID} }
	if post.Platform == Messenger {
		var list []*Comment
		stream := r.URL.Query().Get("filter") == "stream"
		for _, c := range post.Comments {
			if stream || c.ParentID == "" {
				list = append(list, c)
			}
		}
		page, paging, ok := pageOf(w, r, list, keyOf, false, 25)
		if !ok {
			return
		}
		data := make([]any, 0, len(page))
		for _, c := range page {
			data = append(data, renderComment(c, Messenger))
		}
		writeJSON(w, map[string]any{"data": data, "paging": paging})
		return
	}
	var top []*Comment
	for i := len(post.Comments) - 1; i >= 0; i-- {
		if post.Comments[i].ParentID == "" {
			top = append(top, post.Comments[i])
		}
	}
	page, paging, ok := pageOf(w, r, top, keyOf, true, 50)
	if !ok {
		return
	}
	withReplies := strings.Contains(r.URL.Query().Get("fields"), "replies")
	data := make([]any, 0, len(page))
	for _, c := range page {
		item := renderComment(c, Instagram)
		if withReplies {
			replies := []any{}
			for _, rc := range post.Comments {
				if rc.ParentID == c.ID {
					replies = append(replies, renderComment(rc, Instagram))
				}
			}
			item["replies"] = map[string]any{"data": replies}
		}
		data = append(data, item)
	}
	writeJSON(w, map[string]any{"data": data, "paging": paging})
}

// post finds a post of platform.
func (s *Server) post(id, platform string) *Post {
	for _, p := range s.posts {
		if p.ID == id && p.Platform == platform {
			return p
		}
	}
	return nil
}

// message reads the "message" parameter (query or form).
func message(r *http.Request) string {
	if v := r.URL.Query().Get("message"); v != "" {
		return v
	}
	_ = r.ParseForm()
	return r.PostForm.Get("message")
}

// postComment answers POST /{post}/comments, /{comment}/comments (Facebook) and /{comment}/replies (Instagram).
func (s *Server) postComment(w http.ResponseWriter, r *http.Request, t *token, id, edge string) {
	text := message(r)
	if strings.TrimSpace(text) == "" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) The parameter message is required", Type: "OAuthException", Code: 100})
		return
	}
	now := s.Clock.Now()
	self := s.self(t.platform)
	if post := s.post(id, t.platform); post != nil && edge == "comments" {
		c := s.addComment(post, self, text, now, "")
		s.record(Sent{Kind: "comment", Platform: t.platform, TargetID: id, ID: c.ID, Text: text, At: now})
		writeJSON(w, map[string]string{"id": c.ID})
		return
	}
	post, parent := s.findComment(id)
	if parent == nil || post.Platform != t.platform || (edge == "replies") != (t.platform == Instagram) {
		notFound(w, id)
		return
	}
	if parent.ParentID != "" {
		if t.platform == Instagram {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Replies can only be made to top-level comments", Type: "OAuthException", Code: 100})
			return
		}
		id = parent.ParentID
	}
	if parent.Hidden && t.platform == Instagram {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Cannot reply to a hidden comment", Type: "OAuthException", Code: 100})
		return
	}
	c := s.addComment(post, self, text, now, id)
	s.record(Sent{Kind: "reply", Platform: t.platform, TargetID: id, ID: c.ID, Text: text, At: now})
	writeJSON(w, map[string]string{"id": c.ID})
}

// object answers GET, POST (hide) and DELETE on one object id.
func (s *Server) object(w http.ResponseWriter, r *http.Request, t *token, id string) {
	for _, c := range s.convs {
		if c.ID == id && c.Platform == t.platform && r.Method == http.MethodGet {
			out := map[string]any{"id": c.ID,
				"participants": map[string]any{"data": []any{person(s.self(c.Platform), c.Platform), person(c.With, c.Platform)}}}
			if strings.Contains(r.URL.Query().Get("fields"), "messages") {
				out["messages"] = map[string]any{"data": s.renderMessages(c)}
			}
			writeJSON(w, out)
			return
		}
	}
	post, c := s.findComment(id)
	if c == nil || post.Platform != t.platform {
		notFound(w, id)
		return
	}
	switch r.Method {
	case http.MethodGet:
		writeJSON(w, renderComment(c, post.Platform))
	case http.MethodDelete:
		s.deleteComment(id)
		s.record(Sent{Kind: "delete", Platform: t.platform, TargetID: id, At: s.Clock.Now()})
		writeJSON(w, map[string]bool{"success": true})
	case http.MethodPost:
		param := "hide"
		if t.platform == Messenger {
			param = "is_hidden"
		}
		_ = r.ParseForm()
		v := r.Form.Get(param)
		if v != "true" && v != "false" {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) The parameter " + param + " is required", Type: "OAuthException", Code: 100})
			return
		}
		if c.From.ID == s.self(t.platform).ID {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) The account's own comments cannot be hidden", Type: "OAuthException", Code: 100})
			return
		}
		c.Hidden = v == "true"
		post.Updated = maxTime(post.Updated, s.Clock.Now().UTC())
		kind := "hide"
		if !c.Hidden {
			kind = "unhide"
		}
		s.record(Sent{Kind: kind, Platform: t.platform, TargetID: id, At: s.Clock.Now()})
		writeJSON(w, map[string]bool{"success": true})
	default:
		notFound(w, id)
	}
}

// sendRequest is the body of POST /me/messages.
type sendRequest struct {
	Recipient struct {
		ID        string `json:"id"`
		CommentID string `json:"comment_id"`
	} `json:"recipient"`
	Message struct {
		Text       string         `json:"text"`
		Attachment *attachmentRef `json:"attachment"`
	} `json:"message"`
	MessagingType string `json:"messaging_type"`
	Tag           string `json:"tag"`
}

// Windows the fake enforces.
const (
	window           = 24 * time.Hour
	humanAgentWindow = 7 * 24 * time.Hour
	privateWindow    = 7 * 24 * time.Hour
)

// windowError is the refusal of a send outside the allowed window.
func windowError(platform string) graphError {
	sub := 2018278
	if platform == Instagram {
		sub = 2534022
	}
	return graphError{Message: "(#10) This message is sent outside of allowed window.", Type: "OAuthException", Code: 10, Subcode: sub}
}

// sendMessage answers POST /me/messages: a DM to a person, or a private reply to a comment.
func (s *Server) sendMessage(w http.ResponseWriter, r *http.Request, t *token) {
	req, file, ok := s.readSend(w, r, t)
	if !ok {
		return
	}
	text := req.Message.Text
	if file != nil && req.Recipient.CommentID != "" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) A private reply takes text only", Type: "OAuthException", Code: 100})
		return
	}
	if strings.TrimSpace(text) == "" && file == nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) The parameter message is required", Type: "OAuthException", Code: 100})
		return
	}
	if t.platform == Instagram && len(text) > 1000 {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Length of param message[text] must be less than or equal to 1000", Type: "OAuthException", Code: 100})
		return
	}
	if t.platform == Messenger && req.MessagingType == "" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) The parameter messaging_type is required", Type: "OAuthException", Code: 100})
		return
	}
	now := s.Clock.Now()
	self := s.self(t.platform)
	if req.Recipient.CommentID != "" {
		post, c := s.findComment(req.Recipient.CommentID)
		if c == nil || post.Platform != t.platform {
			notFound(w, req.Recipient.CommentID)
			return
		}
		if c.PrivateReplied {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#10900) Activity already replied to", Type: "OAuthException", Code: 10900})
			return
		}
		if now.Sub(c.At) > privateWindow {
			writeError(w, http.StatusBadRequest, windowError(t.platform))
			return
		}
		c.PrivateReplied = true
		conv := s.conversationWith(t.platform, c.From)
		m := s.appendMessage(conv, self, text, now, "")
		s.record(Sent{Kind: "private_reply", Platform: t.platform, CommentID: c.ID, RecipientID: c.From.ID, ID: m.ID, Text: text, At: now})
		writeJSON(w, map[string]string{"recipient_id": c.From.ID, "message_id": m.ID})
		return
	}
	var conv *Conversation
	for _, c := range s.convs {
		if c.Platform == t.platform && c.With.ID == req.Recipient.ID {
			conv = c
		}
	}
	if conv == nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) No matching user found", Type: "OAuthException", Code: 100, Subcode: 2018001})
		return
	}
	var last time.Time
	for _, m := range conv.Messages {
		if m.From.ID == conv.With.ID {
			last = m.At
		}
	}
	open := window
	if req.MessagingType == "MESSAGE_TAG" {
		if req.Tag != "HUMAN_AGENT" || !s.HumanAgent {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#200) The app does not have the human agent permission", Type: "OAuthException", Code: 200})
			return
		}
		open = humanAgentWindow
	}
	if last.IsZero() || now.Sub(last) > open {
		writeError(w, http.StatusBadRequest, windowError(t.platform))
		return
	}
	m := s.appendMessage(conv, self, text, now, req.Tag)
	s.record(Sent{Kind: "message", Platform: t.platform, RecipientID: conv.With.ID, ID: m.ID, Text: text, Tag: req.Tag, At: now, File: file})
	writeJSON(w, map[string]string{"recipient_id": conv.With.ID, "message_id": m.ID})
}

// conversationWith finds or starts the DM thread with a person.
func (s *Server) conversationWith(platform string, p Person) *Conversation {
	for _, c := range s.convs {
		if c.Platform == platform && c.With.ID == p.ID {
			return c
		}
	}
	prefix := "aWdfc"
	if platform == Messenger {
		prefix = "t_"
	}
	c := &Conversation{ID: s.newID(prefix), Platform: platform, With: p}
	s.convs = append(s.convs, c)
	return c
}

// record notes something sent.
func (s *Server) record(x Sent) {
	s.sent = append(s.sent, x)
}

// refresh answers GET /refresh_access_token?grant_type=ig_refresh_token.
func (s *Server) refresh(w http.ResponseWriter, r *http.Request, tok string, t *token) {
	if r.URL.Query().Get("grant_type") != "ig_refresh_token" || t.platform != Instagram {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Unsupported grant_type", Type: "OAuthException", Code: 100})
		return
	}
	now := s.Clock.Now()
	if now.Sub(t.issued) < 24*time.Hour {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) The access token is too new to be refreshed; try again once it is 24 hours old", Type: "OAuthException", Code: 100})
		return
	}
	fresh := "IGQVJ" + url.QueryEscape(s.newID("refreshed"))
	s.tokens[fresh] = &token{platform: Instagram, issued: now, expires: now.Add(60 * 24 * time.Hour)}
	_ = tok
	writeJSON(w, map[string]any{"access_token": fresh, "token_type": "bearer", "expires_in": 5184000})
}
