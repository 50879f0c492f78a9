package meta

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

const (
	// MaxInstagramDMBytes is Instagram's limit on a direct message's text, in UTF-8 bytes.
	MaxInstagramDMBytes = 1000
	// MaxMessengerChars is Messenger's limit on a message's text, in characters.
	MaxMessengerChars = 2000
	// MaxCommentChars is the limit on a comment reply, in characters.
	MaxCommentChars = 2200
)

// Send delivers msg. In a DM thread it messages the conversation's other
// participant (messaging_type RESPONSE); when Meta refuses because the 24-hour
// window has closed and the account holds the Human Agent permission
// (ExtraHumanAgent), it sends again with the HUMAN_AGENT tag, which Meta
// accepts for 7 days; otherwise the refusal is a KindWindowClosed error. In a
// comment thread (ThreadExternalID the post) it answers ReplyToExternalID (a
// reply to a reply goes to its top-level comment, the only level Meta allows),
// or comments on the post when no comment is named.
func (c *connector) Send(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	if strings.TrimSpace(msg.Text) == "" {
		return platforms.SentMessage{}, c.errPermanent("send: message text is empty")
	}
	if !validID(msg.ThreadExternalID) {
		return platforms.SentMessage{}, c.errPermanent("send: invalid thread id")
	}
	switch msg.ThreadKind {
	case platforms.ThreadComment:
		return c.replyComment(ctx, msg)
	case platforms.ThreadDM, "":
		return c.sendDM(ctx, msg)
	}
	return platforms.SentMessage{}, c.errPermanent("send: unknown thread kind " + strconv.Quote(string(msg.ThreadKind)))
}

// checkDMLength refuses a direct message longer than the platform takes.
func (c *connector) checkDMLength(op, text string) error {
	if c.flavor == instagram && len(text) > MaxInstagramDMBytes {
		return c.errPermanent(op + ": Instagram takes at most " + strconv.Itoa(MaxInstagramDMBytes) + " bytes in one message; this one has " + strconv.Itoa(len(text)))
	}
	if n := utf8.RuneCountInString(text); c.flavor == facebook && n > MaxMessengerChars {
		return c.errPermanent(op + ": Messenger takes at most " + strconv.Itoa(MaxMessengerChars) + " characters in one message; this one has " + strconv.Itoa(n))
	}
	return nil
}

// sendDM messages the other participant of a conversation.
func (c *connector) sendDM(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	const op = "send"
	if err := c.checkDMLength(op, msg.Text); err != nil {
		return platforms.SentMessage{}, err
	}
	recipient, err := c.recipientOf(ctx, op, msg.ThreadExternalID)
	if err != nil {
		return platforms.SentMessage{}, err
	}
	body := map[string]any{
		"recipient":      map[string]string{"id": recipient},
		"message":        map[string]string{"text": msg.Text},
		"messaging_type": "RESPONSE",
	}
	return c.postDM(ctx, op, body, nil)
}

// postDM posts a direct message (messaging_type RESPONSE); when Meta refuses
// it because the window has closed and the account holds the Human Agent
// permission, it posts it again with the HUMAN_AGENT tag.
func (c *connector) postDM(ctx context.Context, op string, body map[string]any, file *platforms.OutgoingAttachment) (platforms.SentMessage, error) {
	sent, err := c.postMessage(ctx, op, body, file)
	if platforms.KindOf(err) == platforms.KindWindowClosed && c.humanAgent {
		body["messaging_type"], body["tag"] = "MESSAGE_TAG", "HUMAN_AGENT"
		sent, err = c.postMessage(ctx, op+" (human agent)", body, file)
	}
	return sent, err
}

// recipientOf returns the other participant of a DM conversation.
func (c *connector) recipientOf(ctx context.Context, op, thread string) (string, error) {
	self, err := c.selfID(ctx)
	if err != nil {
		return "", err
	}
	var conv struct {
		Participants struct {
			Data []apiPerson `json:"data"`
		} `json:"participants"`
	}
	if err := c.do(ctx, call{op: op + ": conversation", method: http.MethodGet, path: "/" + thread,
		query: url.Values{"fields": {"participants"}}, edge: edgeConversations}, &conv); err != nil {
		return "", err
	}
	recipient := ""
	for _, p := range conv.Participants.Data {
		if p.ID != self && validID(p.ID) {
			recipient = p.ID
			break
		}
	}
	if recipient == "" {
		return "", c.errPermanent(op + ": the conversation has no one to answer")
	}
	return recipient, nil
}

// PrivateReply answers a public comment with one private message to its
// author (recipient.comment_id). Meta allows one per comment, within 7 days;
// a refusal for either reason is a KindWindowClosed error.
func (c *connector) PrivateReply(ctx context.Context, commentID, text string) (platforms.SentMessage, error) {
	const op = "private reply"
	if !validID(commentID) {
		return platforms.SentMessage{}, c.errPermanent(op + ": invalid comment id")
	}
	if strings.TrimSpace(text) == "" {
		return platforms.SentMessage{}, c.errPermanent(op + ": message text is empty")
	}
	if err := c.checkDMLength(op, text); err != nil {
		return platforms.SentMessage{}, err
	}
	body := map[string]any{
		"recipient": map[string]string{"comment_id": commentID},
		"message":   map[string]string{"text": text},
	}
	if c.flavor == facebook {
		body["messaging_type"] = "RESPONSE"
	}
	return c.postMessage(ctx, op, body, nil)
}

// postMessage posts to the account's messages edge and reads the message
// id. With a file the body's fields go as a multipart form (objects as JSON)
// with the file in filedata, Messenger's upload-and-send.
func (c *connector) postMessage(ctx context.Context, op string, body map[string]any, file *platforms.OutgoingAttachment) (platforms.SentMessage, error) {
	var resp struct {
		RecipientID string `json:"recipient_id"`
		MessageID   string `json:"message_id"`
	}
	cl := call{op: op, method: http.MethodPost, path: "/" + c.owner() + "/messages", body: body}
	if file != nil {
		form, ctype, err := formUpload(body, *file)
		if err != nil {
			return platforms.SentMessage{}, c.errPermanent(op + ": encode request: " + err.Error())
		}
		cl.body, cl.upload, cl.uploadType = nil, form, ctype
	}
	if err := c.do(ctx, cl, &resp); err != nil {
		return platforms.SentMessage{}, sentButUnreadable(c, op, err)
	}
	if resp.MessageID == "" {
		return platforms.SentMessage{}, c.errPermanent(op + ": the message was probably sent, but Meta's answer has no message id; check the thread before sending again")
	}
	return platforms.SentMessage{ExternalID: resp.MessageID, SentAt: c.now().UTC()}, nil
}

// sentButUnreadable turns an unreadable success answer into a permanent
// error, so the engine does not send twice.
func sentButUnreadable(c *connector, op string, err error) error {
	if errors.Is(err, errMalformed) {
		return c.errPermanent(op + ": the message was probably sent, but Meta's answer could not be read; check the thread before sending again")
	}
	return err
}

// replyComment answers a comment (or comments on the post).
func (c *connector) replyComment(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	const op = "reply to comment"
	if n := utf8.RuneCountInString(msg.Text); n > MaxCommentChars {
		return platforms.SentMessage{}, c.errPermanent(op + ": a comment takes at most " + strconv.Itoa(MaxCommentChars) + " characters; this one has " + strconv.Itoa(n))
	}
	target, edge := msg.ThreadExternalID, "/comments"
	if to := msg.ReplyToExternalID; to != "" {
		if !validID(to) {
			return platforms.SentMessage{}, c.errPermanent(op + ": invalid comment id")
		}
		top, err := c.topLevelComment(ctx, to)
		if err != nil {
			return platforms.SentMessage{}, err
		}
		target = top
		if c.flavor == instagram {
			edge = "/replies"
		}
	}
	var resp struct {
		ID string `json:"id"`
	}
	err := c.do(ctx, call{op: op, method: http.MethodPost, path: "/" + target + edge,
		query: url.Values{"message": {msg.Text}}}, &resp)
	if err != nil {
		return platforms.SentMessage{}, sentButUnreadable(c, op, err)
	}
	if resp.ID == "" {
		return platforms.SentMessage{}, c.errPermanent(op + ": the reply was probably posted, but Meta's answer has no id; check the post before sending again")
	}
	return platforms.SentMessage{ExternalID: resp.ID, SentAt: c.now().UTC()}, nil
}

// topLevelComment returns the comment a reply belongs under: the comment
// itself, or its parent when it is already a reply.
func (c *connector) topLevelComment(ctx context.Context, id string) (string, error) {
	fields := "id,parent_id"
	if c.flavor == facebook {
		fields = "id,parent{id}"
	}
	var cm apiComment
	if err := c.get(ctx, "reply to comment: parent", "/"+id, url.Values{"fields": {fields}}, &cm); err != nil {
		return "", err
	}
	if cm.ParentID != "" && validID(cm.ParentID) {
		return cm.ParentID, nil
	}
	if cm.Parent != nil && validID(cm.Parent.ID) {
		return cm.Parent.ID, nil
	}
	return id, nil
}
