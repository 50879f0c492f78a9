package mastodonfake

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
)

// Page sizes: conversations default to 20 (at most 40), notifications to 40
// (at most 80), as on Mastodon 4.1 and later.
const (
	conversationsLimit = 20
	notificationsLimit = 40
)

// pageQuery holds the pagination parameters of a list request.
type pageQuery struct {
	maxID, sinceID, minID *int64
	limit                 int
}

// parsePageQuery reads max_id, since_id, min_id and limit. Like Rails'
// limit_param, the limit defaults to def and is capped at twice def.
func parsePageQuery(q url.Values, def int) (pageQuery, error) {
	p := pageQuery{limit: def}
	for name, dst := range map[string]**int64{"max_id": &p.maxID, "since_id": &p.sinceID, "min_id": &p.minID} {
		v := q.Get(name)
		if v == "" {
			continue
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return p, errBadParam(name)
		}
		*dst = &n
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return p, errBadParam("limit")
		}
		if n < 0 {
			n = -n
		}
		p.limit = min(n, def*2)
	}
	return p, nil
}

// errBadParam is a parameter the fake cannot read.
type errBadParam string

func (e errBadParam) Error() string { return "invalid parameter " + string(e) }

// paginate picks the page of keys (sorted newest first) that q asks for, newest
// first, the way Mastodon's to_a_paginated_by_id does: min_id pages forward from
// just above min_id, otherwise the page is the newest below max_id and above
// since_id.
func paginate(keys []int64, q pageQuery) []int64 {
	in := func(k int64) bool {
		return (q.maxID == nil || k < *q.maxID) &&
			(q.sinceID == nil || k > *q.sinceID) &&
			(q.minID == nil || k > *q.minID)
	}
	var page []int64
	if q.minID != nil {
		for i := len(keys) - 1; i >= 0 && len(page) < q.limit; i-- {
			if in(keys[i]) {
				page = append(page, keys[i])
			}
		}
		slices.Reverse(page)
		return page
	}
	for _, k := range keys {
		if len(page) == q.limit {
			break
		}
		if in(k) {
			page = append(page, k)
		}
	}
	return page
}

// linkHeader builds a Link header from the public LinkBase (never the loopback
// address the request came to), keeping the request's filter parameters.
func (s *Server) linkHeader(path string, keep url.Values, next, prev *int64) string {
	link := func(param string, id int64, rel string) string {
		q := url.Values{}
		for k, v := range keep {
			q[k] = v
		}
		q.Set(param, strconv.FormatInt(id, 10))
		return "<" + s.LinkBase + path + "?" + q.Encode() + `>; rel="` + rel + `"`
	}
	var parts []string
	if next != nil {
		parts = append(parts, link("max_id", *next, "next"))
	}
	if prev != nil {
		parts = append(parts, link("min_id", *prev, "prev"))
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += ", "
		}
		out += p
	}
	return out
}

// keepParams copies the named request parameters into Link URLs.
func keepParams(q url.Values, names ...string) url.Values {
	out := url.Values{}
	for _, n := range names {
		if v, ok := q[n]; ok {
			out[n] = v
		}
	}
	return out
}

// conversationJSON is the Conversation entity.
type conversationJSON struct {
	ID         string          `json:"id"`
	Unread     bool            `json:"unread"`
	Accounts   []accountJSON   `json:"accounts"`
	LastStatus json.RawMessage `json:"last_status"`
}

// listConversations serves GET /api/v1/conversations. Conversations are ordered
// and paginated by their last status id, as on Mastodon, so the Link header
// cursors are status ids, not conversation ids. Like Mastodon it writes a next
// link whenever the page is full, so a walk whose last page is full ends with
// an empty page.
func (s *Server) listConversations(r *http.Request) reply {
	q := r.URL.Query()
	pq, err := parsePageQuery(q, conversationsLimit)
	if err != nil {
		return fail(http.StatusBadRequest, err.Error())
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	byKey := map[int64]*conversation{}
	var keys []int64
	for _, c := range s.convs {
		key := c.rawKey
		if c.raw == nil {
			key = s.lastStatusLocked(c)
		}
		if key != 0 {
			byKey[key] = c
			keys = append(keys, key)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] > keys[j] })
	page := paginate(keys, pq)
	out := make([]json.RawMessage, 0, len(page))
	for _, k := range page {
		out = append(out, s.conversationJSONLocked(byKey[k], k))
	}
	rep := ok(out)
	var next, prev *int64
	if len(page) > 0 {
		prev = &page[0]
		if len(page) == pq.limit {
			next = &page[len(page)-1]
		}
	}
	rep.link = s.linkHeader("/api/v1/conversations", keepParams(q, "limit"), next, prev)
	return rep
}

// conversationJSONLocked renders a conversation whose last status is last.
func (s *Server) conversationJSONLocked(c *conversation, last int64) json.RawMessage {
	if c.raw != nil {
		return c.raw
	}
	out := conversationJSON{ID: strconv.FormatInt(c.id, 10), Unread: c.unread, Accounts: []accountJSON{}}
	for _, id := range c.participants {
		out.Accounts = append(out.Accounts, s.accountJSONLocked(s.accounts[id]))
	}
	if len(out.Accounts) == 0 {
		out.Accounts = append(out.Accounts, s.accountJSONLocked(s.Self))
	}
	out.LastStatus = s.statusJSONLocked(s.statuses[last], false)
	raw, _ := json.Marshal(out) // plain structs always encode
	return raw
}

// notificationJSON is the Notification entity.
type notificationJSON struct {
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	CreatedAt string          `json:"created_at"`
	GroupKey  string          `json:"group_key"`
	Account   accountJSON     `json:"account"`
	Status    json.RawMessage `json:"status,omitempty"`
}

// listNotifications serves GET /api/v1/notifications with types[] and
// exclude_types[] filters. Like Mastodon it writes next and prev links on every
// non-empty page, so a complete walk always ends with an empty page.
func (s *Server) listNotifications(r *http.Request) reply {
	q := r.URL.Query()
	pq, err := parsePageQuery(q, notificationsLimit)
	if err != nil {
		return fail(http.StatusBadRequest, err.Error())
	}
	types := append(q["types[]"], q["types"]...)
	exclude := append(q["exclude_types[]"], q["exclude_types"]...)
	s.mu.Lock()
	defer s.mu.Unlock()
	byKey := map[int64]*notification{}
	var keys []int64
	for _, n := range s.notifs {
		if n.raw == nil && ((len(types) > 0 && !slices.Contains(types, n.kind)) || slices.Contains(exclude, n.kind)) {
			continue
		}
		byKey[n.id] = n
		keys = append(keys, n.id)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] > keys[j] })
	page := paginate(keys, pq)
	out := make([]json.RawMessage, 0, len(page))
	for _, k := range page {
		out = append(out, s.notificationJSONLocked(byKey[k]))
	}
	rep := ok(out)
	if len(page) > 0 {
		rep.link = s.linkHeader("/api/v1/notifications", keepParams(q, "limit", "types[]", "exclude_types[]"), &page[len(page)-1], &page[0])
	}
	return rep
}

// notificationJSONLocked renders a notification.
func (s *Server) notificationJSONLocked(n *notification) json.RawMessage {
	if n.raw != nil {
		return n.raw
	}
	out := notificationJSON{
		ID: strconv.FormatInt(n.id, 10), Type: n.kind, CreatedAt: formatTime(n.createdAt),
		GroupKey: "ungrouped-" + strconv.FormatInt(n.id, 10), Account: s.accountJSONLocked(s.accounts[n.accountID]),
	}
	if st, ok := s.statuses[n.statusID]; ok && !st.deleted {
		out.Status = s.statusJSONLocked(st, false)
	}
	raw, _ := json.Marshal(out) // plain structs always encode
	return raw
}
