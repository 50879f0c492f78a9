package meta_test

import (
	"context"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/meta/metafake"
)

// publishEnv is a fake serving the Page publishing route and a factory on its clock.
func publishEnv(t *testing.T) (*metafake.Server, string, *meta.Factory) {
	t.Helper()
	f := metafake.New()
	f.Clock.Set(t0)
	f.AddToken(igToken, metafake.Instagram, 60*24*time.Hour)
	f.AddToken(pageToken, metafake.Messenger, 0)
	url := f.StartPublishing()
	t.Cleanup(f.Close)
	return f, url, meta.NewFactory(meta.Options{Now: f.Clock.Now, Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }})
}

func TestPublishOnAFacebookPage(t *testing.T) {
	f, url, factory := publishEnv(t)
	c, err := factory.Facebook(platforms.Credentials{BaseURL: url, Token: pageToken, Extra: map[string]string{meta.ExtraPageID: f.Page.ID}})
	if err != nil {
		t.Fatal(err)
	}
	pub, ok := c.(platforms.Publisher)
	if !ok {
		t.Fatal("the Facebook connector does not publish")
	}
	if cp, ok := c.(interface{ CanPublish() bool }); !ok || !cp.CanPublish() {
		t.Fatal("a Facebook Page should say it can publish")
	}
	sent, err := pub.Publish(context.Background(), platforms.Post{Text: "  New glazes are in the shop this Friday 🎉  "})
	if err != nil {
		t.Fatal(err)
	}
	got := f.Published()
	if len(got) != 1 || got[0].ID != sent.ExternalID || got[0].Caption != "New glazes are in the shop this Friday 🎉" || !sent.SentAt.Equal(t0) {
		t.Fatalf("fake published %+v, connector returned %+v", got, sent)
	}
	if _, err := pub.Publish(context.Background(), platforms.Post{Text: " "}); err == nil {
		t.Fatal("an empty post was published")
	} else {
		wantKind(t, err, platforms.KindPermanent)
	}
	// A failing Graph call is transient (the scheduler retries it) and publishes nothing.
	f.Faults.FailNext(1, 500)
	_, err = pub.Publish(context.Background(), platforms.Post{Text: "second"})
	wantKind(t, err, platforms.KindTransient)
	if n := len(f.Published()); n != 1 {
		t.Fatalf("published %d after a failure", n)
	}
}

func TestInstagramDoesNotPublishText(t *testing.T) {
	f, url, factory := publishEnv(t)
	c, err := factory.Instagram(platforms.Credentials{BaseURL: url, Token: igToken})
	if err != nil {
		t.Fatal(err)
	}
	if cp, ok := c.(interface{ CanPublish() bool }); !ok || cp.CanPublish() {
		t.Fatal("Instagram should say it cannot publish a text post")
	}
	_, err = c.(platforms.Publisher).Publish(context.Background(), platforms.Post{Text: "hello"})
	wantKind(t, err, platforms.KindPermanent)
	if len(f.Published()) != 0 {
		t.Fatal("Instagram published")
	}
}
