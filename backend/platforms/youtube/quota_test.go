package youtube_test

import (
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

// documentedCosts are the units YouTube charges per method
// (developers.google.com/youtube/v3/determine_quota_cost).
var documentedCosts = map[string]int{
	"channels.list":                1,
	"videos.list":                  1,
	"commentThreads.list":          1,
	"comments.list":                1,
	"comments.insert":              50,
	"comments.setModerationStatus": 50,
	"comments.delete":              50,
}

func TestFakeChargesDocumentedCosts(t *testing.T) {
	for method, units := range youtubefake.Costs() {
		if documentedCosts[method] != units {
			t.Errorf("fake charges %d for %s, documented %d", units, method, documentedCosts[method])
		}
	}
}

func TestUnitsChargedPerCall(t *testing.T) {
	e := start(t, nil)
	e.srv.AddVideo(videos[0].ID, videos[0].Title)
	th := e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: alice, Text: "q", At: t0.Add(-time.Hour)})
	for i := range 7 {
		e.srv.AddReply(th, youtubefake.Comment{Author: bob, Text: text("r%d", i), At: t0.Add(-time.Duration(50-i) * time.Minute)})
	}
	m := e.moderator(t)
	steps := []struct {
		name        string
		run         func() error
		wantMethods []string
	}{
		{"verify", func() error { _, err := e.conn.Verify(ctx); return err }, []string{"channels.list"}},
		{"poll: threads, hidden replies, video titles", func() error {
			_, err := e.conn.Poll(ctx, "", platforms.PollOptions{})
			return err
		}, []string{"commentThreads.list", "comments.list", "videos.list"}},
		{"reply", func() error {
			_, err := e.conn.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: th, Text: "thanks"})
			return err
		}, []string{"comments.insert"}},
		{"hide", func() error {
			return m.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: th})
		}, []string{"comments.setModerationStatus"}},
		{"delete own reply, author looked up", func() error {
			own := e.srv.Sent()[0].ID
			return m.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: own})
		}, []string{"comments.list", "comments.delete"}},
	}
	q := quota(t, e.conn)
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			usedBefore, _, _ := q.Quota()
			charges := len(e.srv.Charges())
			if err := st.run(); err != nil {
				t.Fatal(err)
			}
			var methods []string
			want := 0
			for _, c := range e.srv.Charges()[charges:] {
				methods = append(methods, c.Method)
				want += documentedCosts[c.Method]
			}
			if strings.Join(methods, ",") != strings.Join(st.wantMethods, ",") {
				t.Fatalf("calls %v, want %v", methods, st.wantMethods)
			}
			if used, _, _ := q.Quota(); used-usedBefore != want {
				t.Fatalf("connector counted %d units, documented cost %d", used-usedBefore, want)
			}
		})
	}
	if used, budget, _ := q.Quota(); used != e.srv.Used() || budget != 10000 {
		t.Fatalf("connector counts %d of %d, the fake charged %d", used, budget, e.srv.Used())
	}
}

func TestRefusesBeforeExceedingBudget(t *testing.T) {
	e := start(t, map[string]string{"dailyQuota": "101"})
	th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "q", At: t0.Add(-time.Hour)})
	if _, err := e.conn.Verify(ctx); err != nil { // 1
		t.Fatal(err)
	}
	reply := platforms.OutgoingMessage{ThreadExternalID: th, Text: "hi"}
	for range 2 { // 50 + 50 = 101
		if _, err := e.conn.Send(ctx, reply); err != nil {
			t.Fatal(err)
		}
	}
	requests := len(e.srv.Requests())
	for _, tt := range []struct {
		name string
		run  func() error
	}{
		{"reply (50 units)", func() error { _, err := e.conn.Send(ctx, reply); return err }},
		{"poll (1 unit)", func() error { _, err := e.conn.Poll(ctx, "", platforms.PollOptions{}); return err }},
		{"hide (50 units)", func() error {
			return e.moderator(t).Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: th})
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			pe := wantKind(t, err, platforms.KindRateLimited)
			if want := untilMidnightPT(t, t0); pe.RetryAfter != want {
				t.Fatalf("RetryAfter %v, want %v (until midnight Pacific)", pe.RetryAfter, want)
			}
			if !strings.Contains(pe.Message, "midnight Pacific time") || !strings.Contains(pe.Message, "101 of today's 101") {
				t.Fatalf("message %q", pe.Message)
			}
		})
	}
	if n := len(e.srv.Requests()) - requests; n != 0 {
		t.Fatalf("%d requests sent over budget", n)
	}
	if used, _, reset := quota(t, e.conn).Quota(); used != 101 || !reset.Equal(t0.Add(untilMidnightPT(t, t0))) {
		t.Fatalf("used %d, reset %v", used, reset)
	}
}

func TestQuotaExceededAtYouTube(t *testing.T) {
	e := start(t, nil)
	seed(e, 3, time.Hour)
	e.srv.SetDailyBudget(2)                                 // someone else used the project's quota
	_, err := e.conn.Poll(ctx, "", platforms.PollOptions{}) // channels.list 1, commentThreads.list 1, then refused
	pe := wantKind(t, err, platforms.KindRateLimited)
	want := untilMidnightPT(t, t0)
	if pe.Code != 403 || pe.RetryAfter != want || !strings.Contains(pe.Message, "quotaExceeded") || strings.Contains(pe.Message, "<a") {
		t.Fatalf("got %v (retry %v), want 403 quotaExceeded retrying in %v", err, pe.RetryAfter, want)
	}
	// The connector now knows the day is spent and stops calling.
	requests := len(e.srv.Requests())
	_, err = e.conn.Poll(ctx, "", platforms.PollOptions{})
	if pe := wantKind(t, err, platforms.KindRateLimited); pe.RetryAfter != want || len(e.srv.Requests()) != requests {
		t.Fatalf("second poll: %v, %d requests", err, len(e.srv.Requests())-requests)
	}
	// After midnight Pacific time both quotas are fresh.
	e.setNow(t0.Add(want + time.Minute))
	e.srv.SetDailyBudget(10000)
	if res := drain(t, e.conn, "", 100); len(res.msgs) == 0 {
		t.Fatal("nothing synced after the reset")
	}
}

func TestShortRateLimit(t *testing.T) {
	e := start(t, nil)
	e.srv.RateLimitNext(1)
	_, err := e.conn.Verify(ctx)
	pe := wantKind(t, err, platforms.KindRateLimited)
	if pe.RetryAfter != 30*time.Second || !strings.Contains(pe.Message, "rateLimitExceeded") {
		t.Fatalf("got %v retry %v, want rateLimitExceeded with a 30s wait", err, pe.RetryAfter)
	}
	if used, _, _ := quota(t, e.conn).Quota(); used != 1 {
		t.Fatalf("used %d: a rate-limited request still counts", used)
	}
	if _, err := e.conn.Verify(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestQuotaResetAcrossDaylightSaving(t *testing.T) {
	// 2026: daylight saving starts Sunday March 8 at 02:00 PST and ends
	// Sunday November 1 at 02:00 PDT, so those days last 23 and 25 hours.
	tests := []struct {
		name      string
		now       time.Time
		wantReset time.Time
		wantWait  time.Duration
	}{
		{"evening before spring forward", time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC), // 23:30 PST Mar 7
			time.Date(2026, 3, 8, 8, 0, 0, 0, time.UTC), 30 * time.Minute},
		{"spring forward day, 23 hours", time.Date(2026, 3, 8, 9, 30, 0, 0, time.UTC), // 01:30 PST Mar 8
			time.Date(2026, 3, 9, 7, 0, 0, 0, time.UTC), 21*time.Hour + 30*time.Minute},
		{"fall back day, 25 hours", time.Date(2026, 11, 1, 7, 30, 0, 0, time.UTC), // 00:30 PDT Nov 1
			time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC), 24*time.Hour + 30*time.Minute},
		{"second 01:30 of fall back day", time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC), // 01:30 PST Nov 1
			time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC), 22*time.Hour + 30*time.Minute},
		{"UTC midnight is not the reset", time.Date(2026, 7, 1, 23, 59, 0, 0, time.UTC), // 16:59 PDT
			time.Date(2026, 7, 2, 7, 0, 0, 0, time.UTC), 7*time.Hour + time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := start(t, map[string]string{"dailyQuota": "1"})
			e.setNow(tt.now)
			if _, err := e.conn.Verify(ctx); err != nil { // spends the whole budget
				t.Fatal(err)
			}
			_, err := e.conn.Verify(ctx)
			if pe := wantKind(t, err, platforms.KindRateLimited); pe.RetryAfter != tt.wantWait {
				t.Fatalf("RetryAfter %v, want %v", pe.RetryAfter, tt.wantWait)
			}
			if used, _, reset := quota(t, e.conn).Quota(); used != 1 || !reset.Equal(tt.wantReset) {
				t.Fatalf("used %d, reset %v, want 1 and %v", used, reset.UTC(), tt.wantReset)
			}
			// One second before the reset the day is still spent; at the reset it is fresh.
			e.setNow(tt.wantReset.Add(-time.Second))
			if _, err := e.conn.Verify(ctx); platforms.KindOf(err) != platforms.KindRateLimited {
				t.Fatalf("just before the reset: %v", err)
			}
			e.setNow(tt.wantReset)
			if used, _, _ := quota(t, e.conn).Quota(); used != 0 {
				t.Fatalf("used %d at the reset", used)
			}
			if _, err := e.conn.Verify(ctx); err != nil {
				t.Fatalf("after the reset: %v", err)
			}
		})
	}
}

func TestQuotaStatePersistence(t *testing.T) {
	e := start(t, nil)
	th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "q", At: t0.Add(-time.Hour)})
	if _, err := e.conn.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: th, Text: "a"}); err != nil {
		t.Fatal(err)
	}
	state := quota(t, e.conn).QuotaState() // the reply: 50 units
	tests := []struct {
		name     string
		now      time.Time
		state    string
		wantUsed int
	}{
		{"same day: the count carries over", t0.Add(time.Hour), state, 50},
		{"after midnight Pacific: a fresh day", t0.Add(untilMidnightPT(t, t0)), state, 0},
		{"malformed state is ignored", t0, "v1:yesterday:9000", 0},
		{"unknown version is ignored", t0, "v9:2026-03-01:9000", 0},
		{"negative count is ignored", t0, "v1:2026-03-01:-5", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.setNow(tt.now)
			c := e.connect(t, map[string]string{"quotaState": tt.state})
			if used, _, _ := quota(t, c).Quota(); used != tt.wantUsed {
				t.Fatalf("restored %d units from %q, want %d", used, tt.state, tt.wantUsed)
			}
		})
	}
	if state != "v1:2026-03-01:50" {
		t.Fatalf("state %q", state)
	}
}

func TestProjectQuotaShared(t *testing.T) {
	e := start(t, nil)
	project := map[string]string{"quotaProject": "test-project-" + t.Name(), "dailyQuota": "60"}
	a, b := e.connect(t, project), e.connect(t, project)
	if _, err := a.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "q", At: t0.Add(-time.Hour)})
	if _, err := b.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: th, Text: "a"}); err != nil {
		t.Fatal(err)
	}
	if ua, _, _ := quota(t, a).Quota(); ua != 51 {
		t.Fatalf("connector a sees %d units, want 51 (its own 1 and b's 50)", ua)
	}
	_, err := a.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: th, Text: "b"})
	wantKind(t, err, platforms.KindRateLimited)
}

func TestUnsentCallCostsNothing(t *testing.T) {
	srv := youtubefake.New(token)
	base := srv.Start()
	srv.Close() // nothing listens: the request never reaches Google
	c, err := youtube.NewWithClock(platforms.Credentials{BaseURL: base, Token: token}, func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Verify(ctx)
	wantKind(t, err, platforms.KindTransient)
	if used, _, _ := quota(t, c).Quota(); used != 0 {
		t.Fatalf("a call that could not connect counted %d units", used)
	}
}
