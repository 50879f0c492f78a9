package blueskyfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/rivo/uniseg"
)

// Union $type values of the chat lexicons.
const (
	typeMessageView        = "chat.bsky.convo.defs#messageView"
	typeDeletedMessageView = "chat.bsky.convo.defs#deletedMessageView"
	typeDirectConvo        = "chat.bsky.convo.defs#directConvo"
	logPrefix              = "chat.bsky.convo.defs#"
)

// AddConvo starts a direct convo between the account and members and returns
// its id. The members become known profiles; a logBeginConvo event is logged.
func (s *Server) AddConvo(members ...Profile) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &convo{id: "convo" + s.nextTIDLocked(), members: []string{s.Account.DID}}
	for _, m := range members {
		s.profiles[m.DID] = m
		c.members = append(c.members, m.DID)
	}
	s.convos[c.id] = c
	c.rev = s.logLocked(map[string]any{"$type": logPrefix + "logBeginConvo", "convoId": c.id})
	return c.id
}

// AddMessage adds a message from sender (a DID) to a convo, sent at at, and
// logs a logCreateMessage event. It returns the message id.
func (s *Server) AddMessage(convoID, sender, text string, at time.Time) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.convos[convoID]
	if !ok {
		return "", fmt.Errorf("blueskyfake: no convo %q", convoID)
	}
	return s.addMessageLocked(c, sender, text, at).id, nil
}

// addMessageLocked stores a message and logs it.
func (s *Server) addMessageLocked(c *convo, sender, text string, at time.Time) *chatMsg {
	m := &chatMsg{id: "msg" + s.nextTIDLocked(), sender: sender, text: text, sentAt: at}
	m.rev = s.nextTIDLocked()
	s.appendLogLocked(m.rev, map[string]any{"$type": logPrefix + "logCreateMessage", "convoId": c.id,
		"message": s.messageViewLocked(m), "relatedProfiles": s.profileListLocked([]string{sender})})
	c.msgs = append(c.msgs, m)
	c.rev = m.rev
	return m
}

// DeleteMessage deletes a message for everyone and logs a logDeleteMessage event.
func (s *Server) DeleteMessage(convoID, messageID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.convos[convoID]
	if !ok {
		return fmt.Errorf("blueskyfake: no convo %q", convoID)
	}
	i := slices.IndexFunc(c.msgs, func(m *chatMsg) bool { return m.id == messageID && m.raw == nil })
	if i < 0 {
		return fmt.Errorf("blueskyfake: no message %q in convo %q", messageID, convoID)
	}
	m := c.msgs[i]
	// The event carries the message as it was (a messageView with its text,
	// which the lexicon allows); getMessages shows a deletedMessageView from now on.
	view := s.messageViewLocked(m)
	m.deleted = true
	c.rev = s.logLocked(map[string]any{"$type": logPrefix + "logDeleteMessage", "convoId": c.id, "message": view})
	return nil
}

// AddRawMessage places raw verbatim among a convo's messages (getMessages)
// and in a logCreateMessage event, for malformed or unknown items. It panics
// if raw is not valid JSON (TruncateNext simulates broken answers).
func (s *Server) AddRawMessage(convoID string, raw json.RawMessage) error {
	if !json.Valid(raw) {
		panic("blueskyfake: AddRawMessage needs valid JSON")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.convos[convoID]
	if !ok {
		return fmt.Errorf("blueskyfake: no convo %q", convoID)
	}
	m := &chatMsg{raw: slices.Clone(raw), rev: s.nextTIDLocked()}
	s.appendLogLocked(m.rev, map[string]any{"$type": logPrefix + "logCreateMessage", "convoId": c.id, "message": m.raw})
	c.msgs = append(c.msgs, m)
	c.rev = m.rev
	return nil
}

// AddRawLog appends raw to the event log and returns the rev it is filed
// under. A JSON object without "rev" gets that rev added; anything else is
// kept verbatim. It panics if raw is not valid JSON.
func (s *Server) AddRawLog(raw json.RawMessage) string {
	if !json.Valid(raw) {
		panic("blueskyfake: AddRawLog needs valid JSON")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rev := s.nextTIDLocked()
	raw = slices.Clone(raw)
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) == nil && obj != nil {
		if _, has := obj["rev"]; !has {
			obj["rev"], _ = json.Marshal(rev)
			raw, _ = json.Marshal(obj) // re-encoding decoded JSON cannot fail
		}
	}
	s.logs = append(s.logs, logEntry{rev: rev, raw: raw})
	return rev
}

// RemoveConvo makes the account leave a convo: it is no longer listed and
// getConvo, getMessages and sendMessage answer InvalidConvo. A logLeaveConvo
// event is logged.
func (s *Server) RemoveConvo(convoID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.convos[convoID]; ok {
		delete(s.convos, convoID)
		s.logLocked(map[string]any{"$type": logPrefix + "logLeaveConvo", "convoId": convoID})
	}
}

// LockConvo makes sendMessage to the convo answer 400 ConvoLocked.
func (s *Server) LockConvo(convoID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.convos[convoID]; ok {
		c.locked = true
	}
}

// logLocked appends an event with a fresh rev and returns the rev.
func (s *Server) logLocked(ev map[string]any) string {
	rev := s.nextTIDLocked()
	s.appendLogLocked(rev, ev)
	return rev
}

// appendLogLocked appends an event with rev (added to ev).
func (s *Server) appendLogLocked(rev string, ev map[string]any) {
	ev["rev"] = rev
	raw, _ := json.Marshal(ev) // maps of strings and raw JSON always encode
	s.logs = append(s.logs, logEntry{rev: rev, raw: raw})
}

// messageViewLocked renders a message as the chat service does.
func (s *Server) messageViewLocked(m *chatMsg) json.RawMessage {
	if m.raw != nil {
		return m.raw
	}
	v := map[string]any{"id": m.id, "rev": m.rev, "sender": map[string]string{"did": m.sender}, "sentAt": stamp(m.sentAt)}
	if m.deleted {
		v["$type"] = typeDeletedMessageView
	} else {
		v["$type"], v["text"] = typeMessageView, m.text
	}
	raw, _ := json.Marshal(v)
	return raw
}

// profileListLocked renders the known profiles among dids.
func (s *Server) profileListLocked(dids []string) []Profile {
	var out []Profile
	for _, did := range dids {
		if p, ok := s.profiles[did]; ok && !slices.ContainsFunc(out, func(q Profile) bool { return q.DID == did }) {
			out = append(out, p)
		}
	}
	return out
}

// convoViewLocked renders a convo.
func (s *Server) convoViewLocked(c *convo) map[string]any {
	members := s.profileListLocked(c.members)
	if members == nil {
		members = []Profile{}
	}
	return map[string]any{"id": c.id, "rev": c.rev, "members": members, "muted": false, "unreadCount": 0,
		"status": "accepted", "kind": map[string]string{"$type": typeDirectConvo}}
}

// listConvos lists convos by rev, newest first; the cursor is the last rev given.
func (s *Server) listConvos(r *request) reply {
	limit, err := r.limit(50)
	if err != nil {
		return invalid("%s", err.Error())
	}
	cursor := r.q.Get("cursor")
	s.mu.Lock()
	defer s.mu.Unlock()
	all := make([]*convo, 0, len(s.convos))
	for _, c := range s.convos {
		if cursor == "" || c.rev < cursor {
			all = append(all, c)
		}
	}
	slices.SortFunc(all, func(a, b *convo) int { return strings.Compare(b.rev, a.rev) })
	out := map[string]any{}
	if len(all) > limit {
		all = all[:limit]
		out["cursor"] = all[limit-1].rev
	}
	views := make([]map[string]any, 0, len(all))
	for _, c := range all {
		views = append(views, s.convoViewLocked(c))
	}
	out["convos"] = views
	return success(out)
}

// getConvo returns one convo.
func (s *Server) getConvo(r *request) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.convos[r.q.Get("convoId")]
	if !ok {
		return fail(http.StatusBadRequest, "InvalidConvo", "Convo not found")
	}
	return success(map[string]any{"convo": s.convoViewLocked(c)})
}

// getMessages pages a convo's messages newest first; the cursor is the last rev given.
func (s *Server) getMessages(r *request) reply {
	limit, err := r.limit(50)
	if err != nil {
		return invalid("%s", err.Error())
	}
	cursor := r.q.Get("cursor")
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.convos[r.q.Get("convoId")]
	if !ok {
		return fail(http.StatusBadRequest, "InvalidConvo", "Convo not found")
	}
	var page []*chatMsg
	for i := len(c.msgs) - 1; i >= 0; i-- {
		if cursor == "" || c.msgs[i].rev < cursor {
			page = append(page, c.msgs[i])
		}
	}
	out := map[string]any{}
	if len(page) > limit {
		page = page[:limit]
		out["cursor"] = page[limit-1].rev
	}
	views := make([]json.RawMessage, 0, len(page))
	var senders []string
	for _, m := range page {
		views = append(views, s.messageViewLocked(m))
		if m.sender != "" {
			senders = append(senders, m.sender)
		}
	}
	out["messages"] = views
	if related := s.profileListLocked(senders); related != nil {
		out["relatedProfiles"] = related
	}
	return success(out)
}

// getLog returns the events after cursor (all of them without one), oldest
// first, at most LogPageSize; the cursor is the last rev given.
func (s *Server) getLog(r *request) reply {
	cursor := r.q.Get("cursor")
	s.mu.Lock()
	defer s.mu.Unlock()
	page := []json.RawMessage{}
	last := cursor
	for _, e := range s.logs {
		if len(page) == s.LogPageSize {
			break
		}
		if cursor == "" || e.rev > cursor || (s.LogInclusive && e.rev == cursor) {
			page = append(page, e.raw)
			last = e.rev
		}
	}
	out := map[string]any{"logs": page}
	if last != "" {
		out["cursor"] = last
	}
	return success(out)
}

// sendMessage adds the account's message to a convo.
func (s *Server) sendMessage(r *request) reply {
	convoID := r.str("convoId")
	var msg struct {
		Text *string `json:"text"`
	}
	if err := json.Unmarshal(r.body["message"], &msg); err != nil || msg.Text == nil {
		return invalid("Input must have the property \"message\" with \"text\"")
	}
	text := *msg.Text
	switch {
	case uniseg.GraphemeClusterCount(text) > 1000 || len(text) > 10000:
		return invalid("Input/message/text must not be longer than 1000 graphemes")
	case strings.TrimSpace(text) == "":
		return invalid("Message cannot be empty")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.convos[convoID]
	if !ok || !slices.Contains(c.members, s.Account.DID) {
		return fail(http.StatusBadRequest, "InvalidConvo", "Convo not found")
	}
	if c.locked {
		return fail(http.StatusBadRequest, "ConvoLocked", "Convo is locked")
	}
	m := s.addMessageLocked(c, s.Account.DID, text, time.Now())
	s.sent = append(s.sent, SentMessage{ConvoID: c.id, ID: m.id, Text: text, SentAt: m.sentAt.UTC().Truncate(time.Millisecond)})
	return reply{status: http.StatusOK, body: s.messageViewLocked(m)}
}
