package whatsappfake

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"creatordesk/backend/platforms/fakekit"
)

// Media is one uploaded file.
type Media struct {
	ID, MimeType, FileName, SHA256 string
	Size                           int64
}

// mediaLimits are the Cloud API's size limits by MIME type ("Supported media types").
var mediaLimits = map[string]int64{
	"image/jpeg": 5 << 20, "image/png": 5 << 20,
	"video/mp4": 16 << 20, "video/3gpp": 16 << 20,
	"audio/aac": 16 << 20, "audio/amr": 16 << 20, "audio/mpeg": 16 << 20, "audio/mp4": 16 << 20, "audio/ogg": 16 << 20,
	"application/pdf": 100 << 20, "text/plain": 100 << 20, "application/msword": 100 << 20,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": 100 << 20,
	"application/vnd.ms-excel": 100 << 20,
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         100 << 20,
	"application/vnd.ms-powerpoint":                                             100 << 20,
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": 100 << 20,
}

// maxUpload caps an upload request (the largest document plus the form).
const maxUpload = 100<<20 + 1<<20

// Uploaded returns the files uploaded so far.
func (s *Server) Uploaded() []Media {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Media, 0, len(s.media))
	for _, m := range s.media {
		out = append(out, m)
	}
	return out
}

// uploadMedia answers POST /{phone-number-id}/media: a multipart form with
// messaging_product=whatsapp, type and file. Unsupported types and files over
// the type's limit are refused with 131053, as Meta does.
func (s *Server) uploadMedia(w http.ResponseWriter, r *http.Request) {
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mediaType != "multipart/form-data" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "file is required"})
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, graphError{Message: "(#131053) Media upload error", Type: "OAuthException", Code: codeMediaUpload, Details: "File is too big"})
			return
		}
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "malformed form"})
		return
	}
	defer func() { _ = r.MultipartForm.RemoveAll() }()
	if r.FormValue("messaging_product") != "whatsapp" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "messaging_product is required"})
		return
	}
	f, fh, err := r.FormFile("file")
	if err != nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "file is required"})
		return
	}
	data, err := io.ReadAll(f)
	_ = f.Close()
	if err != nil {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "unreadable file"})
		return
	}
	mt := r.FormValue("type")
	if mt == "" {
		mt = fh.Header.Get("Content-Type")
	}
	limit, ok := mediaLimits[mt]
	switch {
	case !ok:
		writeError(w, http.StatusBadRequest, graphError{Message: "(#131053) Media upload error", Type: "OAuthException", Code: codeMediaUpload,
			Details: "Unsupported file type " + mt})
		return
	case len(data) == 0 || int64(len(data)) > limit:
		writeError(w, http.StatusBadRequest, graphError{Message: "(#131053) Media upload error", Type: "OAuthException", Code: codeMediaUpload,
			Details: "File size " + strconv.Itoa(len(data)) + " is outside the allowed range for " + mt})
		return
	}
	sum := sha256.Sum256(data)
	s.nextID++
	id := "10" + strconv.Itoa(1000000+s.nextID)
	s.media[id] = Media{ID: id, MimeType: mt, FileName: fh.Filename, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
	fakekit.WriteJSON(w, map[string]string{"id": id})
}

// mediaRef is a media message's object: an uploaded id (or a link, which the fake refuses).
type mediaRef struct {
	ID       string `json:"id"`
	Link     string `json:"link"`
	Caption  string `json:"caption"`
	Filename string `json:"filename"`
}

// sendMedia checks a media message's reference and fills sent; it reports
// false after writing an error. The caller holds s.mu.
func (s *Server) sendMedia(w http.ResponseWriter, b *sendBody, sent *Sent) bool {
	ref := map[string]*mediaRef{"image": b.Image, "video": b.Video, "audio": b.Audio, "document": b.Document}[b.Type]
	if ref == nil || ref.ID == "" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: b.Type + ".id is required"})
		return false
	}
	m, ok := s.media[ref.ID]
	if !ok {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#131052) Media download error", Type: "OAuthException", Code: 131052, Details: "Unknown media id"})
		return false
	}
	if b.Type == "audio" && ref.Caption != "" {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "audio takes no caption"})
		return false
	}
	if len([]rune(ref.Caption)) > 1024 {
		writeError(w, http.StatusBadRequest, graphError{Message: "(#100) Invalid parameter", Type: "OAuthException", Code: 100, Details: "caption is too long"})
		return false
	}
	sent.Caption, sent.MediaID, sent.MimeType, sent.FileSize = ref.Caption, m.ID, m.MimeType, m.Size
	sent.FileName = m.FileName
	if ref.Filename != "" {
		sent.FileName = ref.Filename
	}
	return true
}

// writeReengagement refuses free-form content after the 24-hour window.
func writeReengagement(w http.ResponseWriter) {
	writeError(w, http.StatusBadRequest, graphError{Message: "(#131047) Re-engagement message", Type: "OAuthException", Code: codeReengagement,
		Details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number."})
}
