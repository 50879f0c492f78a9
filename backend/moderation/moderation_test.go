package moderation_test

import (
	"context"
	"errors"
	"path/filepath"
	gosync "sync"
	"testing"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/moderation"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/meta/metafake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

const igToken = "IGQVJmoderation-test-token"

var t0 = time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)

// fixture is an Instagram account synced from the Meta fake, with one post
// and one negative comment from Mara, and a store clock the test moves.
type fixture struct {
	fake    *metafake.Server
	store   *store.Store
	svc     *moderation.Service
	comment store.Message
	conv    store.Conversation
	fc      *metafake.Comment

	mu  gosync.Mutex
	now time.Time
}

func (f *fixture) clock() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fixture) setNow(t time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = t
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{fake: metafake.New(), now: t0}
	f.fake.Clock.Set(t0)
	f.fake.AddToken(igToken, metafake.Instagram, 60*24*time.Hour)
	url := f.fake.Start()
	t.Cleanup(f.fake.Close)
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: f.clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	f.store = st
	factory := meta.NewFactory(meta.Options{Now: f.fake.Clock.Now, Sleep: func(ctx context.Context, d time.Duration) error {
		return ctx.Err()
	}})
	reg := platforms.Registry{meta.PlatformInstagram: factory.Instagram}
	vault := secrets.NewMemory()
	eng := &sync.Engine{Store: st, Vault: vault, Bus: events.New(), WorkspaceID: "ws", Registry: reg,
		Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}
	acc, err := (&accounts.Service{Store: st, Vault: vault, Registry: reg, WorkspaceID: "ws"}).Connect(ctx,
		accounts.ConnectRequest{Platform: meta.PlatformInstagram, Token: igToken, BaseURL: url, Actor: "me"})
	if err != nil {
		t.Fatal(err)
	}
	post := f.fake.AddPost(metafake.Instagram, "New glaze drop", t0.Add(-3*time.Hour))
	f.fc = f.fake.AddComment(post, metafake.Person{ID: "990001", Username: "mara", Name: "Mara"}, "My mug arrived cracked. Terrible.", t0.Add(-time.Hour), "")
	if _, err := eng.SyncOnce(ctx, acc.ID); err != nil {
		t.Fatal(err)
	}
	convs, _, _ := st.Conversations(ctx, store.ConversationFilter{Kind: "comment"}, store.ConversationCursor{}, 10)
	if len(convs) != 1 {
		t.Fatalf("want one comment thread, got %d", len(convs))
	}
	f.conv = convs[0]
	msgs, _ := st.Messages(ctx, f.conv.ID, 10)
	for _, m := range msgs {
		if m.ExternalID == f.fc.ID {
			f.comment = m
		}
	}
	if f.comment.ID == 0 {
		t.Fatalf("comment not synced: %+v", msgs)
	}
	in := &inbox.Service{Store: st, Connectors: eng}
	f.svc = &moderation.Service{Store: st, Connectors: eng, Inbox: in}
	return f
}

func TestHideAndUnhideGoThroughTheConnectorAndAreRecorded(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	out, err := f.svc.Moderate(ctx, moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateHide, Actor: "Dana", Reason: "insult"})
	if err != nil || !out.Hidden || out.Record.Origin != moderation.OriginHuman || out.Record.Outcome != store.ModerationDone {
		t.Fatalf("hide: %+v %v", out, err)
	}
	if c, _ := f.fake.Comment(f.fc.ID); !c.Hidden {
		t.Fatal("the platform's comment is not hidden")
	}
	rows, _ := f.store.ConversationRowsByIDs(ctx, []int64{f.conv.ID})
	if len(rows) != 1 || !rows[0].HasHidden {
		t.Fatalf("the list row does not show a hidden comment: %+v", rows)
	}
	audit, _ := f.store.AuditEvents(ctx, "message", "", 5)
	if len(audit) == 0 || audit[0].Action != "moderation.hide" || audit[0].Actor != "Dana" || audit[0].Reason != "insult" {
		t.Fatalf("audit: %+v", audit)
	}
	if out, err = f.svc.Moderate(ctx, moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateUnhide, Actor: "Dana"}); err != nil || out.Hidden {
		t.Fatalf("unhide: %+v %v", out, err)
	}
	if c, _ := f.fake.Comment(f.fc.ID); c.Hidden {
		t.Fatal("the platform's comment is still hidden")
	}
	log, _ := f.svc.Log(ctx, f.conv.ID)
	if len(log) != 2 || log[0].Action != "unhide" || log[1].Action != "hide" {
		t.Fatalf("log: %+v", log)
	}
}

func TestUnsupportedActionIsRefusedBeforeAnyCall(t *testing.T) {
	f := newFixture(t)
	before := f.fake.Calls()
	_, err := f.svc.Moderate(context.Background(), moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateBlock, Actor: "Dana"})
	var un *moderation.UnsupportedError
	if !errors.As(err, &un) || un.Platform != "instagram" {
		t.Fatalf("want unsupported, got %v", err)
	}
	_, key, args := un.ErrorKey()
	if key != "errors.moderation.unsupported" || args["platform"] != "Instagram" || args["platforms"] != "Bluesky, Mastodon, YouTube" {
		t.Fatalf("key %s args %v", key, args)
	}
	if f.fake.Calls() != before {
		t.Fatal("the platform was called for an action it does not offer")
	}
	if log, _ := f.svc.Log(context.Background(), f.conv.ID); len(log) != 0 {
		t.Fatalf("a refused action was logged as taken: %+v", log)
	}
}

func TestPlatformFailureIsRecordedAndReturned(t *testing.T) {
	f := newFixture(t)
	f.fake.DeleteComment(f.fc.ID)
	_, err := f.svc.Moderate(context.Background(), moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateHide, Actor: "Dana"})
	if err == nil {
		t.Fatal("hiding a comment the platform no longer has succeeded")
	}
	log, _ := f.svc.Log(context.Background(), f.conv.ID)
	if len(log) != 1 || log[0].Outcome != store.ModerationFailed || log[0].ErrorKind == "" {
		t.Fatalf("log: %+v", log)
	}
	if st, _ := f.store.ThreadModerationState(context.Background(), f.conv.ID); st.Hidden[f.comment.ID] {
		t.Fatal("a failed hide marked the comment hidden")
	}
}

func TestAutomationRecordsWithItsOrigin(t *testing.T) {
	f := newFixture(t)
	out, err := f.svc.Moderate(context.Background(), moderation.Request{MessageID: f.comment.ID, Action: platforms.ModerateHide,
		Actor: "automation:7", Origin: moderation.OriginAutomation, Reason: "rule 7"})
	if err != nil || out.Record.Origin != store.ModerationByAutomation || out.Record.Actor != "automation:7" {
		t.Fatalf("%+v %v", out, err)
	}
}

func TestPrivateReplyOncePerCommentThroughTheGate(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	m, err := f.svc.Inbox.Send(ctx, inbox.SendRequest{ConversationID: f.conv.ID, Text: "So sorry, Mara. Could you send your order number?",
		Actor: "Dana", PrivateReplyTo: f.comment.ID})
	if err != nil || m.State != store.StateSent {
		t.Fatalf("private reply: %+v %v", m, err)
	}
	sent := f.fake.Sent()
	if len(sent) != 1 || sent[0].Kind != "private_reply" || sent[0].CommentID != f.fc.ID {
		t.Fatalf("fake got %+v", sent)
	}
	st, _ := f.store.ThreadModerationState(ctx, f.conv.ID)
	if st.PrivateReplyTo[m.ID] != f.comment.ID || !st.PrivatelyAnswered[f.comment.ID] {
		t.Fatalf("link: %+v", st)
	}
	if _, err := f.svc.Inbox.Send(ctx, inbox.SendRequest{ConversationID: f.conv.ID, Text: "again", Actor: "Dana",
		PrivateReplyTo: f.comment.ID}); !errors.Is(err, inbox.ErrPrivateReplyAlreadySent) {
		t.Fatalf("second private reply: %v", err)
	}
	audit, _ := f.store.AuditEvents(ctx, "message", "", 5)
	if len(audit) == 0 || audit[0].Action != "reply.private.sent" {
		t.Fatalf("audit: %+v", audit)
	}
}

func TestPrivateReplyWindowIsCheckedBeforeStoring(t *testing.T) {
	f := newFixture(t)
	f.setNow(t0.Add(7 * 24 * time.Hour))
	_, err := f.svc.Inbox.Send(context.Background(), inbox.SendRequest{ConversationID: f.conv.ID, Text: "late", Actor: "Dana",
		PrivateReplyTo: f.comment.ID})
	var closed *inbox.PrivateWindowClosedError
	if !errors.As(err, &closed) {
		t.Fatalf("want window closed, got %v", err)
	}
	if _, _, args := closed.ErrorKey(); args["days"] != "7" {
		t.Fatalf("args %v", args)
	}
	if len(f.fake.Sent()) != 0 {
		t.Fatal("something was sent")
	}
}

func TestNegativeCommentSendsBothParts(t *testing.T) {
	f := newFixture(t)
	res, err := f.svc.RespondToNegative(context.Background(), moderation.NegativeRequest{MessageID: f.comment.ID,
		PublicText: "We're sorry to hear that, Mara. We've sent you a message.", PrivateText: "Could you share your order number?", Actor: "Dana"})
	if err != nil || !res.Public.Sent() || !res.Private.Sent() || res.Partial() {
		t.Fatalf("%+v %v", res, err)
	}
	sent := f.fake.Sent()
	if len(sent) != 2 || sent[0].Kind == "private_reply" || sent[1].Kind != "private_reply" {
		t.Fatalf("fake got %+v", sent)
	}
}

func TestNegativeCommentReportsAPartialFailure(t *testing.T) {
	f := newFixture(t)
	// The platform's clock is past its 7-day window while ours is not: the
	// public reply goes out and the platform refuses the private one.
	f.fake.Clock.Set(t0.Add(8 * 24 * time.Hour))
	res, err := f.svc.RespondToNegative(context.Background(), moderation.NegativeRequest{MessageID: f.comment.ID,
		PublicText: "We're sorry to hear that.", PrivateText: "Could you share your order number?", Actor: "Dana"})
	if err != nil || !res.Public.Sent() || res.Private.Sent() || res.Private.Err == nil || !res.Partial() {
		t.Fatalf("%+v %v", res, err)
	}
	if platforms.KindOf(res.Private.Err) != platforms.KindWindowClosed {
		t.Fatalf("private error: %v", res.Private.Err)
	}
}

func TestNegativeCommentRefusesUpFrontWhenNoPrivateReplyIsPossible(t *testing.T) {
	f := newFixture(t)
	f.setNow(t0.Add(10 * 24 * time.Hour))
	_, err := f.svc.RespondToNegative(context.Background(), moderation.NegativeRequest{MessageID: f.comment.ID,
		PublicText: "Sorry!", PrivateText: "DM", Actor: "Dana"})
	var closed *inbox.PrivateWindowClosedError
	if !errors.As(err, &closed) || len(f.fake.Sent()) != 0 {
		t.Fatalf("want a refusal with nothing sent, got %v and %d sends", err, len(f.fake.Sent()))
	}
}

func TestSupportTable(t *testing.T) {
	if got := moderation.Supported("mastodon", false); len(got) != 3 || got[0] != platforms.ModerateBlock {
		t.Fatalf("mastodon: %v", got)
	}
	if moderation.Supports("telegram", platforms.ModerateHide, false) || !moderation.Supports("bluesky", platforms.ModerateHide, false) {
		t.Fatal("hide support")
	}
	if moderation.Supports("mastodon", platforms.ModerateDelete, false) || !moderation.Supports("mastodon", platforms.ModerateDelete, true) {
		t.Fatal("Mastodon deletes only its own statuses")
	}
}
