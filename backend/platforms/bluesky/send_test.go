package bluesky_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
	"creatordesk/backend/platforms/bluesky/blueskyfake"
)

// Texts at and past the limits, counted in graphemes (what people see),
// not in runes or bytes.
var (
	thumbs      = "👍🏽"                           // 2 runes, 8 bytes, 1 grapheme
	eAcute      = "e\u0301"                      // 2 runes, 1 grapheme
	dm1000Emoji = strings.Repeat("😀", 1000)      // 4000 bytes
	dm1000Marks = strings.Repeat(eAcute, 1000)   // 2000 runes
	post300     = strings.Repeat(thumbs, 300)    // 600 runes, 2400 bytes
	post300Text = strings.Repeat("a", 299) + "😀" // 300 graphemes
)

func TestSendDM(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"plain text", "thanks!"},
		{"markup is sent verbatim", `<script>alert(1)</script> **bold** @someone #tag`},
		{"1000 emoji", dm1000Emoji},
		{"1000 combining graphemes (2000 runes)", dm1000Marks},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			convo := srv.AddConvo(alice)
			got, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: convo, ThreadKind: platforms.ThreadDM, Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			sent := srv.SentMessages()
			if len(sent) != 1 || sent[0].ConvoID != convo || sent[0].Text != tt.text {
				t.Fatalf("fake received %+v", sent)
			}
			if got.ExternalID != sent[0].ID || !got.SentAt.Equal(sent[0].SentAt) || got.SentAt.Location() != time.UTC {
				t.Fatalf("Send returned %+v, want id %s sent at %v UTC", got, sent[0].ID, sent[0].SentAt)
			}
			// The sent message comes back through the log as the account's own.
			s := drain(t, c, "", 100)
			if m := s.byID()[got.ExternalID]; m.Direction != platforms.DirectionOut || m.Text != tt.text {
				t.Fatalf("synced back as %+v", m)
			}
		})
	}
}

func TestSendDMRefused(t *testing.T) {
	tests := []struct {
		name     string
		prepare  func(srv *blueskyfake.Server, convo string) string
		wantKind platforms.ErrorKind
		wantText string
	}{
		{"locked convo", func(srv *blueskyfake.Server, convo string) string { srv.LockConvo(convo); return convo },
			platforms.KindWindowClosed, "ConvoLocked"},
		{"unknown convo", func(*blueskyfake.Server, string) string { return "convo-that-does-not-exist" },
			platforms.KindPermanent, "InvalidConvo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			convo := tt.prepare(srv, srv.AddConvo(alice))
			_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: convo, ThreadKind: platforms.ThreadDM, Text: "hi"})
			if pe := wantKind(t, err, tt.wantKind); !strings.Contains(pe.Message, tt.wantText) {
				t.Fatalf("error %q lacks %q", pe.Message, tt.wantText)
			}
			if n := len(srv.SentMessages()); n != 0 {
				t.Fatalf("fake recorded %d messages", n)
			}
		})
	}
}

func TestReplyToComment(t *testing.T) {
	srv, c := start(t)
	root := srv.AddOwnPost("New video is out!", t0)
	aliceReply, err := srv.AddReply(alice, root, "love it", t0.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	bobReply, err := srv.AddReply(bob, aliceReply, "me too", t0.Add(2*time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	mention := srv.AddMention(carol, "@creator.test hi", t0.Add(3*time.Minute))
	tests := []struct {
		name              string
		msg               platforms.OutgoingMessage
		wantRoot, wantPar string
	}{
		{"reply to a comment", platforms.OutgoingMessage{ThreadExternalID: root, ThreadKind: platforms.ThreadComment, ReplyToExternalID: aliceReply, Text: "thank you!"},
			root, aliceReply},
		{"reply to a reply keeps the thread's root", platforms.OutgoingMessage{ThreadExternalID: root, ThreadKind: platforms.ThreadComment, ReplyToExternalID: bobReply, Text: "🙏"},
			root, bobReply},
		{"no comment named: reply to the thread's post", platforms.OutgoingMessage{ThreadExternalID: root, ThreadKind: platforms.ThreadComment, Text: "pinned: links below"},
			root, root},
		{"answer a mention", platforms.OutgoingMessage{ThreadExternalID: mention, ThreadKind: platforms.ThreadComment, Text: "hey"},
			mention, mention},
		{"thread kind inferred from the at-uri", platforms.OutgoingMessage{ThreadExternalID: root, ReplyToExternalID: aliceReply, Text: "x"},
			root, aliceReply},
		{"300 graphemes with skin tones", platforms.OutgoingMessage{ThreadExternalID: root, ThreadKind: platforms.ThreadComment, Text: post300},
			root, root},
		{"300 graphemes ending in an emoji", platforms.OutgoingMessage{ThreadExternalID: root, ThreadKind: platforms.ThreadComment, Text: post300Text},
			root, root},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.Posts())
			got, err := c.Send(context.Background(), tt.msg)
			if err != nil {
				t.Fatal(err)
			}
			posts := srv.Posts()
			if len(posts) != before+1 {
				t.Fatalf("fake has %d new posts, want 1", len(posts)-before)
			}
			p := posts[len(posts)-1]
			if p.URI != got.ExternalID || p.Text != tt.msg.Text || p.ReplyRoot.URI != tt.wantRoot || p.ReplyParent.URI != tt.wantPar ||
				p.ReplyRoot.CID == "" || p.ReplyParent.CID == "" {
				t.Fatalf("fake got %+v (Send returned %+v); want root %s parent %s with CIDs", p, got, tt.wantRoot, tt.wantPar)
			}
			if !strings.HasPrefix(got.ExternalID, "at://"+ownDID+"/app.bsky.feed.post/") || got.SentAt.IsZero() {
				t.Fatalf("Send returned %+v", got)
			}
		})
	}
}

func TestReplyToDeletedPost(t *testing.T) {
	srv, c := start(t)
	root := srv.AddOwnPost("hello", t0)
	gone := "at://" + alice.DID + "/app.bsky.feed.post/3kdeleted"
	_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: root, ThreadKind: platforms.ThreadComment, ReplyToExternalID: gone, Text: "hi"})
	wantKind(t, err, platforms.KindPermanent)
	if n := len(srv.Posts()); n != 0 {
		t.Fatalf("fake recorded %d posts", n)
	}
}

// TestSendRejectsBeforeNetwork uses a closed port: reaching the network
// would give a transient error instead of the permanent one.
func TestSendRejectsBeforeNetwork(t *testing.T) {
	c := connect(t, bluesky.NewSessions(nil), closedURL(t), "creator.test", appPassword)
	root := "at://" + ownDID + "/app.bsky.feed.post/3kroot"
	dm := func(text string) platforms.OutgoingMessage {
		return platforms.OutgoingMessage{ThreadExternalID: "convo1", ThreadKind: platforms.ThreadDM, Text: text}
	}
	comment := func(text string) platforms.OutgoingMessage {
		return platforms.OutgoingMessage{ThreadExternalID: root, ThreadKind: platforms.ThreadComment, Text: text}
	}
	tests := []struct {
		name string
		msg  platforms.OutgoingMessage
	}{
		{"empty DM", dm("")},
		{"blank DM", dm(" \n\t")},
		{"1001 emoji DM", dm(dm1000Emoji + "😀")},
		{"1001 combining graphemes DM", dm(dm1000Marks + eAcute)},
		{"DM over 10000 bytes", dm(strings.Repeat("👨‍👩‍👧‍👦", 500))},
		{"empty convo id", dm("hi")},
		{"301 graphemes reply", comment(post300 + thumbs)},
		{"301 graphemes of ASCII", comment(strings.Repeat("a", 301))},
		{"empty reply", comment("")},
		{"comment thread that is not an at-uri", platforms.OutgoingMessage{ThreadExternalID: "123", ThreadKind: platforms.ThreadComment, Text: "hi"}},
		{"reply target that is not a post", platforms.OutgoingMessage{ThreadExternalID: root, ThreadKind: platforms.ThreadComment,
			ReplyToExternalID: "at://did:plc:x/app.bsky.feed.like/1", Text: "hi"}},
		{"unknown thread kind", platforms.OutgoingMessage{ThreadExternalID: "x", ThreadKind: "email", Text: "hi"}},
	}
	tests[5].msg.ThreadExternalID = ""
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Send(context.Background(), tt.msg)
			wantKind(t, err, platforms.KindPermanent)
		})
	}
}

func TestPublish(t *testing.T) {
	srv, c := start(t)
	pub := c.(platforms.Publisher)
	got, err := pub.Publish(context.Background(), platforms.Post{Text: "New merch drop " + thumbs, Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	posts := srv.Posts()
	if len(posts) != 1 || posts[0].URI != got.ExternalID || posts[0].Text != "New merch drop "+thumbs || posts[0].ReplyRoot.URI != "" {
		t.Fatalf("fake has %+v, Publish returned %+v", posts, got)
	}
	for _, bad := range []platforms.Post{{Text: post300 + "!"}, {Text: "  "}, {Text: "hi", Visibility: "unlisted"}} {
		_, err := pub.Publish(context.Background(), bad)
		wantKind(t, err, platforms.KindPermanent)
	}
	if len(srv.Posts()) != 1 {
		t.Fatal("a refused post reached the fake")
	}
}
