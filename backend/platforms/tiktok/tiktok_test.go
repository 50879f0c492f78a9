package tiktok_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/tiktok"
	"creatordesk/backend/platforms/tiktok/tiktokfake"
)

const access = "act.example-access-token-0001"

var (
	t0      = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	account = tiktokfake.Person{ID: "-000glazeco-business-open-id", Username: "glazeco", Name: "Glaze & Co."}
	fans    = []tiktokfake.Person{{ID: "u1", Username: "ana.p", Name: "Ana Popescu"}, {ID: "u2", Username: "xiaolong", Name: "李小龙"},
		{ID: "u3", Username: "priya", Name: "प्रिया शर्मा"}}
)

type env struct {
	fake    *tiktokfake.Server
	url     string
	factory *tiktok.Factory
	mu      sync.Mutex
	sleeps  []time.Duration
}

func newEnv(t *testing.T) *env {
	t.Helper()
	f := tiktokfake.New(account)
	f.Clock.Set(t0)
	f.AddToken(access, 24*time.Hour)
	e := &env{fake: f, url: f.Start()}
	t.Cleanup(f.Close)
	e.factory = tiktok.NewFactory(tiktok.Options{
		Now: f.Clock.Now,
		Sleep: func(ctx context.Context, d time.Duration) error {
			e.mu.Lock()
			e.sleeps = append(e.sleeps, d)
			e.mu.Unlock()
			f.Clock.Advance(d)
			return ctx.Err()
		},
		App: func(context.Context) (string, string, error) { return f.AppID, f.AppSecret, nil },
	})
	return e
}

func (e *env) conn(t *testing.T, tok string) platforms.Connector {
	t.Helper()
	if tok == "" {
		tok = access
	}
	c, err := e.factory.New(platforms.Credentials{BaseURL: e.url, Token: tok, Extra: map[string]string{tiktok.ExtraBusinessID: account.ID}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// seed adds videos with n comments each (every third with three replies) and returns all ids.
func (e *env) seed(videos, n int) []string {
	var ids []string
	for v := 0; v < videos; v++ {
		vid := fmt.Sprintf("73%017d", v+1)
		e.fake.AddVideo(vid, fmt.Sprintf("Glaze drop #%d 🏺", v+1), t0.Add(-time.Duration(100-v)*time.Hour))
		for i := 0; i < n; i++ {
			at := t0.Add(-time.Duration(n-i) * time.Minute)
			id := e.fake.AddComment(tiktokfake.Comment{Video: vid, Author: fans[i%len(fans)], Text: fmt.Sprintf("comment %d on %d", i, v), At: at})
			ids = append(ids, id)
			if i%3 == 0 {
				for r := 0; r < 3; r++ {
					ids = append(ids, e.fake.AddComment(tiktokfake.Comment{Video: vid, Parent: id, Author: fans[(i+r+1)%len(fans)],
						Text: fmt.Sprintf("reply %d", r), At: at.Add(time.Duration(r+1) * time.Second)}))
				}
			}
		}
	}
	return ids
}

type drained struct {
	msgs    []platforms.Message
	cursor  string
	pages   int
	skipped int
}

func drain(t *testing.T, c platforms.Connector, cursor string, limit int) drained {
	t.Helper()
	var d drained
	d.cursor = cursor
	for i := 0; i < 200; i++ {
		p, err := c.Poll(context.Background(), d.cursor, platforms.PollOptions{Limit: limit})
		if err != nil {
			t.Fatalf("poll %d: %v", i, err)
		}
		d.pages++
		d.skipped += p.Skipped
		d.msgs = append(d.msgs, p.Messages...)
		d.cursor = p.Cursor
		if !p.More {
			return d
		}
	}
	t.Fatal("poll never finished")
	return d
}

func byID(msgs []platforms.Message) map[string]platforms.Message {
	out := map[string]platforms.Message{}
	for _, m := range msgs {
		out[m.ExternalID] = m
	}
	return out
}

func missing(want []string, got map[string]platforms.Message) []string {
	var out []string
	for _, id := range want {
		if _, ok := got[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}

func wantKind(t *testing.T, err error, kind platforms.ErrorKind) *platforms.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("want a %s error, got nil", kind)
	}
	if got := platforms.KindOf(err); got != kind {
		t.Fatalf("want a %s error, got %s: %v", kind, got, err)
	}
	if strings.Contains(err.Error(), access) {
		t.Fatalf("token leaked: %v", err)
	}
	pe, _ := err.(*platforms.Error)
	return pe
}

func TestVerifyRefusesPersonalAccounts(t *testing.T) {
	e := newEnv(t)
	info, err := e.conn(t, "").Verify(context.Background())
	if err != nil || info.ExternalID != account.ID || info.Handle != "glazeco" || info.DisplayName != "Glaze & Co." {
		t.Fatalf("verify = %+v, %v", info, err)
	}
	e.fake.Personal = true
	_, err = e.conn(t, "").Verify(context.Background())
	if pe := wantKind(t, err, platforms.KindPermanent); !strings.Contains(pe.Message, "Business") {
		t.Errorf("message = %q", pe.Message)
	}
}

func TestFirstSyncAcrossPages(t *testing.T) {
	e := newEnv(t)
	ids := e.seed(3, 25) // 25 comments a video: 3 pages of 10
	d := drain(t, e.conn(t, ""), "", 10)
	if d.pages < 9 {
		t.Errorf("%d pages, want at least 9 (3 videos × 3 pages)", d.pages)
	}
	m := byID(d.msgs)
	if len(d.msgs) != len(ids) || len(m) != len(ids) {
		t.Fatalf("%d messages (%d distinct), want %d", len(d.msgs), len(m), len(ids))
	}
	if miss := missing(ids, m); len(miss) > 0 {
		t.Fatalf("missing %v", miss)
	}
	// Replies beyond the two TikTok includes were fetched and point at their parent.
	var replies int
	for _, msg := range d.msgs {
		if msg.ThreadKind != platforms.ThreadComment || msg.ThreadTitle == "" || msg.SentAt.IsZero() {
			t.Fatalf("bad mapping %+v", msg)
		}
		if msg.ReplyToExternalID != "" {
			replies++
			if _, ok := m[msg.ReplyToExternalID]; !ok {
				t.Errorf("reply %s answers an unknown comment %s", msg.ExternalID, msg.ReplyToExternalID)
			}
		}
	}
	if replies != 3*9*3 {
		t.Errorf("%d replies, want %d", replies, 3*9*3)
	}
	first := m[ids[0]]
	if first.Author.Handle != "ana.p" || first.Author.DisplayName != "Ana Popescu" || first.Direction != platforms.DirectionIn {
		t.Errorf("author mapping = %+v", first)
	}
}

func TestIncrementalSyncReadsOnlyChangedVideos(t *testing.T) {
	e := newEnv(t)
	e.seed(3, 5)
	c := e.conn(t, "")
	d := drain(t, c, "", 30)
	// Nothing changed: one call (the video list), nothing new.
	again := drain(t, c, d.cursor, 30)
	if len(again.msgs) != 0 || again.pages != 1 {
		t.Fatalf("idle cycle: %d messages in %d pages", len(again.msgs), again.pages)
	}
	vid := fmt.Sprintf("73%017d", 2)
	fresh := e.fake.AddComment(tiktokfake.Comment{Video: vid, Author: fans[1], Text: "新评论", At: t0.Add(time.Minute)})
	next := drain(t, c, again.cursor, 30)
	m := byID(next.msgs)
	if _, ok := m[fresh]; !ok {
		t.Fatal("the new comment was not read")
	}
	for _, msg := range next.msgs {
		if msg.ThreadExternalID != vid {
			t.Errorf("an unchanged video was read again: %s", msg.ThreadExternalID)
		}
	}
}

func TestRestartInTheMiddleOfPagingHasNoGapsOrDuplicates(t *testing.T) {
	e := newEnv(t)
	ids := e.seed(2, 25)
	c := e.conn(t, "")
	p1, err := c.Poll(context.Background(), "", platforms.PollOptions{Limit: 10})
	if err != nil || !p1.More {
		t.Fatalf("page 1: more=%v err=%v", p1.More, err)
	}
	p2, err := c.Poll(context.Background(), p1.Cursor, platforms.PollOptions{Limit: 10})
	if err != nil || !p2.More {
		t.Fatalf("page 2: more=%v err=%v", p2.More, err)
	}
	// The app stops after page 2 was stored; a new connector resumes from its cursor.
	rest := drain(t, e.conn(t, ""), p2.Cursor, 10)
	all := append(append(append([]platforms.Message(nil), p1.Messages...), p2.Messages...), rest.msgs...)
	m := byID(all)
	if len(all) != len(m) {
		t.Errorf("%d messages but %d distinct: duplicates after the restart", len(all), len(m))
	}
	if miss := missing(ids, m); len(miss) > 0 {
		t.Fatalf("gap after restart: missing %v", miss)
	}
}

func TestMalformedCommentIsSkippedAndTheRestStored(t *testing.T) {
	e := newEnv(t)
	ids := e.seed(1, 4)
	vid := fmt.Sprintf("73%017d", 1)
	e.fake.AddComment(tiktokfake.Comment{ID: "bad", Video: vid, At: t0, Raw: json.RawMessage(`{"comment_id":12,"text":["x"]}`)})
	e.fake.AddComment(tiktokfake.Comment{ID: "bad2", Video: vid, At: t0, Raw: json.RawMessage(`{"comment_id":"7499","create_time":0}`)})
	d := drain(t, e.conn(t, ""), "", 30)
	if d.skipped != 2 {
		t.Errorf("skipped %d, want 2", d.skipped)
	}
	if miss := missing(ids, byID(d.msgs)); len(miss) > 0 || len(d.msgs) != len(ids) {
		t.Fatalf("%d messages, missing %v", len(d.msgs), miss)
	}
}

func TestDeletedCommentIsReported(t *testing.T) {
	e := newEnv(t)
	ids := e.seed(1, 4)
	c := e.conn(t, "")
	d := drain(t, c, "", 30)
	e.fake.DeleteComment(ids[len(ids)-1])
	next := drain(t, c, d.cursor, 30)
	m := byID(next.msgs)
	if gone, ok := m[ids[len(ids)-1]]; !ok || !gone.Deleted {
		t.Fatalf("deletion not reported: %+v", next.msgs)
	}
}

func TestReplyAndComment(t *testing.T) {
	e := newEnv(t)
	ids := e.seed(1, 2)
	vid := fmt.Sprintf("73%017d", 1)
	c := e.conn(t, "")
	sent, err := c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: vid, ThreadKind: platforms.ThreadComment,
		ReplyToExternalID: ids[0], Text: "Mulțumim, Ana! 💛"})
	if err != nil {
		t.Fatal(err)
	}
	if !e.fake.Exists(sent.ExternalID) || !sent.SentAt.Equal(t0) {
		t.Fatalf("reply %+v not on the fake", sent)
	}
	// Our own reply comes back as outgoing, under the comment it answers.
	d := drain(t, c, "", 30)
	own := byID(d.msgs)[sent.ExternalID]
	if own.Direction != platforms.DirectionOut || own.ReplyToExternalID != ids[0] {
		t.Errorf("own reply = %+v", own)
	}
	_, err = c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: vid, ThreadKind: platforms.ThreadComment,
		Text: strings.Repeat("x", 151)})
	wantKind(t, err, platforms.KindPermanent)
	_, err = c.Send(context.Background(), platforms.OutgoingMessage{ThreadExternalID: vid, ThreadKind: platforms.ThreadDM, Text: "hi"})
	wantKind(t, err, platforms.KindPermanent)
}

func TestModeration(t *testing.T) {
	e := newEnv(t)
	ids := e.seed(1, 2)
	vid := fmt.Sprintf("73%017d", 1)
	c := e.conn(t, "")
	mod := c.(platforms.Moderator)
	ctx := context.Background()
	if err := mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: ids[0], ThreadExternalID: vid}); err != nil {
		t.Fatal(err)
	}
	if !e.fake.Hidden(ids[0]) {
		t.Error("not hidden")
	}
	// Hidden comments are still read (status ALL).
	if _, ok := byID(drain(t, c, "", 30).msgs)[ids[0]]; !ok {
		t.Error("a hidden comment disappeared from the sync")
	}
	if err := mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateUnhide, TargetExternalID: ids[0], ThreadExternalID: vid}); err != nil {
		t.Fatal(err)
	}
	if e.fake.Hidden(ids[0]) {
		t.Error("still hidden")
	}
	// Someone else's comment cannot be deleted; the account's own can.
	wantKind(t, mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: ids[0]}), platforms.KindPermanent)
	own, err := c.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: vid, ThreadKind: platforms.ThreadComment, Text: "oops"})
	if err != nil {
		t.Fatal(err)
	}
	if err := mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: own.ExternalID}); err != nil {
		t.Fatal(err)
	}
	if e.fake.Exists(own.ExternalID) {
		t.Error("own comment not deleted")
	}
	wantKind(t, mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateBlock, TargetExternalID: ids[0]}), platforms.KindPermanent)
	wantKind(t, mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: ids[0]}), platforms.KindPermanent)
}

func TestRateLimitWaitsThenSucceeds(t *testing.T) {
	e := newEnv(t)
	ids := e.seed(1, 3)
	c := e.conn(t, "")
	e.fake.RateLimitNext(1)
	_, err := c.Poll(context.Background(), "", platforms.PollOptions{})
	pe := wantKind(t, err, platforms.KindRateLimited)
	if pe.Code != tiktok.CodeRateLimited || pe.RetryAfter <= 0 {
		t.Errorf("rate limit = %+v", pe)
	}
	e.fake.Clock.Advance(pe.RetryAfter)
	d := drain(t, c, "", 30)
	if miss := missing(ids, byID(d.msgs)); len(miss) > 0 {
		t.Fatalf("after the wait: missing %v", miss)
	}
}

func TestExpiredTokenNeedsReconnectUnlessRefreshed(t *testing.T) {
	e := newEnv(t)
	e.seed(1, 1)
	e.fake.AddRefreshToken("rft.example-refresh-token-01")
	bundle := tiktok.Token{Access: access, Refresh: "rft.example-refresh-token-01"}.Encode()
	c := e.conn(t, bundle)
	e.fake.Clock.Advance(25 * time.Hour)
	_, err := c.Poll(context.Background(), "", platforms.PollOptions{})
	if pe := wantKind(t, err, platforms.KindAuth); pe.Code != tiktok.CodeTokenExpired {
		t.Errorf("code = %d", pe.Code)
	}
	fresh, err := c.(platforms.TokenRefresher).RefreshToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(fresh.Token, "rft.example-refresh-token-01") || !fresh.ExpiresAt.Equal(t0.Add(49*time.Hour)) {
		t.Errorf("refreshed = %+v (the refresh token must rotate; expiry 24 h after now)", fresh)
	}
	// The renewed connector works; the old refresh token is spent.
	if _, err := e.conn(t, fresh.Token).Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, err = e.conn(t, bundle).(platforms.TokenRefresher).RefreshToken(context.Background())
	wantKind(t, err, platforms.KindAuth)
	// A bare access token cannot be renewed.
	_, err = e.conn(t, "").(platforms.TokenRefresher).RefreshToken(context.Background())
	wantKind(t, err, platforms.KindPermanent)
}

func TestTokenFormats(t *testing.T) {
	for tok, ok := range map[string]bool{
		access: true, `{"access_token":"act.abcdefghijklmnop","refresh_token":"rft.abcdefghijklmnop"}`: true,
		`{"code":0,"data":{"access_token":"act.abcdefghijklmnop","refresh_token":"rft.abcdefghijklmnop","open_id":"x"}}`: true,
		"": false, "short": false, "has a space in it somewhere": false, `{"refresh_token":"rft.abcdefghijklmnop"}`: false,
	} {
		if got := tiktok.ValidTokenFormat(tok); got != ok {
			t.Errorf("ValidTokenFormat(%q) = %v", tok, got)
		}
	}
}

func TestIdleLoopWaitsForThePollInterval(t *testing.T) {
	e := newEnv(t)
	e.seed(1, 1)
	c := e.conn(t, "")
	d := drain(t, c, "", 30)
	p, err := c.Poll(context.Background(), d.cursor, platforms.PollOptions{Wait: 30 * time.Second})
	if err != nil || p.Cursor != d.cursor || len(p.Messages) != 0 {
		t.Fatalf("idle poll = %+v, %v", p, err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.sleeps) != 1 || e.sleeps[0] != 30*time.Second {
		t.Errorf("slept %v", e.sleeps)
	}
}
