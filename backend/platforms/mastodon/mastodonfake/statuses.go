package mastodonfake

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// maxBody caps a request body.
const maxBody = 1 << 20

// errParams is Mastodon's answer to a body it cannot parse.
var errParams = errors.New("error occurred while parsing request parameters")

// visibilities are the values POST /api/v1/statuses accepts.
var visibilities = map[string]bool{"public": true, "unlisted": true, "private": true, "direct": true}

// getStatus serves GET /api/v1/statuses/:id.
func (s *Server) getStatus(r *http.Request) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.liveStatusLocked(r.PathValue("id"))
	if st == nil {
		return fail(http.StatusNotFound, "Record not found")
	}
	return reply{status: http.StatusOK, body: s.statusJSONLocked(st, false)}
}

// contextJSON is the Context entity.
type contextJSON struct {
	Ancestors   []json.RawMessage `json:"ancestors"`
	Descendants []json.RawMessage `json:"descendants"`
}

// getContext serves GET /api/v1/statuses/:id/context: the chain of parents,
// oldest first, stopping at a deleted or unknown one, and every reply below the
// status in id order.
func (s *Server) getContext(r *http.Request) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.liveStatusLocked(r.PathValue("id"))
	if st == nil {
		return fail(http.StatusNotFound, "Record not found")
	}
	out := contextJSON{Ancestors: []json.RawMessage{}, Descendants: []json.RawMessage{}}
	var chain []*status
	for p := st.inReplyTo; p != 0; {
		parent, ok := s.statuses[p]
		if !ok || parent.deleted {
			break
		}
		chain = append(chain, parent)
		p = parent.inReplyTo
	}
	for i := len(chain) - 1; i >= 0; i-- {
		out.Ancestors = append(out.Ancestors, s.statusJSONLocked(chain[i], false))
	}
	below := map[int64]bool{st.id: true}
	for _, id := range s.sortedStatusIDsLocked() {
		c := s.statuses[id]
		if !c.deleted && c.inReplyTo != 0 && below[c.inReplyTo] {
			below[id] = true
			out.Descendants = append(out.Descendants, s.statusJSONLocked(c, false))
		}
	}
	return ok(out)
}

// postStatus serves POST /api/v1/statuses for text statuses. An Idempotency-Key
// seen before returns the status it created, without creating another.
func (s *Server) postStatus(r *http.Request) reply {
	p, err := readParams(r)
	if err != nil {
		return fail(http.StatusBadRequest, err.Error())
	}
	text, spoiler := p.Get("status"), p.Get("spoiler_text")
	visibility := p.Get("visibility")
	if visibility == "" {
		visibility = "public"
	}
	key := r.Header.Get("Idempotency-Key")

	s.mu.Lock()
	defer s.mu.Unlock()
	if id, seen := s.idem[key]; key != "" && seen {
		return reply{status: http.StatusOK, body: s.statusJSONLocked(s.statuses[id], false)}
	}
	switch {
	case strings.TrimSpace(text) == "":
		return fail(http.StatusUnprocessableEntity, "Validation failed: Text can't be blank")
	case countedLength(text)+utf8.RuneCountInString(spoiler) > s.MaxCharacters:
		return fail(http.StatusUnprocessableEntity, fmt.Sprintf("Validation failed: Text character limit of %d exceeded", s.MaxCharacters))
	case !visibilities[visibility]:
		return fail(http.StatusUnprocessableEntity, "Validation failed: Visibility is not included in the list")
	}
	var parent *status
	if id := p.Get("in_reply_to_id"); id != "" {
		if parent = s.liveStatusLocked(id); parent == nil {
			return fail(http.StatusNotFound, "Record not found")
		}
	}
	st := &status{
		id: s.nextStatus, createdAt: s.nowLocked().UTC(), accountID: s.Self.ID, visibility: visibility,
		text: text, spoilerText: spoiler, language: p.Get("language"),
	}
	s.nextStatus++
	st.content, st.mentions = s.renderTextLocked(text)
	if parent != nil {
		st.inReplyTo, st.inReplyToAccountID = parent.id, parent.accountID
	}
	s.statuses[st.id] = st
	if visibility == "direct" {
		s.fileDirectLocked(st, parent)
	}
	if key != "" {
		s.idem[key] = st.id
	}
	sent := SentStatus{
		ID: statusID(st.id), Text: text, Visibility: visibility, SpoilerText: spoiler, Language: st.language,
		IdempotencyKey: key, MentionedIDs: st.mentions, CreatedAt: st.createdAt,
	}
	if parent != nil {
		sent.InReplyToID = statusID(parent.id)
	}
	s.sent = append(s.sent, sent)
	return reply{status: http.StatusOK, body: s.statusJSONLocked(st, false)}
}

// fileDirectLocked adds the account's own direct status to its conversation: the
// parent's, when it has the same members, else a new one. Members are the
// mentioned accounts, as Mastodon derives them.
func (s *Server) fileDirectLocked(st *status, parent *status) {
	var members []string
	for _, id := range st.mentions {
		if id != s.Self.ID {
			members = append(members, id)
		}
	}
	sort.Strings(members)
	if parent != nil {
		for _, c := range s.convs {
			if c.raw == nil && equalStrings(c.participants, members) && containsID(c.statuses, parent.id) {
				c.statuses = append(c.statuses, st.id)
				c.unread = false
				return
			}
		}
	}
	c := &conversation{id: s.nextConv, participants: members, statuses: []int64{st.id}}
	s.nextConv++
	s.convs = append(s.convs, c)
}

// deleteStatus serves DELETE /api/v1/statuses/:id for the account's own
// statuses (others answer 404, as on Mastodon) and returns the deleted status
// with its source text.
func (s *Server) deleteStatus(r *http.Request) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.liveStatusLocked(r.PathValue("id"))
	if st == nil || st.accountID != s.Self.ID {
		return fail(http.StatusNotFound, "Record not found")
	}
	body := s.statusJSONLocked(st, true)
	s.deleteLocked(st)
	s.deleted = append(s.deleted, statusID(st.id))
	return reply{status: http.StatusOK, body: body}
}

// urlPattern and remoteMention find what Mastodon counts specially in a status:
// a link counts as 23 characters, a remote mention only by its username.
var (
	urlPattern    = regexp.MustCompile(`https?://[^\s<>"']+`)
	remoteMention = regexp.MustCompile(`@([A-Za-z0-9_]+)@[A-Za-z0-9.-]+[A-Za-z0-9]`)
)

// countedLength is a status text's length as Mastodon's validator counts it
// (runes here; Mastodon counts grapheme clusters, which is never more).
func countedLength(text string) int {
	text = urlPattern.ReplaceAllString(text, strings.Repeat("x", 23))
	text = remoteMention.ReplaceAllString(text, "@$1")
	return utf8.RuneCountInString(text)
}

// readParams merges the query string with a form or JSON body. JSON arrays are
// stored under both "name" and "name[]", as Rails reads them.
func readParams(r *http.Request) (url.Values, error) {
	p := r.URL.Query()
	if r.Body == nil || r.ContentLength == 0 {
		return p, nil
	}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "application/json":
		var body map[string]json.RawMessage
		if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody)).Decode(&body); err != nil {
			return nil, errParams
		}
		for k, raw := range body {
			var list []json.RawMessage
			if json.Unmarshal(raw, &list) == nil {
				for _, item := range list {
					p.Add(k, jsonText(item))
					p.Add(k+"[]", jsonText(item))
				}
				continue
			}
			p.Set(k, jsonText(raw))
		}
	case "application/x-www-form-urlencoded", "multipart/form-data":
		r.Body = http.MaxBytesReader(nil, r.Body, maxBody)
		if err := r.ParseMultipartForm(maxBody); err != nil && !errors.Is(err, http.ErrNotMultipart) {
			return nil, errParams
		}
		for k, v := range r.PostForm {
			p[k] = append(p[k], v...)
		}
	}
	return p, nil
}

// jsonText is a JSON string's value, or other JSON's text (numbers, booleans).
func jsonText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if string(raw) == "null" {
		return ""
	}
	return string(raw)
}

// equalStrings reports whether two sorted lists are equal.
func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// containsID reports whether ids holds id.
func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
