package telegram_test

import (
	"context"
	"testing"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
)

type channelPublisher interface {
	PublishTo(ctx context.Context, channel string, post platforms.Post) (platforms.SentMessage, error)
}

func TestPublishToChannel(t *testing.T) {
	srv, c := start(t)
	ch := srv.AddChannel(-1009876543210, "calm_studio", "Calm Studio")
	p := c.(channelPublisher)
	for _, target := range []string{"@calm_studio", "@CALM_STUDIO", "-1009876543210"} {
		sent, err := p.PublishTo(context.Background(), target, platforms.Post{Text: "New drop at 18:00"})
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		if sent.ExternalID == "" || sent.SentAt.IsZero() {
			t.Fatalf("%s: sent = %+v", target, sent)
		}
	}
	if posts := srv.ChannelPosts(ch.ID); len(posts) != 3 || posts[0].Text != "New drop at 18:00" {
		t.Fatalf("posts = %+v", posts)
	}
}

func TestPublishToChannelRefusals(t *testing.T) {
	srv, c := start(t)
	srv.AddChannel(-1009876543210, "calm_studio", "Calm Studio")
	p := c.(channelPublisher)
	cases := map[string]struct {
		channel string
		post    platforms.Post
	}{
		"unknown channel":    {"@nobody_here", platforms.Post{Text: "hi"}},
		"positive id":        {"12345", platforms.Post{Text: "hi"}},
		"empty text":         {"@calm_studio", platforms.Post{Text: "  "}},
		"private visibility": {"@calm_studio", platforms.Post{Text: "hi", Visibility: "private"}},
	}
	for name, tc := range cases {
		if _, err := p.PublishTo(context.Background(), tc.channel, tc.post); platforms.KindOf(err) != platforms.KindPermanent {
			t.Errorf("%s: err = %v, want a permanent error", name, err)
		}
	}
	if n := len(srv.Sent()); n != 0 {
		t.Fatalf("sent %d", n)
	}
}

func TestNewChannelPublishes(t *testing.T) {
	srv := telegramfake.New(token)
	t.Cleanup(srv.Close)
	ch := srv.AddChannel(-1001, "calm_studio", "Calm Studio")
	conn, err := telegram.NewChannel(platforms.Credentials{BaseURL: srv.Start(), Token: token, Extra: map[string]string{telegram.ChannelKey: "@calm_studio"}})
	if err != nil {
		t.Fatal(err)
	}
	if !platforms.Has(conn.Capabilities(), platforms.CapPublish) {
		t.Fatal("no publish capability")
	}
	if _, err := conn.(platforms.Publisher).Publish(context.Background(), platforms.Post{Text: "hello channel"}); err != nil {
		t.Fatal(err)
	}
	if len(srv.ChannelPosts(ch.ID)) != 1 {
		t.Fatal("not posted")
	}
	plain, err := telegram.NewChannel(platforms.Credentials{BaseURL: srv.Start(), Token: token})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := plain.(platforms.Publisher); ok {
		t.Fatal("a bot without a channel must not claim to publish")
	}
	if _, err := telegram.NewChannel(platforms.Credentials{BaseURL: srv.Start(), Token: token, Extra: map[string]string{telegram.ChannelKey: "42"}}); err == nil {
		t.Fatal("a positive id is not a channel")
	}
}
