package youtube

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestCursorRoundTrip(t *testing.T) {
	in := cursorState{
		Next: 1772400000,
		Pub:  streamState{Mark: 1772390000000000, Walking: true, Tok: "QUFBQUFB_-x=", Floor: 1772300000000000, Top: 1772395000000000, Gen: 3, Memo: map[string]memoEntry{"UgxA": {N: 7, T: 1, G: 3}}},
		Held: streamState{Mark: 5},
	}
	out, err := decodeCursor(in.encode())
	if err != nil || fmt.Sprint(out) != fmt.Sprint(cursorState{V: cursorVersion, Next: in.Next, Pub: in.Pub, Held: in.Held}) {
		t.Fatalf("round trip: %+v, %v", out, err)
	}
	if empty, err := decodeCursor(""); err != nil || empty.Pub.Walking || empty.Pub.Mark != 0 {
		t.Fatalf("empty cursor: %+v, %v", empty, err)
	}
	for _, bad := range []cursorState{
		{Pub: streamState{Tok: "a b"}},
		{Held: streamState{Tok: strings.Repeat("a", maxPageToken+1)}},
		{Pub: streamState{Memo: map[string]memoEntry{"x/y": {}}}},
		{Pub: streamState{Memo: map[string]memoEntry{"UgxA": {N: -1}}}},
	} {
		if _, err := decodeCursor(bad.encode()); err == nil {
			t.Fatalf("accepted %+v", bad)
		}
	}
}

func TestMemoKeepsWhatTheLatestWalkSaw(t *testing.T) {
	var s streamState
	s.start(time.Hour)
	for i := range 2*maxMemo + 1 { // overflows: the oldest top-level comments go
		s.remember(fmt.Sprintf("Ugx%04d", i), 6, int64(i))
	}
	if len(s.Memo) > maxMemo*2 || s.Memo["Ugx0000"] != (memoEntry{}) {
		t.Fatalf("memo has %d entries, oldest kept: %v", len(s.Memo), s.Memo["Ugx0000"])
	}
	s.finish()
	s.start(time.Hour)
	s.remember("UgxNew", 9, 1000)
	s.remember(fmt.Sprintf("Ugx%04d", 2*maxMemo), 6, int64(2*maxMemo))
	s.finish()
	if len(s.Memo) != 2 || s.Memo["UgxNew"].N != 9 {
		t.Fatalf("after a second walk the memo holds %v, want only the two threads it saw", s.Memo)
	}
}

func TestWalkFloor(t *testing.T) {
	var s streamState
	s.start(time.Hour)
	if s.Floor != 0 || !s.Walking {
		t.Fatalf("first walk %+v, want a full walk", s)
	}
	s.Top = 10 * time.Hour.Microseconds()
	s.finish()
	s.start(time.Hour)
	if s.Floor != 9*time.Hour.Microseconds() || s.Mark != s.Floor+time.Hour.Microseconds() {
		t.Fatalf("second walk %+v, want floor one lookback below the mark", s)
	}
}

func TestNextReset(t *testing.T) {
	tests := []struct{ now, want string }{
		{"2026-03-01T20:00:00Z", "2026-03-02T08:00:00Z"}, // PST, UTC-8
		{"2026-03-08T09:30:00Z", "2026-03-09T07:00:00Z"}, // spring forward: a 23-hour day
		{"2026-11-01T07:30:00Z", "2026-11-02T08:00:00Z"}, // fall back: a 25-hour day
		{"2026-07-02T06:59:59Z", "2026-07-02T07:00:00Z"}, // PDT, UTC-7
		{"2026-07-02T07:00:00Z", "2026-07-03T07:00:00Z"}, // exactly midnight: the next one
	}
	for _, tt := range tests {
		now, _ := time.Parse(time.RFC3339, tt.now)
		want, _ := time.Parse(time.RFC3339, tt.want)
		if got := nextReset(now); !got.Equal(want) {
			t.Errorf("nextReset(%s) = %s, want %s", tt.now, got.UTC().Format(time.RFC3339), tt.want)
		}
	}
	if pacific.String() != pacificZoneName {
		t.Fatalf("zone %q: the embedded tzdata did not load", pacific)
	}
}

func TestParseErrorBody(t *testing.T) {
	tests := []struct {
		body, reason, msg string
	}{
		{`{"error":{"code":403,"message":"The request cannot be completed because you have exceeded your \u003ca href=\"/youtube/v3/getting-started#quota\"\u003equota\u003c/a\u003e.","errors":[{"message":"x","domain":"youtube.quota","reason":"quotaExceeded"}]}}`,
			"quotaExceeded", "The request cannot be completed because you have exceeded your quota."},
		{`{"error":{"errors":[{"reason":"","message":"m1"},{"reason":"second"}]}}`, "second", "m1"},
		{`{"error":{"message":"line\nbreak &amp; tab\t"}}`, "", "line break & tab"},
		{`<html>502</html>`, "", ""},
		{`{"error":"invalid_token"}`, "", ""},
	}
	for _, tt := range tests {
		if reason, msg := parseErrorBody([]byte(tt.body)); reason != tt.reason || msg != tt.msg {
			t.Errorf("parseErrorBody(%s) = %q, %q; want %q, %q", tt.body, reason, msg, tt.reason, tt.msg)
		}
	}
}

func TestRetryAfterHeader(t *testing.T) {
	for _, tt := range []struct {
		header string
		want   time.Duration
	}{
		{"", shortRetryAfter}, {"7", 7 * time.Second}, {"0.2", time.Second}, {"99999", maxShortRetryAfter}, {"NaN", shortRetryAfter}, {"soon", shortRetryAfter},
	} {
		h := http.Header{}
		if tt.header != "" {
			h.Set("Retry-After", tt.header)
		}
		if got := retryAfter(h); got != tt.want {
			t.Errorf("Retry-After %q: %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestHandleOf(t *testing.T) {
	for _, tt := range []struct{ url, name, want string }{
		{"http://www.youtube.com/@alice", "Alice", "@alice"},
		{"http://www.youtube.com/channel/UCx", "@bob", "@bob"},
		{"http://www.youtube.com/channel/UCx", "Carol Smith", ""},
		{"", "@ with space", ""},
		{"%zz", "@", ""},
	} {
		if got := handleOf(tt.url, tt.name); got != tt.want {
			t.Errorf("handleOf(%q, %q) = %q, want %q", tt.url, tt.name, got, tt.want)
		}
	}
}
