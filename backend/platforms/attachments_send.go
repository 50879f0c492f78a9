package platforms

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/textproto"
	"strings"
)

// CapSendAttachment: the connector can send a file with a direct message
// (AttachmentSender). Connectors without it send text only.
const CapSendAttachment Capability = "send_attachment"

// Attachment kinds a connector may accept; a platform names its own kinds
// (Telegram "photo", WhatsApp "image") and maps them onto these.
const (
	AttachImage    = "image"
	AttachVideo    = "video"
	AttachAudio    = "audio"
	AttachDocument = "document"
)

// AttachmentRule is one kind of file a platform accepts in a message: the
// MIME types it takes ("*" for any) and the largest size, in bytes.
type AttachmentRule struct {
	Kind      string
	MimeTypes []string
	// Extensions are the usual file name endings, for the file picker (".jpg").
	Extensions []string
	MaxBytes   int64
}

// Accepts reports whether the rule takes a file of this MIME type.
func (r AttachmentRule) Accepts(mimeType string) bool {
	mt := strings.ToLower(strings.TrimSpace(mimeType))
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = strings.TrimSpace(mt[:i])
	}
	for _, m := range r.MimeTypes {
		if m == "*" || m == mt {
			return true
		}
	}
	return false
}

// RuleFor returns the first rule that accepts mimeType (ok false: the
// platform takes no such file). Rules are listed most specific first, so a
// photo becomes a photo before it could be a document.
func RuleFor(rules []AttachmentRule, mimeType string) (AttachmentRule, bool) {
	for _, r := range rules {
		if r.Accepts(mimeType) {
			return r, true
		}
	}
	return AttachmentRule{}, false
}

// OutgoingAttachment is a file the send gate has approved, read from the
// app's own copy in the data folder.
type OutgoingAttachment struct {
	// Kind is the rule's kind (AttachImage...).
	Kind     string
	Name     string
	MimeType string
	Data     []byte
}

// AttachmentSender is implemented by connectors that declare
// CapSendAttachment. SendAttachment sends one file to msg's thread with
// msg.Text as its caption (or as a text message right after it, where the
// platform has no captions); the text may be empty. AttachmentRules depends
// only on the account's settings, never on a network call.
type AttachmentSender interface {
	AttachmentRules(kind ThreadKind) []AttachmentRule
	SendAttachment(ctx context.Context, msg OutgoingMessage, att OutgoingAttachment) (SentMessage, error)
}

// Field is one form field of a multipart upload, in order.
type Field struct{ Name, Value string }

// MultipartUpload encodes fields and one file (under fileField, with its
// name and MIME type) as multipart/form-data; it returns the body and its
// Content-Type header.
func MultipartUpload(fields []Field, fileField string, att OutgoingAttachment) (*bytes.Buffer, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range fields {
		if err := w.WriteField(f.Name, f.Value); err != nil {
			return nil, "", err
		}
	}
	h := make(textproto.MIMEHeader)
	h.Set("Content-Disposition", `form-data; name="`+fileField+`"; filename="`+quoteFileName(att.Name)+`"`)
	ct := att.MimeType
	if ct == "" {
		ct = "application/octet-stream"
	}
	h.Set("Content-Type", ct)
	part, err := w.CreatePart(h)
	if err != nil {
		return nil, "", err
	}
	if _, err := part.Write(att.Data); err != nil {
		return nil, "", err
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return &buf, w.FormDataContentType(), nil
}

// quoteFileName escapes a file name for a Content-Disposition header.
func quoteFileName(name string) string {
	return strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "", "\n", "").Replace(name)
}
