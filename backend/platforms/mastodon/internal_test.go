package mastodon

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestParseLinks(t *testing.T) {
	tests := []struct {
		name       string
		headers    []string
		next, prev url.Values
	}{
		{"mastodon", []string{`<https://m.example/api/v1/conversations?limit=2&max_id=108835003356700379>; rel="next", <https://m.example/api/v1/conversations?limit=2&min_id=108888782724768580>; rel="prev"`},
			url.Values{"max_id": {"108835003356700379"}}, url.Values{"min_id": {"108888782724768580"}}},
		{"other host, filters and unquoted rel", []string{`<http://internal:3000/api/v1/notifications?types%5B%5D=mention&max_id=9>; rel=next`},
			url.Values{"max_id": {"9"}}, nil},
		{"rel previous and several headers", []string{`<https://a/x?min_id=5>; rel="previous"`, `<https://a/x?max_id=2&since_id=1>; rel="next"`},
			url.Values{"max_id": {"2"}, "since_id": {"1"}}, url.Values{"min_id": {"5"}}},
		{"comma inside the URL", []string{`<https://a/x?max_id=7&tag=a,b>; rel="next"`}, url.Values{"max_id": {"7"}}, nil},
		{"several rels", []string{`<https://a/x?min_id=3>; title="a, b"; rel="prev first"`}, nil, url.Values{"min_id": {"3"}}},
		{"garbage", []string{`nonsense, <>; rel=`, `<%zz>; rel="next"`}, nil, nil},
		{"unusable ids are dropped", []string{`<https://a/x?max_id=1%2F2>; rel="next", <https://a/x?min_id=` + strings.Repeat("9", 200) + `>; rel="prev"`},
			url.Values{}, url.Values{}},
		{"none", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for _, v := range tt.headers {
				h.Add("Link", v)
			}
			got := parseLinks(h)
			if got.next.Encode() != tt.next.Encode() || got.prev.Encode() != tt.prev.Encode() {
				t.Fatalf("next %v prev %v, want %v %v", got.next, got.prev, tt.next, tt.prev)
			}
		})
	}
}

func TestCursorRoundTrip(t *testing.T) {
	in := cursorState{DM: streamState{Started: true, Top: "113000000000000009", Back: "113000000000000002"}, Mentions: streamState{Started: true, Top: "9004"}}
	out, err := decodeCursor(in.encode())
	if err != nil || out != (cursorState{V: cursorVersion, DM: in.DM, Mentions: in.Mentions}) {
		t.Fatalf("round trip: %+v, %v", out, err)
	}
	if empty, err := decodeCursor(""); err != nil || empty.DM.Started || empty.Mentions.Started {
		t.Fatalf("empty cursor: %+v, %v", empty, err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	date := now.Add(-time.Hour).Format(http.TimeFormat) // the server's clock is an hour behind ours
	tests := []struct {
		name    string
		headers map[string]string
		want    time.Duration
	}{
		{"reset against the server's Date", map[string]string{"X-RateLimit-Reset": "2026-03-01T11:04:30.000000Z", "Date": date}, 270 * time.Second},
		{"reset against our clock without Date", map[string]string{"X-RateLimit-Reset": "2026-03-01T12:00:42.000Z"}, 42 * time.Second},
		{"fractions round up", map[string]string{"X-RateLimit-Reset": "2026-03-01T12:00:41.200Z"}, 42 * time.Second},
		{"reset in the past", map[string]string{"X-RateLimit-Reset": "2026-03-01T11:59:00Z"}, time.Second},
		{"reset far away is capped", map[string]string{"X-RateLimit-Reset": "2026-03-09T12:00:00Z"}, time.Hour},
		{"Retry-After seconds win", map[string]string{"Retry-After": "7", "X-RateLimit-Reset": "2026-03-01T12:00:42Z"}, 7 * time.Second},
		{"Retry-After date", map[string]string{"Retry-After": now.Add(90 * time.Second).Format(http.TimeFormat)}, 90 * time.Second},
		{"unreadable reset", map[string]string{"X-RateLimit-Reset": "soon"}, defaultRetryAfter},
		{"no headers", nil, defaultRetryAfter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.headers {
				h.Set(k, v)
			}
			if got := retryAfter(h, now); got != tt.want {
				t.Fatalf("retryAfter = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStatusLength(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"ascii", "hello", 5},
		{"accents", "café", 4},
		{"combining accent", "cafe\u0301", 4},
		{"emoji with skin tone", "👍🏽", 1},
		{"family (ZWJ sequence)", "👨\u200d👩\u200d👧", 1},
		{"flags pair", "🇫🇷🇩🇪", 2},
		{"emoji presentation selector", "❤\ufe0f", 1},
		{"crlf", "a\r\nb", 3},
		{"link counts 23", "see https://example.com/" + strings.Repeat("x", 200), 4 + 23},
		{"short link counts 23 too", "https://a.io", 23},
		{"remote mention counts its username", "@alice@mastodon.example hi", len("@alice hi")},
		{"e-mail is not a mention", "bob@alice@x.example", len("bob@alice@x.example")},
		{"local mention", "@alice hi", 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := statusLength(tt.text); got != tt.want {
				t.Fatalf("statusLength(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}

func TestMentions(t *testing.T) {
	tests := []struct {
		text, acct string
		want       bool
	}{
		{"@alice hi", "alice", true},
		{"hi @Alice!", "alice", true},
		{"hi @alice.", "alice", true},
		{"(@alice)", "alice", true},
		{"@alicex hi", "alice", false},
		{"@alice_ hi", "alice", false},
		{"@alice@other.example hi", "alice", false},
		{"mail bob@alice hi", "alice", false},
		{"@alice.b hi", "alice", false},
		{"@bob@remote.example thanks", "bob@remote.example", true},
		{"@bob thanks", "bob@remote.example", false},
		{"no mention", "alice", false},
	}
	for _, tt := range tests {
		if got := mentions(tt.text, tt.acct); got != tt.want {
			t.Errorf("mentions(%q, %q) = %v, want %v", tt.text, tt.acct, got, tt.want)
		}
	}
}

func TestAdvanceGuards(t *testing.T) {
	// A server that ignores max_id sends the same next link again: the walk stops.
	st, more := advance(streamState{Started: true, Top: "9", Back: "5"}, walkBack,
		pageLinks{next: url.Values{"max_id": {"5"}}}, 2, headKeys{newest: "9", oldest: "8", settled: "9"}, 2)
	if !more || st.Back != "" || st.Top != "9" {
		t.Fatalf("repeated next: %+v more=%v (the forward page comes next)", st, more)
	}
	// A server that ignores min_id returns the newest page again: no progress, no More.
	st, more = advance(streamState{Started: true, Top: "9"}, walkForward,
		pageLinks{prev: url.Values{"min_id": {"9"}}}, 2, headKeys{newest: "9", oldest: "8", settled: "9"}, 2)
	if more || st.Top != "9" {
		t.Fatalf("repeated prev: %+v more=%v", st, more)
	}
	// Without Link headers the largest key read stands in.
	st, more = advance(streamState{}, walkNewest, pageLinks{}, 2, headKeys{newest: "12", oldest: "11", settled: "12"}, 2)
	if more || !st.Started || st.Top != "12" || st.Back != "" {
		t.Fatalf("no links: %+v more=%v", st, more)
	}
}
