package meta

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

func TestAPIErrorMapping(t *testing.T) {
	c := &connector{flavor: instagram, token: "SECRET-TOKEN"}
	cases := []struct {
		body string
		kind platforms.ErrorKind
		want string
	}{
		{`{"error":{"message":"Error validating access token","type":"OAuthException","code":190,"error_subcode":463}}`, platforms.KindAuth, ""},
		{`{"error":{"message":"(#80002) There have been too many calls to this Instagram account","code":80002}}`, platforms.KindRateLimited, ""},
		{`{"error":{"message":"(#613) Calls to this api have exceeded the rate limit.","code":613}}`, platforms.KindRateLimited, ""},
		{`{"error":{"message":"(#80006) too many Messenger calls","code":80006}}`, platforms.KindRateLimited, ""},
		{`{"error":{"message":"(#10) This message is sent outside of allowed window.","code":10,"error_subcode":2018278}}`, platforms.KindWindowClosed, ""},
		{`{"error":{"message":"Message failed: outside of allowed window","code":100}}`, platforms.KindWindowClosed, ""},
		{`{"error":{"message":"(#200) Requires instagram_business_manage_messages permission","code":200}}`, platforms.KindPermanent, "lacks a permission"},
		{`{"error":{"message":"(#10) Application does not have permission for this action","code":10}}`, platforms.KindPermanent, "lacks a permission"},
		{`{"error":{"message":"An unexpected error has occurred","code":2,"is_transient":true}}`, platforms.KindTransient, ""},
		{`{"error":{"message":"token SECRET-TOKEN leaked","code":100}}`, platforms.KindPermanent, "<token>"},
	}
	for _, tc := range cases {
		e := c.apiError("op", http.StatusBadRequest, usage{pct: -1}, []byte(tc.body))
		if e.Kind != tc.kind {
			t.Errorf("%s: kind %s, want %s", tc.body, e.Kind, tc.kind)
		}
		if tc.want != "" && !strings.Contains(e.Message, tc.want) {
			t.Errorf("%s: message %q lacks %q", tc.body, e.Message, tc.want)
		}
		if strings.Contains(e.Message, "SECRET-TOKEN") {
			t.Errorf("the token leaked into %q", e.Message)
		}
		if e.Kind == platforms.KindRateLimited && e.RetryAfter != defaultRetryAfter {
			t.Errorf("%s: retry after %v without headers, want %v", tc.body, e.RetryAfter, defaultRetryAfter)
		}
	}
	if e := c.apiError("op", http.StatusBadGateway, usage{pct: -1}, []byte("<html>")); e.Kind != platforms.KindTransient {
		t.Errorf("502 HTML: %s", e.Kind)
	}
}

func TestParseUsageHeaders(t *testing.T) {
	h := http.Header{}
	h.Set("X-App-Usage", `{"call_count":28,"total_time":25,"total_cputime":25}`)
	h.Set("X-Business-Use-Case-Usage", `{"1784":[{"type":"instagram","call_count":91,"total_cputime":10,"total_time":12,"estimated_time_to_regain_access":0}],"1040":[{"type":"pages","call_count":5,"estimated_time_to_regain_access":7}]}`)
	h.Set("X-Page-Usage", `not json`)
	u := parseUsage(h)
	if u.pct != 91 || u.regain != 7*time.Minute {
		t.Errorf("usage = %+v, want 91%% and 7 minutes", u)
	}
	if u := parseUsage(http.Header{}); u.pct != -1 || u.regain != 0 {
		t.Errorf("no headers = %+v", u)
	}
	if got := retryAfter(usage{regain: 5 * time.Hour}); got != maxRetryAfter {
		t.Errorf("capped wait = %v", got)
	}
}
