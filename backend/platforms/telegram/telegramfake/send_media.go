package telegramfake

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf16"
)

// Telegram's upload limits: 10 MB for a photo, 50 MB for other files; a
// caption takes 1024 characters.
const (
	MaxPhotoBytes   = 10 << 20
	MaxFileBytes    = 50 << 20
	maxCaptionChars = 1024
)

// mediaMethod is one file-sending method: the form field holding the file.
type mediaMethod struct {
	name, field string
	limit       int64
}

// mediaMethods are the upload methods, by lower-case name.
var mediaMethods = map[string]mediaMethod{
	"sendphoto":    {"sendPhoto", "photo", MaxPhotoBytes},
	"sendvideo":    {"sendVideo", "video", MaxFileBytes},
	"senddocument": {"sendDocument", "document", MaxFileBytes},
}

// upload is the file part of a request.
type upload struct {
	name, mimeType string
	data           []byte
}

// serveUpload parses a multipart request (413 above Telegram's 50 MB), checks
// the file against the method's limit and records the message. A file given
// as a string (a file_id or URL) is not supported by the fake.
func (s *Server) serveUpload(r *http.Request, m mediaMethod) reply {
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "multipart/form-data" {
		return fail(http.StatusBadRequest, "Bad Request: there is no "+m.field+" in the request")
	}
	r.Body = http.MaxBytesReader(nil, r.Body, MaxFileBytes+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return fail(http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		}
		return fail(http.StatusBadRequest, "Bad Request: can't parse form body")
	}
	defer func() { _ = r.MultipartForm.RemoveAll() }()
	p := params{}
	for k, v := range r.MultipartForm.Value {
		p[k] = v[0]
	}
	files := r.MultipartForm.File[m.field]
	if len(files) == 0 {
		return fail(http.StatusBadRequest, "Bad Request: there is no "+m.field+" in the request")
	}
	fh := files[0]
	f, err := fh.Open()
	if err != nil {
		return fail(http.StatusBadRequest, "Bad Request: can't read the file")
	}
	data, err := io.ReadAll(f)
	_ = f.Close()
	if err != nil {
		return fail(http.StatusBadRequest, "Bad Request: can't read the file")
	}
	up := upload{name: fh.Filename, mimeType: fh.Header.Get("Content-Type"), data: data}
	return s.sendFile(m, p, up)
}

// sendFile validates and records one uploaded file.
func (s *Server) sendFile(m mediaMethod, p params, up upload) reply {
	caption := p["caption"]
	switch {
	case p["chat_id"] == "":
		return fail(http.StatusBadRequest, "Bad Request: chat_id is empty")
	case len(up.data) == 0:
		return fail(http.StatusBadRequest, "Bad Request: file must be non-empty")
	case int64(len(up.data)) > m.limit:
		return fail(http.StatusBadRequest, "Bad Request: file is too big")
	case len(utf16.Encode([]rune(caption))) > maxCaptionChars:
		return fail(http.StatusBadRequest, "Bad Request: message caption is too long")
	case m.field == "photo" && !strings.HasPrefix(http.DetectContentType(up.data), "image/"):
		return fail(http.StatusBadRequest, "Bad Request: IMAGE_PROCESS_FAILED")
	}
	sum := sha256.Sum256(up.data)
	fileID := "fake-file-" + hex.EncodeToString(sum[:8])
	s.mu.Lock()
	defer s.mu.Unlock()
	chat, known := s.resolveChatLocked(p["chat_id"])
	if !known {
		return fail(http.StatusBadRequest, "Bad Request: chat not found")
	}
	bot := s.Bot
	from := &bot
	if chat.Type == "channel" {
		from = nil
	}
	now := time.Now()
	msg := message{MessageID: s.nextMessageIDLocked(chat.ID), From: from, Chat: chat, Date: now.Unix(), Caption: caption}
	size := int64(len(up.data))
	switch m.field {
	case "photo":
		msg.Photo = []photoSize{{FileID: fileID, FileUniqueID: fileID[10:], Width: 800, Height: 600, FileSize: size}}
	case "video":
		msg.Video = &fileObject{FileID: fileID, FileUniqueID: fileID[10:], FileName: up.name, MimeType: up.mimeType, FileSize: size}
	default:
		msg.Document = &fileObject{FileID: fileID, FileUniqueID: fileID[10:], FileName: up.name, MimeType: up.mimeType, FileSize: size}
	}
	s.messages[msgKey{chat.ID, msg.MessageID}] = msg
	s.sent = append(s.sent, SentMessage{ChatID: chat.ID, MessageID: msg.MessageID, Text: caption, Date: time.Unix(msg.Date, 0),
		Method: m.name, FileName: up.name, FileType: up.mimeType, FileSize: size})
	return success(msg)
}
