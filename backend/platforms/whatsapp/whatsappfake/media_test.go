package whatsappfake_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"testing"

	"creatordesk/backend/platforms/whatsapp/whatsappfake"
)

// upload posts one file to the fake's media endpoint and returns the status and error code.
func upload(t *testing.T, url, mimeType string, size int) (int, int, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("messaging_product", "whatsapp")
	_ = w.WriteField("type", mimeType)
	part, _ := w.CreateFormFile("file", "f.bin")
	_, _ = part.Write(bytes.Repeat([]byte{1}, size))
	_ = w.Close()
	req, _ := http.NewRequest(http.MethodPost, url+"/v25.0/1065/media", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		ID    string `json:"id"`
		Error struct {
			Code int `json:"code"`
		} `json:"error"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&body)
	return resp.StatusCode, body.Error.Code, body.ID
}

func TestMediaUploadLimits(t *testing.T) {
	f := whatsappfake.New("1022", whatsappfake.Phone{ID: "1065", Display: "+1 555"})
	f.AddToken("tok", 0)
	url := f.Start()
	t.Cleanup(f.Close)
	if status, _, id := upload(t, url, "image/jpeg", 1000); status != 200 || id == "" {
		t.Fatalf("a small JPEG: %d %q", status, id)
	}
	if status, code, _ := upload(t, url, "image/jpeg", 5<<20+1); status != 400 || code != 131053 {
		t.Fatalf("a 5 MB+ image: %d %d", status, code)
	}
	if status, code, _ := upload(t, url, "application/x-msdownload", 10); status != 400 || code != 131053 {
		t.Fatalf("a program: %d %d", status, code)
	}
	if n := len(f.Uploaded()); n != 1 {
		t.Fatalf("%d uploads kept", n)
	}
}
