package store

import (
	"context"
	"testing"

	"creatordesk/backend/platforms"
)

func TestIngestAppliesTheHiddenFlagAConnectorReports(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "youtube", "chan")
	yes, no := true, false
	c := msg("v1", "c1", "rude words", 0)
	c.ThreadKind, c.Hidden = platforms.ThreadComment, &yes
	plain := msg("v1", "c2", "lovely video", 1)
	plain.ThreadKind = platforms.ThreadComment
	if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{c, plain}, "1"); err != nil {
		t.Fatal(err)
	}
	rows, _, err := s.ConversationRows(ctx, ConversationFilter{}, ConversationCursor{}, 10)
	if err != nil || len(rows) != 1 || !rows[0].HasHidden {
		t.Fatalf("rows %+v %v", rows, err)
	}
	st, _ := s.ThreadModerationState(ctx, rows[0].ID)
	if len(st.Hidden) != 1 {
		t.Fatalf("hidden %+v", st.Hidden)
	}
	// Published again on the platform: a later sync reports it visible.
	c.Hidden = &no
	plain.Hidden = nil // not reported: left as it is
	if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{c, plain}, "2"); err != nil {
		t.Fatal(err)
	}
	rows, _, _ = s.ConversationRows(ctx, ConversationFilter{}, ConversationCursor{}, 10)
	if rows[0].HasHidden {
		t.Fatal("the comment is still hidden after the platform published it")
	}
}

func TestRecordModerationAppliesOnlySuccessfulActions(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "instagram", "ig")
	c := msg("p1", "c1", "spam spam", 0)
	c.ThreadKind = platforms.ThreadComment
	res, err := s.IngestPage(ctx, a.ID, []platforms.Message{c}, "1")
	if err != nil {
		t.Fatal(err)
	}
	id := res.MessageIDs[0]
	if _, err := s.RecordModeration(ctx, ModerationRecord{MessageID: id, Action: "delete", Actor: "Dana", Outcome: ModerationFailed, ErrorKind: "transient"}); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.MessageByID(ctx, id); m.Deleted {
		t.Fatal("a failed delete deleted the message")
	}
	if _, err := s.RecordModeration(ctx, ModerationRecord{MessageID: id, Action: "delete", Actor: "Dana"}); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.MessageByID(ctx, id); !m.Deleted {
		t.Fatal("a done delete left the message")
	}
	audit, _ := s.AuditEvents(ctx, "message", "", 5)
	if len(audit) != 2 || audit[0].Action != "moderation.delete" || audit[1].Action != "moderation.delete.failed" {
		t.Fatalf("audit %+v", audit)
	}
	if _, err := s.RecordModeration(ctx, ModerationRecord{MessageID: 999, Action: "hide"}); err != ErrNotFound {
		t.Fatalf("unknown message: %v", err)
	}
}
