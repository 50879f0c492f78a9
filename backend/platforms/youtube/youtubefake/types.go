package youtubefake

import (
	"encoding/json"
	"time"
)

// Moderation statuses a comment can have.
const (
	StatusPublished     = "published"
	StatusHeldForReview = "heldForReview"
	StatusLikelySpam    = "likelySpam"
	StatusRejected      = "rejected"
)

// Channel is a YouTube channel: the fake's own one (Server.Self) or a commenter.
type Channel struct {
	// ID is the channel id ("UC" and 22 characters on YouTube).
	ID string
	// Title is the channel's name.
	Title string
	// Handle is the channel's @handle (the channels resource's customUrl), or "".
	Handle string
}

// Video is a video of the fake's channel.
type Video struct {
	ID    string
	Title string
}

// Comment is what a test passes to AddThread and AddReply.
type Comment struct {
	Author Channel
	Text   string
	// At is publishedAt; zero means the fake's clock.
	At time.Time
	// Status is the moderation status; "" means published. A comment by a
	// banned author is rejected whatever Status says, as on YouTube.
	Status string
}

// SentReply is a reply created through comments.insert.
type SentReply struct {
	ID       string
	ParentID string
	Text     string
	At       time.Time
}

// Moderation is one comments.setModerationStatus call that succeeded.
type Moderation struct {
	IDs       []string
	Status    string
	BanAuthor bool
}

// Request is one API request the fake received.
type Request struct {
	Method string
	// Path is below the API root ("/commentThreads").
	Path       string
	Query      string
	Authorized bool
}

// Charge is the quota cost of one request the fake served.
type Charge struct {
	// Method is the API method ("commentThreads.list").
	Method string
	Units  int
}

// comment is a stored comment.
type comment struct {
	id       string
	parentID string
	videoID  string
	author   Channel
	text     string
	status   string
	deleted  bool

	published, updated time.Time
	// raw, when set, is served verbatim wherever the comment is rendered.
	raw json.RawMessage
}

// thread is a top-level comment and its replies, oldest first.
type thread struct {
	top     *comment
	replies []*comment
	// raw, when set, is served verbatim as the whole commentThread item.
	raw json.RawMessage
}
