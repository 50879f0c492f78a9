package youtube_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

// token looks like a Google access token and holds characters that URL
// escaping changes, so a leak in any spelling shows.
const token = "ya29.test-token-not-real+/=&?0123456789"

var (
	// t0 is 12:00 Pacific standard time on a Sunday.
	t0    = time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC)
	alice = youtubefake.Channel{ID: "UCaliceAliceAliceAlice01", Title: "Alice Doe", Handle: "@alicedoe"}
	bob   = youtubefake.Channel{ID: "UCbobBobBobBobBobBobBob2", Title: "Bob"}
	carol = youtubefake.Channel{ID: "UCcarolCarolCarolCarol03", Title: "Carol", Handle: "@carol"}
	ctx   = context.Background()
)

// clock is a settable clock shared by a test's connectors.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// env is one test's fake, clock and connector.
type env struct {
	srv  *youtubefake.Server
	base string
	clk  *clock
	conn platforms.Connector
}

// start runs a fake and a connector to it with a fixed clock at t0. extra is
// the connector's Credentials.Extra.
func start(t *testing.T, extra map[string]string) *env {
	t.Helper()
	srv := youtubefake.New(token)
	base := srv.Start()
	t.Cleanup(srv.Close)
	e := &env{srv: srv, base: base, clk: &clock{t: t0}}
	srv.SetNow(t0)
	e.conn = e.connect(t, extra)
	return e
}

// connect builds another connector to the env's fake (a restart).
func (e *env) connect(t *testing.T, extra map[string]string) platforms.Connector {
	t.Helper()
	c, err := youtube.NewWithClock(platforms.Credentials{BaseURL: e.base, Token: token, Extra: extra}, e.clk.Now)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// setNow moves both clocks.
func (e *env) setNow(t time.Time) {
	e.clk.Set(t)
	e.srv.SetNow(t)
}

// moderator returns the connector as a Moderator.
func (e *env) moderator(t *testing.T) platforms.Moderator {
	t.Helper()
	m, ok := e.conn.(platforms.Moderator)
	if !ok {
		t.Fatal("not a Moderator")
	}
	return m
}

// quota returns the connector's quota report.
func quota(t *testing.T, c platforms.Connector) youtube.QuotaReporter {
	t.Helper()
	q, ok := c.(youtube.QuotaReporter)
	if !ok {
		t.Fatal("not a QuotaReporter")
	}
	return q
}

// requests counts the fake's requests to path ("/commentThreads") so far.
func (e *env) requests(path string) int {
	n := 0
	for _, r := range e.srv.Requests() {
		if r.Path == path {
			n++
		}
	}
	return n
}

// sync is the result of polling until a cycle ends.
type result struct {
	msgs    []platforms.Message
	cursor  string
	pages   int
	skipped int
}

// drain polls from cursor until More is false and returns everything.
func drain(t *testing.T, c platforms.Connector, cursor string, limit int) result {
	t.Helper()
	out := result{cursor: cursor}
	for {
		if out.pages > 200 {
			t.Fatalf("still polling after %d pages", out.pages)
		}
		page, err := c.Poll(ctx, out.cursor, platforms.PollOptions{Limit: limit})
		if err != nil {
			t.Fatalf("poll %d: %v", out.pages+1, err)
		}
		out.pages++
		out.msgs = append(out.msgs, page.Messages...)
		out.skipped += page.Skipped
		out.cursor = page.Cursor
		if !page.More {
			return out
		}
	}
}

// byID indexes messages by ExternalID (a later copy wins).
func byID(msgs []platforms.Message) map[string]platforms.Message {
	m := map[string]platforms.Message{}
	for _, x := range msgs {
		m[x.ExternalID] = x
	}
	return m
}

// ids returns the sorted distinct ExternalIDs of msgs.
func ids(msgs []platforms.Message) []string {
	var out []string
	for id := range byID(msgs) {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// sorted returns a sorted copy.
func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

// missing lists the ids of want not in got.
func missing(want []string, got map[string]platforms.Message) []string {
	var out []string
	for _, id := range want {
		if _, ok := got[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}

// wantKind fails the test unless err is a youtube *platforms.Error of kind.
func wantKind(t *testing.T, err error, kind platforms.ErrorKind) *platforms.Error {
	t.Helper()
	var pe *platforms.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T), want *platforms.Error of kind %s", err, err, kind)
	}
	if pe.Kind != kind || pe.Platform != youtube.Platform {
		t.Fatalf("error %v, want kind %s on %s", err, kind, youtube.Platform)
	}
	noToken(t, pe.Error())
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

// untilMidnightPT is the expected wait from now to the next midnight in Los Angeles.
func untilMidnightPT(t *testing.T, now time.Time) time.Duration {
	t.Helper()
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	y, m, d := now.In(la).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, la).Sub(now)
}

// text makes distinct comment texts.
func text(format string, a ...any) string { return fmt.Sprintf(format, a...) }

// newRequest builds an authorized raw request to the fake.
func newRequest(method, target string) (*http.Request, error) {
	req, err := http.NewRequest(method, target, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	return req, nil
}

// doRequest sends req and returns the status code.
func doRequest(req *http.Request) (int, error) {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
