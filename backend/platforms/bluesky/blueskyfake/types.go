package blueskyfake

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"strings"
	"time"
)

// Profile is an account as the fake shows it (profileViewBasic).
type Profile struct {
	DID         string `json:"did"`
	Handle      string `json:"handle"`
	DisplayName string `json:"displayName,omitempty"`
}

// SentMessage is a DM the client sent with sendMessage.
type SentMessage struct {
	ConvoID string
	ID      string
	Text    string
	SentAt  time.Time
}

// Post is a post the account wrote with createRecord.
type Post struct {
	URI, CID string
	Text     string
	// ReplyRoot and ReplyParent are the reply references, empty for a top-level post.
	ReplyRoot, ReplyParent StrongRef
	CreatedAt              string
}

// StrongRef is a record's at-uri and CID.
type StrongRef struct {
	URI string `json:"uri"`
	CID string `json:"cid"`
}

// Report is a report the client filed with createReport.
type Report struct {
	ReasonType string
	Reason     string
	// SubjectURI and SubjectCID are set for a post, SubjectDID for an account.
	SubjectURI, SubjectCID, SubjectDID string
}

// record is a repository record.
type record struct {
	uri, cid                string
	repo, collection, rkey  string
	value                   json.RawMessage
	indexedAt               time.Time
	createdByClient         bool
	text                    string
	replyRoot, replyParent  StrongRef
	createdAt, subject, typ string
}

// notif is one notification of the account.
type notif struct {
	seq       uint64
	indexedAt time.Time
	reason    string
	raw       json.RawMessage
}

// convo is a chat conversation.
type convo struct {
	id      string
	rev     string
	members []string // DIDs, the account first
	locked  bool
	msgs    []*chatMsg // in rev order
}

// chatMsg is a chat message, or a raw item placed in a convo.
type chatMsg struct {
	id, rev, sender, text string
	sentAt                time.Time
	deleted               bool
	raw                   json.RawMessage
}

// logEntry is one getLog event, rendered when it happened.
type logEntry struct {
	rev string
	raw json.RawMessage
}

// tidAlphabet is base32-sortable, the alphabet of atproto TIDs.
const tidAlphabet = "234567abcdefghijklmnopqrstuvwxyz"

// nextTIDLocked returns a fresh 13-character TID; later ones sort after earlier ones.
func (s *Server) nextTIDLocked() string {
	s.seq++
	n := s.seq
	var b [13]byte
	for i := 12; i >= 0; i-- {
		b[i] = tidAlphabet[n&31]
		n >>= 5
	}
	return string(b[:])
}

// cidOf is a CID-looking digest of data (not a real CID encoding).
func cidOf(data []byte) string {
	sum := sha256.Sum256(data)
	enc := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:])
	return "bafyrei" + strings.ToLower(enc)
}

// stamp formats a time as the fake's datetime fields.
func stamp(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}
