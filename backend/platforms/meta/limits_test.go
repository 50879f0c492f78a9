package meta_test

import (
	"context"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
	"creatordesk/backend/platforms/meta/metafake"
)

func TestConversationsEdgeIsLimitedToTwoCallsASecondPerAccount(t *testing.T) {
	e := newEnv(t)
	seedIG(e, 30)
	// Two connectors of the same account share one limiter.
	a, b := e.ig(t, nil), e.ig(t, nil)
	ctx := context.Background()
	p, err := a.Poll(ctx, "", platforms.PollOptions{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	e.slept()
	if _, err := b.Poll(ctx, p.Cursor, platforms.PollOptions{Limit: 10}); err != nil {
		t.Fatal(err)
	}
	if s := e.slept(); len(s) != 1 || s[0] != 500*time.Millisecond {
		t.Errorf("second conversations call slept %v, want [500ms]", s)
	}
}

func TestThrottlingWaitsForTheUsageHeadersThenSucceeds(t *testing.T) {
	e := newEnv(t)
	seedIG(e, 2)
	e.fake.UsageLimit = 3
	e.fake.RegainMinutes = 2
	c := e.ig(t, nil)
	ctx := context.Background()
	// Verify (1), conversations (2), media (3), comments (4: over the limit).
	_, err := c.Poll(ctx, "", platforms.PollOptions{})
	pe := wantKind(t, err, platforms.KindRateLimited)
	if pe.Code != 4 || pe.RetryAfter != 2*time.Minute {
		t.Errorf("throttled: code %d, retry after %v; want code 4 and the 2 minutes the headers said", pe.Code, pe.RetryAfter)
	}
	// While cut off, no call leaves.
	calls := e.fake.Calls()
	_, err = c.Poll(ctx, "", platforms.PollOptions{})
	wantKind(t, err, platforms.KindRateLimited)
	if e.fake.Calls() != calls {
		t.Error("a call left while Meta had cut access off")
	}
	// After the wait (and a new usage window) the same poll succeeds.
	e.fake.Clock.Advance(2 * time.Minute)
	e.fake.ResetUsage()
	e.fake.UsageLimit = 1000
	p, err := c.Poll(ctx, "", platforms.PollOptions{})
	if err != nil {
		t.Fatalf("after the wait: %v", err)
	}
	if len(p.Messages) == 0 {
		t.Error("nothing synced after the wait")
	}
}

func TestHighUsageSpacesCallsOut(t *testing.T) {
	e := newEnv(t)
	seedIG(e, 2)
	e.fake.UsageLimit = 10 // each call adds 10%
	c := e.ig(t, nil)
	ctx := context.Background()
	for i := 0; i < 8; i++ { // 80% after the 8th call
		if _, err := c.Verify(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if s := e.slept(); len(s) != 0 {
		t.Fatalf("slept %v below the threshold", s)
	}
	for i := 0; i < 2; i++ {
		if _, err := c.Verify(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if s := e.slept(); len(s) != 1 || s[0] != 2*time.Second {
		t.Errorf("above the threshold slept %v, want [2s] between two calls", s)
	}
	pct, _ := c.(interface{ Usage() (int, time.Time) }).Usage()
	if pct != 100 {
		t.Errorf("usage = %d%%, want 100", pct)
	}
}

func TestExpiredOrWrongTokenNeedsReconnect(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.fake.Clock.Advance(61 * 24 * time.Hour)
	_, err := e.ig(t, nil).Verify(ctx)
	pe := wantKind(t, err, platforms.KindAuth)
	if pe.Code != 190 {
		t.Errorf("code = %d, want 190", pe.Code)
	}
	c, _ := e.factory.Instagram(platforms.Credentials{BaseURL: e.url, Token: "not-a-token"})
	_, err = c.Poll(ctx, "", platforms.PollOptions{})
	wantKind(t, err, platforms.KindAuth)
	// A Page token for another Page.
	c, _ = e.factory.Facebook(platforms.Credentials{BaseURL: e.url, Token: pageToken, Extra: map[string]string{meta.ExtraPageID: "999"}})
	_, err = c.Verify(ctx)
	wantKind(t, err, platforms.KindAuth)
}

func TestFaultsAreTransientAndTruncationIsMalformed(t *testing.T) {
	e := newEnv(t)
	seedIG(e, 1)
	c := e.ig(t, nil)
	ctx := context.Background()
	e.fake.Faults.FailNext(1, 500)
	_, err := c.Verify(ctx)
	wantKind(t, err, platforms.KindTransient)
	e.fake.Faults.TruncateNext(1)
	_, err = c.Verify(ctx)
	wantKind(t, err, platforms.KindTransient)
	e.fake.Faults.SetDown(true)
	_, err = c.Poll(ctx, "", platforms.PollOptions{})
	wantKind(t, err, platforms.KindTransient)
	e.fake.Faults.SetDown(false)
	if _, err := c.Poll(ctx, "", platforms.PollOptions{}); err != nil {
		t.Fatalf("after the faults: %v", err)
	}
	_, err = c.Poll(ctx, "not a cursor!", platforms.PollOptions{})
	wantKind(t, err, platforms.KindPermanent)
}

func TestRefreshInstagramToken(t *testing.T) {
	e := newEnv(t)
	r := e.ig(t, nil).(platforms.TokenRefresher)
	ctx := context.Background()
	_, err := r.RefreshToken(ctx)
	wantKind(t, err, platforms.KindPermanent) // younger than 24 h
	e.fake.SetTokenIssued(igToken, t0.Add(-48*time.Hour))
	got, err := r.RefreshToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Token == "" || got.Token == igToken || !got.ExpiresAt.Equal(t0.Add(60*24*time.Hour)) {
		t.Errorf("refreshed = %+v", got)
	}
	// The new token works.
	c, _ := e.factory.Instagram(platforms.Credentials{BaseURL: e.url, Token: got.Token})
	if _, err := c.Verify(ctx); err != nil {
		t.Errorf("the refreshed token: %v", err)
	}
	_, err = e.fb(t, nil).(platforms.TokenRefresher).RefreshToken(ctx)
	wantKind(t, err, platforms.KindPermanent)
}

func TestBaseURLAndSettingsAreChecked(t *testing.T) {
	f := meta.NewFactory(meta.Options{})
	for _, creds := range []platforms.Credentials{
		{Token: ""},
		{Token: "x", BaseURL: "http://example.com"},
		{Token: "x", Extra: map[string]string{meta.ExtraVersion: "25"}},
	} {
		if _, err := f.Instagram(creds); err == nil {
			t.Errorf("Instagram(%+v) accepted", creds)
		}
	}
	if _, err := f.Facebook(platforms.Credentials{Token: "x"}); err == nil {
		t.Error("Facebook without a Page id accepted")
	}
	_ = metafake.Instagram
}
