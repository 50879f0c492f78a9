package mastodon_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

type keyedPublisher interface {
	PublishKeyed(ctx context.Context, post platforms.Post, key string) (platforms.SentMessage, error)
	IdempotencyWindow() time.Duration
}

func TestPublishKeyedIsIdempotent(t *testing.T) {
	srv, c := start(t)
	p := c.(keyedPublisher)
	if p.IdempotencyWindow() != time.Hour {
		t.Fatalf("window = %v", p.IdempotencyWindow())
	}
	first, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "Studio tour at noon"}, "cd-occurrence-1")
	if err != nil {
		t.Fatal(err)
	}
	again, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "Studio tour at noon"}, "cd-occurrence-1")
	if err != nil {
		t.Fatal(err)
	}
	other, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "Studio tour at noon"}, "cd-occurrence-2")
	if err != nil {
		t.Fatal(err)
	}
	if first.ExternalID == "" || again.ExternalID != first.ExternalID || other.ExternalID == first.ExternalID {
		t.Fatalf("ids: %q %q %q", first.ExternalID, again.ExternalID, other.ExternalID)
	}
	sent := srv.Sent()
	if len(sent) != 2 || sent[0].IdempotencyKey != "cd-occurrence-1" || sent[0].Visibility != "public" {
		t.Fatalf("sent = %+v", sent)
	}
}

func TestPublishKeyedErrors(t *testing.T) {
	srv, c := start(t)
	p := c.(keyedPublisher)
	if _, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "x"}, ""); platforms.KindOf(err) != platforms.KindPermanent {
		t.Errorf("empty key: %v", err)
	}
	if _, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "x", Visibility: "secret"}, "k"); platforms.KindOf(err) != platforms.KindPermanent {
		t.Errorf("bad visibility: %v", err)
	}
	srv.SetFaultScope(http.MethodPost, "/api/v1/statuses")
	srv.FailNext(1, http.StatusServiceUnavailable)
	if _, err := p.PublishKeyed(context.Background(), platforms.Post{Text: "x"}, "k"); platforms.KindOf(err) != platforms.KindTransient {
		t.Errorf("503: %v", err)
	}
}
