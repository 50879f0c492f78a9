package bluesky

import (
	"context"
	"fmt"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// Text limits, in graphemes as Bluesky counts them.
const (
	// MaxDMGraphemes is chat.bsky.convo.defs#messageInput's text limit.
	MaxDMGraphemes = 1000
	// MaxPostGraphemes is app.bsky.feed.post's text limit.
	MaxPostGraphemes = 300
	// maxPostBytes is the post text's limit in bytes (maxLength 3000).
	maxPostBytes = 3000
	// maxDMBytes is the message text's limit in bytes (maxLength 10000).
	maxDMBytes = 10000
)

// nsidCreateRecord writes a record to the account's repository.
const nsidCreateRecord = "com.atproto.repo.createRecord"

// Send delivers msg: into a DM convo (ThreadExternalID is the convo id) or,
// for a comment thread, as a post replying to ReplyToExternalID (or, when it
// is empty, to the thread's root post ThreadExternalID).
func (c *connector) Send(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	if msg.ThreadKind == platforms.ThreadComment || (msg.ThreadKind == "" && isPostURI(msg.ThreadExternalID)) {
		return c.reply(ctx, msg)
	}
	if msg.ThreadKind != "" && msg.ThreadKind != platforms.ThreadDM {
		return platforms.SentMessage{}, errPermanent("send: unknown thread kind " + string(msg.ThreadKind))
	}
	return c.sendDM(ctx, msg)
}

// sendMessageInput is chat.bsky.convo.sendMessage's input.
type sendMessageInput struct {
	ConvoID string `json:"convoId"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

// sendDM sends a chat message. The reply reference of DMs is not sent: a
// deleted target would make the whole message fail (ReplyTargetNotFound).
func (c *connector) sendDM(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	convoID := strings.TrimSpace(msg.ThreadExternalID)
	if convoID == "" || strings.ContainsAny(convoID, "/ ") {
		return platforms.SentMessage{}, errPermanent(nsidSendMessage + ": invalid convo id")
	}
	if err := checkText(nsidSendMessage, msg.Text, MaxDMGraphemes, maxDMBytes); err != nil {
		return platforms.SentMessage{}, err
	}
	in := sendMessageInput{ConvoID: convoID}
	in.Message.Text = msg.Text
	var out chatMessageView
	if err := c.xrpc(ctx, call{nsid: nsidSendMessage, post: true, body: in, chat: true}, &out); err != nil {
		return platforms.SentMessage{}, err
	}
	if out.ID == "" {
		return platforms.SentMessage{}, errTransient(nsidSendMessage + ": answer without message id")
	}
	sentAt, ok := parseTime(out.SentAt)
	if !ok {
		sentAt = time.Now().UTC()
	}
	return platforms.SentMessage{ExternalID: out.ID, SentAt: sentAt}, nil
}

// reply posts a reply in a comment thread. The parent's own reply reference
// names the thread's true root, so a reply to a reply keeps its thread.
func (c *connector) reply(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	root := strings.TrimSpace(msg.ThreadExternalID)
	parent := strings.TrimSpace(msg.ReplyToExternalID)
	if parent == "" {
		parent = root
	}
	if !isPostURI(root) || !isPostURI(parent) {
		return platforms.SentMessage{}, errPermanent(nsidCreateRecord + ": a comment reply needs the at-uri of a post")
	}
	if err := checkText(nsidCreateRecord, msg.Text, MaxPostGraphemes, maxPostBytes); err != nil {
		return platforms.SentMessage{}, err
	}
	uris := []string{parent}
	if root != parent {
		uris = append(uris, root)
	}
	posts, err := c.getPosts(ctx, uris)
	if err != nil {
		return platforms.SentMessage{}, err
	}
	par, ok := posts[parent]
	if !ok {
		return platforms.SentMessage{}, errPermanent(nsidCreateRecord + ": the post to reply to no longer exists")
	}
	rootRef := par.ref
	switch {
	case par.record.Reply != nil && par.record.Reply.Root != nil && isPostURI(par.record.Reply.Root.URI) && par.record.Reply.Root.CID != "":
		rootRef = *par.record.Reply.Root
	case root != parent:
		r, ok := posts[root]
		if !ok {
			return platforms.SentMessage{}, errPermanent(nsidCreateRecord + ": the thread's first post no longer exists")
		}
		rootRef = r.ref
	}
	now := time.Now().UTC()
	rec := postRecord{Type: typePost, Text: msg.Text, CreatedAt: formatTime(now),
		Reply: &replyRef{Root: &rootRef, Parent: &par.ref}}
	return c.createPost(ctx, rec, now)
}

// createPost writes a post record to the account's repository.
func (c *connector) createPost(ctx context.Context, rec postRecord, now time.Time) (platforms.SentMessage, error) {
	did, err := c.session(ctx)
	if err != nil {
		return platforms.SentMessage{}, err
	}
	var out writeOutput
	in := map[string]any{"repo": did, "collection": collectionPost, "record": rec}
	if err := c.xrpc(ctx, call{nsid: nsidCreateRecord, post: true, body: in}, &out); err != nil {
		return platforms.SentMessage{}, err
	}
	if !isPostURI(out.URI) {
		return platforms.SentMessage{}, errTransient(nsidCreateRecord + ": answer without the post's uri")
	}
	return platforms.SentMessage{ExternalID: out.URI, SentAt: now}, nil
}

// checkText applies Bluesky's text rules before any network call.
func checkText(nsid, text string, maxGraphemes, maxBytes int) error {
	if strings.TrimSpace(text) == "" {
		return errPermanent(nsid + ": the text is empty")
	}
	if n := graphemes(text); n > maxGraphemes {
		return errPermanent(fmt.Sprintf("%s: the text is too long (%d characters, at most %d)", nsid, n, maxGraphemes))
	}
	if len(text) > maxBytes {
		return errPermanent(fmt.Sprintf("%s: the text is too long (%d bytes, at most %d)", nsid, len(text), maxBytes))
	}
	return nil
}
