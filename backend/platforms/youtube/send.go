package youtube

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// Send posts msg as a reply to a comment thread with comments.insert
// (50 units). Every YouTube thread is a comment thread, so this is the
// connector's only kind of send: ThreadKind must be comment (or empty), and a
// DM is a permanent error. The reply's parent is the thread's top-level
// comment (ThreadExternalID; a reply id "<parent>.<suffix>" is cut to its
// parent, since YouTube threads are one level deep); ReplyToExternalID is not
// needed. The text must be 1 to 10,000 characters; a longer one is refused
// before anything is sent.
//
// comments.insert has no idempotency key: a transient error after the request
// left may still have created the reply, and the next Poll will bring it in.
// An answer that came back but cannot be read is a permanent error, so the
// engine does not post twice.
func (c *connector) Send(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	const op = "send"
	switch msg.ThreadKind {
	case "", platforms.ThreadComment:
	case platforms.ThreadDM:
		return platforms.SentMessage{}, errPermanent(op + ": YouTube has no direct messages; only comment threads can be answered")
	default:
		return platforms.SentMessage{}, errPermanent(op + ": unknown thread kind " + strconv.Quote(string(msg.ThreadKind)))
	}
	parent, _, _ := strings.Cut(msg.ThreadExternalID, ".")
	if !validID(parent) {
		return platforms.SentMessage{}, errPermanent(op + ": invalid thread id")
	}
	if strings.TrimSpace(msg.Text) == "" {
		return platforms.SentMessage{}, errPermanent(op + ": message text is empty")
	}
	if n := utf8.RuneCountInString(msg.Text); n > MaxCommentLength {
		return platforms.SentMessage{}, errPermanent(op + ": the reply has " + strconv.Itoa(n) +
			" characters; YouTube allows at most " + strconv.Itoa(MaxCommentLength))
	}
	body := map[string]any{"snippet": map[string]string{"parentId": parent, "textOriginal": msg.Text}}
	var raw json.RawMessage
	err := c.do(ctx, call{op: op, api: apiCommentsInsert, verb: http.MethodPost, path: "/comments",
		query: url.Values{"part": {"snippet"}}, body: body}, &raw)
	if err != nil {
		if errors.Is(err, errMalformed) {
			return platforms.SentMessage{}, errPermanent(op + ": the reply was probably posted, but YouTube's answer could not be read; check the thread before sending again")
		}
		return platforms.SentMessage{}, err
	}
	cm, err := decodeComment(raw)
	if err != nil {
		if id := readID(raw); id != "" {
			return platforms.SentMessage{ExternalID: id, SentAt: c.now().UTC()}, nil
		}
		return platforms.SentMessage{}, errPermanent(op + ": the reply was posted, but YouTube's answer has no usable comment: " + err.Error())
	}
	return platforms.SentMessage{ExternalID: cm.id, SentAt: cm.published}, nil
}
