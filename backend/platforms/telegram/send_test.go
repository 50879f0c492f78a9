package telegram_test

import (
	"context"
	"strings"
	"testing"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram/telegramfake"
)

func TestSend(t *testing.T) {
	tests := []struct {
		name      string
		msg       platforms.OutgoingMessage
		wantChat  int64
		wantReply int64
	}{
		{"plain text", platforms.OutgoingMessage{ThreadExternalID: "111", ThreadKind: platforms.ThreadDM, Text: "thanks!"}, 111, 0},
		{"markup is sent verbatim", platforms.OutgoingMessage{ThreadExternalID: "111", Text: `<script>alert(1)</script> <b>x</b> &amp; *y* _z_`}, 111, 0},
		{"reply in the same chat", platforms.OutgoingMessage{ThreadExternalID: "111", Text: "re", ReplyToExternalID: "111:1"}, 111, 1},
		{"reply to another chat is dropped", platforms.OutgoingMessage{ThreadExternalID: "111", Text: "re", ReplyToExternalID: "-100200:1"}, 111, 0},
		{"reply to a deleted message still sends", platforms.OutgoingMessage{ThreadExternalID: "111", Text: "re", ReplyToExternalID: "111:99"}, 111, 99},
		{"group chat", platforms.OutgoingMessage{ThreadExternalID: "-100200", Text: "hello fans"}, -100200, 0},
		{"longest text", platforms.OutgoingMessage{ThreadExternalID: "111", Text: strings.Repeat("a", 4096)}, 111, 0},
		{"longest emoji text", platforms.OutgoingMessage{ThreadExternalID: "111", Text: strings.Repeat("😀", 2048)}, 111, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			srv.AddMessage(aliceChat, alice, "hi", t0)
			srv.AddMessage(fans, bob, "hi all", t0)
			got, err := c.Send(context.Background(), tt.msg)
			if err != nil {
				t.Fatal(err)
			}
			sent := srv.Sent()
			want := telegramfake.SentMessage{ChatID: tt.wantChat, MessageID: 2, Text: tt.msg.Text, ReplyToMessageID: tt.wantReply, Method: "sendMessage"}
			if len(sent) != 1 {
				t.Fatalf("fake received %d messages, want 1", len(sent))
			}
			want.Date = sent[0].Date
			if sent[0] != want {
				t.Fatalf("fake received %+v, want %+v", sent[0], want)
			}
			if got.ExternalID != tt.msg.ThreadExternalID+":2" || !got.SentAt.Equal(sent[0].Date) || got.SentAt.Location().String() != "UTC" {
				t.Fatalf("Send returned %+v, want id %s:2 sent at %v UTC", got, tt.msg.ThreadExternalID, sent[0].Date)
			}
		})
	}
}

func TestSendUnknownChat(t *testing.T) {
	srv, c := start(t)
	_, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: "424242", Text: "hello?"})
	if pe := wantKind(t, err, platforms.KindPermanent); !strings.Contains(pe.Message, "chat not found") {
		t.Fatalf("error %v lacks Telegram's description", pe)
	}
	if n := len(srv.Sent()); n != 0 {
		t.Fatalf("fake recorded %d messages", n)
	}
}

// TestSendRejectsBeforeNetwork uses a closed port: reaching the network
// would give a transient error instead of the permanent one.
func TestSendRejectsBeforeNetwork(t *testing.T) {
	c := connect(t, closedURL(t), token)
	tests := []struct {
		name string
		msg  platforms.OutgoingMessage
	}{
		{"empty text", platforms.OutgoingMessage{ThreadExternalID: "111", Text: ""}},
		{"blank text", platforms.OutgoingMessage{ThreadExternalID: "111", Text: " \n\t"}},
		{"text too long", platforms.OutgoingMessage{ThreadExternalID: "111", Text: strings.Repeat("a", 4097)}},
		{"emoji text too long", platforms.OutgoingMessage{ThreadExternalID: "111", Text: strings.Repeat("😀", 2049)}},
		{"chat id not a number", platforms.OutgoingMessage{ThreadExternalID: "alice", Text: "hi"}},
		{"empty chat id", platforms.OutgoingMessage{Text: "hi"}},
		{"comment thread", platforms.OutgoingMessage{ThreadExternalID: "111", ThreadKind: platforms.ThreadComment, Text: "hi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Send(context.Background(), tt.msg)
			wantKind(t, err, platforms.KindPermanent)
		})
	}
}
