package meta_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/meta/metafake"
)

func TestSendDMInsideTheWindow(t *testing.T) {
	e := newEnv(t)
	conv := e.fake.AddConversation(metafake.Instagram, customer(1))
	e.fake.AddMessage(conv, "Is the blue glaze food safe?", t0.Add(-time.Hour), false)
	sent, err := e.ig(t, nil).Send(context.Background(), platforms.OutgoingMessage{
		ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM, Text: "Yes — fully food safe ✅"})
	if err != nil {
		t.Fatal(err)
	}
	got := e.fake.Sent()
	if len(got) != 1 || got[0].Kind != "message" || got[0].RecipientID != customer(1).ID || got[0].Text != "Yes — fully food safe ✅" || got[0].ID != sent.ExternalID {
		t.Fatalf("fake saw %+v, connector returned %+v", got, sent)
	}
	if !sent.SentAt.Equal(t0) {
		t.Errorf("SentAt = %v, want the clock's %v", sent.SentAt, t0)
	}
}

func TestSendAfterTheWindowIsWindowClosed(t *testing.T) {
	for _, fl := range []string{"instagram", "facebook"} {
		t.Run(fl, func(t *testing.T) {
			e := newEnv(t)
			platform, c := metafake.Instagram, platforms.Connector(nil)
			if fl == "facebook" {
				platform = metafake.Messenger
				c = e.fb(t, nil)
			} else {
				c = e.ig(t, nil)
			}
			conv := e.fake.AddConversation(platform, customer(2))
			e.fake.AddMessage(conv, "hello?", t0.Add(-25*time.Hour), false)
			_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM, Text: "sorry for the wait"})
			wantKind(t, err, platforms.KindWindowClosed)
			if n := len(e.fake.Sent()); n != 0 {
				t.Errorf("the fake recorded %d sends", n)
			}
		})
	}
}

func TestHumanAgentExtendsTheWindowWhenGranted(t *testing.T) {
	e := newEnv(t)
	e.fake.HumanAgent = true
	conv := e.fake.AddConversation(metafake.Messenger, customer(3))
	e.fake.AddMessage(conv, "any update on my order?", t0.Add(-3*24*time.Hour), false)
	c := e.fb(t, map[string]string{meta.ExtraHumanAgent: "true"})
	if _, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM, Text: "It shipped today."}); err != nil {
		t.Fatal(err)
	}
	got := e.fake.Sent()
	if len(got) != 1 || got[0].Tag != "HUMAN_AGENT" {
		t.Fatalf("sent = %+v, want one HUMAN_AGENT message", got)
	}
	w := c.(platforms.WindowReporter).MessagingWindow(platforms.ThreadDM)
	if d, ok := w.Deadline(t0); !ok || !d.Equal(t0.Add(7*24*time.Hour)) {
		t.Errorf("deadline = %v %v, want 7 days", d, ok)
	}
	// After 7 days even the tag is refused.
	e.fake.Clock.Advance(5 * 24 * time.Hour)
	_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM, Text: "late"})
	wantKind(t, err, platforms.KindWindowClosed)
}

func TestMessagingWindowWithoutHumanAgent(t *testing.T) {
	e := newEnv(t)
	w := e.ig(t, nil).(platforms.WindowReporter)
	if d, ok := w.MessagingWindow(platforms.ThreadDM).Deadline(t0); !ok || !d.Equal(t0.Add(24*time.Hour)) {
		t.Errorf("DM deadline = %v %v, want 24 h", d, ok)
	}
	cw := w.MessagingWindow(platforms.ThreadComment)
	if _, ok := cw.Deadline(t0); ok || cw.PrivateReply != 7*24*time.Hour {
		t.Errorf("comment window = %+v", cw)
	}
}

func TestInstagramDMLengthIsCheckedInBytes(t *testing.T) {
	e := newEnv(t)
	conv := e.fake.AddConversation(metafake.Instagram, customer(1))
	e.fake.AddMessage(conv, "hi", t0, false)
	text := strings.Repeat("好", 334) // 1002 bytes, 334 characters
	_, err := e.ig(t, nil).Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM, Text: text})
	wantKind(t, err, platforms.KindPermanent)
	if len(e.fake.Sent()) != 0 {
		t.Error("a too-long message reached the platform")
	}
}

func TestReplyToCommentAndToAReply(t *testing.T) {
	e := newEnv(t)
	post := e.fake.AddPost(metafake.Instagram, "Kiln day", t0.Add(-time.Hour))
	top := e.fake.AddComment(post, customer(1), "What temperature?", t0.Add(-30*time.Minute), "")
	sub := e.fake.AddComment(post, customer(2), "Same question!", t0.Add(-20*time.Minute), top.ID)
	c := e.ig(t, nil)
	if _, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: post.ID, ThreadKind: platforms.ThreadComment,
		Text: "Cone 6 🔥", ReplyToExternalID: sub.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: post.ID, ThreadKind: platforms.ThreadComment, Text: "Thanks all!"}); err != nil {
		t.Fatal(err)
	}
	got := e.fake.Sent()
	if len(got) != 2 || got[0].Kind != "reply" || got[0].TargetID != top.ID || got[1].Kind != "comment" || got[1].TargetID != post.ID {
		t.Fatalf("sent = %+v", got)
	}
}

func TestPrivateReplyOncePerComment(t *testing.T) {
	e := newEnv(t)
	post := e.fake.AddPost(metafake.Instagram, "Giveaway", t0.Add(-time.Hour))
	cm := e.fake.AddComment(post, customer(4), "price?", t0.Add(-10*time.Minute), "")
	old := e.fake.AddComment(post, customer(5), "price??", t0.Add(-8*24*time.Hour), "")
	pr := e.ig(t, nil).(platforms.PrivateReplier)
	if _, err := pr.PrivateReply(context.Background(), cm.ID, "Sent you the price list 💌"); err != nil {
		t.Fatal(err)
	}
	_, err := pr.PrivateReply(context.Background(), cm.ID, "again")
	wantKind(t, err, platforms.KindWindowClosed)
	_, err = pr.PrivateReply(context.Background(), old.ID, "too late")
	wantKind(t, err, platforms.KindWindowClosed)
	if got := e.fake.Sent(); len(got) != 1 || got[0].Kind != "private_reply" || got[0].CommentID != cm.ID {
		t.Fatalf("sent = %+v", got)
	}
}

func TestModerateHideUnhideDelete(t *testing.T) {
	for _, fl := range []string{"instagram", "facebook"} {
		t.Run(fl, func(t *testing.T) {
			e := newEnv(t)
			platform := metafake.Instagram
			var c platforms.Connector
			if fl == "facebook" {
				platform, c = metafake.Messenger, e.fb(t, nil)
			} else {
				c = e.ig(t, nil)
			}
			post := e.fake.AddPost(platform, "post", t0.Add(-time.Hour))
			cm := e.fake.AddComment(post, customer(1), "spam spam", t0.Add(-time.Minute), "")
			mod := c.(platforms.Moderator)
			ctx := context.Background()
			if err := mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: cm.ID}); err != nil {
				t.Fatal(err)
			}
			if got, _ := e.fake.Comment(cm.ID); !got.Hidden {
				t.Error("hide did not hide")
			}
			if err := mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateUnhide, TargetExternalID: cm.ID}); err != nil {
				t.Fatal(err)
			}
			if got, _ := e.fake.Comment(cm.ID); got.Hidden {
				t.Error("unhide did not show the comment")
			}
			if err := mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: cm.ID}); err != nil {
				t.Fatal(err)
			}
			if _, ok := e.fake.Comment(cm.ID); ok {
				t.Error("delete left the comment")
			}
			// Deleting again succeeds: it is gone either way.
			if err := mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: cm.ID}); err != nil {
				t.Errorf("second delete: %v", err)
			}
			err := mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateBlock, TargetExternalID: cm.ID})
			wantKind(t, err, platforms.KindPermanent)
		})
	}
}
