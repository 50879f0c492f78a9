package mastodonfake

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"
)

// AddAccount makes an account known, so posted text can mention it and it can
// be blocked, muted or reported. Accounts passed to the other controls are
// remembered too.
func (s *Server) AddAccount(a Account) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rememberAccountLocked(a)
}

// AddConversation starts a direct conversation between the fake's account and
// the given accounts (none: a note to self) and returns its id. It appears in
// the conversation list once it has a status.
func (s *Server) AddConversation(with ...Account) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for _, a := range with {
		s.rememberAccountLocked(a)
		ids = append(ids, a.ID)
	}
	sort.Strings(ids)
	c := &conversation{id: s.nextConv, participants: ids}
	s.nextConv++
	s.convs = append(s.convs, c)
	return strconv.FormatInt(c.id, 10)
}

// AddDirect adds a direct status by p.From to conversation conv, by default as a
// reply to the conversation's last status, and returns the status id. Like on
// Mastodon, the status mentions the conversation's other members and a status
// from someone else also notifies the fake's account with a "mention". It
// panics if conv is unknown.
func (s *Server) AddDirect(conv string, p Post) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, file := s.addDirectLocked(conv, p)
	file()
	return id
}

// AddDirectUnfiled is AddDirect for a status the server has created (it has
// its id and can be fetched) but not yet filed into its conversation, as a
// real server's background job files it a little later (GoToSocial's
// workers, Mastodon's Sidekiq). The conversation list and the mention
// notification show it once file is called.
func (s *Server) AddDirectUnfiled(conv string, p Post) (id string, file func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, fileLocked := s.addDirectLocked(conv, p)
	return id, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		fileLocked()
	}
}

// addDirectLocked creates a direct status and returns its id and the function
// that files it (called with s.mu held).
func (s *Server) addDirectLocked(conv string, p Post) (string, func()) {
	c := s.conversationLocked(conv)
	if c == nil {
		panic("mastodonfake: unknown conversation " + conv)
	}
	if p.InReplyTo == "" {
		if last := s.lastStatusLocked(c); last != 0 {
			p.InReplyTo = statusID(last)
		}
	}
	p.Visibility = "direct"
	st := s.addStatusLocked(p)
	for _, id := range append(slices.Clone(c.participants), s.Self.ID) {
		if id != st.accountID && !containsString(st.mentions, id) {
			st.mentions = append(st.mentions, id)
		}
	}
	return statusID(st.id), func() {
		c.statuses = append(c.statuses, st.id)
		c.unread = st.accountID != s.Self.ID
		if st.accountID != s.Self.ID {
			s.notifyLocked("mention", st)
		}
	}
}

// AddMention adds a status by p.From that mentions the fake's account (public
// unless p.Visibility says otherwise), notifies the account with a "mention"
// and returns the status id. p.InReplyTo makes it a reply.
func (s *Server) AddMention(p Post) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.addStatusLocked(p)
	if !containsString(st.mentions, s.Self.ID) {
		st.mentions = append(st.mentions, s.Self.ID)
	}
	s.notifyLocked("mention", st)
	return statusID(st.id)
}

// AddStatus adds a status without notifying anyone (a post of the fake's own
// account, or someone else's post a mention replies to) and returns its id.
func (s *Server) AddStatus(p Post) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return statusID(s.addStatusLocked(p).id)
}

// AddNotification adds a notification of another type (favourite, reblog,
// follow, ...) from account about status ("" for none) and returns its id.
func (s *Server) AddNotification(kind string, from Account, statusRef string, at time.Time) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rememberAccountLocked(from)
	n := &notification{id: s.nextNotif, kind: kind, createdAt: at, accountID: from.ID}
	if statusRef != "" {
		n.statusID = mustParseID(statusRef)
	}
	s.nextNotif++
	s.notifs = append(s.notifs, n)
	return strconv.FormatInt(n.id, 10)
}

// EditStatus gives a status new text and an edited_at time, as an author's edit
// does. Like on Mastodon, an edit moves nothing: conversations keep their order
// and no notification is added.
func (s *Server) EditStatus(id, text string, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.liveStatusLocked(id)
	if st == nil {
		return fmt.Errorf("mastodonfake: no status %s", id)
	}
	st.text = text
	st.content, _ = s.renderTextLocked(text)
	at = at.UTC()
	st.editedAt = &at
	return nil
}

// DeleteStatus deletes a status as its author would: it leaves its
// conversation, its notifications disappear and looking it up answers 404.
func (s *Server) DeleteStatus(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.liveStatusLocked(id)
	if st == nil {
		return fmt.Errorf("mastodonfake: no status %s", id)
	}
	s.deleteLocked(st)
	return nil
}

// SetRawStatus makes the fake serve raw, verbatim, wherever it would render the
// status (lists, lookups, context), for malformed or unusual statuses. The
// fake itself keeps using the stored status for ordering and threading.
func (s *Server) SetRawStatus(id string, raw json.RawMessage) error {
	if !json.Valid(raw) {
		panic("mastodonfake: SetRawStatus needs valid JSON")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.liveStatusLocked(id)
	if st == nil {
		return fmt.Errorf("mastodonfake: no status %s", id)
	}
	st.raw = slices.Clone(raw)
	return nil
}

// AddRawNotification adds a notification served verbatim as the newest one,
// whatever types the client filters on, and returns the id the fake files it
// under (the raw JSON's own id, if any, is not read).
func (s *Server) AddRawNotification(raw json.RawMessage) string {
	if !json.Valid(raw) {
		panic("mastodonfake: AddRawNotification needs valid JSON")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := &notification{id: s.nextNotif, raw: slices.Clone(raw)}
	s.nextNotif++
	s.notifs = append(s.notifs, n)
	return strconv.FormatInt(n.id, 10)
}

// AddRawConversation adds a conversation served verbatim as the most recently
// active one and returns the pagination key (a status id) it is filed under.
func (s *Server) AddRawConversation(raw json.RawMessage) string {
	if !json.Valid(raw) {
		panic("mastodonfake: AddRawConversation needs valid JSON")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := &conversation{id: s.nextConv, raw: slices.Clone(raw), rawKey: s.nextStatus}
	s.nextConv++
	s.nextStatus++
	s.convs = append(s.convs, c)
	return statusID(c.rawKey)
}

// addStatusLocked stores a new status from p.
func (s *Server) addStatusLocked(p Post) *status {
	s.rememberAccountLocked(p.From)
	st := &status{
		id:          s.nextStatus,
		createdAt:   p.At.UTC(),
		accountID:   p.From.ID,
		visibility:  p.Visibility,
		text:        p.Text,
		spoilerText: p.SpoilerText,
		language:    p.Language,
		media:       slices.Clone(p.Media),
	}
	s.nextStatus++
	if p.At.IsZero() {
		st.createdAt = s.nowLocked().UTC()
	}
	if st.visibility == "" {
		st.visibility = "public"
	}
	st.content, st.mentions = s.renderTextLocked(p.Text)
	if p.HTML != "" {
		st.content = p.HTML
	}
	if p.InReplyTo != "" {
		st.inReplyTo = mustParseID(p.InReplyTo)
		if parent, ok := s.statuses[st.inReplyTo]; ok {
			st.inReplyToAccountID = parent.accountID
		}
	}
	s.statuses[st.id] = st
	return st
}

// notifyLocked adds a notification about st from its author.
func (s *Server) notifyLocked(kind string, st *status) {
	s.notifs = append(s.notifs, &notification{
		id: s.nextNotif, kind: kind, createdAt: st.createdAt, accountID: st.accountID, statusID: st.id,
	})
	s.nextNotif++
}

// deleteLocked removes a status from view.
func (s *Server) deleteLocked(st *status) {
	st.deleted = true
	s.notifs = slices.DeleteFunc(s.notifs, func(n *notification) bool { return n.statusID == st.id && n.raw == nil })
	for _, c := range s.convs {
		c.statuses = slices.DeleteFunc(c.statuses, func(id int64) bool { return id == st.id })
	}
}

// conversationLocked finds a conversation by id.
func (s *Server) conversationLocked(id string) *conversation {
	for _, c := range s.convs {
		if strconv.FormatInt(c.id, 10) == id {
			return c
		}
	}
	return nil
}

// lastStatusLocked is the newest status of a conversation, or 0.
func (s *Server) lastStatusLocked(c *conversation) int64 {
	var last int64
	for _, id := range c.statuses {
		if st, ok := s.statuses[id]; ok && !st.deleted && id > last {
			last = id
		}
	}
	return last
}

// liveStatusLocked finds a status that is not deleted.
func (s *Server) liveStatusLocked(id string) *status {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return nil
	}
	st, ok := s.statuses[n]
	if !ok || st.deleted {
		return nil
	}
	return st
}

// mustParseID parses a status id a test passed in; a wrong one is a test bug.
func mustParseID(id string) int64 {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		panic("mastodonfake: bad status id " + strconv.Quote(id))
	}
	return n
}
