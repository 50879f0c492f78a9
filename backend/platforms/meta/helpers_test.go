package meta_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/meta/metafake"
)

const (
	igToken   = "IGQVJtest-instagram-token"
	pageToken = "EAAtest-page-token"
)

// t0 is the fixed start of every test's clock.
var t0 = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// env is a fake plus a factory whose clock and sleeps are the fake's clock.
type env struct {
	fake    *metafake.Server
	url     string
	factory *meta.Factory

	mu     sync.Mutex
	sleeps []time.Duration
}

func newEnv(t *testing.T) *env {
	t.Helper()
	f := metafake.New()
	f.Clock.Set(t0)
	f.AddToken(igToken, metafake.Instagram, 60*24*time.Hour)
	f.AddToken(pageToken, metafake.Messenger, 0)
	e := &env{fake: f, url: f.Start()}
	t.Cleanup(f.Close)
	e.factory = meta.NewFactory(meta.Options{
		Now: f.Clock.Now,
		Sleep: func(ctx context.Context, d time.Duration) error {
			e.mu.Lock()
			e.sleeps = append(e.sleeps, d)
			e.mu.Unlock()
			f.Clock.Advance(d)
			return ctx.Err()
		},
	})
	return e
}

// slept returns the sleeps so far and forgets them.
func (e *env) slept() []time.Duration {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := e.sleeps
	e.sleeps = nil
	return out
}

// ig builds an Instagram connector (extra may be nil).
func (e *env) ig(t *testing.T, extra map[string]string) platforms.Connector {
	t.Helper()
	c, err := e.factory.Instagram(platforms.Credentials{BaseURL: e.url, Token: igToken, Extra: extra})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fb builds a Facebook Page connector.
func (e *env) fb(t *testing.T, extra map[string]string) platforms.Connector {
	t.Helper()
	x := map[string]string{meta.ExtraPageID: e.fake.Page.ID}
	for k, v := range extra {
		x[k] = v
	}
	c, err := e.factory.Facebook(platforms.Credentials{BaseURL: e.url, Token: pageToken, Extra: x})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// syncAll polls until More is false and returns every message and the final cursor.
func syncAll(t *testing.T, c platforms.Connector, cursor string, limit int) ([]platforms.Message, string, int) {
	t.Helper()
	var all []platforms.Message
	pages := 0
	for i := 0; i < 100; i++ {
		p, err := c.Poll(context.Background(), cursor, platforms.PollOptions{Limit: limit})
		if err != nil {
			t.Fatalf("poll %d: %v", i, err)
		}
		pages++
		all = append(all, p.Messages...)
		cursor = p.Cursor
		if !p.More {
			return all, cursor, pages
		}
	}
	t.Fatal("poll never finished")
	return nil, "", 0
}

// byID indexes messages by external id.
func byID(msgs []platforms.Message) map[string]platforms.Message {
	out := map[string]platforms.Message{}
	for _, m := range msgs {
		out[m.ExternalID] = m
	}
	return out
}

// kindOf asserts an error's kind.
func wantKind(t *testing.T, err error, kind platforms.ErrorKind) *platforms.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("want a %s error, got nil", kind)
	}
	if got := platforms.KindOf(err); got != kind {
		t.Fatalf("want a %s error, got %s: %v", kind, got, err)
	}
	pe, _ := err.(*platforms.Error)
	return pe
}

// customer returns the n-th test customer.
func customer(n int) metafake.Person {
	names := []string{"Ana Popescu", "李小龙", "Priya Sharma", "Sam Lee", "陳美玲"}
	return metafake.Person{ID: fmt.Sprintf("IGSID%04d", n), Username: fmt.Sprintf("fan%d", n), Name: names[n%len(names)]}
}
