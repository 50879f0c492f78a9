package mastodon_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/mastodon"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
)

const token = "mstdn-test-token-not-real-0123456789+/="

var (
	alice = mastodonfake.Account{ID: "101", Username: "alice", DisplayName: "Alice Doe"}
	bob   = mastodonfake.Account{ID: "102", Username: "bob", Acct: "bob@remote.example", DisplayName: "Bob"}
	carol = mastodonfake.Account{ID: "103", Username: "carol", DisplayName: "", Bot: true}
	dave  = mastodonfake.Account{ID: "104", Username: "dave", DisplayName: "Dave"}
	t0    = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

// rateLimiter is the connector's optional rate-limit report.
type rateLimiter interface {
	RateLimit() (remaining, limit int, reset time.Time)
}

// maxCharacterer is the connector's optional instance-limit lookup.
type maxCharacterer interface {
	MaxCharacters(ctx context.Context) (int, error)
}

// start runs a fake instance for the test and returns it with a connector to it.
func start(t *testing.T) (*mastodonfake.Server, platforms.Connector) {
	t.Helper()
	srv := mastodonfake.New(token)
	base := srv.Start()
	t.Cleanup(srv.Close)
	srv.SetNow(t0.Add(time.Hour)) // a frozen clock makes dates and rate-limit resets exact
	return srv, connect(t, base, token)
}

// connect builds a connector, failing the test on error.
func connect(t *testing.T, base, tok string) platforms.Connector {
	t.Helper()
	c, err := mastodon.New(platforms.Credentials{BaseURL: base, Token: tok})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// closedURL returns the base URL of a server that no longer listens.
func closedURL(t *testing.T) string {
	t.Helper()
	srv := mastodonfake.New(token)
	base := srv.Start()
	srv.Close()
	return base
}

// wantKind fails the test unless err is a mastodon *platforms.Error of kind.
func wantKind(t *testing.T, err error, kind platforms.ErrorKind) *platforms.Error {
	t.Helper()
	var pe *platforms.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T), want *platforms.Error of kind %s", err, err, kind)
	}
	if pe.Kind != kind || pe.Platform != mastodon.Platform {
		t.Fatalf("error %v, want kind %s on %s", err, kind, mastodon.Platform)
	}
	return pe
}

// noToken fails the test if s contains the token in any spelling.
func noToken(t *testing.T, s string) {
	t.Helper()
	for _, secret := range []string{token, url.QueryEscape(token), url.PathEscape(token), "test-token-not-real"} {
		if strings.Contains(s, secret) {
			t.Fatalf("%q contains the token", s)
		}
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name     string
		creds    platforms.Credentials
		wantKind platforms.ErrorKind // empty: no error
	}{
		{"https instance", platforms.Credentials{Token: token, BaseURL: "https://mastodon.social"}, ""},
		{"bare host means https", platforms.Credentials{Token: token, BaseURL: "mastodon.social"}, ""},
		{"path prefix", platforms.Credentials{Token: token, BaseURL: "https://example.com/social/"}, ""},
		{"plain http on loopback", platforms.Credentials{Token: token, BaseURL: "http://127.0.0.1:1"}, ""},
		{"plain http elsewhere", platforms.Credentials{Token: token, BaseURL: "http://mastodon.social"}, platforms.KindPermanent},
		{"missing token", platforms.Credentials{BaseURL: "https://mastodon.social"}, platforms.KindAuth},
		{"missing instance", platforms.Credentials{Token: token}, platforms.KindPermanent},
		{"other scheme", platforms.Credentials{Token: token, BaseURL: "ftp://mastodon.social"}, platforms.KindPermanent},
		{"credentials in the URL", platforms.Credentials{Token: token, BaseURL: "https://u:p@mastodon.social"}, platforms.KindPermanent},
		{"query in the URL", platforms.Credentials{Token: token, BaseURL: "https://mastodon.social/?x=1"}, platforms.KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := mastodon.New(tt.creds)
			if tt.wantKind != "" {
				noToken(t, wantKind(t, err, tt.wantKind).Error())
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := []platforms.Capability{
				platforms.CapListThreads, platforms.CapFetchMessages, platforms.CapSend, platforms.CapListComments,
				platforms.CapReplyComment, platforms.CapModerateComment, platforms.CapPublish,
			}
			if c.Platform() != "mastodon" || !slices.Equal(c.Capabilities(), want) {
				t.Fatalf("platform %q capabilities %v", c.Platform(), c.Capabilities())
			}
			if _, ok := c.(platforms.Moderator); !ok {
				t.Fatal("not a Moderator")
			}
			if _, ok := c.(platforms.Publisher); !ok {
				t.Fatal("not a Publisher")
			}
			if _, ok := c.(rateLimiter); !ok {
				t.Fatal("no RateLimit method")
			}
		})
	}
}

func TestVerify(t *testing.T) {
	srv, c := start(t)
	base := srv.Start()
	got, err := c.Verify(context.Background())
	if want := (platforms.AccountInfo{ExternalID: "1", Handle: "brand", DisplayName: "Brand Studio"}); err != nil || got != want {
		t.Fatalf("got %+v, %v; want %+v", got, err, want)
	}
	_, err = connect(t, base, "wrong-token").Verify(context.Background())
	wantKind(t, err, platforms.KindAuth)
}

// namedCall is one connector call for the error tables.
type namedCall struct {
	name string
	do   func(c platforms.Connector) error
}

// allCalls are the connector's network calls; Send answers the status reply.
func allCalls(reply string) []namedCall {
	ctx := context.Background()
	return []namedCall{
		{"Verify", func(c platforms.Connector) error { _, err := c.Verify(ctx); return err }},
		{"Poll", func(c platforms.Connector) error { _, err := c.Poll(ctx, "", platforms.PollOptions{}); return err }},
		{"Send", func(c platforms.Connector) error {
			_, err := c.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: reply, ThreadKind: platforms.ThreadComment, Text: "thanks", ReplyToExternalID: reply})
			return err
		}},
		{"Publish", func(c platforms.Connector) error {
			_, err := c.(platforms.Publisher).Publish(ctx, platforms.Post{Text: "news"})
			return err
		}},
		{"Moderate", func(c platforms.Connector) error {
			return c.(platforms.Moderator).Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateBlock, AuthorExternalID: alice.ID})
		}},
	}
}

// warm makes the connector learn its account and the instance limit, so the
// next call's first request is the call's own.
func warm(t *testing.T, c platforms.Connector) {
	t.Helper()
	if _, err := c.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.(maxCharacterer).MaxCharacters(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestExpiredOrRevokedToken: Mastodon tokens do not expire on their own but can
// be revoked (or expire on servers that set a lifetime); every call then
// answers 401, which is KindAuth everywhere.
func TestExpiredOrRevokedToken(t *testing.T) {
	for _, call := range allCalls("") {
		t.Run(call.name+"/revoked", func(t *testing.T) {
			srv, c := start(t)
			mention := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
			srv.RevokeToken()
			err := allCallsByName(mention, call.name)(c)
			pe := wantKind(t, err, platforms.KindAuth)
			if pe.Code != 401 || !strings.Contains(pe.Message, "The access token is invalid") {
				t.Fatalf("error %v", pe)
			}
		})
		t.Run(call.name+"/expired", func(t *testing.T) {
			srv, c := start(t)
			mention := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
			warm(t, c)
			srv.FailNextWith(1, 401, "The access token expired")
			wantKind(t, allCallsByName(mention, call.name)(c), platforms.KindAuth)
		})
	}
}

// allCallsByName picks one of allCalls.
func allCallsByName(reply, name string) func(platforms.Connector) error {
	for _, c := range allCalls(reply) {
		if c.name == name {
			return c.do
		}
	}
	panic("no call " + name)
}

// TestErrorKinds checks the mapping of failed answers on every call, and that
// the call after the fault succeeds. Publish repeats a POST whose answer was
// lost (same Idempotency-Key), so a single transient fault does not fail it.
func TestErrorKinds(t *testing.T) {
	faults := []struct {
		name      string
		inject    func(*mastodonfake.Server)
		wantKind  platforms.ErrorKind
		wantCode  int
		wantRetry time.Duration
		wantText  string
		// except lists calls that end differently ("" kind: no error).
		except map[string]platforms.ErrorKind
	}{
		{"429 with reset", func(s *mastodonfake.Server) { s.RateLimitNext(1, 35*time.Second) }, platforms.KindRateLimited, 429, 35 * time.Second, "Too many requests", nil},
		{"429 without headers", func(s *mastodonfake.Server) { s.RateLimitNext(1, 0) }, platforms.KindRateLimited, 429, 60 * time.Second, "", nil},
		{"401", func(s *mastodonfake.Server) { s.FailNext(1, 401) }, platforms.KindAuth, 401, 0, "The access token is invalid", nil},
		{"403 missing scope", func(s *mastodonfake.Server) { s.FailNext(1, 403) }, platforms.KindAuth, 403, 0, "outside the authorized scopes", nil},
		{"403 login disabled", func(s *mastodonfake.Server) { s.FailNextWith(1, 403, "Your login is currently disabled") }, platforms.KindAuth, 403, 0, "login", nil},
		{"403 not allowed", func(s *mastodonfake.Server) { s.FailNextWith(1, 403, "This action is not allowed") }, platforms.KindPermanent, 403, 0, "not allowed",
			map[string]platforms.ErrorKind{"Verify": platforms.KindAuth, "Poll": platforms.KindAuth}},
		{"404", func(s *mastodonfake.Server) { s.FailNext(1, 404) }, platforms.KindPermanent, 404, 0, "Record not found",
			map[string]platforms.ErrorKind{"Poll": ""}},
		{"422", func(s *mastodonfake.Server) {
			s.FailNextWith(1, 422, "Validation failed: Text character limit of 500 exceeded")
		}, platforms.KindPermanent, 422, 0, "character limit", nil},
		{"422 app token", func(s *mastodonfake.Server) { s.FailNextWith(1, 422, "This method requires an authenticated user") }, platforms.KindAuth, 422, 0, "authenticated user", nil},
		{"500", func(s *mastodonfake.Server) { s.FailNext(1, 500) }, platforms.KindTransient, 500, 0, "Internal Server Error",
			map[string]platforms.ErrorKind{"Publish": ""}},
		{"503", func(s *mastodonfake.Server) { s.FailNext(1, 503) }, platforms.KindTransient, 503, 0, "temporary problem",
			map[string]platforms.ErrorKind{"Publish": ""}},
		{"server down (HTML 502)", func(s *mastodonfake.Server) { s.SetDown(true) }, platforms.KindTransient, 502, 0, "Bad Gateway", nil},
		// Publish repeats the POST; a block whose answer is cut off has still taken effect.
		{"truncated JSON", func(s *mastodonfake.Server) { s.TruncateNext(1) }, platforms.KindTransient, 0, 0, "malformed response",
			map[string]platforms.ErrorKind{"Publish": "", "Moderate": ""}},
	}
	for _, call := range allCalls("") {
		for _, f := range faults {
			t.Run(call.name+"/"+f.name, func(t *testing.T) {
				srv, c := start(t)
				mention := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
				do := allCallsByName(mention, call.name)
				warm(t, c)
				f.inject(srv)
				err := do(c)
				want, excepted := f.except[call.name]
				if !excepted {
					want = f.wantKind
				}
				if want == "" {
					if err != nil {
						t.Fatalf("got %v, want success", err)
					}
				} else {
					pe := wantKind(t, err, want)
					if !excepted && (pe.Code != f.wantCode || pe.RetryAfter != f.wantRetry || !strings.Contains(pe.Message, f.wantText)) {
						t.Fatalf("error %v: code %d retry %v, want %d %v %q", pe, pe.Code, pe.RetryAfter, f.wantCode, f.wantRetry, f.wantText)
					}
					if strings.Contains(pe.Message, "<html") || strings.Contains(pe.Message, "127.0.0.1") {
						t.Fatalf("error %q leaks a page or an address", pe.Message)
					}
				}
				srv.SetDown(false)
				if err := do(c); err != nil {
					t.Fatalf("next call: %v", err)
				}
			})
		}
	}
}

// TestRateLimitBudget runs the fake's budget out in the middle of a poll: the
// 429's RetryAfter is the time until X-RateLimit-Reset by the server's own
// clock (its Date header), and once the fake's clock reaches the reset the
// same poll succeeds. RateLimit reports the latest headers.
func TestRateLimitBudget(t *testing.T) {
	srv, c := start(t)
	srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
	srv.SetNow(t0.Add(10 * time.Second)) // the window ends at 12:05:00
	srv.SetRateLimit(2, 5*time.Minute)
	if _, err := c.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	if remaining, limit, reset := c.(rateLimiter).RateLimit(); remaining != 1 || limit != 2 || !reset.Equal(t0.Add(5*time.Minute)) {
		t.Fatalf("RateLimit() = %d, %d, %v; want 1, 2, %v", remaining, limit, reset, t0.Add(5*time.Minute))
	}
	_, err := c.Poll(context.Background(), "", platforms.PollOptions{}) // conversations, then notifications: 429
	pe := wantKind(t, err, platforms.KindRateLimited)
	if pe.Code != 429 || pe.RetryAfter != 290*time.Second || platforms.RetryAfterOf(err) != 290*time.Second {
		t.Fatalf("error %v: code %d retry %v, want 429 and 290s", pe, pe.Code, pe.RetryAfter)
	}
	if remaining, _, _ := c.(rateLimiter).RateLimit(); remaining != 0 {
		t.Fatalf("remaining %d after the 429", remaining)
	}
	srv.Advance(pe.RetryAfter)
	p, err := c.Poll(context.Background(), "", platforms.PollOptions{})
	if err != nil || len(p.Messages) != 1 {
		t.Fatalf("after the reset: %d messages, %v", len(p.Messages), err)
	}
}

// TestTokenNeverInErrors gathers the errors of many failures, including a
// server that echoes the token in its error text, and a network failure.
func TestTokenNeverInErrors(t *testing.T) {
	var logs bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logs, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })

	var errs []error
	collect := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	srv, c := start(t)
	mention := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
	warm(t, c)
	for _, inject := range []func(){
		func() { srv.FailNextWith(1, 500, "upstream rejected Authorization: Bearer "+token) },
		func() { srv.FailNextWith(1, 422, "Validation failed: "+url.QueryEscape(token)) },
		func() { srv.FailNextWith(1, 403, "token "+url.PathEscape(token)+" lacks a scope") },
		func() { srv.RateLimitNext(1, time.Minute) },
		func() { srv.TruncateNext(1) },
		func() { srv.FailNext(1, 404) },
	} {
		for _, call := range allCalls(mention) {
			if call.name == "Publish" || call.name == "Poll" {
				continue // they retry or skip some of these faults
			}
			inject()
			collect(call.do(c))
			srv.SetFaultScope("", "")
			srv.FailNext(0, 500)
			srv.TruncateNext(0)
			srv.RateLimitNext(0, 0)
		}
	}
	srv.SetDown(true)
	for _, call := range allCalls(mention) {
		collect(call.do(c))
	}
	srv.SetDown(false)
	srv.RevokeToken()
	for _, call := range allCalls(mention) {
		collect(call.do(c))
	}
	for _, call := range allCalls(mention) {
		collect(call.do(connect(t, closedURL(t), token)))
	}
	_, err := c.Poll(context.Background(), "not a cursor "+token, platforms.PollOptions{})
	collect(err)
	_, err = mastodon.New(platforms.Credentials{BaseURL: "http://" + token + "@example.com", Token: token})
	collect(err)
	if len(errs) < 30 {
		t.Fatalf("only %d errors collected", len(errs))
	}
	for _, err := range errs {
		noToken(t, err.Error())
	}
	noToken(t, logs.String())
}
