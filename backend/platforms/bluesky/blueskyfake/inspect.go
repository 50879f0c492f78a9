package blueskyfake

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"sort"
	"strings"
	"time"

	"creatordesk/backend/platforms/fakekit"
)

// InspectPath lists, as JSON, the DMs and posts the account sent. It is not
// part of XRPC: it lets an end-to-end test in another process check what
// reached the platform. The fake only ever listens on loopback.
const InspectPath = "/_fake/sent"

// SentMessages returns the DMs sent with sendMessage, oldest first.
func (s *Server) SentMessages() []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

// Posts returns the posts the client created in the account's repository
// (and has not deleted), oldest first.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Post
	for _, r := range s.sortedLocked(collectionPost) {
		if r.createdByClient {
			out = append(out, Post{URI: r.uri, CID: r.cid, Text: r.text, ReplyRoot: r.replyRoot, ReplyParent: r.replyParent, CreatedAt: r.createdAt})
		}
	}
	return out
}

// HasRecord reports whether the record at uri exists.
func (s *Server) HasRecord(uri string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.records[uri]
	return ok
}

// Threadgate returns the threadgate record of the account's post rootURI.
func (s *Server) Threadgate(rootURI string) (json.RawMessage, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.records[threadgateURI(rootURI)]
	if !ok {
		return nil, false
	}
	return slices.Clone(r.value), true
}

// HiddenReplies returns the replies the threadgate of rootURI hides.
func (s *Server) HiddenReplies(rootURI string) []string {
	raw, ok := s.Threadgate(rootURI)
	if !ok {
		return nil
	}
	var g struct {
		HiddenReplies []string `json:"hiddenReplies"`
	}
	_ = json.Unmarshal(raw, &g)
	return g.HiddenReplies
}

// SetThreadgate writes a threadgate for the account's post rootURI, as if
// set in the Bluesky app: allow is the raw "allow" rules (nil leaves them out).
func (s *Server) SetThreadgate(rootURI string, allow json.RawMessage, hidden []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	root, ok := s.records[rootURI]
	if !ok || root.repo != s.Account.DID || root.collection != collectionPost {
		return errors.New("blueskyfake: " + rootURI + " is not a post of the account")
	}
	rec := map[string]any{"$type": collectionThreadgate, "post": rootURI, "createdAt": stamp(time.Now())}
	if allow != nil {
		rec["allow"] = allow
	}
	if hidden != nil {
		rec["hiddenReplies"] = hidden
	}
	s.putRecordLocked(s.Account, collectionThreadgate, root.rkey, rec, time.Now())
	return nil
}

// threadgateURI is the threadgate record of a post: same repository and rkey.
func threadgateURI(postURI string) string {
	return strings.Replace(postURI, "/"+collectionPost+"/", "/"+collectionThreadgate+"/", 1)
}

// Muted returns the DIDs the account muted, in order.
func (s *Server) Muted() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.mutes)
}

// Blocked returns the subjects of the account's block records, oldest first.
func (s *Server) Blocked() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.sortedLocked(collectionBlock) {
		if r.repo == s.Account.DID {
			out = append(out, r.subject)
		}
	}
	return out
}

// Reports returns the reports filed, in order.
func (s *Server) Reports() []Report {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reports)
}

// sortedLocked returns the records of a collection by rkey (TIDs sort by time).
func (s *Server) sortedLocked(collection string) []*record {
	var out []*record
	for _, r := range s.records {
		if r.collection == collection {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rkey < out[j].rkey })
	return out
}

// inspectView is what InspectPath shows.
type inspectView struct {
	Messages []sentView `json:"messages"`
	Posts    []postView `json:"posts"`
}

// sentView is one DM as InspectPath shows it.
type sentView struct {
	ConvoID string `json:"convoId"`
	ID      string `json:"id"`
	Text    string `json:"text"`
}

// postView is one post as InspectPath shows it.
type postView struct {
	URI       string `json:"uri"`
	Text      string `json:"text"`
	ReplyRoot string `json:"replyRoot,omitempty"`
	ReplyTo   string `json:"replyTo,omitempty"`
}

// serveInspect writes the sent DMs and posts.
func (s *Server) serveInspect(w http.ResponseWriter) {
	out := inspectView{Messages: []sentView{}, Posts: []postView{}}
	for _, m := range s.SentMessages() {
		out.Messages = append(out.Messages, sentView{ConvoID: m.ConvoID, ID: m.ID, Text: m.Text})
	}
	for _, p := range s.Posts() {
		out.Posts = append(out.Posts, postView{URI: p.URI, Text: p.Text, ReplyRoot: p.ReplyRoot.URI, ReplyTo: p.ReplyParent.URI})
	}
	fakekit.WriteJSON(w, out)
}
