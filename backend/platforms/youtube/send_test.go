package youtube_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

func TestSendReply(t *testing.T) {
	e := start(t, nil)
	e.srv.AddVideo(videos[0].ID, videos[0].Title)
	th := e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: alice, Text: "Do you ship to Canada?", At: t0.Add(-time.Hour)})
	r := e.srv.AddReply(th, youtubefake.Comment{Author: bob, Text: "+1", At: t0.Add(-time.Minute)})
	tests := []struct {
		name   string
		msg    platforms.OutgoingMessage
		parent string
	}{
		{"comment thread", platforms.OutgoingMessage{ThreadExternalID: th, ThreadKind: platforms.ThreadComment, Text: "Yes! 🇨🇦 & the US"}, th},
		{"empty kind means comment", platforms.OutgoingMessage{ThreadExternalID: th, Text: "second"}, th},
		{"a reply id answers its thread", platforms.OutgoingMessage{ThreadExternalID: r, ThreadKind: platforms.ThreadComment, Text: "to bob", ReplyToExternalID: r}, th},
		{"exactly 10,000 characters", platforms.OutgoingMessage{ThreadExternalID: th, Text: strings.Repeat("é", 10000)}, th},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(e.srv.Sent())
			sent, err := e.conn.Send(ctx, tt.msg)
			if err != nil {
				t.Fatal(err)
			}
			all := e.srv.Sent()
			if len(all) != before+1 {
				t.Fatalf("%d replies recorded, want one more", len(all)-before)
			}
			got := all[before]
			if got.ParentID != tt.parent || got.Text != tt.msg.Text || got.ID != sent.ExternalID || !sent.SentAt.Equal(t0) {
				t.Fatalf("sent %+v, returned %+v", got, sent)
			}
		})
	}
	// The replies come back on the next poll as the account's own messages.
	m := byID(drain(t, e.conn, "", 100).msgs)
	for _, s := range e.srv.Sent() {
		if msg, ok := m[s.ID]; !ok || msg.Direction != platforms.DirectionOut || msg.ThreadExternalID != th || msg.Text != s.Text {
			t.Fatalf("sent reply %s polled as %+v", s.ID, msg)
		}
	}
}

func TestSendRefusedBeforeCalling(t *testing.T) {
	e := start(t, nil)
	th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "hi", At: t0.Add(-time.Hour)})
	tests := []struct {
		name string
		msg  platforms.OutgoingMessage
		want string
	}{
		{"no DMs on YouTube", platforms.OutgoingMessage{ThreadExternalID: th, ThreadKind: platforms.ThreadDM, Text: "psst"}, "no direct messages"},
		{"unknown kind", platforms.OutgoingMessage{ThreadExternalID: th, ThreadKind: "story", Text: "x"}, "unknown thread kind"},
		{"empty text", platforms.OutgoingMessage{ThreadExternalID: th, Text: " \n "}, "empty"},
		{"too long", platforms.OutgoingMessage{ThreadExternalID: th, Text: strings.Repeat("😀", 10001)}, "at most 10000"},
		{"invalid thread id", platforms.OutgoingMessage{ThreadExternalID: "a/b?c", Text: "x"}, "invalid thread id"},
		{"missing thread id", platforms.OutgoingMessage{Text: "x"}, "invalid thread id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.conn.Send(ctx, tt.msg)
			if pe := wantKind(t, err, platforms.KindPermanent); !strings.Contains(pe.Message, tt.want) {
				t.Fatalf("message %q, want it to mention %q", pe.Message, tt.want)
			}
		})
	}
	if n := len(e.srv.Requests()); n != 0 {
		t.Fatalf("%d requests sent for refused replies", n)
	}
	if used, _, _ := quota(t, e.conn).Quota(); used != 0 {
		t.Fatalf("refused replies used %d units", used)
	}
}

func TestSendErrors(t *testing.T) {
	e := start(t, nil)
	th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "hi", At: t0.Add(-time.Hour)})
	tests := []struct {
		name      string
		inject    func()
		thread    string
		wantKind  platforms.ErrorKind
		wantCode  int
		wantText  string
		wantSaved int // replies the fake created
	}{
		{"unknown parent", func() {}, "UgxUnknownParent", platforms.KindPermanent, 404, "parentCommentNotFound", 0},
		{"comments disabled", func() { e.srv.FailNext(1, http.StatusForbidden) }, th, platforms.KindPermanent, 403, "commentsDisabled", 0},
		{"server error", func() { e.srv.FailNext(1, http.StatusServiceUnavailable) }, th, platforms.KindTransient, 503, "backendError", 0},
		{"answer cut off after the reply was made", func() { e.srv.TruncateNext(1) }, th, platforms.KindPermanent, 0, "probably posted", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(e.srv.Sent())
			tt.inject()
			_, err := e.conn.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: tt.thread, ThreadKind: platforms.ThreadComment, Text: "hello"})
			pe := wantKind(t, err, tt.wantKind)
			if pe.Code != tt.wantCode || !strings.Contains(pe.Message, tt.wantText) {
				t.Fatalf("got %v, want code %d mentioning %q", err, tt.wantCode, tt.wantText)
			}
			if n := len(e.srv.Sent()) - before; n != tt.wantSaved {
				t.Fatalf("%d replies created, want %d", n, tt.wantSaved)
			}
		})
	}
}
