package store

import (
	"cmp"
	"context"
	"database/sql"
	"reflect"
	"slices"
	"testing"
)

// compareKpiReads checks the KPI reads that come straight from the driver
// (kpiRows) against the same rows read through database/sql's Scan, on
// SQLite and, under scripts/with-postgres.sh, PostgreSQL.
func compareKpiReads(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	// Exchanges: every stored one, with the columns the dashboard reads.
	got, err := s.KpiExchangesSince(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.KpiExchangesOf(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []KpiExchange
	for _, e := range all {
		want = append(want, KpiExchange{ConversationID: e.ConversationID, FirstInAt: e.FirstInAt, LastInAt: e.LastInAt,
			ReplyAt: e.ReplyAt, ResolvedAt: e.ResolvedAt})
	}
	byConv := func(a, b KpiExchange) int {
		return cmp.Or(cmp.Compare(a.ConversationID, b.ConversationID), cmp.Compare(a.FirstInAt, b.FirstInAt))
	}
	slices.SortFunc(got, byConv)
	if len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("KpiExchangesSince:\n got %+v\nwant %+v", got, want)
	}
	// Conversations, with and without titles.
	var wantConvs []KpiConversation
	err = s.kpiQuery(ctx, `SELECT c.id, c.account_id, a.name, a.platform, c.kind, c.intent, c.title, COALESCE(m.name, '')
		FROM conversations c JOIN accounts a ON a.id = c.account_id LEFT JOIN team_members m ON CAST(m.id AS TEXT) = c.assignee
		ORDER BY c.id`, nil, func(r *sql.Rows) error {
		var c KpiConversation
		err := r.Scan(&c.ID, &c.AccountID, &c.AccountName, &c.Platform, &c.Kind, &c.Intent, &c.Title, &c.Member)
		wantConvs = append(wantConvs, c)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, titles := range []bool{true, false} {
		convs, err := s.KpiConversations(ctx, 0, titles)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(convs, func(a, b KpiConversation) int { return cmp.Compare(a.ID, b.ID) })
		want := slices.Clone(wantConvs)
		for i := range want {
			if !titles {
				want[i].Title = ""
			}
		}
		if len(want) == 0 || !reflect.DeepEqual(convs, want) {
			t.Errorf("KpiConversations(titles %v):\n got %+v\nwant %+v", titles, convs, want)
		}
	}
	// Comment signals.
	comments, err := s.KpiCommentMessages(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var wantComments []KpiInbound
	err = s.kpiQuery(ctx, `SELECT k.conversation_id, k.sent_at, k.question, k.substantial, COALESCE(mc.intent, ''),
			COALESCE(mc.kind, ''), COALESCE(mc.sentiment, ''), COALESCE(mc.confidence, 0)
		FROM kpi_comment_marks k LEFT JOIN message_classifications mc ON mc.message_id = k.message_id
		WHERE COALESCE(mc.intent, '') NOT IN ('spam', 'danger')
		AND (k.question = 1 OR k.substantial = 1 OR mc.intent IN ('sales', 'support') OR mc.kind = 'collaboration')`, nil, func(r *sql.Rows) error {
		var m KpiInbound
		err := r.Scan(&m.ConversationID, &m.SentAt, &m.Question, &m.Substantial, &m.Intent, &m.Kind, &m.Sentiment, &m.Confidence)
		wantComments = append(wantComments, m)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	bySent := func(a, b KpiInbound) int {
		return cmp.Or(cmp.Compare(a.ConversationID, b.ConversationID), cmp.Compare(a.SentAt, b.SentAt))
	}
	slices.SortStableFunc(comments, bySent)
	slices.SortStableFunc(wantComments, bySent)
	if len(wantComments) == 0 || len(comments) != len(wantComments) {
		t.Fatalf("KpiCommentMessages: %d rows, want %d (none would test nothing)", len(comments), len(wantComments))
	}
	for i := range comments {
		if comments[i].ConversationID != wantComments[i].ConversationID || comments[i].SentAt != wantComments[i].SentAt {
			t.Fatalf("KpiCommentMessages row %d: got %+v want %+v", i, comments[i], wantComments[i])
		}
	}
	count := func(rows []KpiInbound) map[KpiInbound]int {
		out := map[KpiInbound]int{}
		for _, r := range rows {
			out[r]++
		}
		return out
	}
	if a, b := count(comments), count(wantComments); !reflect.DeepEqual(a, b) {
		t.Errorf("KpiCommentMessages:\n got %v\nwant %v", a, b)
	}
}
