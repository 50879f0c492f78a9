package moderation_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"creatordesk/backend/moderation"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// moderateAt performs an action at a given time of the fixture's clock.
func (f *fixture) moderateAt(t *testing.T, at time.Time, req moderation.Request) error {
	t.Helper()
	f.mu.Lock()
	f.now = at
	f.mu.Unlock()
	_, err := f.svc.Moderate(context.Background(), req)
	return err
}

func TestHistoryListsEveryActionNewestFirst(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	base := f.clock()
	if err := f.moderateAt(t, base.Add(time.Minute), moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateHide, Actor: "Dana", Reason: "insult"}); err != nil {
		t.Fatal(err)
	}
	if err := f.moderateAt(t, base.Add(2*time.Minute), moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateUnhide, Actor: "Ion"}); err != nil {
		t.Fatal(err)
	}
	if err := f.moderateAt(t, base.Add(3*time.Minute), moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateHide,
		Actor: "automation:rule 4", Origin: moderation.OriginAutomation, Reason: "rule 4"}); err != nil {
		t.Fatal(err)
	}
	f.fake.DeleteComment(f.fc.ID)
	if err := f.moderateAt(t, base.Add(4*time.Minute), moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateUnhide, Actor: "Dana"}); err == nil {
		t.Fatal("unhiding a comment the platform no longer has succeeded")
	}

	page, err := f.svc.History(ctx, moderation.HistoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != 4 || page.NextBeforeID != 0 {
		t.Fatalf("history %+v, want 4 entries and no further page", page)
	}
	newest, oldest := page.Entries[0], page.Entries[3]
	if newest.Action != "unhide" || !newest.Failed || newest.Actor != "Dana" || newest.Reason == "" {
		t.Errorf("newest entry %+v, want Dana's failed unhide with the error kind", newest)
	}
	if auto := page.Entries[1]; auto.Origin != moderation.OriginAutomation || auto.Failed || auto.Reason != "rule 4" {
		t.Errorf("automation entry %+v", auto)
	}
	if oldest.Action != "hide" || oldest.Actor != "Dana" || oldest.Reason != "insult" || oldest.Origin != moderation.OriginHuman ||
		!oldest.At.Equal(base.Add(time.Minute)) {
		t.Errorf("oldest entry %+v, want Dana's hide for an insult at %v", oldest, base.Add(time.Minute))
	}
	for _, e := range page.Entries {
		if e.MessageID != f.comment.ID || e.ConversationID != f.conv.ID || e.AccountID != f.conv.AccountID ||
			e.Author != f.comment.AuthorName || e.Excerpt != "My mug arrived cracked. Terrible." {
			t.Errorf("entry %+v does not describe the comment", e)
		}
	}
}

func TestHistoryFiltersAndPages(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	base := f.clock()
	for i, a := range []platforms.ModerationKind{platforms.ModerateHide, platforms.ModerateUnhide, platforms.ModerateHide} {
		if err := f.moderateAt(t, base.Add(time.Duration(i+1)*time.Minute), moderation.Request{MessageID: f.comment.ID, Action: a, Actor: "Dana"}); err != nil {
			t.Fatal(err)
		}
	}
	// Other audit entries about messages are not moderation.
	if _, err := f.store.AppendAudit(ctx, store.AuditEvent{Actor: "Dana", Action: "message.note", TargetType: "message", TargetID: "1"}); err != nil {
		t.Fatal(err)
	}

	hides, err := f.svc.History(ctx, moderation.HistoryFilter{Action: "hide"})
	if err != nil || len(hides.Entries) != 2 || hides.Entries[0].Action != "hide" || hides.Entries[1].Action != "hide" {
		t.Fatalf("hides: %+v, %v", hides, err)
	}
	other, err := f.svc.History(ctx, moderation.HistoryFilter{AccountID: f.conv.AccountID + 1})
	if err != nil || len(other.Entries) != 0 {
		t.Fatalf("another account's log: %+v, %v", other, err)
	}
	mine, err := f.svc.History(ctx, moderation.HistoryFilter{AccountID: f.conv.AccountID})
	if err != nil || len(mine.Entries) != 3 {
		t.Fatalf("this account's log: %+v, %v", mine, err)
	}

	first, err := f.svc.History(ctx, moderation.HistoryFilter{Limit: 2})
	if err != nil || len(first.Entries) != 2 || first.NextBeforeID == 0 {
		t.Fatalf("first page: %+v, %v", first, err)
	}
	second, err := f.svc.History(ctx, moderation.HistoryFilter{Limit: 2, BeforeID: first.NextBeforeID})
	if err != nil || len(second.Entries) != 1 || second.NextBeforeID != 0 || second.Entries[0].ID >= first.Entries[1].ID {
		t.Fatalf("second page: %+v, %v", second, err)
	}

	if _, err := f.svc.History(ctx, moderation.HistoryFilter{Action: "shout"}); !errors.Is(err, moderation.ErrUnknownAction) {
		t.Fatalf("unknown action: %v", err)
	}
}
