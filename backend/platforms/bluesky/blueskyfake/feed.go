package blueskyfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Collections the fake knows.
const (
	collectionPost       = "app.bsky.feed.post"
	collectionLike       = "app.bsky.feed.like"
	collectionThreadgate = "app.bsky.feed.threadgate"
	collectionBlock      = "app.bsky.graph.block"
)

// AddProfile makes an account known (to getProfile, muteActor, post authors).
func (s *Server) AddProfile(p Profile) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.profiles[p.DID] = p
}

// AddPost stores a top-level post by author, indexed at at, and returns its at-uri.
func (s *Server) AddPost(author Profile, text string, at time.Time) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.putPostLocked(author, map[string]any{"$type": collectionPost, "text": text, "createdAt": stamp(at)}, at).uri
}

// AddOwnPost stores a top-level post by the account and returns its at-uri.
func (s *Server) AddOwnPost(text string, at time.Time) string {
	return s.AddPost(s.Account, text, at)
}

// AddReply stores author's reply to the post parentURI and, when the parent
// or the thread's root is the account's, notifies the account ("reply").
// It returns the reply's at-uri.
func (s *Server) AddReply(author Profile, parentURI, text string, at time.Time) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	parent, ok := s.records[parentURI]
	if !ok || parent.collection != collectionPost {
		return "", fmt.Errorf("blueskyfake: no post %q", parentURI)
	}
	parentRef := StrongRef{URI: parent.uri, CID: parent.cid}
	rootRef := parentRef
	if parent.replyRoot.URI != "" {
		rootRef = parent.replyRoot
	}
	rec := map[string]any{"$type": collectionPost, "text": text, "createdAt": stamp(at),
		"reply": map[string]StrongRef{"root": rootRef, "parent": parentRef}}
	r := s.putPostLocked(author, rec, at)
	root := s.records[rootRef.URI]
	if author.DID != s.Account.DID && (parent.repo == s.Account.DID || (root != nil && root.repo == s.Account.DID)) {
		s.notifyLocked(r, author, "reply", parentURI)
	}
	return r.uri, nil
}

// AddMention stores author's post mentioning the account and notifies it ("mention").
func (s *Server) AddMention(author Profile, text string, at time.Time) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := map[string]any{"$type": collectionPost, "text": text, "createdAt": stamp(at),
		"facets": []any{map[string]any{
			"index":    map[string]int{"byteStart": 0, "byteEnd": 1},
			"features": []any{map[string]string{"$type": "app.bsky.richtext.facet#mention", "did": s.Account.DID}},
		}}}
	r := s.putPostLocked(author, rec, at)
	s.notifyLocked(r, author, "mention", "")
	return r.uri
}

// AddQuote stores author's post quoting quotedURI and notifies the account ("quote").
func (s *Server) AddQuote(author Profile, quotedURI, text string, at time.Time) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	quoted, ok := s.records[quotedURI]
	if !ok {
		return "", fmt.Errorf("blueskyfake: no post %q", quotedURI)
	}
	rec := map[string]any{"$type": collectionPost, "text": text, "createdAt": stamp(at),
		"embed": map[string]any{"$type": "app.bsky.embed.record", "record": StrongRef{URI: quoted.uri, CID: quoted.cid}}}
	r := s.putPostLocked(author, rec, at)
	s.notifyLocked(r, author, "quote", quotedURI)
	return r.uri, nil
}

// AddLike stores author's like of postURI and notifies the account ("like"),
// a reason clients asking for comments filter out.
func (s *Server) AddLike(author Profile, postURI string, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	liked, ok := s.records[postURI]
	if !ok {
		return fmt.Errorf("blueskyfake: no post %q", postURI)
	}
	rec := map[string]any{"$type": collectionLike, "subject": StrongRef{URI: liked.uri, CID: liked.cid}, "createdAt": stamp(at)}
	r := s.putRecordLocked(author, collectionLike, s.nextTIDLocked(), rec, at)
	s.notifyLocked(r, author, "like", postURI)
	return nil
}

// AddRawNotification places raw verbatim among the notifications, indexed at
// at (for ordering and paging), for malformed or unusual items. It panics if
// raw is not valid JSON.
func (s *Server) AddRawNotification(raw json.RawMessage, at time.Time) {
	if !json.Valid(raw) {
		panic("blueskyfake: AddRawNotification needs valid JSON")
	}
	var head struct {
		Reason string `json:"reason"`
	}
	_ = json.Unmarshal(raw, &head)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	s.notifs = append(s.notifs, &notif{seq: s.seq, indexedAt: at, reason: head.Reason, raw: slices.Clone(raw)})
}

// putPostLocked stores a post record by author.
func (s *Server) putPostLocked(author Profile, rec map[string]any, at time.Time) *record {
	return s.putRecordLocked(author, collectionPost, s.nextTIDLocked(), rec, at)
}

// putRecordLocked stores any record in author's repository.
func (s *Server) putRecordLocked(author Profile, collection, rkey string, rec map[string]any, at time.Time) *record {
	if _, known := s.profiles[author.DID]; !known || author.Handle != "" {
		s.profiles[author.DID] = author
	}
	raw, _ := json.Marshal(rec) // maps of plain values always encode
	r := &record{repo: author.DID, collection: collection, rkey: rkey, indexedAt: at}
	r.uri = "at://" + author.DID + "/" + collection + "/" + rkey
	s.setValueLocked(r, raw)
	s.records[r.uri] = r
	return r
}

// setValueLocked sets a record's value, CID and the fields the fake reads back.
func (s *Server) setValueLocked(r *record, raw json.RawMessage) {
	r.value, r.cid = raw, cidOf(raw)
	var v struct {
		Type      string `json:"$type"`
		Text      string `json:"text"`
		CreatedAt string `json:"createdAt"`
		Subject   any    `json:"subject"`
		Reply     *struct {
			Root, Parent StrongRef
		} `json:"reply"`
	}
	_ = json.Unmarshal(raw, &v)
	r.typ, r.text, r.createdAt = v.Type, v.Text, v.CreatedAt
	if subj, ok := v.Subject.(string); ok {
		r.subject = subj
	}
	if v.Reply != nil {
		r.replyRoot, r.replyParent = v.Reply.Root, v.Reply.Parent
	}
}

// notifyLocked adds a notification of the account about record r.
func (s *Server) notifyLocked(r *record, author Profile, reason, subject string) {
	n := map[string]any{"uri": r.uri, "cid": r.cid, "author": author, "reason": reason, "record": r.value,
		"isRead": false, "indexedAt": stamp(r.indexedAt), "labels": []any{}}
	if subject != "" {
		n["reasonSubject"] = subject
	}
	raw, _ := json.Marshal(n)
	s.seq++
	s.notifs = append(s.notifs, &notif{seq: s.seq, indexedAt: r.indexedAt, reason: reason, raw: raw})
}

// notifCursor is a position in the newest-first notification order.
func notifCursor(n *notif) string {
	return strconv.FormatInt(n.indexedAt.UnixNano(), 10) + "_" + strconv.FormatUint(n.seq, 10)
}

// listNotifications pages the notifications newest first, filtered by reasons.
func (s *Server) listNotifications(r *request) reply {
	limit, err := r.limit(50)
	if err != nil {
		return invalid("%s", err.Error())
	}
	var reasons []string
	for _, v := range r.q["reasons"] {
		reasons = append(reasons, strings.Split(v, ",")...)
	}
	var after *notif
	if cur := r.q.Get("cursor"); cur != "" {
		nanos, seq, ok := strings.Cut(cur, "_")
		t, err1 := strconv.ParseInt(nanos, 10, 64)
		n, err2 := strconv.ParseUint(seq, 10, 64)
		if !ok || err1 != nil || err2 != nil {
			return invalid("Malformed cursor")
		}
		after = &notif{indexedAt: time.Unix(0, t), seq: n}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	all := slices.Clone(s.notifs)
	slices.SortFunc(all, newestFirst)
	var page []*notif
	for _, n := range all {
		if after != nil && newestFirst(n, after) <= 0 {
			continue
		}
		if len(reasons) > 0 && n.reason != "" && !slices.Contains(reasons, n.reason) {
			continue
		}
		page = append(page, n)
	}
	out := map[string]any{}
	if len(page) > limit {
		page = page[:limit]
		out["cursor"] = notifCursor(page[limit-1])
	}
	items := make([]json.RawMessage, 0, len(page))
	for _, n := range page {
		items = append(items, n.raw)
	}
	out["notifications"] = items
	return success(out)
}

// newestFirst orders notifications by indexedAt, then insertion, newest first.
func newestFirst(a, b *notif) int {
	switch {
	case a.indexedAt.After(b.indexedAt):
		return -1
	case a.indexedAt.Before(b.indexedAt):
		return 1
	case a.seq > b.seq:
		return -1
	case a.seq < b.seq:
		return 1
	}
	return 0
}

// postViewLocked renders a post.
func (s *Server) postViewLocked(r *record) map[string]any {
	author, ok := s.profiles[r.repo]
	if !ok {
		author = Profile{DID: r.repo, Handle: "handle.invalid"}
	}
	return map[string]any{"uri": r.uri, "cid": r.cid, "author": author, "record": r.value,
		"indexedAt": stamp(r.indexedAt), "replyCount": 0, "repostCount": 0, "likeCount": 0, "quoteCount": 0, "labels": []any{}}
}

// getPosts hydrates up to 25 posts; unknown ones are left out.
func (s *Server) getPosts(r *request) reply {
	uris := r.q["uris"]
	if len(uris) == 0 || len(uris) > 25 {
		return invalid("uris must have between 1 and 25 items")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	posts := []map[string]any{}
	for _, uri := range uris {
		if rec, ok := s.records[uri]; ok && rec.collection == collectionPost {
			posts = append(posts, s.postViewLocked(rec))
		}
	}
	return success(map[string]any{"posts": posts})
}

// getPostThread returns a post as a thread without replies.
func (s *Server) getPostThread(r *request) reply {
	uri := r.q.Get("uri")
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.records[uri]
	if !ok || rec.collection != collectionPost {
		return fail(http.StatusBadRequest, "NotFound", "Post not found: "+uri)
	}
	return success(map[string]any{"thread": map[string]any{
		"$type": "app.bsky.feed.defs#threadViewPost", "post": s.postViewLocked(rec), "replies": []any{}}})
}
