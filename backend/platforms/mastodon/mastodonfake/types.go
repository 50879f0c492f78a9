package mastodonfake

import (
	"encoding/json"
	"time"
)

// Account is a Mastodon account as the fake knows it.
type Account struct {
	ID       string
	Username string
	// Acct is "username" for local accounts and "username@domain" for remote ones;
	// empty means Username.
	Acct        string
	DisplayName string
	Bot         bool
}

// acct returns the account's webfinger name relative to the instance.
func (a Account) acct() string {
	if a.Acct != "" {
		return a.Acct
	}
	return a.Username
}

// Post describes a status a test adds to the fake.
type Post struct {
	From Account
	// Text is rendered to HTML the way Mastodon renders local statuses: paragraphs,
	// line breaks, links, hashtags and @mentions of accounts the fake knows.
	Text string
	// HTML, when set, is served verbatim as the status content instead of Text.
	HTML        string
	SpoilerText string
	// Visibility is public, unlisted, private or direct; empty means public
	// (direct for AddDirect).
	Visibility string
	// InReplyTo is the id of the status this one answers; AddDirect defaults it to
	// the conversation's last status.
	InReplyTo string
	At        time.Time
	Media     []Media
	Language  string
}

// Media is a media attachment of a status.
type Media struct {
	// Type is image, gifv, video, audio or unknown.
	Type        string
	URL         string
	Description string
}

// SentStatus is a status created through POST /api/v1/statuses.
type SentStatus struct {
	ID             string
	Text           string
	InReplyToID    string
	Visibility     string
	SpoilerText    string
	Language       string
	IdempotencyKey string
	// MentionedIDs are the known accounts the text mentions, in order of appearance.
	MentionedIDs []string
	CreatedAt    time.Time
}

// Mute is one POST /api/v1/accounts/:id/mute call.
type Mute struct {
	AccountID     string
	Notifications bool
	// Duration is the mute's length in seconds; 0 is indefinite.
	Duration int
}

// Report is one POST /api/v1/reports call.
type Report struct {
	ID        string
	AccountID string
	StatusIDs []string
	Comment   string
	Forward   bool
	Category  string
}

// Request is one API request the fake received (inspection paths excluded).
type Request struct {
	Method string
	Path   string
	// Query is the raw query string.
	Query          string
	Host           string
	IdempotencyKey string
	Authorized     bool
}

// status is a status the fake stores.
type status struct {
	id                 int64
	createdAt          time.Time
	editedAt           *time.Time
	accountID          string
	inReplyTo          int64
	inReplyToAccountID string
	visibility         string
	content            string
	text               string
	spoilerText        string
	language           string
	mentions           []string
	media              []Media
	deleted            bool
	// raw replaces the rendered JSON everywhere the status is served.
	raw json.RawMessage
}

// conversation is an account conversation of the fake's own account.
type conversation struct {
	id int64
	// participants are the other accounts, sorted; empty for a note to self.
	participants []string
	statuses     []int64
	unread       bool
	// raw, when set, is served instead of the rendered conversation.
	raw json.RawMessage
	// rawKey orders a raw conversation among the others.
	rawKey int64
}

// notification is a notification of the fake's own account.
type notification struct {
	id        int64
	kind      string
	createdAt time.Time
	accountID string
	statusID  int64
	raw       json.RawMessage
}

// accountJSON is the Account entity.
type accountJSON struct {
	ID             string `json:"id"`
	Username       string `json:"username"`
	Acct           string `json:"acct"`
	DisplayName    string `json:"display_name"`
	Locked         bool   `json:"locked"`
	Bot            bool   `json:"bot"`
	Group          bool   `json:"group"`
	CreatedAt      string `json:"created_at"`
	Note           string `json:"note"`
	URL            string `json:"url"`
	Avatar         string `json:"avatar"`
	Header         string `json:"header"`
	FollowersCount int    `json:"followers_count"`
	FollowingCount int    `json:"following_count"`
	StatusesCount  int    `json:"statuses_count"`
	Emojis         []any  `json:"emojis"`
	Fields         []any  `json:"fields"`
}

// mentionJSON is the Status.Mention entity.
type mentionJSON struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	URL      string `json:"url"`
	Acct     string `json:"acct"`
}

// mediaJSON is the MediaAttachment entity.
type mediaJSON struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"`
	URL         string  `json:"url"`
	PreviewURL  string  `json:"preview_url"`
	RemoteURL   *string `json:"remote_url"`
	Description *string `json:"description"`
	Blurhash    *string `json:"blurhash"`
}

// statusJSON is the Status entity.
type statusJSON struct {
	ID                 string        `json:"id"`
	CreatedAt          string        `json:"created_at"`
	InReplyToID        *string       `json:"in_reply_to_id"`
	InReplyToAccountID *string       `json:"in_reply_to_account_id"`
	Sensitive          bool          `json:"sensitive"`
	SpoilerText        string        `json:"spoiler_text"`
	Visibility         string        `json:"visibility"`
	Language           *string       `json:"language"`
	URI                string        `json:"uri"`
	URL                string        `json:"url"`
	RepliesCount       int           `json:"replies_count"`
	ReblogsCount       int           `json:"reblogs_count"`
	FavouritesCount    int           `json:"favourites_count"`
	EditedAt           *string       `json:"edited_at"`
	Content            string        `json:"content"`
	Text               *string       `json:"text,omitempty"`
	Reblog             *statusJSON   `json:"reblog"`
	Account            accountJSON   `json:"account"`
	MediaAttachments   []mediaJSON   `json:"media_attachments"`
	Mentions           []mentionJSON `json:"mentions"`
	Tags               []any         `json:"tags"`
	Emojis             []any         `json:"emojis"`
	Card               any           `json:"card"`
	Poll               any           `json:"poll"`
}
