package whatsapp

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// Media WhatsApp takes (Cloud API, "Supported media types"): JPEG and PNG
// images up to 5 MB; MP4 and 3GPP videos and common audio up to 16 MB;
// PDF, Office and plain-text documents up to 100 MB. A file is uploaded to
// POST /{phone-number-id}/media (multipart, messaging_product=whatsapp),
// which answers with a media id, then sent by that id as an image, video,
// audio or document message. Images, videos and documents take a caption of
// up to 1024 characters; audio takes none, so its text follows on its own.
const (
	maxImageBytes    = 5 << 20
	maxVideoBytes    = 16 << 20
	maxDocumentBytes = 100 << 20
	maxCaptionChars  = 1024
)

// mediaRules are the files the connector sends, most specific first.
var mediaRules = []platforms.AttachmentRule{
	{Kind: platforms.AttachImage, MimeTypes: []string{"image/jpeg", "image/png"}, Extensions: []string{".jpg", ".jpeg", ".png"}, MaxBytes: maxImageBytes},
	{Kind: platforms.AttachVideo, MimeTypes: []string{"video/mp4", "video/3gpp"}, Extensions: []string{".mp4", ".3gp"}, MaxBytes: maxVideoBytes},
	{Kind: platforms.AttachAudio, MimeTypes: []string{"audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"},
		Extensions: []string{".aac", ".amr", ".mp3", ".m4a", ".ogg"}, MaxBytes: maxVideoBytes},
	{Kind: platforms.AttachDocument, MimeTypes: []string{"application/pdf", "text/plain", "application/msword",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
		"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
		Extensions: []string{".pdf", ".txt", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx"}, MaxBytes: maxDocumentBytes},
}

// AttachmentRules implements platforms.AttachmentSender.
func (c *connector) AttachmentRules(kind platforms.ThreadKind) []platforms.AttachmentRule {
	if kind == platforms.ThreadComment {
		return nil
	}
	return mediaRules
}

// SendAttachment uploads the file, then sends it by its media id with
// msg.Text as the caption (or as a text message right after an audio file
// or a caption too long). Like text, media is free-form: outside the
// 24-hour window Meta refuses it (131047, KindWindowClosed).
func (c *connector) SendAttachment(ctx context.Context, msg platforms.OutgoingMessage, att platforms.OutgoingAttachment) (platforms.SentMessage, error) {
	const op = "send file"
	if msg.ThreadKind == platforms.ThreadComment {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": WhatsApp has no comments")
	}
	to, ok := recipient(msg.ThreadExternalID)
	if !ok {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": the thread is not a WhatsApp number")
	}
	rule, ok := platforms.RuleFor(mediaRules, att.MimeType)
	if !ok {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": WhatsApp does not take "+att.MimeType+" files")
	}
	if n := int64(len(att.Data)); n == 0 || n > rule.MaxBytes {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": the file is empty or larger than WhatsApp takes")
	}
	id, err := c.uploadMedia(ctx, att)
	if err != nil {
		return platforms.SentMessage{}, err
	}
	text := strings.TrimSpace(msg.Text)
	separate := text != "" && (rule.Kind == platforms.AttachAudio || utf8.RuneCountInString(msg.Text) > maxCaptionChars)
	media := map[string]any{"id": id}
	if text != "" && !separate {
		media["caption"] = msg.Text
	}
	if rule.Kind == platforms.AttachDocument && att.Name != "" {
		media["filename"] = att.Name
	}
	sent, err := c.deliver(ctx, op, map[string]any{
		"messaging_product": "whatsapp", "recipient_type": "individual", "to": to,
		"type": rule.Kind, rule.Kind: media,
	})
	if err != nil || !separate {
		return sent, err
	}
	if _, err := c.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: msg.ThreadExternalID, ThreadKind: msg.ThreadKind, Text: msg.Text}); err != nil {
		return sent, newError(platforms.KindPermanent, 0, op+": the file was sent but its text was not: "+err.Error())
	}
	return sent, nil
}

// uploadMedia uploads one file and returns its media id.
func (c *connector) uploadMedia(ctx context.Context, att platforms.OutgoingAttachment) (string, error) {
	const op = "upload file"
	body, ctype, err := platforms.MultipartUpload([]platforms.Field{{Name: "messaging_product", Value: "whatsapp"},
		{Name: "type", Value: att.MimeType}}, "file", att)
	if err != nil {
		return "", newError(platforms.KindPermanent, 0, op+": encode request: "+err.Error())
	}
	var resp struct {
		ID string `json:"id"`
	}
	if err := c.do(ctx, call{op: op, method: http.MethodPost, path: "/" + c.phoneID + "/media", upload: body.Bytes(), uploadType: ctype}, &resp); err != nil {
		return "", err
	}
	if !messageIDPattern.MatchString(resp.ID) {
		return "", newError(platforms.KindTransient, 0, op+": Meta did not return a media id")
	}
	return resp.ID, nil
}
