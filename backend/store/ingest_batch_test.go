package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// A page can hold a message and its own later edit or deletion: the batched
// search index must end with the final text only.
func TestIngestEditWithinTheSamePage(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	first := msg("1", "m1", "do you ship the mug to Cluj?", 0)
	edited := msg("1", "m1", "do you ship the teapot to Cluj?", 0)
	at := fixedNow.Add(time.Minute)
	edited.EditedAt = &at
	gone := msg("1", "m2", "secret spoon question", 1)
	gone2 := gone
	gone2.Deleted = true
	res, err := s.IngestPage(ctx, a.ID, []platforms.Message{first, edited, gone, gone2}, "1")
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 2 || res.Updated != 2 {
		t.Fatalf("result %+v", res)
	}
	for query, want := range map[string]int{"mug": 0, "teapot": 1, "spoon": 0, "Cluj": 1} {
		hits, err := s.Search(ctx, query, 10)
		if err != nil || len(hits) != want {
			t.Errorf("search %q: %d hits (%v), want %d", query, len(hits), err, want)
		}
	}
	// The same page delivered again changes nothing and indexes nothing twice.
	if res, err := s.IngestPage(ctx, a.ID, []platforms.Message{first, edited, gone, gone2}, "1"); err != nil || res.Inserted != 0 {
		t.Fatalf("re-delivery: %+v %v", res, err)
	}
	if hits, _ := s.Search(ctx, "teapot", 10); len(hits) != 1 {
		t.Fatalf("re-delivery duplicated the index entry: %d hits", len(hits))
	}
}

// Threads and authors already stored are found by the page's batched lookup:
// a second page adds messages to the same conversation and contact.
func TestIngestReusesStoredThreadsAndAuthors(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{msg("1", "m1", "hello", 0)}, "1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{msg("1", "m2", "again", 1), msg("1", "m3", "and again", 2)}, "2"); err != nil {
		t.Fatal(err)
	}
	convs, contacts, idents := countRows(t, s, "conversations"), countRows(t, s, "contacts"), countRows(t, s, "contact_identities")
	if convs != 1 || contacts != 1 || idents != 1 {
		t.Fatalf("conversations %d, contacts %d, identities %d; want 1 each", convs, contacts, idents)
	}
	c, _, _ := s.Conversations(ctx, ConversationFilter{}, ConversationCursor{}, 10)
	if len(c) != 1 || c[0].MessageCount != 3 || c[0].UnreadCount != 3 {
		t.Fatalf("conversation %+v", c)
	}
}

// A customer writing again reopens a resolved, snoozed or pending (waiting on
// them) conversation: their message is what the team now owes an answer to.
func TestNewInboundMessageReopensResolvedAndSnoozed(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	for i, status := range []string{StatusResolved, StatusSnoozed, StatusPending} {
		th := string(rune('a' + i))
		if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{msg(th, th+"1", "hi", 0)}, ""); err != nil {
			t.Fatal(err)
		}
		c, _, _ := s.Conversations(ctx, ConversationFilter{}, ConversationCursor{}, 10)
		var id int64
		for _, cv := range c {
			if cv.ExternalID == th {
				id = cv.ID
			}
		}
		if err := s.W.Exec(`UPDATE conversations SET status = ? WHERE id = ?`, status, id).Error; err != nil {
			t.Fatal(err)
		}
		if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{msg(th, th+"2", "one more thing", 1)}, ""); err != nil {
			t.Fatal(err)
		}
		got, err := s.ConversationByID(ctx, id)
		if err != nil || got.Status != StatusOpen {
			t.Errorf("%s conversation is %q after a new message, want open (%v)", status, got.Status, err)
		}
	}
}

// The KPI scan of a period's messages is answered from the thread index alone.
func TestKpiMessageScanUsesTheCoveringIndex(t *testing.T) {
	s := openTest(t)
	rows, err := s.reader().Query(`EXPLAIN QUERY PLAN SELECT m.conversation_id, m.direction, m.sent_at, m.id, m.state
		FROM conversations c JOIN messages m ON m.conversation_id = c.id AND m.sent_at >= 1
		WHERE c.last_message_at >= 1 AND m.deleted = 0`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	found := false
	for _, d := range plan {
		if strings.Contains(d, "COVERING INDEX ix_messages_conversation") {
			found = true
		}
	}
	if !found {
		t.Fatalf("the messages side is not read from the covering index: %v", plan)
	}
}

// Every writer of the audit trail moves its head: a change recorded inside a
// store transaction (a tag) after one recorded by AppendAudit leaves a chain
// that verifies.
func TestAuditChainStaysWholeAcrossItsWriters(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.AppendAudit(ctx, AuditEvent{Actor: "dana", Action: "settings.changed"}); err != nil {
		t.Fatal(err)
	}
	tag := Tag{Name: "vip", Color: "#123456"}
	if err := s.SaveTag(ctx, "dana", &tag); err != nil {
		t.Fatal(err)
	}
	if _, brk, err := s.VerifyAudit(ctx); err != nil || brk != nil {
		t.Fatalf("verify after a tag change: %+v %v", brk, err)
	}
	e, err := s.AppendAudit(ctx, AuditEvent{Actor: "dana", Action: "reply.sent"})
	if err != nil || e.ID == 0 {
		t.Fatalf("append: %+v %v", e, err)
	}
	if n, brk, err := s.VerifyAudit(ctx); err != nil || brk != nil || n != 3 {
		t.Fatalf("verify: %d entries, %+v %v", n, brk, err)
	}
}
