package store

import (
	"context"
	"strings"
	"testing"

	"creatordesk/backend/platforms"
)

// TestOutgoingWithFilesIsOneRecord: a queued reply and its files are stored
// together, listed on the message for the thread and readable for a retry;
// when the message cannot be stored, no file row is left behind.
func TestOutgoingWithFilesIsOneRecord(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	res, err := s.IngestPage(ctx, a.ID, []platforms.Message{msg("9", "9:1", "hi", 0)}, "1")
	if err != nil {
		t.Fatal(err)
	}
	files := []OutgoingAttachment{
		{SHA256: strings.Repeat("a", 64), Name: "mug.jpg", MimeType: "image/jpeg", Kind: "image", Size: 2048},
		{SHA256: strings.Repeat("b", 64), Name: "care.pdf", MimeType: "application/pdf", Kind: "document", Size: 9000},
	}
	m, err := s.InsertOutgoingWithFiles(ctx, res.ConversationIDs[0], "Dana", "Here you go", files)
	if err != nil || m.State != StateQueued || !strings.Contains(m.Attachments, "mug.jpg") {
		t.Fatalf("insert: %+v %v", m, err)
	}
	got, err := s.OutgoingAttachments(ctx, m.ID)
	if err != nil || len(got) != 2 || got[0].Name != "mug.jpg" || got[1].Position != 1 || got[1].Size != 9000 || got[0].ID == 0 {
		t.Fatalf("files: %+v %v", got, err)
	}
	if stored, _ := s.MessageByID(ctx, m.ID); stored.Attachments != m.Attachments {
		t.Fatalf("attachments list %q, returned %q", stored.Attachments, m.Attachments)
	}

	if _, err := s.InsertOutgoingWithFiles(ctx, 424242, "x", "y", files); err == nil {
		t.Fatal("a reply into a missing conversation was stored")
	}
	var rows int64
	if err := s.R.Raw(`SELECT COUNT(*) FROM outgoing_attachments`).Scan(&rows).Error; err != nil || rows != 2 {
		t.Fatalf("file rows %d, want the first reply's 2 (%v)", rows, err)
	}
}
