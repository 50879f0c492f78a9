// Package platforms defines the contract every platform connector implements.
//
// A connector is an HTTP client for one platform's official API. It stores
// nothing and shows nothing: it turns the platform's JSON into the typed items
// below, hands back an opaque cursor, and reports failures as *Error values
// whose Kind tells the sync engine what to do next (wait, reconnect, give up).
package platforms

import (
	"context"
	"time"
)

// Capability names one thing a connector can do on its platform.
type Capability string

// The capabilities a connector may declare.
const (
	CapListThreads     Capability = "list_threads"
	CapFetchMessages   Capability = "fetch_messages"
	CapSend            Capability = "send"
	CapListComments    Capability = "list_comments"
	CapReplyComment    Capability = "reply_comment"
	CapModerateComment Capability = "moderate_comment"
	CapPublish         Capability = "publish"
	CapListOrders      Capability = "list_orders"
)

// ThreadKind tells a direct-message thread from a public comment thread.
type ThreadKind string

// Thread kinds.
const (
	ThreadDM      ThreadKind = "dm"
	ThreadComment ThreadKind = "comment"
)

// Direction tells messages the account received from ones it sent.
type Direction string

// Message directions.
const (
	DirectionIn  Direction = "in"
	DirectionOut Direction = "out"
)

// Credentials is what a connector needs to talk to one account.
// Token comes from the secrets vault and must never be logged or stored elsewhere.
type Credentials struct {
	// BaseURL overrides the platform's public API address (tests and the demo point it at a fake server).
	BaseURL string
	// Token is the account's access token (bot token, OAuth access token, app password...).
	Token string
	// Extra holds platform-specific, non-secret settings (for example a phone-number id).
	Extra map[string]string
}

// AccountInfo identifies the account a token belongs to.
type AccountInfo struct {
	ExternalID  string
	Handle      string
	DisplayName string
}

// Person is someone on the platform: the author of a message or a thread member.
type Person struct {
	ExternalID  string
	Handle      string
	DisplayName string
	// Language is a BCP 47 tag when the platform reports one (Telegram's language_code), else empty.
	Language string
	IsBot    bool
}

// Attachment describes media on a message; the bytes stay on the platform.
type Attachment struct {
	Kind     string // photo, video, voice, document, sticker, ...
	Name     string
	MimeType string
	Size     int64
}

// Message is one item of a thread as the platform reports it.
type Message struct {
	// ExternalID is unique per account on this platform (the store's idempotency key).
	ExternalID string
	// ThreadExternalID identifies the DM chat or the comment thread the message belongs to.
	ThreadExternalID string
	ThreadKind       ThreadKind
	// ThreadTitle is a human title for the thread (chat title, the other person's name, the post caption).
	ThreadTitle string
	Author      Person
	Direction   Direction
	Text        string
	SentAt      time.Time
	// EditedAt is set when this item is an edit of an earlier message with the same ExternalID.
	EditedAt *time.Time
	// Deleted marks a deletion reported by the platform.
	Deleted     bool
	Attachments []Attachment
	// ReplyToExternalID names the message this one answers, when the platform says so.
	ReplyToExternalID string
	// Hidden reports a comment hidden from public view on the platform (held
	// for review, hidden by the account); nil when the connector does not say.
	Hidden *bool
}

// PollOptions tunes one Poll call.
type PollOptions struct {
	// Wait is how long the platform may hold the request open for new items (long polling); 0 returns at once.
	Wait time.Duration
	// Limit caps the items in one page; 0 means the platform's maximum.
	Limit int
}

// Page is the result of one Poll call.
type Page struct {
	Messages []Message
	// Skipped counts items the connector could not decode; each was logged and left out.
	Skipped int
	// Cursor is the opaque position to persist together with Messages (in one transaction).
	// Passing it to the next Poll continues after this page.
	Cursor string
	// More reports that further items are available now, without waiting.
	More bool
}

// OutgoingMessage is a reply the send gate has approved.
type OutgoingMessage struct {
	ThreadExternalID  string
	ThreadKind        ThreadKind
	Text              string
	ReplyToExternalID string
}

// SentMessage is what the platform returned for a successful send.
type SentMessage struct {
	ExternalID string
	SentAt     time.Time
}

// Connector is the contract each platform package implements.
type Connector interface {
	// Platform returns the platform's stable name (telegram, instagram, ...).
	Platform() string
	// Capabilities lists what this connector can do.
	Capabilities() []Capability
	// Verify checks the credentials and returns the account they belong to.
	Verify(ctx context.Context) (AccountInfo, error)
	// Poll fetches items after cursor ("" means from the start of what the platform keeps).
	Poll(ctx context.Context, cursor string, opts PollOptions) (Page, error)
	// Send delivers one message and returns the platform's id for it.
	Send(ctx context.Context, msg OutgoingMessage) (SentMessage, error)
}

// Factory builds a connector for one account.
type Factory func(creds Credentials) (Connector, error)

// Registry maps platform names to their connector factories.
type Registry map[string]Factory

// Has reports whether caps contains c.
func Has(caps []Capability, c Capability) bool {
	for _, x := range caps {
		if x == c {
			return true
		}
	}
	return false
}
