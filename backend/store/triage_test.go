package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// triageFixture is a store on a movable clock with three conversations on two platforms.
type triageFixture struct {
	s     *Store
	now   *time.Time
	convs map[string]int64 // by thread external id
	tg    Account
	ma    Account
}

func newTriage(t *testing.T) *triageFixture {
	t.Helper()
	now := fixedNow
	s := openTestClock(t, func() time.Time { return now }) // SQLite, or PostgreSQL when the test run has one
	f := &triageFixture{s: s, now: &now, convs: map[string]int64{}}
	f.tg, f.ma = addAccount(t, s, "telegram", "1"), addAccount(t, s, "mastodon", "2")
	ctx := context.Background()
	ro := msg("ro", "ro:1", "Bună, comanda #4521 nu a ajuns încă. Mulțumesc!", 1)
	ro.Author = platforms.Person{ExternalID: "u-ro", DisplayName: "Ioana Ștefănescu", Handle: "ioana_s", Language: "ro"}
	zh := msg("zh", "zh:1", "你好，我想问一下这个产品有没有货", 2)
	zh.Author = platforms.Person{ExternalID: "u-zh", DisplayName: "王小明", Handle: "xiaoming"}
	if _, err := s.IngestPage(ctx, f.tg.ID, []platforms.Message{ro, zh}, "1"); err != nil {
		t.Fatal(err)
	}
	hi := msg("hi", "hi:1", "नमस्ते, मेरा ऑर्डर कब आएगा?", 3)
	hi.Author = platforms.Person{ExternalID: "u-hi", DisplayName: "Priya Sharma", Handle: "priya"}
	if _, err := s.IngestPage(ctx, f.ma.ID, []platforms.Message{hi}, "1"); err != nil {
		t.Fatal(err)
	}
	rows, _, _ := s.Conversations(ctx, ConversationFilter{}, ConversationCursor{}, 10)
	for _, r := range rows {
		f.convs[r.ExternalID] = r.ID
	}
	return f
}

func (f *triageFixture) tag(t *testing.T, name string) int64 {
	t.Helper()
	tg, err := f.s.TagByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return tg.ID
}

func ids(rows []ConversationRow) []int64 {
	out := []int64{}
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func TestSeededTagsIncludeTriageOnes(t *testing.T) {
	f := newTriage(t)
	tags, _ := f.s.Tags(context.Background())
	var names []string
	for _, tg := range tags {
		names = append(names, tg.Name)
	}
	want := []string{"sales", "support", "spam", "danger", "product inquiry", "order issue", "collaboration", "complaint", "general"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("tags %v", names)
	}
}

func TestBulkChangeIsAllOrNothing(t *testing.T) {
	f := newTriage(t)
	ctx := context.Background()
	sales := f.tag(t, "sales")
	auditBefore := countRows(t, f.s, "audit_events")
	_, err := f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"], 99999, f.convs["zh"]}, ConversationChange{Kind: ChangeTag, TagID: sales})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown id: %v", err)
	}
	if n := countRows(t, f.s, "conversation_tags"); n != 0 {
		t.Fatalf("a failed bulk tagged %d conversations", n)
	}
	if n := countRows(t, f.s, "audit_events"); n != auditBefore {
		t.Fatalf("a failed bulk wrote %d audit entries", n-auditBefore)
	}
	if _, err := f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"]}, ConversationChange{Kind: ChangeTag, TagID: 4242}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown tag: %v", err)
	}
	n, err := f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"], f.convs["zh"]}, ConversationChange{Kind: ChangeTag, TagID: sales})
	if err != nil || n != 2 {
		t.Fatalf("bulk tag: %d %v", n, err)
	}
	// Tagging again changes nothing and audits nothing.
	if n, _ := f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"]}, ConversationChange{Kind: ChangeTag, TagID: sales}); n != 0 {
		t.Fatalf("re-tag changed %d", n)
	}
	audit, _ := f.s.AuditEvents(ctx, "conversation", "", 10)
	if len(audit) != 2 || audit[0].Action != "conversation.tag" || audit[0].Actor != "dana" || !strings.Contains(audit[0].AfterJSON, `"tags":[1]`) {
		t.Fatalf("audit %+v", audit)
	}
	n, err = f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"], f.convs["zh"], f.convs["hi"]}, ConversationChange{Kind: ChangeMarkRead})
	if err != nil || n != 3 {
		t.Fatalf("mark read: %d %v", n, err)
	}
	if c, _ := f.s.Counts(ctx, 0); c.UnreadConversations != 0 {
		t.Fatalf("still unread: %+v", c)
	}
}

func TestSnoozeWakesUpWhenTheTimePasses(t *testing.T) {
	f := newTriage(t)
	ctx := context.Background()
	until := f.now.Add(2 * time.Hour).UnixMilli()
	if _, err := f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"]}, ConversationChange{Kind: ChangeStatus, Status: StatusSnoozed, SnoozedUntil: f.now.Add(-time.Minute).UnixMilli()}); err == nil {
		t.Fatal("snoozing into the past was accepted")
	}
	if _, err := f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"]}, ConversationChange{Kind: ChangeStatus, Status: StatusSnoozed, SnoozedUntil: until}); err != nil {
		t.Fatal(err)
	}
	*f.now = f.now.Add(time.Hour)
	if n, err := f.s.WakeSnoozed(ctx); err != nil || n != 0 {
		t.Fatalf("woke early: %d %v", n, err)
	}
	rows, _, _ := f.s.ConversationRows(ctx, ConversationFilter{Status: StatusSnoozed}, ConversationCursor{}, 10)
	if len(rows) != 1 || rows[0].SnoozedUntil != until {
		t.Fatalf("snoozed rows %+v", rows)
	}
	*f.now = f.now.Add(time.Hour)
	if n, err := f.s.WakeSnoozed(ctx); err != nil || n != 1 {
		t.Fatalf("wake: %d %v", n, err)
	}
	c, _ := f.s.ConversationByID(ctx, f.convs["ro"])
	rows, _, _ = f.s.ConversationRows(ctx, ConversationFilter{Status: StatusSnoozed}, ConversationCursor{}, 10)
	if c.Status != StatusOpen || len(rows) != 0 {
		t.Fatalf("after wake-up: %s, %d snoozed", c.Status, len(rows))
	}
	audit, _ := f.s.AuditEvents(ctx, "conversation", "", 1)
	if audit[0].Actor != "snooze" || !strings.Contains(audit[0].BeforeJSON, `"snoozed"`) {
		t.Fatalf("wake-up audit %+v", audit[0])
	}
}

func TestPresenceExpires(t *testing.T) {
	f := newTriage(t)
	ctx := context.Background()
	dana, ion := Member{Name: "Dana", Role: RoleOwner, Active: true}, Member{Name: "Ion", Role: RoleAgent, Active: true}
	for _, m := range []*Member{&dana, &ion} {
		if err := f.s.SaveMember(ctx, "setup", m); err != nil {
			t.Fatal(err)
		}
	}
	conv := f.convs["zh"]
	if err := f.s.Heartbeat(ctx, conv, ion.ID); err != nil {
		t.Fatal(err)
	}
	if r, _ := f.s.Repliers(ctx, conv, ion.ID); len(r) != 0 {
		t.Fatalf("a member sees themself: %+v", r)
	}
	if r, _ := f.s.Repliers(ctx, conv, dana.ID); len(r) != 1 || r[0].Name != "Ion" {
		t.Fatalf("repliers %+v", r)
	}
	*f.now = f.now.Add(PresenceTTL + time.Second)
	if r, _ := f.s.Repliers(ctx, conv, dana.ID); len(r) != 0 {
		t.Fatalf("stale heartbeat still shown: %+v", r)
	}
	_ = f.s.Heartbeat(ctx, conv, ion.ID)
	_ = f.s.StopReplying(ctx, conv, ion.ID)
	if r, _ := f.s.Repliers(ctx, conv, dana.ID); len(r) != 0 {
		t.Fatalf("stopped replier still shown: %+v", r)
	}
}

func TestFiltersCombineAndCountsMatchTheList(t *testing.T) {
	f := newTriage(t)
	ctx := context.Background()
	dana := Member{Name: "Dana", Role: RoleOwner, Active: true}
	_ = f.s.SaveMember(ctx, "setup", &dana)
	danaID := "1"
	order := f.tag(t, "order issue")
	_, _ = f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"], f.convs["hi"]}, ConversationChange{Kind: ChangeTag, TagID: order})
	_, _ = f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"], f.convs["zh"]}, ConversationChange{Kind: ChangeAssign, Assignee: danaID})
	_, _ = f.s.ApplyChange(ctx, "dana", []int64{f.convs["zh"]}, ConversationChange{Kind: ChangeMarkRead})
	if _, err := f.s.writer().Exec(`INSERT INTO conversation_sla(conversation_id, state, due_at) VALUES (?, 'breached', 1)`, f.convs["hi"]); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		f    ConversationFilter
		want []int64
	}{
		{"platform", ConversationFilter{Platform: "telegram"}, []int64{f.convs["zh"], f.convs["ro"]}},
		{"tag", ConversationFilter{TagID: order}, []int64{f.convs["hi"], f.convs["ro"]}},
		{"platform+tag", ConversationFilter{Platform: "telegram", TagID: order}, []int64{f.convs["ro"]}},
		{"mine", ConversationFilter{Assignee: danaID}, []int64{f.convs["zh"], f.convs["ro"]}},
		{"unassigned", ConversationFilter{Assignee: AssigneeNone}, []int64{f.convs["hi"]}},
		{"mine+unread", ConversationFilter{Assignee: danaID, UnreadOnly: true}, []int64{f.convs["ro"]}},
		{"sla breached", ConversationFilter{SLAState: "breached"}, []int64{f.convs["hi"]}},
		{"sla none+tag", ConversationFilter{SLAState: "none", TagID: order}, []int64{f.convs["ro"]}},
		{"language", ConversationFilter{Language: "ro"}, []int64{f.convs["ro"]}},
		{"status+kind", ConversationFilter{Status: StatusOpen, Kind: "dm"}, []int64{f.convs["hi"], f.convs["zh"], f.convs["ro"]}},
	}
	for _, c := range cases {
		rows, _, err := f.s.ConversationRows(ctx, c.f, ConversationCursor{}, 10)
		if err != nil || !reflect.DeepEqual(ids(rows), c.want) {
			t.Errorf("%s: got %v want %v (%v)", c.name, ids(rows), c.want, err)
			continue
		}
		unreadF := c.f
		unreadF.UnreadOnly = true
		unread, _, _ := f.s.ConversationRows(ctx, unreadF, ConversationCursor{}, 10)
		n, err := f.s.CountUnread(ctx, c.f)
		if err != nil || n != int64(len(unread)) {
			t.Errorf("%s: count %d, list has %d unread (%v)", c.name, n, len(unread), err)
		}
	}
	rows, _, _ := f.s.ConversationRows(ctx, ConversationFilter{Language: "ro"}, ConversationCursor{}, 10)
	if rows[0].Assignee != danaID || !reflect.DeepEqual(rows[0].TagIDs, []int64{order}) || rows[0].SLAState != "" {
		t.Fatalf("row extras %+v", rows[0])
	}
}

func TestListQueriesUseIndexes(t *testing.T) {
	f := newTriage(t)
	filters := []ConversationFilter{{}, {Status: StatusOpen}, {Assignee: "1"}, {Assignee: AssigneeNone}, {Language: "ro"},
		{AccountID: f.tg.ID}, {Platform: "telegram"}, {TagID: 1}, {SLAState: "breached"}, {Status: StatusOpen, TagID: 1, Assignee: "1"}}
	for _, flt := range filters {
		q, args := conversationListSQL(flt, ConversationCursor{LastMessageAt: 5, ID: 5})
		rows, err := f.s.reader().Query(`EXPLAIN QUERY PLAN `+q, append(args, 100)...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			_ = rows.Scan(&id, &parent, &notused, &detail)
			plan = append(plan, detail)
		}
		rows.Close()
		joined := strings.Join(plan, " | ")
		t.Logf("%+v: %s", flt, joined)
		for _, d := range plan {
			if strings.HasPrefix(d, "SCAN c") && !strings.Contains(d, "INDEX") {
				t.Errorf("%+v scans the conversations table: %s", flt, joined)
			}
		}
	}
	// Unread counts must be served by the partial index (INDEXED BY fails otherwise).
	for _, flt := range filters {
		if _, err := f.s.CountUnread(context.Background(), flt); err != nil {
			t.Errorf("count %+v: %v", flt, err)
		}
	}
}

func TestNotesAndContactsAreSearchable(t *testing.T) {
	f := newTriage(t)
	ctx := context.Background()
	if err := f.s.AddNote(ctx, &Note{ConversationID: f.convs["ro"], AuthorName: "Dana", Text: "Clienta a primit rambursarea în ședința de marți"}); err != nil {
		t.Fatal(err)
	}
	_ = f.s.AddNote(ctx, &Note{ConversationID: f.convs["zh"], AuthorName: "Dana", Text: "客户想要退货，已经发了地址"})
	_ = f.s.AddNote(ctx, &Note{ConversationID: f.convs["hi"], AuthorName: "Dana", Text: "ग्राहक को नया ऑर्डर भेजा गया"})
	for q, conv := range map[string]int64{"sedinta": f.convs["ro"], "rambursarea": f.convs["ro"], "退货": f.convs["zh"], "ऑर्डर": f.convs["hi"]} {
		hits, err := f.s.SearchNotes(ctx, q, 10)
		if err != nil || len(hits) != 1 || hits[0].ConversationID != conv {
			t.Errorf("note search %q: %+v %v", q, hits, err)
		}
	}
	for q, name := range map[string]string{"stefanescu": "Ioana Ștefănescu", "小明": "王小明", "priya": "Priya Sharma", "xiaoming": "王小明"} {
		hits, err := f.s.SearchContacts(ctx, q, 10)
		if err != nil || len(hits) != 1 || hits[0].DisplayName != name {
			t.Errorf("contact search %q: %+v %v", q, hits, err)
		}
	}
	notes, _ := f.s.Notes(ctx, f.convs["ro"])
	if err := f.s.DeleteNote(ctx, "Dana", notes[0].ID); err != nil {
		t.Fatal(err)
	}
	if hits, _ := f.s.SearchNotes(ctx, "sedinta", 10); len(hits) != 0 {
		t.Fatalf("deleted note still found: %+v", hits)
	}
}

// contactSnapshot is everything a merge touches, to compare before and after an undo.
type contactSnapshot struct {
	Contacts   []Contact
	Identities []Identity
	Convs      map[int64]*int64
	Orders     map[int64][]string
}

func snapshot(t *testing.T, s *Store, ids ...int64) contactSnapshot {
	t.Helper()
	ctx := context.Background()
	snap := contactSnapshot{Convs: map[int64]*int64{}, Orders: map[int64][]string{}}
	for _, id := range ids {
		c, err := s.ContactByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		c.UpdatedAt = 0
		snap.Contacts = append(snap.Contacts, c)
		idents, _ := s.Identities(ctx, id)
		snap.Identities = append(snap.Identities, idents...)
		snap.Orders[id], _ = s.OrderIDs(ctx, id)
	}
	rows, _, _ := s.Conversations(ctx, ConversationFilter{}, ConversationCursor{}, 100)
	for _, r := range rows {
		snap.Convs[r.ID] = r.ContactID
	}
	return snap
}

func TestMergeAndUndoRestoreExactly(t *testing.T) {
	f := newTriage(t)
	ctx := context.Background()
	roConv, _ := f.s.ConversationByID(ctx, f.convs["ro"])
	hiConv, _ := f.s.ConversationByID(ctx, f.convs["hi"])
	survivor, merged := *hiConv.ContactID, *roConv.ContactID
	_ = f.s.UpdateContact(ctx, "dana", survivor, ContactFields{DisplayName: "Priya Sharma", Notes: "VIP", OrderIDs: []string{"#1001", "#4521"}})
	_ = f.s.UpdateContact(ctx, "dana", merged, ContactFields{DisplayName: "Ioana Ștefănescu", FirstName: "Ioana", Language: "ro", OrderIDs: []string{"#4521", "#7"}})
	before := snapshot(t, f.s, survivor, merged)

	if _, err := f.s.MergeContacts(ctx, "dana", survivor, survivor); !errors.Is(err, ErrMergeSelf) {
		t.Fatalf("self merge: %v", err)
	}
	m, err := f.s.MergeContacts(ctx, "dana", survivor, merged)
	if err != nil {
		t.Fatal(err)
	}
	idents, _ := f.s.Identities(ctx, survivor)
	orders, _ := f.s.OrderIDs(ctx, survivor)
	sv, _ := f.s.ContactByID(ctx, survivor)
	moved, _ := f.s.ConversationByID(ctx, f.convs["ro"])
	if len(idents) != 2 || len(orders) != 3 || sv.FirstName != "Ioana" || sv.Language != "ro" || *moved.ContactID != survivor {
		t.Fatalf("after merge: idents %d orders %v contact %+v conv contact %d", len(idents), orders, sv, *moved.ContactID)
	}
	if hits, _ := f.s.SearchContacts(ctx, "ioana", 10); len(hits) != 1 || hits[0].ContactID != survivor {
		t.Fatalf("merged handles not searchable on the survivor: %+v", hits)
	}
	page, _, _ := f.s.Contacts(ctx, ContactCursor{}, 10)
	for _, c := range page {
		if c.ID == merged {
			t.Fatal("merged contact still listed")
		}
	}
	if err := f.s.UndoMerge(ctx, "dana", m.ID); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, f.s, survivor, merged)
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("undo did not restore exactly:\nbefore %+v\nafter  %+v", before, after)
	}
	if err := f.s.UndoMerge(ctx, "dana", m.ID); !errors.Is(err, ErrMergeUndone) {
		t.Fatalf("second undo: %v", err)
	}
	if hits, _ := f.s.SearchContacts(ctx, "ioana", 10); len(hits) != 1 || hits[0].ContactID != merged {
		t.Fatalf("undo did not reindex: %+v", hits)
	}
}

func TestContactsPageAndTagsCRUD(t *testing.T) {
	f := newTriage(t)
	ctx := context.Background()
	page, next, err := f.s.Contacts(ctx, ContactCursor{}, 2)
	if err != nil || len(page) != 2 || next.ID == 0 {
		t.Fatalf("page 1: %+v %v", page, err)
	}
	cur, _ := ParseContactCursor(next.String())
	rest, next2, _ := f.s.Contacts(ctx, cur, 2)
	if len(rest) != 1 || next2.ID != 0 || rest[0].ID == page[0].ID || rest[0].ID == page[1].ID {
		t.Fatalf("page 2: %+v", rest)
	}
	vip := Tag{Name: "vip", Color: "#ffd43b"}
	if err := f.s.SaveTag(ctx, "dana", &vip); err != nil || vip.ID == 0 {
		t.Fatal(err)
	}
	dup := Tag{Name: "vip"}
	if err := f.s.SaveTag(ctx, "dana", &dup); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("duplicate tag: %v", err)
	}
	_, _ = f.s.ApplyChange(ctx, "dana", []int64{f.convs["ro"]}, ConversationChange{Kind: ChangeTag, TagID: vip.ID})
	if err := f.s.DeleteTag(ctx, "dana", f.tag(t, "sales")); !errors.Is(err, ErrBuiltinTag) {
		t.Fatalf("deleting a built-in: %v", err)
	}
	if err := f.s.DeleteTag(ctx, "dana", vip.ID); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, f.s, "conversation_tags"); n != 0 {
		t.Fatalf("deleted tag still on %d conversations", n)
	}
}
