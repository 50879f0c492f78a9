package whatsapp

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

const (
	// MaxTextChars is the longest text message WhatsApp accepts, in characters.
	MaxTextChars = 4096
	// maxParamChars bounds one template body parameter.
	maxParamChars = 1024
)

// recipientPattern is a WhatsApp id (the person's phone number in
// international format, digits only) as the thread's external id carries it.
var recipientPattern = regexp.MustCompile(`^\d{6,15}$`)

// messageIDPattern is the shape of a WhatsApp message id ("wamid.…").
var messageIDPattern = regexp.MustCompile(`^[A-Za-z0-9_.=:\-]{1,300}$`)

// recipient cleans a thread id into the "to" number ("+40 721…" → "40721…").
func recipient(thread string) (string, bool) {
	s := strings.NewReplacer("+", "", " ", "", "-", "").Replace(strings.TrimSpace(thread))
	return s, recipientPattern.MatchString(s)
}

// sendResponse is the answer to POST /{phone-number-id}/messages.
type sendResponse struct {
	Contacts []struct {
		Input string `json:"input"`
		WaID  string `json:"wa_id"`
	} `json:"contacts"`
	Messages []struct {
		ID string `json:"id"`
	} `json:"messages"`
}

// Send delivers free-form text to the person of a direct-message thread
// (ThreadExternalID is their WhatsApp number), quoting ReplyToExternalID
// when set. Inside the 24-hour window only; afterwards Meta answers 131047,
// a KindWindowClosed error, and only SendTemplate works.
func (c *connector) Send(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	const op = "send"
	if msg.ThreadKind == platforms.ThreadComment {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": WhatsApp has no comments")
	}
	if strings.TrimSpace(msg.Text) == "" {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": message text is empty")
	}
	if n := utf8.RuneCountInString(msg.Text); n > MaxTextChars {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0,
			op+": WhatsApp takes at most "+strconv.Itoa(MaxTextChars)+" characters in one message; this one has "+strconv.Itoa(n))
	}
	to, ok := recipient(msg.ThreadExternalID)
	if !ok {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": the thread is not a WhatsApp number")
	}
	body := map[string]any{
		"messaging_product": "whatsapp", "recipient_type": "individual", "to": to,
		"type": "text", "text": map[string]any{"preview_url": false, "body": msg.Text},
	}
	if msg.ReplyToExternalID != "" && messageIDPattern.MatchString(msg.ReplyToExternalID) {
		body["context"] = map[string]string{"message_id": msg.ReplyToExternalID}
	}
	return c.deliver(ctx, op, body)
}

// SendTemplate delivers an approved template with its body parameters. It is
// what WhatsApp accepts after the 24-hour window; a template that is not
// approved in that language is a KindPermanent error (132001).
func (c *connector) SendTemplate(ctx context.Context, t platforms.TemplateMessage) (platforms.SentMessage, error) {
	const op = "send template"
	to, ok := recipient(t.ThreadExternalID)
	if !ok {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": the thread is not a WhatsApp number")
	}
	if !templateNamePattern.MatchString(t.Name) {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": invalid template name")
	}
	if !languagePattern.MatchString(t.Language) {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": invalid template language")
	}
	tpl := map[string]any{"name": t.Name, "language": map[string]string{"code": t.Language}}
	if len(t.BodyParams) > 0 {
		params := make([]map[string]string, 0, len(t.BodyParams))
		for i, p := range t.BodyParams {
			if strings.TrimSpace(p) == "" || utf8.RuneCountInString(p) > maxParamChars {
				return platforms.SentMessage{}, newError(platforms.KindPermanent, 0,
					op+": parameter "+strconv.Itoa(i+1)+" is empty or too long")
			}
			params = append(params, map[string]string{"type": "text", "text": p})
		}
		tpl["components"] = []map[string]any{{"type": "body", "parameters": params}}
	}
	return c.deliver(ctx, op, map[string]any{
		"messaging_product": "whatsapp", "recipient_type": "individual", "to": to,
		"type": "template", "template": tpl,
	})
}

// deliver posts one message and reads its id.
func (c *connector) deliver(ctx context.Context, op string, body map[string]any) (platforms.SentMessage, error) {
	var resp sendResponse
	if err := c.do(ctx, call{op: op, method: http.MethodPost, path: "/" + c.phoneID + "/messages", body: body}, &resp); err != nil {
		return platforms.SentMessage{}, err
	}
	if len(resp.Messages) == 0 || !messageIDPattern.MatchString(resp.Messages[0].ID) {
		return platforms.SentMessage{}, newError(platforms.KindTransient, 0, op+": Meta did not return a message id")
	}
	return platforms.SentMessage{ExternalID: resp.Messages[0].ID, SentAt: c.now().UTC()}, nil
}

// MarkRead tells WhatsApp a received message was read (the person sees two
// blue ticks on it and on the messages before it).
func (c *connector) MarkRead(ctx context.Context, messageID string) error {
	const op = "mark read"
	if !messageIDPattern.MatchString(messageID) {
		return newError(platforms.KindPermanent, 0, op+": invalid message id")
	}
	var resp struct {
		Success bool `json:"success"`
	}
	if err := c.do(ctx, call{op: op, method: http.MethodPost, path: "/" + c.phoneID + "/messages", body: map[string]any{
		"messaging_product": "whatsapp", "status": "read", "message_id": messageID,
	}}, &resp); err != nil {
		return err
	}
	if !resp.Success {
		return newError(platforms.KindTransient, 0, op+": Meta did not confirm")
	}
	return nil
}
