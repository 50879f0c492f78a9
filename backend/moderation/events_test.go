package moderation_test

import (
	"context"
	"testing"

	"creatordesk/backend/events"
	"creatordesk/backend/moderation"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// listen attaches a bus to the fixture's service and collects what it publishes.
func listen(f *fixture) *[]moderation.ChangedPayload {
	bus := events.New()
	f.svc.Bus = bus
	var got []moderation.ChangedPayload
	bus.Subscribe(moderation.Changed, func(p any) { got = append(got, p.(moderation.ChangedPayload)) })
	return &got
}

func TestEveryRecordedActionIsPublished(t *testing.T) {
	f := newFixture(t)
	got := listen(f)
	ctx := context.Background()
	hide, err := f.svc.Moderate(ctx, moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateHide, Actor: "Dana"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Moderate(ctx, moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateUnhide, Actor: "Dana"}); err != nil {
		t.Fatal(err)
	}
	if len(*got) != 2 {
		t.Fatalf("published %d events, want 2: %+v", len(*got), *got)
	}
	first, second := (*got)[0], (*got)[1]
	if first.RecordID != hide.Record.ID || first.MessageID != f.comment.ID || first.ConversationID != f.conv.ID ||
		first.AccountID != f.conv.AccountID || first.Action != "hide" || first.Outcome != store.ModerationDone || !first.Hidden {
		t.Errorf("hide event %+v", first)
	}
	if second.Action != "unhide" || second.Hidden {
		t.Errorf("unhide event %+v, want the comment shown again", second)
	}
}

func TestARefusedActionIsPublishedWithItsOutcome(t *testing.T) {
	f := newFixture(t)
	got := listen(f)
	f.fake.DeleteComment(f.fc.ID)
	if _, err := f.svc.Moderate(context.Background(), moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateHide, Actor: "Dana"}); err == nil {
		t.Fatal("hiding a comment the platform no longer has succeeded")
	}
	if len(*got) != 1 || (*got)[0].Outcome != store.ModerationFailed || (*got)[0].Hidden {
		t.Fatalf("events %+v, want one failed hide that left the comment shown", *got)
	}
}

func TestNothingIsPublishedForAnActionNeverTried(t *testing.T) {
	f := newFixture(t)
	got := listen(f)
	_, err := f.svc.Moderate(context.Background(), moderation.Request{MessageID: f.comment.ID, Action: "shout", Actor: "Dana"})
	if err == nil || len(*got) != 0 {
		t.Fatalf("unknown action: err %v, events %+v", err, *got)
	}
}

func TestAnnounceWithoutABusDoesNothing(t *testing.T) {
	moderation.Announce(nil, store.ModerationRecord{ID: 1}, true) // must not panic
	bus := events.New()
	var got []moderation.ChangedPayload
	bus.Subscribe(moderation.Changed, func(p any) { got = append(got, p.(moderation.ChangedPayload)) })
	moderation.Announce(bus, store.ModerationRecord{ID: 7, MessageID: 3, ConversationID: 2, AccountID: 1, Action: "hide",
		Origin: store.ModerationByAutomation, Outcome: store.ModerationDone}, true)
	if len(got) != 1 || got[0].RecordID != 7 || got[0].ConversationID != 2 || !got[0].Hidden {
		t.Fatalf("announced %+v", got)
	}
}
