package metafake

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"testing"
	"time"
)

// upload posts one file to message_attachments and returns the status and the attachment id.
func upload(t *testing.T, url, typ, mimeType string, size int) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("platform", "instagram")
	_ = w.WriteField("message", `{"attachment":{"type":"`+typ+`","payload":{"is_reusable":false}}}`)
	h := map[string][]string{"Content-Disposition": {`form-data; name="filedata"; filename="f"`}, "Content-Type": {mimeType}}
	part, _ := w.CreatePart(h)
	_, _ = part.Write(bytes.Repeat([]byte{1}, size))
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, url+"/v25.0/me/message_attachments", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		AttachmentID string `json:"attachment_id"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body.AttachmentID
}

func TestAttachmentUploadLimits(t *testing.T) {
	s := New()
	s.Clock.Set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	s.AddToken("tok", Instagram, time.Hour)
	url := s.Start()
	defer s.Close()
	if status, id := upload(t, url, "image", "image/png", 1000); status != 200 || id == "" {
		t.Fatalf("a small PNG: %d %q", status, id)
	}
	if status, _ := upload(t, url, "image", "image/png", MaxImageBytes+1); status != 400 {
		t.Fatalf("an image over 8 MB: %d", status)
	}
	if status, _ := upload(t, url, "file", "application/zip", 10); status != 400 {
		t.Fatalf("a zip on Instagram: %d", status)
	}
	if n := len(s.uploads); n != 1 {
		t.Fatalf("%d uploads kept", n)
	}
}
