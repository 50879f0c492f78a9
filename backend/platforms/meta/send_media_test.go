package meta_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/meta/metafake"
)

var gif = append([]byte("GIF89a"), bytes.Repeat([]byte{3}, 50)...)

func files(t *testing.T, c platforms.Connector) platforms.AttachmentSender {
	t.Helper()
	as, ok := c.(platforms.AttachmentSender)
	if !ok || !platforms.Has(c.Capabilities(), platforms.CapSendAttachment) {
		t.Fatalf("%s does not send files", c.Platform())
	}
	return as
}

func TestMessengerUploadsTheFileWithTheMessage(t *testing.T) {
	e := newEnv(t)
	conv := e.fake.AddConversation(metafake.Messenger, customer(4))
	e.fake.AddMessage(conv, "send me the size guide?", t0.Add(-time.Hour), false)
	sent, err := files(t, e.fb(t, nil)).SendAttachment(context.Background(),
		platforms.OutgoingMessage{ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM, Text: "Here you go"},
		platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "size-guide.pdf", MimeType: "application/pdf", Data: []byte("%PDF-1.7 guide")})
	if err != nil {
		t.Fatal(err)
	}
	got := e.fake.Sent()
	if len(got) != 2 || got[0].File == nil || got[0].File.Type != "file" || got[0].File.Name != "size-guide.pdf" || got[0].File.Size != 14 ||
		got[0].ID != sent.ExternalID || got[1].Text != "Here you go" || got[1].File != nil {
		t.Fatalf("fake saw %+v", got)
	}
}

func TestInstagramUploadsFirstThenSendsByAttachmentID(t *testing.T) {
	e := newEnv(t)
	conv := e.fake.AddConversation(metafake.Instagram, customer(5))
	e.fake.AddMessage(conv, "which colour?", t0.Add(-time.Hour), false)
	_, err := files(t, e.ig(t, nil)).SendAttachment(context.Background(),
		platforms.OutgoingMessage{ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM},
		platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "colours.gif", MimeType: "image/gif", Data: gif})
	if err != nil {
		t.Fatal(err)
	}
	got := e.fake.Sent()
	if len(got) != 1 || got[0].File == nil || got[0].File.Type != "image" || got[0].File.MimeType != "image/gif" || got[0].Text != "" {
		t.Fatalf("fake saw %+v", got)
	}
}

func TestAttachmentRefusalsAndWindow(t *testing.T) {
	e := newEnv(t)
	conv := e.fake.AddConversation(metafake.Instagram, customer(6))
	e.fake.AddMessage(conv, "hi", t0.Add(-time.Hour), false)
	as := files(t, e.ig(t, nil))
	ctx := context.Background()
	msg := platforms.OutgoingMessage{ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM}
	// Instagram takes no Word files; refused before any call.
	_, err := as.SendAttachment(ctx, msg, platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "a.docx",
		MimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Data: []byte("PK")})
	wantKind(t, err, platforms.KindPermanent)
	_, err = as.SendAttachment(ctx, msg, platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "big.png", MimeType: "image/png", Data: make([]byte, 8<<20+1)})
	wantKind(t, err, platforms.KindPermanent)
	// A failure on the upload is transient and nothing is sent.
	e.fake.Faults.FailNext(1, 500)
	_, err = as.SendAttachment(ctx, msg, platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "a.gif", MimeType: "image/gif", Data: gif})
	wantKind(t, err, platforms.KindTransient)
	// Past the window, files are refused like text.
	e.fake.Clock.Advance(25 * time.Hour)
	_, err = as.SendAttachment(ctx, msg, platforms.OutgoingAttachment{Kind: platforms.AttachImage, Name: "a.gif", MimeType: "image/gif", Data: gif})
	wantKind(t, err, platforms.KindWindowClosed)
	if n := len(e.fake.Sent()); n != 0 {
		t.Fatalf("the fake recorded %d sends", n)
	}
	if as.AttachmentRules(platforms.ThreadComment) != nil {
		t.Fatal("comments take no files")
	}
}

func TestMessengerFileWithHumanAgentPastTheWindow(t *testing.T) {
	e := newEnv(t)
	e.fake.HumanAgent = true
	conv := e.fake.AddConversation(metafake.Messenger, customer(7))
	e.fake.AddMessage(conv, "the receipt please", t0.Add(-3*24*time.Hour), false)
	_, err := files(t, e.fb(t, map[string]string{meta.ExtraHumanAgent: "true"})).SendAttachment(context.Background(),
		platforms.OutgoingMessage{ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM},
		platforms.OutgoingAttachment{Kind: platforms.AttachDocument, Name: "receipt.pdf", MimeType: "application/pdf", Data: []byte("%PDF")})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.fake.Sent(); len(got) != 1 || got[0].Tag != "HUMAN_AGENT" || got[0].File == nil {
		t.Fatalf("fake saw %+v", got)
	}
}
