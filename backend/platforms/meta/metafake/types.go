// Package metafake is a fake of Meta's Graph API on loopback, for tests and
// the demo: the Instagram API with Instagram Login (the IG account's
// conversations, messages, media and comments) and a Facebook Page with
// Messenger, behaving like the documentation says. It checks access tokens
// (code 190 for unknown or expired ones), pages with cursors, reports usage
// in X-App-Usage and X-Business-Use-Case-Usage headers that rise with every
// call and throttles (code 4) past a limit, refuses sends outside the 24-hour
// window (7 days with HUMAN_AGENT when granted), answers Graph's error
// envelope, and takes injected faults. InspectSentPath lists what was sent.
package metafake

import (
	"time"
)

// Platforms of conversations and posts.
const (
	Instagram = "instagram"
	Messenger = "messenger"
)

// Person is a participant: a customer or the account itself.
type Person struct {
	ID       string
	Username string
	Name     string
}

// Message is one direct message.
type Message struct {
	ID   string
	From Person
	Text string
	At   time.Time
	// Tag is the message tag a send used ("HUMAN_AGENT"), for inspection.
	Tag string
}

// Conversation is a DM thread between the account and one person.
type Conversation struct {
	ID       string
	Platform string
	With     Person
	Messages []*Message // oldest first
	// Corrupt renders the conversation with an unusable id.
	Corrupt bool
}

// updated is the conversation's last activity.
func (c *Conversation) updated() time.Time {
	if len(c.Messages) == 0 {
		return time.Time{}
	}
	return c.Messages[len(c.Messages)-1].At
}

// Comment is a comment (or a reply) on a post.
type Comment struct {
	ID       string
	From     Person
	Text     string
	At       time.Time
	ParentID string
	Hidden   bool
	// PrivateReplied is set once a private reply was sent to the comment.
	PrivateReplied bool
	// Corrupt renders the comment with an unreadable time.
	Corrupt bool
}

// Post is an Instagram media item or a Facebook Page post.
type Post struct {
	ID       string
	Platform string
	Caption  string
	At       time.Time
	// Updated is the post's last activity (Facebook's updated_time).
	Updated  time.Time
	Comments []*Comment // oldest first
}

// Sent is one thing the account sent, as InspectSentPath lists it.
type Sent struct {
	Kind        string    `json:"kind"` // message, private_reply, comment, reply
	Platform    string    `json:"platform"`
	RecipientID string    `json:"recipientId,omitempty"`
	CommentID   string    `json:"commentId,omitempty"`
	TargetID    string    `json:"targetId,omitempty"`
	ID          string    `json:"id"`
	Text        string    `json:"text"`
	Tag         string    `json:"tag,omitempty"`
	At          time.Time `json:"at"`
	// File is the attachment a message carried (nil for text).
	File *SentFile `json:"file,omitempty"`
}

// SentFile is an uploaded attachment.
type SentFile struct {
	Type     string `json:"type"` // image, video, audio, file
	Name     string `json:"name"`
	MimeType string `json:"mimeType"`
	Size     int64  `json:"size"`
}

// token is what the fake knows about an access token.
type token struct {
	// platform is Instagram (the IG user token) or Messenger (the Page token).
	platform string
	issued   time.Time
	expires  time.Time // zero: never
}
