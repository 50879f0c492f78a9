package meta

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"strings"

	"creatordesk/backend/platforms"
)

// Files in direct messages. Messenger uploads the file with the message
// itself (POST /{page-id}/messages as multipart/form-data: recipient,
// message.attachment with type and payload, filedata). Instagram first
// uploads it to POST /{id}/message_attachments (platform=instagram) and then
// sends a message naming the attachment_id. Meta lists images (PNG, JPEG,
// GIF) up to 8 MB and video, audio and files up to 25 MB; Instagram takes PDF
// as its only file type. Neither has captions: a text goes as its own message
// right after the file. Comments take no files here.
const (
	maxImageBytes = 8 << 20
	maxFileBytes  = 25 << 20
)

// metaKinds maps the platform-neutral kinds to Meta's attachment types.
var metaKinds = map[string]string{platforms.AttachImage: "image", platforms.AttachVideo: "video",
	platforms.AttachAudio: "audio", platforms.AttachDocument: "file"}

// imageRule is the same on both platforms.
var imageRule = platforms.AttachmentRule{Kind: platforms.AttachImage, MimeTypes: []string{"image/png", "image/jpeg", "image/gif"},
	Extensions: []string{".png", ".jpg", ".jpeg", ".gif"}, MaxBytes: maxImageBytes}

// instagramRules and messengerRules are the files each platform takes, most specific first.
var (
	instagramRules = []platforms.AttachmentRule{imageRule,
		{Kind: platforms.AttachVideo, MimeTypes: []string{"video/mp4", "video/ogg", "video/x-msvideo", "video/quicktime", "video/webm"},
			Extensions: []string{".mp4", ".ogg", ".avi", ".mov", ".webm"}, MaxBytes: maxFileBytes},
		{Kind: platforms.AttachAudio, MimeTypes: []string{"audio/aac", "audio/mp4", "audio/wav", "audio/x-wav", "audio/x-m4a"},
			Extensions: []string{".aac", ".m4a", ".wav"}, MaxBytes: maxFileBytes},
		{Kind: platforms.AttachDocument, MimeTypes: []string{"application/pdf"}, Extensions: []string{".pdf"}, MaxBytes: maxFileBytes},
	}
	messengerRules = []platforms.AttachmentRule{imageRule,
		{Kind: platforms.AttachVideo, MimeTypes: []string{"video/mp4", "video/quicktime", "video/webm"},
			Extensions: []string{".mp4", ".mov", ".webm"}, MaxBytes: maxFileBytes},
		{Kind: platforms.AttachAudio, MimeTypes: []string{"audio/mpeg", "audio/mp4", "audio/aac", "audio/wav", "audio/x-wav", "audio/ogg"},
			Extensions: []string{".mp3", ".m4a", ".aac", ".wav", ".ogg"}, MaxBytes: maxFileBytes},
		{Kind: platforms.AttachDocument, MimeTypes: []string{"*"}, MaxBytes: maxFileBytes},
	}
)

// AttachmentRules implements platforms.AttachmentSender (direct messages only).
func (c *connector) AttachmentRules(kind platforms.ThreadKind) []platforms.AttachmentRule {
	if kind == platforms.ThreadComment {
		return nil
	}
	if c.flavor == facebook {
		return messengerRules
	}
	return instagramRules
}

// SendAttachment sends one file to the other participant of a DM thread,
// then msg.Text (if any) as a message of its own. The Human Agent tag is
// used past the 24-hour window as for text.
func (c *connector) SendAttachment(ctx context.Context, msg platforms.OutgoingMessage, att platforms.OutgoingAttachment) (platforms.SentMessage, error) {
	const op = "send file"
	if msg.ThreadKind == platforms.ThreadComment {
		return platforms.SentMessage{}, c.errPermanent(op + ": comments take no files")
	}
	if !validID(msg.ThreadExternalID) {
		return platforms.SentMessage{}, c.errPermanent(op + ": invalid thread id")
	}
	rule, ok := platforms.RuleFor(c.AttachmentRules(platforms.ThreadDM), att.MimeType)
	if !ok {
		return platforms.SentMessage{}, c.errPermanent(op + ": " + c.Platform() + " does not take " + att.MimeType + " files")
	}
	if n := int64(len(att.Data)); n == 0 || n > rule.MaxBytes {
		return platforms.SentMessage{}, c.errPermanent(op + ": the file is empty or larger than " + c.Platform() + " takes")
	}
	if strings.TrimSpace(msg.Text) != "" {
		if err := c.checkDMLength(op, msg.Text); err != nil {
			return platforms.SentMessage{}, err
		}
	}
	recipient, err := c.recipientOf(ctx, op, msg.ThreadExternalID)
	if err != nil {
		return platforms.SentMessage{}, err
	}
	kind := metaKinds[rule.Kind]
	body := map[string]any{"recipient": map[string]string{"id": recipient}, "messaging_type": "RESPONSE"}
	var file *platforms.OutgoingAttachment
	if c.flavor == facebook {
		body["message"] = map[string]any{"attachment": map[string]any{"type": kind, "payload": map[string]any{"is_reusable": false}}}
		file = &att
	} else {
		id, err := c.uploadAttachment(ctx, kind, att)
		if err != nil {
			return platforms.SentMessage{}, err
		}
		body["message"] = map[string]any{"attachment": map[string]any{"type": kind, "payload": map[string]string{"attachment_id": id}}}
	}
	sent, err := c.postDM(ctx, op, body, file)
	if err != nil || strings.TrimSpace(msg.Text) == "" {
		return sent, err
	}
	if _, err := c.sendDM(ctx, msg); err != nil {
		return sent, c.errPermanent(op + ": the file was sent but its text was not: " + err.Error())
	}
	return sent, nil
}

// uploadAttachment uploads a file for Instagram and returns its attachment id.
func (c *connector) uploadAttachment(ctx context.Context, kind string, att platforms.OutgoingAttachment) (string, error) {
	const op = "upload file"
	form, ctype, err := formUpload(map[string]any{"platform": "instagram",
		"message": map[string]any{"attachment": map[string]any{"type": kind, "payload": map[string]any{"is_reusable": false}}}}, att)
	if err != nil {
		return "", c.errPermanent(op + ": encode request: " + err.Error())
	}
	var resp struct {
		AttachmentID string `json:"attachment_id"`
	}
	if err := c.do(ctx, call{op: op, method: http.MethodPost, path: "/" + c.owner() + "/message_attachments", upload: form, uploadType: ctype}, &resp); err != nil {
		return "", err
	}
	if !validID(resp.AttachmentID) {
		return "", c.errTransient(op + ": Meta did not return an attachment id")
	}
	return resp.AttachmentID, nil
}

// formUpload encodes fields (strings as they are, other values as JSON, in
// name order) and the file (as filedata) as multipart/form-data.
func formUpload(fields map[string]any, att platforms.OutgoingAttachment) ([]byte, string, error) {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	list := make([]platforms.Field, 0, len(names))
	for _, k := range names {
		v, isString := fields[k].(string)
		if !isString {
			raw, err := json.Marshal(fields[k])
			if err != nil {
				return nil, "", err
			}
			v = string(raw)
		}
		list = append(list, platforms.Field{Name: k, Value: v})
	}
	buf, ctype, err := platforms.MultipartUpload(list, "filedata", att)
	if err != nil {
		return nil, "", err
	}
	return buf.Bytes(), ctype, nil
}
