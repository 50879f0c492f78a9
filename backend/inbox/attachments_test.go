package inbox_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// png is enough of a PNG file for content sniffing.
var png = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{1}, 200)...)

func TestAttachmentIsKeptRecordedAndSent(t *testing.T) {
	svc, fake, conv, st := setup(t)
	ctx := context.Background()
	m, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv, Actor: "dana", Text: "Here is the mug",
		Attachments: []inbox.AttachmentInput{{Name: "../../mug.png", MimeType: "image/png", Data: png}}})
	if err != nil || m.State != store.StateSent {
		t.Fatalf("send: %+v %v", m, err)
	}
	sent := fake.Sent()
	if len(sent) != 1 || sent[0].Method != "sendPhoto" || sent[0].FileName != "mug.png" || sent[0].Text != "Here is the mug" || sent[0].FileSize != int64(len(png)) {
		t.Fatalf("fake got %+v", sent)
	}
	files, err := st.OutgoingAttachments(ctx, m.ID)
	if err != nil || len(files) != 1 || files[0].ExternalID == "" || files[0].Kind != "image" || files[0].Name != "mug.png" {
		t.Fatalf("recorded files: %+v %v", files, err)
	}
	if !strings.Contains(m.Attachments, `"Name":"mug.png"`) || !strings.Contains(m.Attachments, `"Size":216`) {
		t.Fatalf("the thread does not list the file: %q", m.Attachments)
	}
	copyPath := filepath.Join(filepath.Dir(st.Path), "attachments", files[0].SHA256)
	info, err := os.Stat(copyPath)
	if err != nil {
		t.Fatalf("no copy in the data folder: %v", err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Fatalf("copy mode %v, want 0600", info.Mode().Perm())
	}
	audit, _ := st.AuditEvents(ctx, "message", "", 10)
	if len(audit) == 0 || audit[0].Action != "reply.attachment.sent" {
		t.Fatalf("audit: %+v", audit)
	}
}

func TestAttachmentWithoutTextAndSeveralFiles(t *testing.T) {
	svc, fake, conv, st := setup(t)
	ctx := context.Background()
	m, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv, Actor: "dana", Attachments: []inbox.AttachmentInput{
		{Name: "guide.pdf", MimeType: "application/pdf", Data: []byte("%PDF-1.4 size guide")},
		{Name: "notes.txt", Data: []byte("plain notes")},
	}})
	if err != nil || m.State != store.StateSent {
		t.Fatalf("send: %+v %v", m, err)
	}
	sent := fake.Sent()
	if len(sent) != 2 || sent[0].FileName != "guide.pdf" || sent[1].FileName != "notes.txt" || sent[1].FileType != "text/plain" {
		t.Fatalf("fake got %+v", sent)
	}
	if files, _ := st.OutgoingAttachments(ctx, m.ID); len(files) != 2 || files[1].MimeType != "text/plain" {
		t.Fatalf("files %+v", files)
	}
}

func TestDisallowedFilesAreRefusedBeforeStoring(t *testing.T) {
	svc, fake, conv, st := setup(t)
	ctx := context.Background()
	var typeErr *inbox.AttachmentTypeError
	var sizeErr *inbox.AttachmentTooLargeError
	var manyErr *inbox.TooManyAttachmentsError
	cases := []struct {
		name  string
		files []inbox.AttachmentInput
		check func(error) bool
	}{
		{"program", []inbox.AttachmentInput{{Name: "setup.exe", MimeType: "application/x-msdownload", Data: []byte("MZ")}},
			func(err error) bool { return errors.As(err, &typeErr) && typeErr.Name == "setup.exe" }},
		{"script renamed", []inbox.AttachmentInput{{Name: "invoice.js", MimeType: "application/pdf", Data: []byte("alert(1)")}},
			func(err error) bool { return errors.As(err, &typeErr) }},
		{"not really an image", []inbox.AttachmentInput{{Name: "photo.png", MimeType: "image/png", Data: []byte("hello")}},
			func(err error) bool { return errors.As(err, &typeErr) }},
		{"too large for the app", []inbox.AttachmentInput{{Name: "big.pdf", MimeType: "application/pdf", Data: make([]byte, inbox.MaxFileBytes+1)}},
			func(err error) bool { return errors.As(err, &sizeErr) && sizeErr.Max == inbox.MaxFileBytes }},
		{"empty", []inbox.AttachmentInput{{Name: "a.pdf", MimeType: "application/pdf"}},
			func(err error) bool { return errors.Is(err, inbox.ErrAttachmentEmpty) }},
		{"too many", make([]inbox.AttachmentInput, inbox.MaxAttachments+1),
			func(err error) bool { return errors.As(err, &manyErr) }},
	}
	for _, c := range cases {
		_, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv, Actor: "dana", Text: "x", Attachments: c.files})
		if err == nil || !c.check(err) {
			t.Fatalf("%s: %v", c.name, err)
		}
	}
	if _, _, key := keyOf(typeErr); key != "errors.outbound.attachType" {
		t.Fatalf("key %q", key)
	}
	if msgs, _ := st.Messages(ctx, conv, 0); len(msgs) != 1 {
		t.Fatalf("refused messages were stored: %d", len(msgs))
	}
	if len(fake.Sent()) != 0 {
		t.Fatal("a refused file reached the platform")
	}
	// A policy's refusal (opt-out, consent...) comes before the copy too.
	svc.Policies = []inbox.Policy{&consentPolicy{}}
	if _, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv, Actor: "dana", Marketing: true,
		Attachments: []inbox.AttachmentInput{{Name: "offer.pdf", MimeType: "application/pdf", Data: []byte("%PDF offer")}}}); err == nil {
		t.Fatal("the policy did not refuse")
	}
	if entries, _ := os.ReadDir(filepath.Join(filepath.Dir(st.Path), "attachments")); len(entries) != 0 {
		t.Fatalf("refused files were copied into the data folder: %v", entries)
	}
}

func TestFailedAttachmentIsRetriedFromTheKeptCopy(t *testing.T) {
	svc, fake, conv, st := setup(t)
	ctx := context.Background()
	fake.SetDown(true)
	m, err := svc.Send(ctx, inbox.SendRequest{ConversationID: conv, Actor: "dana", Text: "photo",
		Attachments: []inbox.AttachmentInput{{Name: "mug.png", MimeType: "image/png", Data: png}}})
	if err != nil || m.State != store.StateFailed {
		t.Fatalf("send while down: %+v %v", m, err)
	}
	fake.SetDown(false)
	m, err = svc.Retry(ctx, m.ID, "dana")
	if err != nil || m.State != store.StateSent {
		t.Fatalf("retry: %+v %v", m, err)
	}
	if sent := fake.Sent(); len(sent) != 1 || sent[0].Method != "sendPhoto" || sent[0].FileSize != int64(len(png)) {
		t.Fatalf("fake got %+v", sent)
	}
	// A second retry of a sent message sends nothing again.
	if _, err := svc.Retry(ctx, m.ID, "dana"); err != nil || len(fake.Sent()) != 1 {
		t.Fatalf("second retry: %v, %d sent", err, len(fake.Sent()))
	}
	// A copy that vanished from the data folder fails the retry plainly.
	fake.SetDown(true)
	m2, _ := svc.Send(ctx, inbox.SendRequest{ConversationID: conv, Actor: "dana",
		Attachments: []inbox.AttachmentInput{{Name: "other.pdf", MimeType: "application/pdf", Data: []byte("%PDF other")}}})
	fake.SetDown(false)
	files2, _ := st.OutgoingAttachments(ctx, m2.ID)
	_ = os.Remove(filepath.Join(filepath.Dir(st.Path), "attachments", files2[0].SHA256))
	m2, _ = svc.Retry(ctx, m2.ID, "dana")
	if m2.State != store.StateFailed || !strings.Contains(m2.ErrorDetail, "missing") {
		t.Fatalf("retry without a copy: %+v", m2)
	}
}

// keyOf returns a keyed error's code and key.
func keyOf(err interface {
	ErrorKey() (string, string, map[string]string)
}) (string, map[string]string, string) {
	code, key, args := err.ErrorKey()
	return code, args, key
}
