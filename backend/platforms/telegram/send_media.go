package telegram

import (
	"context"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// Files a bot can send (core.telegram.org/bots/api#sending-files): a photo
// up to 10 MB with sendPhoto, and any file up to 50 MB with sendVideo or
// sendDocument, uploaded as multipart/form-data. A caption takes 1024
// characters (UTF-16 code units); a longer text follows as its own message.
const (
	maxPhotoBytes   = 10 << 20
	maxFileBytes    = 50 << 20
	maxCaptionChars = 1024
)

// mediaRules are the files the connector sends, most specific first.
var mediaRules = []platforms.AttachmentRule{
	{Kind: platforms.AttachImage, MimeTypes: []string{"image/jpeg", "image/png", "image/webp"},
		Extensions: []string{".jpg", ".jpeg", ".png", ".webp"}, MaxBytes: maxPhotoBytes},
	{Kind: platforms.AttachVideo, MimeTypes: []string{"video/mp4"}, Extensions: []string{".mp4"}, MaxBytes: maxFileBytes},
	{Kind: platforms.AttachDocument, MimeTypes: []string{"*"}, MaxBytes: maxFileBytes},
}

// AttachmentRules implements platforms.AttachmentSender: photos, MP4 videos
// and any other file as a document, in chats.
func (c *connector) AttachmentRules(kind platforms.ThreadKind) []platforms.AttachmentRule {
	if kind != "" && kind != platforms.ThreadDM {
		return nil
	}
	return mediaRules
}

// SendAttachment uploads one file with sendPhoto, sendVideo or sendDocument
// and msg.Text as its caption; a text longer than a caption takes is sent
// right after the file with sendMessage. The file's message is returned.
func (c *connector) SendAttachment(ctx context.Context, msg platforms.OutgoingMessage, att platforms.OutgoingAttachment) (platforms.SentMessage, error) {
	method, field := "sendDocument", "document"
	switch att.Kind {
	case platforms.AttachImage:
		method, field = "sendPhoto", "photo"
	case platforms.AttachVideo:
		method, field = "sendVideo", "video"
	}
	if msg.ThreadKind != "" && msg.ThreadKind != platforms.ThreadDM {
		return platforms.SentMessage{}, errPermanent(method + ": only chat threads can be sent to")
	}
	chatID, err := strconv.ParseInt(msg.ThreadExternalID, 10, 64)
	if err != nil || chatID == 0 {
		return platforms.SentMessage{}, errPermanent(method + ": invalid chat id " + strconv.Quote(msg.ThreadExternalID))
	}
	limit := int64(maxFileBytes)
	if att.Kind == platforms.AttachImage {
		limit = maxPhotoBytes
	}
	if n := int64(len(att.Data)); n == 0 || n > limit {
		return platforms.SentMessage{}, errPermanent(method + ": the file is empty or larger than Telegram takes (" + strconv.FormatInt(limit>>20, 10) + " MB)")
	}
	caption := strings.TrimSpace(msg.Text)
	separate := textLength(caption) > maxCaptionChars
	fields := []platforms.Field{{Name: "chat_id", Value: strconv.FormatInt(chatID, 10)}}
	if caption != "" && !separate {
		fields = append(fields, platforms.Field{Name: "caption", Value: msg.Text})
	}
	body, ctype, err := platforms.MultipartUpload(fields, field, att)
	if err != nil {
		return platforms.SentMessage{}, errPermanent(method + ": encode request: " + err.Error())
	}
	var sent apiMessage
	if err := c.post(ctx, method, body, ctype, 0, &sent); err != nil {
		return platforms.SentMessage{}, err
	}
	if sent.MessageID <= 0 {
		return platforms.SentMessage{}, errPermanent(method + ": the file was probably sent, but Telegram's answer has no message_id; check the chat before sending again")
	}
	out := platforms.SentMessage{ExternalID: messageKey(chatID, sent.MessageID), SentAt: time.Unix(sent.Date, 0).UTC()}
	if separate {
		if _, err := c.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: msg.ThreadExternalID, ThreadKind: msg.ThreadKind, Text: msg.Text}); err != nil {
			return out, errPermanent(method + ": the file was sent but its text was not: " + err.Error())
		}
	}
	return out, nil
}
