package mastodon

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"creatordesk/backend/platforms"
)

// visibilities are the values a status may be posted with.
var visibilities = map[string]bool{"public": true, "unlisted": true, "private": true, "direct": true}

// Send posts msg as a reply with POST /api/v1/statuses.
//
// The reply answers msg.ReplyToExternalID. Without one, a DM answers its
// conversation's last status (found among the 40 most recently active
// conversations) and a comment answers its thread's root post. The answered
// status is looked up first (a 404 there is a permanent error): its author and
// its mentioned accounts are the people to address.
//
// A DM (ThreadKind dm, also when ThreadKind is empty: a private reply is the
// safe default) is posted with visibility "direct", which reaches only the
// accounts the text mentions, so "@acct " is prepended for every conversation
// member the text does not mention yet. A comment reply keeps the visibility of
// the status it answers (public, unlisted or private, never wider) and
// mentions that status's author, as Mastodon's own reply box does, so they are
// notified.
//
// The text must fit the instance's limit (configuration.statuses.max_characters,
// else 500), counted as Mastodon counts; a longer text is a permanent error
// before anything is posted. Each Send uses a new random Idempotency-Key and
// repeats the POST once with the same key when the first answer is lost
// (network error, 5xx, cut-off body), so the instance creates the status at
// most once.
func (c *connector) Send(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	const op = "send"
	kind := msg.ThreadKind
	if kind == "" {
		kind = platforms.ThreadDM
	}
	if kind != platforms.ThreadDM && kind != platforms.ThreadComment {
		return platforms.SentMessage{}, errPermanent(op + ": unknown thread kind " + string(kind))
	}
	if !validID(msg.ThreadExternalID) {
		return platforms.SentMessage{}, errPermanent(op + ": invalid thread id")
	}
	if msg.ReplyToExternalID != "" && !validID(msg.ReplyToExternalID) {
		return platforms.SentMessage{}, errPermanent(op + ": invalid reply-to id")
	}
	if strings.TrimSpace(msg.Text) == "" {
		return platforms.SentMessage{}, errPermanent(op + ": message text is empty")
	}
	if err := c.checkLength(ctx, op, msg.Text); err != nil {
		return platforms.SentMessage{}, err
	}
	self, err := c.selfID(ctx)
	if err != nil {
		return platforms.SentMessage{}, err
	}
	targetID := msg.ReplyToExternalID
	if targetID == "" {
		if kind == platforms.ThreadComment {
			targetID = msg.ThreadExternalID
		} else if targetID, err = c.conversationLastStatus(ctx, msg.ThreadExternalID); err != nil {
			return platforms.SentMessage{}, err
		}
	}
	target, err := c.lookupStatus(ctx, op+": reply target", targetID)
	if err != nil {
		return platforms.SentMessage{}, err
	}
	var text, visibility string
	if kind == platforms.ThreadDM {
		text, visibility = addressed(msg.Text, dmMembers(target, self)), "direct"
	} else {
		var to []apiMention
		if string(target.Account.ID) != self {
			to = []apiMention{{ID: target.Account.ID, Acct: target.Account.handle()}}
		}
		text, visibility = addressed(msg.Text, to), replyVisibility(target.Visibility)
	}
	if err := c.checkLength(ctx, op, text); err != nil {
		return platforms.SentMessage{}, err
	}
	sent, err := c.postStatus(ctx, op, url.Values{"status": {text}, "in_reply_to_id": {string(target.ID)}, "visibility": {visibility}})
	if err != nil {
		return platforms.SentMessage{}, err
	}
	if kind == platforms.ThreadComment {
		if info, ok := c.rootOf(string(target.ID)); ok {
			c.rememberRoot(string(sent.ID), info)
		} else if target.InReplyToID == "" {
			c.rememberRoot(string(sent.ID), rootInfo{root: string(target.ID), title: excerpt(target.text())})
		}
	}
	at, _ := parseTime(sent.CreatedAt)
	return platforms.SentMessage{ExternalID: string(sent.ID), SentAt: at}, nil
}

// Publish posts a new status on the account's timeline with the post's
// visibility (public when empty). Length and idempotency work as in Send.
func (c *connector) Publish(ctx context.Context, post platforms.Post) (platforms.SentMessage, error) {
	const op = "publish"
	visibility := post.Visibility
	if visibility == "" {
		visibility = "public"
	}
	if !visibilities[visibility] {
		return platforms.SentMessage{}, errPermanent(op + ": visibility must be public, unlisted, private or direct")
	}
	if strings.TrimSpace(post.Text) == "" {
		return platforms.SentMessage{}, errPermanent(op + ": post text is empty")
	}
	if err := c.checkLength(ctx, op, post.Text); err != nil {
		return platforms.SentMessage{}, err
	}
	sent, err := c.postStatus(ctx, op, url.Values{"status": {post.Text}, "visibility": {visibility}})
	if err != nil {
		return platforms.SentMessage{}, err
	}
	c.rememberRoot(string(sent.ID), rootInfo{root: string(sent.ID), title: excerpt(sent.text())})
	at, _ := parseTime(sent.CreatedAt)
	return platforms.SentMessage{ExternalID: string(sent.ID), SentAt: at}, nil
}

// postStatus POSTs a status under a fresh Idempotency-Key, once more with the
// same key if the answer was lost, and returns what the instance created.
func (c *connector) postStatus(ctx context.Context, op string, form url.Values) (*apiStatus, error) {
	key, err := newIdempotencyKey()
	if err != nil {
		return nil, errTransient(op + ": " + err.Error())
	}
	req := request{op: op, method: http.MethodPost, path: "/api/v1/statuses", form: form, idemKey: key}
	var raw json.RawMessage
	_, err = c.do(ctx, req, &raw)
	if err != nil && platforms.KindOf(err) == platforms.KindTransient && ctx.Err() == nil {
		_, err = c.do(ctx, req, &raw)
	}
	if err != nil {
		return nil, err
	}
	st, err := decodeStatus(raw)
	if err != nil {
		return nil, errTransient(op + ": malformed status: " + err.Error())
	}
	return st, nil
}

// newIdempotencyKey returns 128 random bits in hex.
func newIdempotencyKey() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("idempotency key: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// conversationLastStatus finds a conversation's last status among the most
// recently active conversations (Mastodon has no lookup by conversation id).
func (c *connector) conversationLastStatus(ctx context.Context, conversationID string) (string, error) {
	var convs []apiConversation
	q := url.Values{"limit": {fmt.Sprint(maxLimit)}}
	if _, err := c.do(ctx, request{op: "send: find conversation", method: http.MethodGet, path: "/api/v1/conversations", query: q, read: true}, &convs); err != nil {
		return "", err
	}
	for _, conv := range convs {
		if string(conv.ID) != conversationID {
			continue
		}
		if last, err := decodeStatus(conv.LastStatus); err == nil {
			return string(last.ID), nil
		}
	}
	return "", errPermanent("send: conversation " + conversationID + " is not among the recent ones; give ReplyToExternalID")
}

// dmMembers are the people a direct reply to target must mention: its author
// and the accounts it mentions, except the account itself.
func dmMembers(target *apiStatus, self string) []apiMention {
	var out []apiMention
	addOne := func(m apiMention) {
		if string(m.ID) == self || m.Acct == "" || slices.ContainsFunc(out, func(o apiMention) bool { return o.ID == m.ID }) {
			return
		}
		out = append(out, m)
	}
	addOne(apiMention{ID: target.Account.ID, Acct: target.Account.handle()})
	for _, m := range target.Mentions {
		if m.Acct == "" {
			m.Acct = m.Username
		}
		addOne(m)
	}
	return out
}

// replyVisibility keeps a reply as visible as what it answers: public,
// unlisted or private (followers only); a direct status gets a direct reply.
func replyVisibility(v string) string {
	if visibilities[v] {
		return v
	}
	return "public"
}

// addressed prepends "@acct " for each account text does not mention yet.
func addressed(text string, to []apiMention) string {
	var prefix strings.Builder
	for _, m := range to {
		if !mentions(text, m.Acct) {
			prefix.WriteString("@" + m.Acct + " ")
		}
	}
	return prefix.String() + text
}

// mentions reports whether text mentions acct ("@user" or "@user@domain"),
// case-insensitively and not as part of a longer name or an e-mail address.
func mentions(text, acct string) bool {
	needle := "@" + strings.ToLower(acct)
	lower := strings.ToLower(text)
	for from := 0; ; {
		i := strings.Index(lower[from:], needle)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(needle)
		from = start + 1
		if start > 0 && isNameByte(lower[start-1]) {
			continue
		}
		if end < len(lower) {
			c := lower[end]
			if isNameByte(c) || c == '@' || (c == '.' || c == '-') && end+1 < len(lower) && isNameByte(lower[end+1]) {
				continue
			}
		}
		return true
	}
}

// isNameByte reports whether c may be part of a username.
func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
