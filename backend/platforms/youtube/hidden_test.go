package youtube_test

import (
	"testing"
	"time"

	"creatordesk/backend/oauth"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

// hiddenOf returns a message's Hidden as "hidden", "public" or "unknown".
func hiddenOf(m platforms.Message) string {
	switch {
	case m.Hidden == nil:
		return "unknown"
	case *m.Hidden:
		return "hidden"
	}
	return "public"
}

// methodsSince counts the fake's charged calls per method after the first n.
func methodsSince(e *env, n int) map[string]int {
	out := map[string]int{}
	for _, c := range e.srv.Charges()[n:] {
		out[c.Method]++
	}
	return out
}

func TestHeldAndSpamReportedHiddenThenPublished(t *testing.T) {
	e := start(t, map[string]string{"includeHeld": "1"}) // polls every 5m, held queues every 15m
	e.srv.AddVideo(videos[0].ID, videos[0].Title)
	pub := e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: alice, Text: "love the glaze", At: t0.Add(-time.Hour)})
	heldReply := e.srv.AddReply(pub, youtubefake.Comment{Author: bob, Text: "dm me for followers", At: t0.Add(-50 * time.Minute), Status: youtubefake.StatusHeldForReview})
	e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: alice, Text: "old question", At: t0.Add(-48 * time.Hour)})
	heldThread := e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: carol, Text: "is this kiln safe? link inside", At: t0.Add(-72 * time.Hour), Status: youtubefake.StatusHeldForReview})
	spam := e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: bob, Text: "free gift cards", At: t0.Add(-30 * time.Minute), Status: youtubefake.StatusLikelySpam})

	first := drain(t, e.conn, "", 1)
	got := byID(first.msgs)
	for id, want := range map[string]string{pub: "public", heldReply: "hidden", heldThread: "hidden", spam: "hidden"} {
		if m, ok := got[id]; !ok || hiddenOf(m) != want {
			t.Errorf("%s: reported %v as %s, want %s", id, ok, hiddenOf(m), want)
		}
	}

	// A moderator publishes the old held thread and rejects the spam.
	if err := e.srv.SetCommentStatus(heldThread, youtubefake.StatusPublished); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.SetCommentStatus(spam, youtubefake.StatusRejected); err != nil {
		t.Fatal(err)
	}

	// Six minutes on: a published walk only; the held queues wait for their
	// own interval, and the published walk stops above the old thread.
	e.setNow(t0.Add(6 * time.Minute))
	n := len(e.srv.Charges())
	second := drain(t, e.conn, first.cursor, 1)
	if calls := methodsSince(e, n); calls["commentThreads.list"] != 2 || calls["comments.list"] != 0 {
		t.Fatalf("calls before the held interval: %v", calls)
	}
	if _, ok := byID(second.msgs)[heldThread]; ok {
		t.Fatal("the old thread was reported by the short walk")
	}

	// Sixteen minutes on: the held and spam queues are walked again; the two
	// comments that left them are looked up in one comments.list call; the
	// published one comes back public, the rejected one stays hidden.
	e.setNow(t0.Add(16 * time.Minute))
	n = len(e.srv.Charges())
	third := drain(t, e.conn, second.cursor, 1)
	calls := methodsSince(e, n)
	if calls["comments.list"] != 1 || calls["commentThreads.list"] != 4 {
		t.Fatalf("calls of the held walk: %v (want 2 published pages, 1 held page, 1 empty spam page, 1 lookup)", calls)
	}
	units := 0
	for _, c := range e.srv.Charges()[n:] {
		units += c.Units
	}
	if units != 5 {
		t.Fatalf("the held walk cost %d units, want 5", units)
	}
	got = byID(third.msgs)
	if m, ok := got[heldThread]; !ok || hiddenOf(m) != "public" || m.ThreadExternalID != heldThread || m.Text != "is this kiln safe? link inside" {
		t.Fatalf("published thread: %v %+v", ok, m)
	}
	if m, ok := got[heldReply]; !ok || hiddenOf(m) != "hidden" || m.ThreadExternalID != pub {
		t.Fatalf("still-held reply: %v %+v", ok, m)
	}
	if _, ok := got[spam]; ok {
		t.Fatal("the rejected comment was reported again")
	}

	// The held reply is published too: the next held walk finds it gone from
	// the queue and reports it public; nothing else is looked up again.
	if err := e.srv.SetCommentStatus(heldReply, youtubefake.StatusPublished); err != nil {
		t.Fatal(err)
	}
	e.setNow(t0.Add(32 * time.Minute))
	n = len(e.srv.Charges())
	fourth := drain(t, e.conn, third.cursor, 100)
	if m, ok := byID(fourth.msgs)[heldReply]; !ok || hiddenOf(m) != "public" {
		t.Fatalf("published reply: %v %+v", ok, m)
	}
	e.setNow(t0.Add(48 * time.Minute))
	n = len(e.srv.Charges())
	drain(t, e.conn, fourth.cursor, 100)
	if calls := methodsSince(e, n); calls["comments.list"] != 0 {
		t.Fatalf("comments looked up again: %v", calls)
	}
}

func TestSpamListingRefusedDoesNotConclude(t *testing.T) {
	e := start(t, map[string]string{"includeHeld": "1", "heldInterval": "0s"})
	held := e.srv.AddThread("", youtubefake.Comment{Author: carol, Text: "held", At: t0.Add(-time.Hour), Status: youtubefake.StatusHeldForReview})
	first := drain(t, e.conn, "", 100)
	if hiddenOf(byID(first.msgs)[held]) != "hidden" {
		t.Fatal("held comment not reported hidden")
	}
	// The held listing fails on the next walk: no conclusion, no lookup.
	e.srv.SetFaultScope("/commentThreads", "moderationStatus=heldForReview")
	e.srv.FailNextWith(1, 403, "forbidden", "The request is not properly authorized.")
	e.setNow(t0.Add(6 * time.Minute))
	n := len(e.srv.Charges())
	second := drain(t, e.conn, first.cursor, 100)
	if calls := methodsSince(e, n); calls["comments.list"] != 0 {
		t.Fatalf("looked up comments after an incomplete walk: %v", calls)
	}
	if _, ok := byID(second.msgs)[held]; ok {
		t.Fatal("held comment reported by a failed walk")
	}
	// The next complete walk lists it again: still hidden, no lookup.
	e.setNow(t0.Add(12 * time.Minute))
	n = len(e.srv.Charges())
	third := drain(t, e.conn, second.cursor, 100)
	if calls := methodsSince(e, n); calls["comments.list"] != 0 || hiddenOf(byID(third.msgs)[held]) != "hidden" {
		t.Fatalf("calls %v, held %s", calls, hiddenOf(byID(third.msgs)[held]))
	}
}

func TestBrowserConnectedChannelWalksHeldByDefault(t *testing.T) {
	auth, api, base := googleFakes(t)
	cfg := youtube.OAuthConfig("123-desktop.apps.googleusercontent.com", "GOCSPX-secret", auth.AuthURL(), auth.TokenURL())
	tok, err := oauth.Run(ctx, cfg, oauth.Options{}, httpOpener)
	if err != nil {
		t.Fatal(err)
	}
	held := api.AddThread("", youtubefake.Comment{Author: carol, Text: "held", Status: youtubefake.StatusHeldForReview})
	bundle := youtube.OAuthSecret{RefreshToken: tok.RefreshToken, ClientSecret: "GOCSPX-secret"}.Encode()
	for _, tt := range []struct {
		setting string
		want    bool
	}{{"", true}, {"0", false}} {
		extra := map[string]string{youtube.ExtraClientID: "123-desktop.apps.googleusercontent.com", youtube.ExtraTokenURL: auth.TokenURL(),
			youtube.ExtraQuotaProject: "held-default-" + tt.setting}
		if tt.setting != "" {
			extra[youtube.ExtraIncludeHeld] = tt.setting
		}
		c, err := youtube.NewOAuth(platforms.Credentials{BaseURL: base, Token: bundle, Extra: extra})
		if err != nil {
			t.Fatal(err)
		}
		m, got := byID(drain(t, c, "", 100).msgs)[held]
		if got != tt.want || (got && hiddenOf(m) != "hidden") {
			t.Fatalf("includeHeld %q: held comment reported %v (%s), want %v", tt.setting, got, hiddenOf(m), tt.want)
		}
	}
}
