package bluesky_test

import (
	"context"
	"net/http"
	"regexp"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
)

type keyedPublisher interface {
	PublishKeyed(ctx context.Context, post platforms.Post, key string) (platforms.SentMessage, error)
	IdempotencyWindow() time.Duration
}

func TestPublishKeyedMakesOnePost(t *testing.T) {
	srv, c := start(t)
	p := c.(keyedPublisher)
	if p.IdempotencyWindow() != 0 {
		t.Fatal("record keys never expire")
	}
	first, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "Linen restock 🌿"}, "cd-key-1")
	if err != nil {
		t.Fatal(err)
	}
	again, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "Linen restock 🌿"}, "cd-key-1")
	if err != nil {
		t.Fatal(err)
	}
	if again.ExternalID != first.ExternalID {
		t.Fatalf("%q != %q", again.ExternalID, first.ExternalID)
	}
	posts := srv.Posts()
	if len(posts) != 1 || posts[0].URI != first.ExternalID || posts[0].Text != "Linen restock 🌿" {
		t.Fatalf("posts = %+v", posts)
	}
	if _, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "Another"}, "cd-key-2"); err != nil {
		t.Fatal(err)
	}
	if len(srv.Posts()) != 2 {
		t.Fatal("a new key must make a new post")
	}
}

func TestPublishKeyedTransientFailure(t *testing.T) {
	srv, c := start(t)
	p := c.(keyedPublisher)
	if _, err := c.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv.FailNext(1, http.StatusBadGateway)
	if _, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "x"}, "k"); platforms.KindOf(err) != platforms.KindTransient {
		t.Fatalf("err = %v", err)
	}
	if len(srv.Posts()) != 0 {
		t.Fatal("posted despite the failure")
	}
}

func TestKeyedRecordKeyIsAStableTID(t *testing.T) {
	tid := regexp.MustCompile(`^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$`)
	a, b := bluesky.KeyedRecordKey("one"), bluesky.KeyedRecordKey("two")
	if !tid.MatchString(a) || !tid.MatchString(b) || a == b || bluesky.KeyedRecordKey("one") != a {
		t.Fatalf("keys %q %q", a, b)
	}
}
