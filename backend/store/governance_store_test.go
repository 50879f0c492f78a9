package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// editDB opens the database file with a separate connection, as someone
// tampering with the file would.
func editDB(t *testing.T, s *Store, stmt string, args ...any) {
	t.Helper()
	if s.IsPostgres() {
		if _, err := s.writer().Exec(stmt, args...); err != nil {
			t.Fatal(err)
		}
		return
	}
	db, err := sql.Open("sqlite3", "file:"+s.Path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt, args...); err != nil {
		t.Fatal(err)
	}
}

// auditRows appends n entries.
func auditRows(t *testing.T, s *Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if _, err := s.AppendAudit(context.Background(), AuditEvent{Actor: "me", Action: "tag.added", TargetType: "conversation",
			TargetID: string(rune('1' + i)), Reason: "r"}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestVerifyAuditDetectsChangedDeletedAndTruncatedRows(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, stmt string
		wantID     int64
		problem    string
	}{
		{"changed", `UPDATE audit_events SET reason = 'edited' WHERE id = 3`, 3, "changed"},
		{"deleted", `DELETE FROM audit_events WHERE id = 2`, 3, "deleted"},
		{"truncated", `DELETE FROM audit_events WHERE id = 5`, 5, "truncated"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			auditRows(t, s, 5)
			n, brk, err := s.VerifyAudit(ctx)
			if err != nil || brk != nil || n != 5 {
				t.Fatalf("intact chain: n=%d brk=%v err=%v", n, brk, err)
			}
			editDB(t, s, tc.stmt)
			_, brk, err = s.VerifyAudit(ctx)
			if err != nil || brk == nil || brk.EntryID != tc.wantID || brk.Problem != tc.problem {
				t.Fatalf("got %+v, %v; want #%d %s", brk, err, tc.wantID, tc.problem)
			}
		})
	}
}

func TestSearchAuditFilters(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, e := range []AuditEvent{
		{Actor: "automation:1", Action: "tag.added", TargetType: "conversation", TargetID: "7", Reason: "rule matched"},
		{Actor: "automation:2", Action: "reply.sent", TargetType: "message", TargetID: "9"},
		{Actor: "ana", Action: "reply.sent", TargetType: "message", TargetID: "10", AfterJSON: `{"x":"100%"}`},
	} {
		if _, err := s.AppendAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.SearchAudit(ctx, AuditFilter{Actor: "automation:*"}, 10)
	if len(got) != 2 {
		t.Fatalf("prefix actor: %d", len(got))
	}
	got, _ = s.SearchAudit(ctx, AuditFilter{Action: "reply.sent", Actor: "ana"}, 10)
	if len(got) != 1 || got[0].TargetID != "10" {
		t.Fatalf("action+actor: %+v", got)
	}
	got, _ = s.SearchAudit(ctx, AuditFilter{Text: "100%"}, 10)
	if len(got) != 1 {
		t.Fatalf("text with a wildcard: %d", len(got))
	}
	got, _ = s.SearchAudit(ctx, AuditFilter{Text: "matched"}, 10)
	if len(got) != 1 || got[0].Actor != "automation:1" {
		t.Fatalf("reason text: %+v", got)
	}
}

// seedTwoContacts stores two DM threads from two people and returns their conversations.
func seedTwoContacts(t *testing.T, s *Store) (ana, bob Conversation) {
	t.Helper()
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "shop")
	m1 := msg("ana", "1", "pomegranate glaze question", -60*24*400)
	m2 := msg("ana", "2", "second note about pomegranate", -60*24*399)
	m3 := msg("bob", "3", "blueberry teapot please", -60*24*200)
	m3.Author.ExternalID, m3.Author.DisplayName = "user-bob", "Bob"
	if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{m1, m2, m3}, "c1"); err != nil {
		t.Fatal(err)
	}
	rows, _, err := s.Conversations(ctx, ConversationFilter{}, ConversationCursor{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		c, _ := s.ConversationByID(ctx, r.ID)
		switch c.ExternalID {
		case "ana":
			ana = c
		case "bob":
			bob = c
		}
	}
	if ana.ContactID == nil || bob.ContactID == nil {
		t.Fatal("contacts not linked")
	}
	return ana, bob
}

func TestRetentionKeepsLongestPolicyAndHonoursLegalHold(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ana, bob := seedTwoContacts(t, s) // ana: last message ~399 days ago; bob: ~200 days ago
	if _, err := s.RuleTagConversation(ctx, bob.ID, "sales"); err != nil {
		t.Fatal(err)
	}
	// The seeded policies are off: nothing is purged.
	if c, _ := s.PurgeCandidates(ctx, fixedNow.UnixMilli(), 0); len(c) != 0 {
		t.Fatalf("disabled policies purged %+v", c)
	}
	pols, _ := s.RetentionPolicies(ctx)
	for i := range pols {
		pols[i].Enabled = true // order (tag sales) 365 days, general 183 days
		if err := s.SaveRetentionPolicy(ctx, &pols[i]); err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.PurgeCandidates(ctx, fixedNow.UnixMilli(), 0)
	if err != nil {
		t.Fatal(err)
	}
	// ana's chat is past 183 days; bob's order chat is 200 days old, kept for 365.
	if len(c) != 1 || c[0].ConversationID != ana.ID || c[0].KeepDays != 183 {
		t.Fatalf("candidates %+v", c)
	}
	hold := LegalHold{TargetType: "contact", TargetID: *ana.ContactID, Reason: "dispute"}
	if err := s.AddLegalHold(ctx, &hold); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.PurgeCandidates(ctx, fixedNow.UnixMilli(), 0); len(c) != 0 {
		t.Fatalf("held contact purged: %+v", c)
	}
	if err := s.ReleaseLegalHold(ctx, hold.ID); err != nil {
		t.Fatal(err)
	}
	// A year later, bob's order chat is due as well.
	later := fixedNow.Add(200 * 24 * time.Hour).UnixMilli()
	c, _ = s.PurgeCandidates(ctx, later, 0)
	if len(c) != 2 {
		t.Fatalf("a year later: %+v", c)
	}
	n, err := s.PurgeConversations(ctx, []int64{ana.ID})
	if err != nil || n != 2 {
		t.Fatalf("purge: %d %v", n, err)
	}
	if hits, _ := s.Search(ctx, "pomegranate", 10); len(hits) != 0 {
		t.Fatalf("purged messages still in the index: %+v", hits)
	}
	if hits, _ := s.Search(ctx, "blueberry", 10); len(hits) != 1 {
		t.Fatalf("other conversation lost: %+v", hits)
	}
}

func TestContactExportHoldsOnlyThatContact(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ana, bob := seedTwoContacts(t, s)
	if _, err := s.RecordOptOut(ctx, OptOutEntry{ContactID: ana.ContactID, Scope: ScopeAutomated, OptedOut: true, Keyword: "stop"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordConsent(ctx, ConsentRecord{ContactID: *bob.ContactID, Purpose: "marketing", Granted: true}); err != nil {
		t.Fatal(err)
	}
	d, err := s.ContactExport(ctx, *ana.ContactID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tables["messages"]) != 2 || len(d.Tables["conversations"]) != 1 || len(d.Tables["optouts"]) != 1 || len(d.Tables["consents"]) != 0 {
		t.Fatalf("tables: msgs %d convs %d optouts %d consents %d", len(d.Tables["messages"]), len(d.Tables["conversations"]),
			len(d.Tables["optouts"]), len(d.Tables["consents"]))
	}
	for _, table := range d.Tables {
		for _, row := range table {
			for _, v := range row {
				if strings.Contains(v, "blueberry") || strings.Contains(v, "Bob") {
					t.Fatalf("another contact's data in the export: %v", row)
				}
			}
		}
	}
}

func TestEraseContactLeavesNoTraceInSearch(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ana, bob := seedTwoContacts(t, s)
	if hits, _ := s.Search(ctx, "pomegranate", 10); len(hits) != 2 {
		t.Fatalf("before: %d", len(hits))
	}
	hold := LegalHold{TargetType: "contact", TargetID: *ana.ContactID}
	_ = s.AddLegalHold(ctx, &hold)
	if _, err := s.EraseContact(ctx, *ana.ContactID); err != ErrOnLegalHold {
		t.Fatalf("erase under hold: %v", err)
	}
	_ = s.ReleaseLegalHold(ctx, hold.ID)
	res, err := s.EraseContact(ctx, *ana.ContactID)
	if err != nil || res.Messages != 2 || res.Conversations != 1 {
		t.Fatalf("erase: %+v %v", res, err)
	}
	for _, q := range []string{"pomegranate", "glaze", "second note"} {
		if hits, _ := s.Search(ctx, q, 10); len(hits) != 0 {
			t.Fatalf("%q still found: %+v", q, hits)
		}
	}
	var n int
	_ = s.writer().QueryRow(`SELECT COUNT(*) FROM message_search WHERE message_search MATCH '"pomegranate"'`).Scan(&n)
	if n != 0 {
		t.Fatalf("index rows left: %d", n)
	}
	if _, err := s.ContactExport(ctx, *ana.ContactID); err != ErrNotFound {
		t.Fatalf("contact still there: %v", err)
	}
	if hits, _ := s.Search(ctx, "blueberry", 10); len(hits) != 1 || hits[0].ConversationID != bob.ID {
		t.Fatalf("bob affected: %+v", hits)
	}
}

func TestOptOutConsentAndCountersLatestWins(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ana, _ := seedTwoContacts(t, s)
	cid := *ana.ContactID
	if out, _, _ := s.OptedOut(ctx, cid, ScopeAutomated); out {
		t.Fatal("opted out with an empty ledger")
	}
	_, _ = s.RecordOptOut(ctx, OptOutEntry{ContactID: &cid, Scope: ScopeAutomated, OptedOut: true})
	if out, _, _ := s.OptedOut(ctx, cid, ScopeAutomated); !out {
		t.Fatal("STOP not recorded")
	}
	_, _ = s.RecordOptOut(ctx, OptOutEntry{ContactID: &cid, Scope: ScopeAutomated, OptedOut: false})
	if out, _, _ := s.OptedOut(ctx, cid, ScopeAutomated); out {
		t.Fatal("START not recorded")
	}
	_, _ = s.RecordConsent(ctx, ConsentRecord{ContactID: cid, Purpose: "marketing", Granted: true})
	if ok, _ := s.HasConsent(ctx, cid, "marketing"); !ok {
		t.Fatal("consent")
	}
	_, _ = s.RecordConsent(ctx, ConsentRecord{ContactID: cid, Purpose: "marketing", Granted: false})
	if ok, _ := s.HasConsent(ctx, cid, "marketing"); ok {
		t.Fatal("withdrawal")
	}
	for i := 1; i <= 3; i++ {
		if n, err := s.BumpCounter(ctx, "contact:1", 1000); err != nil || n != i {
			t.Fatalf("bump %d: %d %v", i, n, err)
		}
	}
	if n, _ := s.Counter(ctx, "contact:1", 2000); n != 0 {
		t.Fatalf("other window: %d", n)
	}
}

func TestSaveClassificationSetsConversationIntent(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ana, _ := seedTwoContacts(t, s)
	msgs, _ := s.Messages(ctx, ana.ID, 10)
	// The older message's verdict must not override the newer one's.
	_ = s.SaveClassification(ctx, MessageClassification{MessageID: msgs[1].ID, ConversationID: ana.ID, Intent: "sales", Sentiment: "neutral"})
	_ = s.SaveClassification(ctx, MessageClassification{MessageID: msgs[0].ID, ConversationID: ana.ID, Intent: "support", Sentiment: "negative"})
	in, se, err := s.ConversationIntent(ctx, ana.ID)
	if err != nil || in != "sales" || se != "neutral" {
		t.Fatalf("got %s/%s %v", in, se, err)
	}
}

func TestModerationFalsePositiveRateCountsOverturnedReviewsAndAppeals(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for i, verdict := range []string{VerdictRight, VerdictWrong, VerdictRight, ""} {
		it, err := s.AddReviewItem(ctx, ReviewItem{Kind: ReviewModeration, TargetType: "message", TargetID: string(rune('1' + i))})
		if err != nil {
			t.Fatal(err)
		}
		if verdict != "" {
			_ = s.SetReviewVerdict(ctx, it.ID, verdict, "dana")
		}
	}
	_, _ = s.AddReviewItem(ctx, ReviewItem{Kind: ReviewReply, TargetType: "message", TargetID: "9"})
	a := Appeal{TargetType: "message", TargetID: "1", Reason: "my comment was fine", DueAt: fixedNow.Add(72 * time.Hour).UnixMilli()}
	if err := s.CreateAppeal(ctx, &a); err != nil {
		t.Fatal(err)
	}
	_ = s.UpdateAppeal(ctx, a.ID, AppealOverturned, "restored")
	q, err := s.ModerationFalsePositiveRate(ctx, fixedNow.Add(-time.Hour), fixedNow.Add(time.Hour))
	if err != nil || q.Reviewed != 4 || q.Overturned != 2 || q.FalsePositiveRate != 0.5 {
		t.Fatalf("got %+v %v", q, err)
	}
	if q, _ := s.ModerationFalsePositiveRate(ctx, fixedNow.Add(time.Hour), fixedNow.Add(2*time.Hour)); q.Reviewed != 0 || q.FalsePositiveRate != 0 {
		t.Fatalf("empty period: %+v", q)
	}
	open, _ := s.Appeals(ctx, true, 10)
	if len(open) != 0 {
		t.Fatalf("resolved appeal still open: %+v", open)
	}
}
