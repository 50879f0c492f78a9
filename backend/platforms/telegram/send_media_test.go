package telegram_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"creatordesk/backend/platforms"
)

// pngBytes is the start of a PNG file (enough for content sniffing).
var pngBytes = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 64)...)

func attachmentSender(t *testing.T, c platforms.Connector) platforms.AttachmentSender {
	t.Helper()
	as, ok := c.(platforms.AttachmentSender)
	if !ok || !platforms.Has(c.Capabilities(), platforms.CapSendAttachment) {
		t.Fatal("the Telegram connector does not send attachments")
	}
	return as
}

func TestSendAttachmentUploadsEachKind(t *testing.T) {
	tests := []struct {
		name, method string
		att          platforms.OutgoingAttachment
	}{
		{"photo", "sendPhoto", platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "mug.png", MimeType: "image/png", Data: pngBytes}},
		{"video", "sendVideo", platforms.OutgoingAttachment{Kind: platforms.AttachVideo, Name: "unboxing.mp4", MimeType: "video/mp4", Data: []byte("\x00\x00\x00\x18ftypmp42 video bytes")}},
		{"document", "sendDocument", platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "size guide \"EU\".pdf", MimeType: "application/pdf", Data: []byte("%PDF-1.4 guide")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			srv.AddMessage(aliceChat, alice, "can I see it?", t0)
			got, err := attachmentSender(t, c).SendAttachment(context.Background(),
				platforms.OutgoingMessage{ThreadExternalID: "111", ThreadKind: platforms.ThreadDM, Text: "Here it is"}, tt.att)
			if err != nil {
				t.Fatal(err)
			}
			sent := srv.Sent()
			if len(sent) != 1 {
				t.Fatalf("fake got %d messages", len(sent))
			}
			s := sent[0]
			if s.Method != tt.method || s.FileName != tt.att.Name || s.FileType != tt.att.MimeType || s.FileSize != int64(len(tt.att.Data)) || s.Text != "Here it is" {
				t.Fatalf("fake got %+v", s)
			}
			if got.ExternalID != "111:2" {
				t.Fatalf("external id %q", got.ExternalID)
			}
		})
	}
}

func TestSendAttachmentLongCaptionFollowsAsText(t *testing.T) {
	srv, c := start(t)
	srv.AddMessage(aliceChat, alice, "hi", t0)
	long := strings.Repeat("a", 1025)
	got, err := attachmentSender(t, c).SendAttachment(context.Background(), platforms.OutgoingMessage{ThreadExternalID: "111", Text: long},
		platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "a.txt", MimeType: "text/plain", Data: []byte("x")})
	if err != nil {
		t.Fatal(err)
	}
	sent := srv.Sent()
	if len(sent) != 2 || sent[0].Method != "sendDocument" || sent[0].Text != "" || sent[1].Method != "sendMessage" || sent[1].Text != long {
		t.Fatalf("fake got %+v", sent)
	}
	if got.ExternalID != "111:2" {
		t.Fatalf("the file's message should be returned, got %q", got.ExternalID)
	}
}

func TestSendAttachmentRefusals(t *testing.T) {
	srv, c := start(t)
	srv.AddMessage(aliceChat, alice, "hi", t0)
	as := attachmentSender(t, c)
	ctx := context.Background()
	big := platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "huge.png", MimeType: "image/png", Data: make([]byte, 10<<20+1)}
	if _, err := as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: "111"}, big); err == nil {
		t.Fatal("a photo over 10 MB was accepted")
	} else {
		wantKind(t, err, platforms.KindPermanent)
	}
	// The fake checks the bytes: a "photo" that is not an image is refused by Telegram.
	fakePhoto := platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "x.png", MimeType: "image/png", Data: []byte("not an image")}
	_, err := as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: "111"}, fakePhoto)
	if pe := wantKind(t, err, platforms.KindPermanent); !strings.Contains(pe.Message, "IMAGE_PROCESS_FAILED") {
		t.Fatalf("error %v", pe)
	}
	srv.FailNext(1, 500)
	_, err = as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: "111"},
		platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "a.pdf", MimeType: "application/pdf", Data: []byte("%PDF")})
	wantKind(t, err, platforms.KindTransient)
	if _, err := as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: "424242"},
		platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "a.pdf", Data: []byte("%PDF")}); err == nil {
		t.Fatal("unknown chat accepted")
	}
	if n := len(srv.Sent()); n != 0 {
		t.Fatalf("refused files were recorded: %d", n)
	}
	if rules := as.AttachmentRules(platforms.ThreadComment); rules != nil {
		t.Fatalf("comment threads take no files: %+v", rules)
	}
}
