package youtube_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

func TestNew(t *testing.T) {
	tests := []struct {
		name     string
		creds    platforms.Credentials
		wantKind platforms.ErrorKind // empty: no error
	}{
		{"default base URL", platforms.Credentials{Token: token}, ""},
		{"https base URL", platforms.Credentials{Token: token, BaseURL: "https://youtube.googleapis.com/youtube/v3/"}, ""},
		{"plain http on loopback", platforms.Credentials{Token: token, BaseURL: "http://127.0.0.1:1/youtube/v3"}, ""},
		{"all settings", platforms.Credentials{Token: token, Extra: map[string]string{
			"includeHeld": "1", "dailyQuota": "20000", "pollInterval": "10m", "replyLookback": "72h", "quotaState": "v1:2026-03-01:5"}}, ""},
		{"plain http elsewhere", platforms.Credentials{Token: token, BaseURL: "http://www.googleapis.com/youtube/v3"}, platforms.KindPermanent},
		{"missing token", platforms.Credentials{}, platforms.KindAuth},
		{"blank token", platforms.Credentials{Token: "  "}, platforms.KindAuth},
		{"credentials in the URL", platforms.Credentials{Token: token, BaseURL: "https://u:p@www.googleapis.com/youtube/v3"}, platforms.KindPermanent},
		{"query in the URL", platforms.Credentials{Token: token, BaseURL: "https://www.googleapis.com/youtube/v3?key=x"}, platforms.KindPermanent},
		{"bad dailyQuota", platforms.Credentials{Token: token, Extra: map[string]string{"dailyQuota": "lots"}}, platforms.KindPermanent},
		{"zero dailyQuota", platforms.Credentials{Token: token, Extra: map[string]string{"dailyQuota": "0"}}, platforms.KindPermanent},
		{"bad includeHeld", platforms.Credentials{Token: token, Extra: map[string]string{"includeHeld": "maybe"}}, platforms.KindPermanent},
		{"bad pollInterval", platforms.Credentials{Token: token, Extra: map[string]string{"pollInterval": "5"}}, platforms.KindPermanent},
		{"negative replyLookback", platforms.Credentials{Token: token, Extra: map[string]string{"replyLookback": "-1h"}}, platforms.KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := youtube.New(tt.creds)
			if tt.wantKind != "" {
				wantKind(t, err, tt.wantKind)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := []platforms.Capability{platforms.CapListComments, platforms.CapReplyComment, platforms.CapModerateComment}
			if c.Platform() != "youtube" || !slices.Equal(c.Capabilities(), want) {
				t.Fatalf("platform %q capabilities %v", c.Platform(), c.Capabilities())
			}
			if platforms.Has(c.Capabilities(), platforms.CapSend) || platforms.Has(c.Capabilities(), platforms.CapListThreads) {
				t.Fatal("YouTube has no DMs")
			}
			if _, ok := c.(platforms.Moderator); !ok {
				t.Fatal("not a Moderator")
			}
			if _, ok := c.(platforms.Publisher); ok {
				t.Fatal("a Publisher without CapPublish")
			}
			quota(t, c)
		})
	}
}

func TestVerify(t *testing.T) {
	e := start(t, nil)
	info, err := e.conn.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := platforms.AccountInfo{ExternalID: e.srv.Self.ID, Handle: "@brandstudio", DisplayName: "Brand Studio"}
	if info != want {
		t.Fatalf("got %+v, want %+v", info, want)
	}
	r := e.srv.Requests()[0]
	if r.Path != "/channels" || !strings.Contains(r.Query, "mine=true") || !strings.Contains(r.Query, "part=snippet") || !r.Authorized {
		t.Fatalf("request %+v", r)
	}
}

func TestErrorMapping(t *testing.T) {
	tests := []struct {
		name      string
		inject    func(e *env)
		base      func(e *env) string // "" keeps the fake's
		tok       string
		wantKind  platforms.ErrorKind
		wantCode  int
		wantInMsg string
	}{
		{"invalid token", nil, nil, "ya29.wrong-token", platforms.KindAuth, 401, "authError"},
		{"revoked token", func(e *env) { e.srv.RevokeToken() }, nil, "", platforms.KindAuth, 401, "invalid authentication credentials"},
		{"missing scope", func(e *env) {
			e.srv.FailNextWith(1, http.StatusForbidden, "insufficientPermissions", "Request had insufficient authentication scopes.")
		}, nil, "", platforms.KindAuth, 403, "insufficientPermissions"},
		{"rate limit", func(e *env) { e.srv.RateLimitNext(1) }, nil, "", platforms.KindRateLimited, 403, "rateLimitExceeded"},
		{"user rate limit", func(e *env) {
			e.srv.FailNextWith(1, http.StatusForbidden, "userRateLimitExceeded", "User Rate Limit Exceeded")
		}, nil, "", platforms.KindRateLimited, 403, "userRateLimitExceeded"},
		{"daily limit", func(e *env) {
			e.srv.FailNextWith(1, http.StatusForbidden, "dailyLimitExceeded", "Daily Limit Exceeded")
		}, nil, "", platforms.KindRateLimited, 403, "midnight Pacific"},
		{"429", func(e *env) { e.srv.FailNextWith(1, http.StatusTooManyRequests, "rateLimitExceeded", "slow down") }, nil, "", platforms.KindRateLimited, 429, "slow down"},
		{"comments disabled", func(e *env) { e.srv.FailNext(1, http.StatusForbidden) }, nil, "", platforms.KindPermanent, 403, "commentsDisabled"},
		{"forbidden", func(e *env) { e.srv.FailNextWith(1, http.StatusForbidden, "forbidden", "Insufficient permissions.") }, nil, "", platforms.KindPermanent, 403, "forbidden"},
		{"API not enabled", func(e *env) {
			e.srv.FailNextWith(1, http.StatusForbidden, "accessNotConfigured", "YouTube Data API v3 has not been used in project 123 before or it is disabled.")
		}, nil, "", platforms.KindPermanent, 403, "accessNotConfigured"},
		{"processing failure", func(e *env) { e.srv.FailNext(1, http.StatusBadRequest) }, nil, "", platforms.KindPermanent, 400, "processingFailure"},
		{"comment not found", func(e *env) { e.srv.FailNext(1, http.StatusNotFound) }, nil, "", platforms.KindPermanent, 404, "commentNotFound"},
		{"server error", func(e *env) { e.srv.FailNext(1, http.StatusInternalServerError) }, nil, "", platforms.KindTransient, 500, "backendError"},
		{"unavailable", func(e *env) { e.srv.FailNext(1, http.StatusServiceUnavailable) }, nil, "", platforms.KindTransient, 503, "backendError"},
		{"proxy down (HTML)", func(e *env) { e.srv.SetDown(true) }, nil, "", platforms.KindTransient, 502, "Bad Gateway"},
		{"cut-off JSON", func(e *env) { e.srv.TruncateNext(1) }, nil, "", platforms.KindTransient, 0, "malformed response"},
		{"nothing listening", nil, func(e *env) string {
			srv := youtubefake.New(token)
			base := srv.Start()
			srv.Close()
			return base
		}, "", platforms.KindTransient, 0, "verify"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := start(t, nil)
			if tt.inject != nil {
				tt.inject(e)
			}
			base, tok := e.base, token
			if tt.base != nil {
				base = tt.base(e)
			}
			if tt.tok != "" {
				tok = tt.tok
			}
			c, err := youtube.NewWithClock(platforms.Credentials{BaseURL: base, Token: tok}, e.clk.Now)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Verify(ctx)
			pe := wantKind(t, err, tt.wantKind)
			if pe.Code != tt.wantCode || !strings.Contains(pe.Message, tt.wantInMsg) {
				t.Fatalf("got %v, want code %d mentioning %q", err, tt.wantCode, tt.wantInMsg)
			}
			// A dial error names host and port; the URL with its path and query never shows.
			if strings.Contains(pe.Error(), "/youtube/v3") || strings.Contains(pe.Error(), "mine=true") || strings.Contains(pe.Error(), "<") {
				t.Fatalf("error %q shows the URL or HTML", pe.Error())
			}
			if tt.wantKind == platforms.KindRateLimited && pe.RetryAfter <= 0 {
				t.Fatalf("no RetryAfter on %v", err)
			}
		})
	}
}

func TestCanceledContext(t *testing.T) {
	e := start(t, nil)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err := e.conn.Verify(cctx)
	wantKind(t, err, platforms.KindTransient)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v does not wrap context.Canceled", err)
	}
}
