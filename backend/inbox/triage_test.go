package inbox_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
	"creatordesk/backend/team"
)

func TestMeasureFollowsEachPlatform(t *testing.T) {
	cases := []struct {
		platform, kind, text string
		want                 int
		unit                 string
	}{
		{"instagram", "dm", "héllo", 6, inbox.UnitBytes},
		{"instagram", "dm", "你好", 6, inbox.UnitBytes},
		{"bluesky", "dm", "👍🏽👨‍👩‍👧", 2, inbox.UnitGraphemes},
		// uniseg follows Unicode 15.0 (no conjunct rule GB9c): स् and ते are two clusters.
		{"bluesky", "comment", "नमस्ते", 4, inbox.UnitGraphemes},
		{"telegram", "dm", "ședință 👍🏽", 10, inbox.UnitCharacters},
		{"mastodon", "dm", "see https://example.com/a/very/long/path/indeed ok @ana@social.example", 4 + 23 + 4 + 4, inbox.UnitMastodon},
	}
	for _, c := range cases {
		l, ok := inbox.LimitFor(c.platform, c.kind)
		if !ok || l.Unit != c.unit {
			t.Errorf("%s/%s: limit %+v", c.platform, c.kind, l)
			continue
		}
		if got := inbox.Measure(c.text, l.Unit); got != c.want {
			t.Errorf("%s %q: %d %s, want %d", c.platform, c.text, got, l.Unit, c.want)
		}
	}
	if l, _ := inbox.LimitFor("bluesky", "comment"); l.Max != 300 {
		t.Errorf("bluesky posts: %+v", l)
	}
	if l, _ := inbox.LimitFor("instagram", "dm"); l.Max != 1000 {
		t.Errorf("instagram dm: %+v", l)
	}
}

func TestWindowClosesAfterTheCustomersLastMessage(t *testing.T) {
	last := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	at, ok := inbox.WindowClosesAt(store.Conversation{Platform: "instagram", Kind: "dm", LastInboundAt: last.UnixMilli()})
	if !ok || !at.Equal(last.Add(24*time.Hour)) {
		t.Fatalf("instagram window %v %v", at, ok)
	}
	if _, ok := inbox.WindowClosesAt(store.Conversation{Platform: "telegram", Kind: "dm", LastInboundAt: last.UnixMilli()}); ok {
		t.Fatal("telegram has no window")
	}
	if _, ok := inbox.WindowClosesAt(store.Conversation{Platform: "instagram", Kind: "comment"}); ok {
		t.Fatal("comments have no window")
	}
}

func TestFindOrderIDs(t *testing.T) {
	got := strings.Join(inbox.FindOrderIDs("Hi, order 12345 and #A-998 — comanda nr. 4521, again #12345"), ",")
	if got != "12345,A-998,4521" {
		t.Fatalf("order ids %q", got)
	}
}

// triageSetup is a store with one Telegram thread: two customer messages, a reply, two more customer messages.
func triageSetup(t *testing.T) (*inbox.Triage, *store.Store, int64) {
	t.Helper()
	now := time.Date(2026, 3, 29, 9, 0, 0, 0, time.UTC)
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	acc := store.Account{Platform: "telegram", Name: "bot", ExternalID: "1"}
	_ = st.CreateAccount(context.Background(), &acc)
	ana := platforms.Person{ExternalID: "42", DisplayName: "Ana"}
	me := platforms.Person{ExternalID: "bot", DisplayName: "Shop"}
	mk := func(id, text string, dir platforms.Direction, min int) platforms.Message {
		who := ana
		if dir == platforms.DirectionOut {
			who = me
		}
		return platforms.Message{ExternalID: id, ThreadExternalID: "42", ThreadKind: platforms.ThreadDM, ThreadTitle: "Ana",
			Author: who, Direction: dir, Text: text, SentAt: now.Add(time.Duration(min) * time.Minute)}
	}
	page := []platforms.Message{
		mk("1", "Hello, my order #4521 did not arrive", platforms.DirectionIn, 1),
		mk("2", "Can you check?", platforms.DirectionIn, 2),
		mk("3", "Sorry! I asked the courier to look into it.", platforms.DirectionOut, 3),
		mk("4", "Still nothing today.", platforms.DirectionIn, 4),
		mk("5", "Can I get a refund?", platforms.DirectionIn, 5),
	}
	if _, err := st.IngestPage(context.Background(), acc.ID, page, "1"); err != nil {
		t.Fatal(err)
	}
	convs, _, _ := st.Conversations(context.Background(), store.ConversationFilter{}, store.ConversationCursor{}, 1)
	return inbox.NewTriage(st, "me"), st, convs[0].ID
}

func TestHandoffDraftAndAssignStoresTheNote(t *testing.T) {
	tr, st, conv := triageSetup(t)
	ctx := context.Background()
	h, err := tr.DraftHandoff(ctx, conv)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(h.OrderIDs, ",") != "4521" || h.Issue != "Still nothing today. Can I get a refund?" || len(h.Tried) != 1 || !strings.Contains(h.Tried[0], "courier") {
		t.Fatalf("draft %+v", h)
	}
	dana, ion := store.Member{Name: "Dana", Role: store.RoleOwner, Color: "#1971c2", Active: true}, store.Member{Name: "Ion", Role: store.RoleAgent, Color: "#2f9e44", Active: true}
	for _, m := range []*store.Member{&dana, &ion} {
		if err := tr.Team.Save(ctx, "setup", m); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tr.Team.SetCurrent(ctx, dana.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := tr.Assign(ctx, []int64{conv}, ion.ID, "Order 4521 lost; customer wants a refund."); err != nil || n != 1 {
		t.Fatalf("assign: %d %v", n, err)
	}
	notes, _ := st.Notes(ctx, conv)
	if len(notes) != 1 || notes[0].Kind != store.NoteKindHandoff || notes[0].AuthorName != "Dana" {
		t.Fatalf("hand-off note %+v", notes)
	}
	rows, _, _ := tr.List(ctx, inbox.ViewFilter{Assignee: inbox.AssigneeMe}, store.ConversationCursor{}, 10)
	if len(rows) != 0 {
		t.Fatalf("Dana sees Ion's conversation as hers: %d", len(rows))
	}
	_, _ = tr.Team.SetCurrent(ctx, ion.ID)
	rows, _, _ = tr.List(ctx, inbox.ViewFilter{Assignee: inbox.AssigneeMe}, store.ConversationCursor{}, 10)
	if len(rows) != 1 {
		t.Fatalf("Ion's list: %d", len(rows))
	}
	audit, _ := st.AuditEvents(ctx, "conversation", "", 5)
	if audit[0].Action != "conversation.assign" || audit[0].Actor != "Dana" {
		t.Fatalf("audit %+v", audit[0])
	}
}

func TestViewersCannotChangeAndSnoozeNeedsAFutureTime(t *testing.T) {
	tr, _, conv := triageSetup(t)
	ctx := context.Background()
	owner := store.Member{Name: "Dana", Role: store.RoleOwner, Color: "#1971c2", Active: true}
	viewer := store.Member{Name: "Accountant", Role: store.RoleViewer, Color: "#868e96", Active: true}
	_ = tr.Team.Save(ctx, "setup", &owner)
	_ = tr.Team.Save(ctx, "setup", &viewer)
	if _, err := tr.Snooze(ctx, []int64{conv}, tr.Store.Now().Add(-time.Hour)); !errors.Is(err, inbox.ErrSnoozeTime) {
		t.Fatalf("past snooze: %v", err)
	}
	_, _ = tr.Team.SetCurrent(ctx, viewer.ID)
	if _, err := tr.SetStatus(ctx, []int64{conv}, store.StatusResolved); !errors.Is(err, team.ErrReadOnly) {
		t.Fatalf("viewer resolved: %v", err)
	}
	if _, err := tr.AddNote(ctx, conv, "hi"); !errors.Is(err, team.ErrReadOnly) {
		t.Fatalf("viewer noted: %v", err)
	}
	if _, err := tr.SetStatus(ctx, nil, store.StatusResolved); !errors.Is(err, inbox.ErrSelection) {
		t.Fatalf("empty selection: %v", err)
	}
}

func TestLastOwnerStays(t *testing.T) {
	tr, _, _ := triageSetup(t)
	ctx := context.Background()
	first := store.Member{Name: "Dana", Role: store.RoleAgent, Color: "#1971c2", Active: true}
	if err := tr.Team.Save(ctx, "setup", &first); err != nil || first.Role != store.RoleOwner {
		t.Fatalf("first member should own the workspace: %+v %v", first, err)
	}
	first.Role = store.RoleAgent
	if err := tr.Team.Save(ctx, "Dana", &first); !errors.Is(err, team.ErrLastOwner) {
		t.Fatalf("demoted the last owner: %v", err)
	}
	bad := store.Member{Name: "X", Role: "boss", Color: "#000000"}
	if err := tr.Team.Save(ctx, "Dana", &bad); !errors.Is(err, team.ErrRole) {
		t.Fatalf("bad role: %v", err)
	}
	dup := store.Member{Name: "Dana", Role: store.RoleAgent, Color: "#000000", Active: true}
	if err := tr.Team.Save(ctx, "Dana", &dup); !errors.Is(err, team.ErrNameTaken) {
		t.Fatalf("duplicate name: %v", err)
	}
}
