package youtube_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

// seqSource hands out tokens in order; Invalidate moves to the next one.
type seqSource struct {
	mu          sync.Mutex
	tokens      []string
	i           int
	calls       int
	invalidated int
	err         error
}

func (s *seqSource) Token(context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if s.err != nil {
		return "", s.err
	}
	return s.tokens[min(s.i, len(s.tokens)-1)], nil
}

func (s *seqSource) Invalidate() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.invalidated++
	s.i++
}

func TestTokenSourceRenewsARefusedAccessTokenOnce(t *testing.T) {
	srv := youtubefake.New("good-token")
	base := srv.Start()
	t.Cleanup(srv.Close)
	src := &seqSource{tokens: []string{"stale-token", "good-token"}}
	c, err := youtube.NewWithTokenSource(platforms.Credentials{BaseURL: base}, src)
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Verify(context.Background())
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if info.ExternalID != srv.Self.ID || src.invalidated != 1 {
		t.Fatalf("info %+v, invalidated %d", info, src.invalidated)
	}
	// Both attempts were charged, as Google charges every request.
	h, ok := c.(platforms.HeadroomReporter).Headroom()
	if !ok || h.Kind != "quota" || h.Used != 2 || h.Limit != youtube.DefaultDailyQuota || h.ResetsAt.IsZero() {
		t.Fatalf("headroom %+v %v", h, ok)
	}

	// A token the fake never accepts: one renewal, then the auth error stands.
	srv.RevokeToken()
	_, err = c.Verify(context.Background())
	if platforms.KindOf(err) != platforms.KindAuth || src.invalidated != 2 {
		t.Fatalf("revoked: err %v (kind %s), invalidated %d", err, platforms.KindOf(err), src.invalidated)
	}
}

func TestTokenSourceFailures(t *testing.T) {
	srv := youtubefake.New("good-token")
	base := srv.Start()
	t.Cleanup(srv.Close)
	auth := &platforms.Error{Platform: youtube.Platform, Kind: platforms.KindAuth, Message: "refresh token revoked"}
	src := &seqSource{err: auth}
	c, _ := youtube.NewWithTokenSource(platforms.Credentials{BaseURL: base}, src)
	if _, err := c.Verify(context.Background()); !errors.Is(err, auth) && platforms.KindOf(err) != platforms.KindAuth {
		t.Fatalf("err = %v, want the source's KindAuth", err)
	}
	src.err = errors.New("dial tcp: connection refused")
	if _, err := c.Verify(context.Background()); platforms.KindOf(err) != platforms.KindTransient {
		t.Fatalf("err = %v, want transient", err)
	}
	if len(srv.Requests()) != 0 {
		t.Fatal("a call without a token reached the API")
	}
	if _, err := youtube.NewWithTokenSource(platforms.Credentials{BaseURL: base}, nil); platforms.KindOf(err) != platforms.KindAuth {
		t.Fatalf("nil source: %v", err)
	}
}
