package whatsapp_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

var jpeg = append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), bytes.Repeat([]byte{7}, 100)...)

func sender(t *testing.T, c platforms.Connector) platforms.AttachmentSender {
	t.Helper()
	as, ok := c.(platforms.AttachmentSender)
	if !ok || !platforms.Has(c.Capabilities(), platforms.CapSendAttachment) {
		t.Fatal("the WhatsApp connector does not send files")
	}
	return as
}

func TestSendAttachmentUploadsThenSendsByID(t *testing.T) {
	e := newEnv(t)
	e.fake.Receive(fan)
	as := sender(t, e.conn(t, nil))
	ctx := context.Background()
	got, err := as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: "+" + fan, Text: "Your invoice"},
		platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "invoice-1042.pdf", MimeType: "application/pdf", Data: []byte("%PDF-1.7 invoice")})
	if err != nil || !strings.HasPrefix(got.ExternalID, "wamid.") {
		t.Fatalf("send: %+v %v", got, err)
	}
	if _, err := as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: fan, Text: "and a photo"},
		platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "mug.jpg", MimeType: "image/jpeg", Data: jpeg}); err != nil {
		t.Fatal(err)
	}
	// Audio takes no caption: the text follows as its own message.
	if _, err := as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: fan, Text: "a voice note"},
		platforms.OutgoingAttachment{Kind: platforms.AttachAudio, Name: "note.mp3", MimeType: "audio/mpeg", Data: []byte("ID3 audio")}); err != nil {
		t.Fatal(err)
	}
	sent := e.fake.Sent()
	if len(sent) != 4 {
		t.Fatalf("fake got %d messages: %+v", len(sent), sent)
	}
	if s := sent[0]; s.Type != "document" || s.FileName != "invoice-1042.pdf" || s.Caption != "Your invoice" || s.MimeType != "application/pdf" || s.FileSize != 16 {
		t.Fatalf("document: %+v", s)
	}
	if s := sent[1]; s.Type != "image" || s.Caption != "and a photo" || s.FileSize != int64(len(jpeg)) {
		t.Fatalf("image: %+v", s)
	}
	if sent[2].Type != "audio" || sent[2].Caption != "" || sent[3].Type != "text" || sent[3].Text != "a voice note" {
		t.Fatalf("audio: %+v %+v", sent[2], sent[3])
	}
	if n := len(e.fake.Uploaded()); n != 3 {
		t.Fatalf("%d uploads", n)
	}
}

func TestSendAttachmentRefusals(t *testing.T) {
	e := newEnv(t)
	e.fake.Receive(fan)
	as := sender(t, e.conn(t, nil))
	ctx := context.Background()
	// The connector refuses what WhatsApp does not take before any call.
	_, err := as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: fan},
		platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "a.gif", MimeType: "image/gif", Data: []byte("GIF89a")})
	wantKind(t, err, platforms.KindPermanent)
	_, err = as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: fan},
		platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "big.jpg", MimeType: "image/jpeg", Data: make([]byte, 5<<20+1)})
	wantKind(t, err, platforms.KindPermanent)
	// A failing upload (the fake's injected 500) is transient and sends nothing.
	e.fake.Faults.FailNext(1, 500)
	_, err = as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: fan},
		platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "a.pdf", MimeType: "application/pdf", Data: []byte("%PDF")})
	wantKind(t, err, platforms.KindTransient)
	// After the 24-hour window media is refused like text.
	e.fake.Clock.Advance(25 * time.Hour)
	_, err = as.SendAttachment(ctx, platforms.OutgoingMessage{ThreadExternalID: fan},
		platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "a.pdf", MimeType: "application/pdf", Data: []byte("%PDF")})
	wantKind(t, err, platforms.KindWindowClosed)
	if n := len(e.fake.Sent()); n != 0 {
		t.Fatalf("refused files were sent: %d", n)
	}
}
