package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"creatordesk/backend/platforms"
)

// listFixture is a workspace with two YouTube accounts and one Instagram
// account, some conversations holding a hidden comment, some with an SLA timer.
type listFixture struct {
	s *Store
	// accounts by platform.
	youtube   []Account
	instagram Account
	// hidden and sla are the expected triage columns by conversation id.
	hidden map[int64]bool
	sla    map[int64]SLATimer
}

// newListFixture ingests 3 accounts x 9 comment threads whose times interleave
// across accounts (with ties), hides a comment in every third thread and gives
// every second thread an SLA timer (ok, warning or breached).
func newListFixture(t *testing.T) *listFixture {
	t.Helper()
	s := openTest(t)
	ctx := context.Background()
	f := &listFixture{s: s, hidden: map[int64]bool{}, sla: map[int64]SLATimer{}}
	f.youtube = []Account{addAccount(t, s, "youtube", "yt-1"), addAccount(t, s, "youtube", "yt-2")}
	f.instagram = addAccount(t, s, "instagram", "ig")
	yes := true
	hiddenThreads := map[string]bool{}
	for i, a := range []Account{f.youtube[0], f.youtube[1], f.instagram} {
		var page []platforms.Message
		for j := range 9 {
			th := fmt.Sprintf("a%d-v%d", i, j)
			m := msg(th, th+":1", "nice video", (j*5+i*3)%17)
			m.ThreadKind = platforms.ThreadComment
			if (i+j)%3 == 0 {
				m.Hidden = &yes
				hiddenThreads[th] = true
			}
			page = append(page, m)
		}
		if _, err := s.IngestPage(ctx, a.ID, page, "c"); err != nil {
			t.Fatal(err)
		}
	}
	all := f.allRows(t)
	var timers []SLATimer
	states := []string{"ok", "warning", "breached"}
	for i, r := range all {
		f.hidden[r.ID] = hiddenThreads[r.ExternalID]
		if i%2 == 0 {
			tm := SLATimer{ConversationID: r.ID, PolicyID: 1, State: states[i%3], StartedAt: 1000, DueAt: 5000 + int64(i)}
			timers = append(timers, tm)
			f.sla[r.ID] = tm
		}
	}
	if err := s.SaveSLATimers(ctx, timers); err != nil {
		t.Fatal(err)
	}
	return f
}

// allRows pages through the unfiltered inbox.
func (f *listFixture) allRows(t *testing.T) []ConversationRow {
	t.Helper()
	return pageAll(t, f.s, ConversationFilter{}, 7)
}

// pageAll reads every page of a filtered list, size rows at a time. An empty
// page must be an empty list, not nil (the app sends [] to the frontend).
func pageAll(t *testing.T, s *Store, flt ConversationFilter, size int) []ConversationRow {
	t.Helper()
	var out []ConversationRow
	var cur ConversationCursor
	for range 1000 {
		rows, next, err := s.ConversationRows(context.Background(), flt, cur, size)
		if err != nil || rows == nil {
			t.Fatalf("%+v: %v (nil list: %v)", flt, err, rows == nil)
		}
		out = append(out, rows...)
		if cur = next; cur.ID == 0 {
			return out
		}
	}
	t.Fatalf("%+v: paging does not end", flt)
	return nil
}

// check compares the triage columns of rows with what the fixture set.
func (f *listFixture) check(t *testing.T, what string, rows []ConversationRow) {
	t.Helper()
	for _, r := range rows {
		tm, timed := f.sla[r.ID]
		if r.HasHidden != f.hidden[r.ID] {
			t.Errorf("%s: conversation %d hidden %v, want %v", what, r.ID, r.HasHidden, f.hidden[r.ID])
		}
		if timed && (r.SLAState != tm.State || r.SLADueAt != tm.DueAt) || !timed && (r.SLAState != "" || r.SLADueAt != 0) {
			t.Errorf("%s: conversation %d SLA %q/%d, want %+v (timer %v)", what, r.ID, r.SLAState, r.SLADueAt, tm, timed)
		}
		if r.ContactID == nil || r.Platform == "" || r.Title == "" || r.MessageCount != 1 || r.TagIDs == nil {
			t.Errorf("%s: conversation %d incomplete: %+v", what, r.ID, r)
		}
	}
}

// keep returns the rows of all that pass.
func keep(all []ConversationRow, pass func(ConversationRow) bool) []int64 {
	out := []int64{}
	for _, r := range all {
		if pass(r) {
			out = append(out, r.ID)
		}
	}
	return out
}

// TestListRowsCarryHiddenAndSLAOnEveryPath: whichever way a list is read (the
// whole inbox, a platform of one account, a platform of several accounts
// merged, an account, an SLA state within a platform, by ids), its rows carry
// the right hidden-comment flag and SLA state, and the platform views hold
// exactly the platform's rows of the whole inbox in the same order.
func TestListRowsCarryHiddenAndSLAOnEveryPath(t *testing.T) {
	f := newListFixture(t)
	all := f.allRows(t)
	if len(all) != 27 {
		t.Fatalf("%d conversations", len(all))
	}
	f.check(t, "inbox", all)
	ids := func(rows []ConversationRow) []int64 {
		out := make([]int64, len(rows))
		for i, r := range rows {
			out[i] = r.ID
		}
		return out
	}
	slaState := func(r ConversationRow) string { return f.sla[r.ID].State }
	cases := []struct {
		name string
		flt  ConversationFilter
		pass func(ConversationRow) bool
	}{
		{"youtube (two accounts)", ConversationFilter{Platform: "youtube"}, func(r ConversationRow) bool { return r.Platform == "youtube" }},
		{"instagram (one account)", ConversationFilter{Platform: "instagram"}, func(r ConversationRow) bool { return r.Platform == "instagram" }},
		{"one youtube account", ConversationFilter{AccountID: f.youtube[1].ID}, func(r ConversationRow) bool { return r.AccountID == f.youtube[1].ID }},
		{"youtube breached", ConversationFilter{Platform: "youtube", SLAState: "breached"},
			func(r ConversationRow) bool { return r.Platform == "youtube" && slaState(r) == "breached" }},
		{"youtube without a timer", ConversationFilter{Platform: "youtube", SLAState: "none"},
			func(r ConversationRow) bool { return r.Platform == "youtube" && slaState(r) == "" }},
		{"youtube, one account named too", ConversationFilter{Platform: "youtube", AccountID: f.youtube[0].ID},
			func(r ConversationRow) bool { return r.AccountID == f.youtube[0].ID }},
		{"platform without accounts", ConversationFilter{Platform: "tiktok"}, func(ConversationRow) bool { return false }},
	}
	for _, c := range cases {
		want := keep(all, c.pass)
		for _, size := range []int{2, 5, 50} {
			got := pageAll(t, f.s, c.flt, size)
			f.check(t, c.name, got)
			if !reflect.DeepEqual(ids(got), want) {
				t.Errorf("%s, pages of %d: %v\nwant %v", c.name, size, ids(got), want)
			}
		}
	}
	if n := len(keep(all, func(r ConversationRow) bool { return r.Platform == "youtube" && slaState(r) == "breached" })); n < 2 {
		t.Fatalf("the fixture has %d breached YouTube conversations; the merge is not exercised", n)
	}
	byIDs, err := f.s.ConversationRowsByIDs(context.Background(), append(ids(all), 99999)) // a missing id is left out
	if err != nil || len(byIDs) != len(all) {
		t.Fatalf("by ids: %d rows (%v)", len(byIDs), err)
	}
	f.check(t, "by ids", byIDs)
}

// TestListScanMatchesColumnNames: the list rows scanned by position
// (queryConversationRows) equal the rows GORM scans by column name from the
// same query, so the column table and the fields stay in step.
func TestListScanMatchesColumnNames(t *testing.T) {
	f := newListFixture(t)
	ctx := context.Background()
	for _, flt := range []ConversationFilter{{}, {Platform: "youtube"}, {Platform: "instagram", UnreadOnly: true}} {
		ids, err := f.s.platformAccountIDs(ctx, flt.Platform)
		if err != nil {
			t.Fatal(err)
		}
		q, args := conversationListSQL(flt, ConversationCursor{})
		if flt.Platform != "" {
			q, args = platformListSQL(flt, ids, ConversationCursor{})
		}
		args = append(args, 100)
		var byName []ConversationRow
		if err := f.s.R.WithContext(ctx).Raw(q, args...).Scan(&byName).Error; err != nil {
			t.Fatal(err)
		}
		byPosition, err := f.s.queryConversationRows(ctx, q, args...)
		if err != nil {
			t.Fatal(err)
		}
		if len(byName) == 0 || !reflect.DeepEqual(byName, byPosition) {
			t.Fatalf("%+v: by position %+v\nby name %+v", flt, byPosition, byName)
		}
	}
}

// TestPlatformWithManyAccountsIsListedWhole: past maxMergedAccounts a platform
// is listed by one IN query; it holds every conversation of the platform, in order.
func TestPlatformWithManyAccountsIsListedWhole(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	other := addAccount(t, s, "telegram", "tg")
	if _, err := s.IngestPage(ctx, other.ID, []platforms.Message{msg("t", "t:1", "hi", 3)}, "c"); err != nil {
		t.Fatal(err)
	}
	n := maxMergedAccounts + 2
	for i := range n {
		a := addAccount(t, s, "mastodon", fmt.Sprintf("m%d", i))
		th := fmt.Sprintf("m%d", i)
		if _, err := s.IngestPage(ctx, a.ID, []platforms.Message{msg(th, th+":1", "hello", i%7)}, "c"); err != nil {
			t.Fatal(err)
		}
	}
	ids, err := s.platformAccountIDs(ctx, "mastodon")
	if err != nil || len(ids) != n {
		t.Fatalf("%d accounts (%v)", len(ids), err)
	}
	q, _ := platformListSQL(ConversationFilter{Platform: "mastodon"}, ids, ConversationCursor{})
	if strings.Contains(q, "UNION ALL") {
		t.Fatalf("%d accounts merged in one statement", n)
	}
	all := pageAll(t, s, ConversationFilter{}, 30)
	want := keep(all, func(r ConversationRow) bool { return r.Platform == "mastodon" })
	got := keep(pageAll(t, s, ConversationFilter{Platform: "mastodon"}, 30), func(ConversationRow) bool { return true })
	if len(want) != n || !reflect.DeepEqual(got, want) {
		t.Fatalf("mastodon list %v\nwant %v", got, want)
	}
}

// TestPlatformListWalksAccountIndexes: a platform's list never sorts its
// conversations (no temporary B-tree) nor scans the table: one account walks
// its own index, several are merged in order (SQLite's plan).
func TestPlatformListWalksAccountIndexes(t *testing.T) {
	s := openTest(t)
	if s.IsPostgres() {
		t.Skip("reads SQLite's EXPLAIN QUERY PLAN")
	}
	filters := []ConversationFilter{{}, {UnreadOnly: true}, {Status: StatusOpen}, {SLAState: "breached"}, {Kind: "comment", UnreadOnly: true}}
	for _, ids := range [][]int64{{1}, {1, 2}, {1, 2, 3}} {
		for _, flt := range filters {
			flt.Platform = "youtube"
			for _, after := range []ConversationCursor{{}, {LastMessageAt: 5, ID: 5}} {
				q, args := platformListSQL(flt, ids, after)
				plan := explain(t, s, q, append(args, 51)...)
				joined := strings.Join(plan, " | ")
				if strings.Contains(joined, "TEMP B-TREE") || strings.Contains(joined, "SCAN c") ||
					len(ids) > 1 && !strings.Contains(joined, "MERGE (UNION ALL)") {
					t.Errorf("%d accounts, %+v after %v: %s", len(ids), flt, after, joined)
				}
			}
		}
	}
}

// explain returns the details of SQLite's query plan for q.
func explain(t *testing.T, s *Store, q string, args ...any) []string {
	t.Helper()
	rows, err := s.reader().Query(`EXPLAIN QUERY PLAN `+q, args...)
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
	return plan
}
