package metafake

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
)

// Attachments. Messenger takes a file uploaded with the message itself
// (POST /{page}/messages as multipart: recipient, message with
// attachment.type and payload, filedata); Instagram takes one uploaded first
// to POST /{id}/message_attachments (platform=instagram, message, filedata),
// answered with an attachment_id the message then names. Images up to 8 MB,
// other files up to 25 MB; types as Meta lists them.

// Attachment limits.
const (
	MaxImageBytes = 8 << 20
	MaxFileBytes  = 25 << 20
)

// attachmentTypes are the accepted MIME types per attachment type and platform.
var attachmentTypes = map[string]map[string][]string{
	Instagram: {
		"image": {"image/png", "image/jpeg", "image/gif"},
		"video": {"video/mp4", "video/ogg", "video/x-msvideo", "video/quicktime", "video/webm"},
		"audio": {"audio/aac", "audio/mp4", "audio/wav", "audio/x-wav", "audio/x-m4a"},
		"file":  {"application/pdf"},
	},
	Messenger: {
		"image": {"image/png", "image/jpeg", "image/gif"},
		"video": {"video/mp4", "video/quicktime", "video/webm"},
		"audio": {"audio/mpeg", "audio/mp4", "audio/aac", "audio/wav", "audio/x-wav", "audio/ogg"},
		"file":  nil, // any type
	},
}

// attachmentRef is message.attachment: a type and a payload naming an uploaded file.
type attachmentRef struct {
	Type    string `json:"type"`
	Payload struct {
		AttachmentID string `json:"attachment_id"`
		IsReusable   any    `json:"is_reusable"`
	} `json:"payload"`
}

// readSend decodes a send: JSON, or (Messenger) a multipart form with the
// file in filedata. It returns the attached file, if any; ok false after
// writing an error.
func (s *Server) readSend(w http.ResponseWriter, r *http.Request, t *token) (sendRequest, *SentFile, bool) {
	var req sendRequest
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "multipart/form-data" {
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&req); err != nil {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid JSON for postbody", Type: "OAuthException", Code: 100})
			return req, nil, false
		}
		if a := req.Message.Attachment; a != nil {
			f, ok := s.uploads[a.Payload.AttachmentID]
			if !ok || a.Payload.AttachmentID == "" || f.Type != a.Type {
				writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid attachment_id", Type: "OAuthException", Code: 100})
				return req, nil, false
			}
			return req, &f, true
		}
		return req, nil, true
	}
	if t.platform == Instagram {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Upload the file to message_attachments first", Type: "OAuthException", Code: 100})
		return req, nil, false
	}
	form, f, ok := readUpload(w, r, t.platform)
	if !ok {
		return req, nil, false
	}
	for _, k := range []string{"recipient", "message"} {
		if v, has := form[k]; has {
			var dst any = &req.Recipient
			if k == "message" {
				dst = &req.Message
			}
			if err := json.Unmarshal([]byte(v), dst); err != nil {
				writeError(w, http.StatusBadRequest, graphError{Message: "(#100) param " + k + " must be JSON", Type: "OAuthException", Code: 100})
				return req, nil, false
			}
		}
	}
	req.MessagingType, req.Tag = form["messaging_type"], form["tag"]
	return req, &f, true
}

// uploadAttachment answers POST /{id}/message_attachments.
func (s *Server) uploadAttachment(w http.ResponseWriter, r *http.Request, t *token) {
	form, f, ok := readUpload(w, r, t.platform)
	if !ok {
		return
	}
	if t.platform == Instagram && form["platform"] != "instagram" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) param platform must be instagram", Type: "OAuthException", Code: 100})
		return
	}
	if s.uploads == nil {
		s.uploads = map[string]SentFile{}
	}
	id := s.newID("att")
	s.uploads[id] = f
	writeJSON(w, map[string]string{"attachment_id": id})
}

// readUpload parses a multipart upload: message.attachment.type names the
// type, filedata holds the file; the type and size are checked against the
// platform's limits.
func readUpload(w http.ResponseWriter, r *http.Request, platform string) (map[string]string, SentFile, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxFileBytes+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, graphError{Message: "(#100) Upload attachment failure: the file is too large", Type: "OAuthException", Code: 100, Subcode: 2018047})
		} else {
			writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid multipart form", Type: "OAuthException", Code: 100})
		}
		return nil, SentFile{}, false
	}
	defer func() { _ = r.MultipartForm.RemoveAll() }()
	form := map[string]string{}
	for k, v := range r.MultipartForm.Value {
		form[k] = v[0]
	}
	var msg struct {
		Attachment *attachmentRef `json:"attachment"`
	}
	if json.Unmarshal([]byte(form["message"]), &msg) != nil || msg.Attachment == nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) param message[attachment] is required", Type: "OAuthException", Code: 100})
		return nil, SentFile{}, false
	}
	file, fh, err := r.FormFile("filedata")
	if err != nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Upload attachment failure: filedata is missing", Type: "OAuthException", Code: 100, Subcode: 2018047})
		return nil, SentFile{}, false
	}
	data, err := io.ReadAll(file)
	_ = file.Close()
	if err != nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Upload attachment failure", Type: "OAuthException", Code: 100, Subcode: 2018047})
		return nil, SentFile{}, false
	}
	f := SentFile{Type: msg.Attachment.Type, Name: fh.Filename, MimeType: strings.ToLower(fh.Header.Get("Content-Type")), Size: int64(len(data))}
	allowed, known := attachmentTypes[platform][f.Type]
	limit := int64(MaxFileBytes)
	if f.Type == "image" {
		limit = MaxImageBytes
	}
	switch {
	case !known:
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Unsupported attachment type " + f.Type, Type: "OAuthException", Code: 100})
		return nil, SentFile{}, false
	case allowed != nil && !contains(allowed, f.MimeType):
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Upload attachment failure: unsupported file type " + f.MimeType, Type: "OAuthException", Code: 100, Subcode: 2018047})
		return nil, SentFile{}, false
	case f.Size == 0 || f.Size > limit:
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Upload attachment failure: the file is empty or too large", Type: "OAuthException", Code: 100, Subcode: 2018047})
		return nil, SentFile{}, false
	}
	return form, f, true
}

// contains reports whether list holds v.
func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
