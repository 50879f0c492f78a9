package mastodonfake_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms/mastodon/mastodonfake"
)

const token = "fake-test-token-0123456789"

var (
	alice = mastodonfake.Account{ID: "101", Username: "alice", DisplayName: "Alice"}
	bob   = mastodonfake.Account{ID: "102", Username: "bob", Acct: "bob@remote.example", DisplayName: "Bob"}
	t0    = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

// answer is a decoded response.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// start runs a fake for the test's duration.
func start(t *testing.T) (*mastodonfake.Server, string) {
	t.Helper()
	srv := mastodonfake.New(token)
	base := srv.Start()
	t.Cleanup(srv.Close)
	return srv, base
}

// call sends an authorized request.
func call(t *testing.T, method, target string, form url.Values, header map[string]string) answer {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: raw}
}

// errorText decodes {"error": ...}.
func errorText(t *testing.T, a answer) string {
	t.Helper()
	var e struct {
		Error string `json:"error"`
	}
	if err := json.Unmarshal(a.body, &e); err != nil {
		t.Fatalf("body %q: %v", a.body, err)
	}
	return e.Error
}

// listIDs decodes a list and returns the chosen id of each item.
func listIDs(t *testing.T, a answer, pick func(map[string]json.RawMessage) string) []string {
	t.Helper()
	var items []map[string]json.RawMessage
	if err := json.Unmarshal(a.body, &items); err != nil {
		t.Fatalf("body %q: %v", a.body, err)
	}
	out := []string{}
	for _, it := range items {
		out = append(out, pick(it))
	}
	return out
}

// str decodes a JSON string field.
func str(raw json.RawMessage) string {
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

// lastStatusID picks a conversation's last_status.id.
func lastStatusID(it map[string]json.RawMessage) string {
	var st struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(it["last_status"], &st)
	return st.ID
}

func TestAuth(t *testing.T) {
	srv, base := start(t)
	tests := []struct {
		name, auth string
		want       int
	}{
		{"valid token", "Bearer " + token, 200},
		{"no header", "", 401},
		{"wrong token", "Bearer nope", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", base+"/api/v1/accounts/verify_credentials", nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
	srv.RevokeToken()
	if a := call(t, "GET", base+"/api/v1/accounts/verify_credentials", nil, nil); a.status != 401 || errorText(t, a) != "The access token is invalid" {
		t.Fatalf("revoked token: %d %s", a.status, a.body)
	}
	if a := call(t, "GET", base+"/api/v2/instance", nil, nil); a.status != 200 {
		t.Fatalf("instance is public, got %d", a.status)
	}
}

// TestConversationPagination checks that conversations are ordered and paged
// by their last status id and that Link URLs use LinkBase, not the loopback host.
func TestConversationPagination(t *testing.T) {
	srv, base := start(t)
	var lasts []string
	for i := range 5 {
		conv := srv.AddConversation(alice)
		srv.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand hi", At: t0.Add(time.Duration(i) * time.Minute)})
		lasts = append(lasts, srv.AddDirect(conv, mastodonfake.Post{From: srv.Self, Text: "@alice hello", At: t0}))
	}
	slices.Reverse(lasts) // newest first
	a := call(t, "GET", base+"/api/v1/conversations?limit=2", nil, nil)
	if got := listIDs(t, a, lastStatusID); !slices.Equal(got, lasts[:2]) {
		t.Fatalf("page 1 last statuses %v, want %v", got, lasts[:2])
	}
	link := a.header.Get("Link")
	wantNext := "<http://mastodon.internal/api/v1/conversations?limit=2&max_id=" + lasts[1] + `>; rel="next"`
	wantPrev := "<http://mastodon.internal/api/v1/conversations?limit=2&min_id=" + lasts[0] + `>; rel="prev"`
	if link != wantNext+", "+wantPrev {
		t.Fatalf("Link %q", link)
	}
	steps := []struct {
		query    string
		want     []string
		wantNext bool
	}{
		{"limit=2&max_id=" + lasts[1], lasts[2:4], true},
		{"limit=2&max_id=" + lasts[3], lasts[4:5], false},
		{"limit=2&min_id=" + lasts[4], lasts[2:4], true},   // immediately newer, oldest page first
		{"limit=2&since_id=" + lasts[4], lasts[0:2], true}, // newest above since_id
		{"limit=2&min_id=" + lasts[0], []string{}, false},
	}
	for _, st := range steps {
		a := call(t, "GET", base+"/api/v1/conversations?"+st.query, nil, nil)
		if got := listIDs(t, a, lastStatusID); !slices.Equal(got, st.want) {
			t.Fatalf("%s: got %v, want %v", st.query, got, st.want)
		}
		if hasNext := strings.Contains(a.header.Get("Link"), `rel="next"`); hasNext != st.wantNext {
			t.Fatalf("%s: Link %q, want next=%v", st.query, a.header.Get("Link"), st.wantNext)
		}
	}
}

func TestNotificationsFilterAndEmptyLastPage(t *testing.T) {
	srv, base := start(t)
	m1 := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand one", At: t0})
	srv.AddNotification("favourite", bob, m1, t0)
	m2 := srv.AddMention(mastodonfake.Post{From: bob, Text: "@brand two", At: t0})
	statusOf := func(it map[string]json.RawMessage) string {
		var st struct {
			ID string `json:"id"`
		}
		_ = json.Unmarshal(it["status"], &st)
		return str(it["type"]) + ":" + st.ID
	}
	a := call(t, "GET", base+"/api/v1/notifications?types[]=mention&limit=2", nil, nil)
	if got := listIDs(t, a, statusOf); !slices.Equal(got, []string{"mention:" + m2, "mention:" + m1}) {
		t.Fatalf("mentions %v", got)
	}
	links := a.header.Get("Link")
	if !strings.Contains(links, "http://mastodon.internal/api/v1/notifications?") || !strings.Contains(links, "types%5B%5D=mention") {
		t.Fatalf("Link %q keeps neither the public host nor the filter", links)
	}
	next := links[strings.Index(links, "?")+1 : strings.Index(links, ">")]
	a = call(t, "GET", base+"/api/v1/notifications?"+next, nil, nil)
	if got := listIDs(t, a, statusOf); len(got) != 0 || a.header.Get("Link") != "" {
		t.Fatalf("page after the last: %v, Link %q; want [] without links", got, a.header.Get("Link"))
	}
	if got := listIDs(t, call(t, "GET", base+"/api/v1/notifications", nil, nil), statusOf); len(got) != 3 {
		t.Fatalf("unfiltered: %v", got)
	}
}

func TestPostStatus(t *testing.T) {
	srv, base := start(t)
	srv.AddAccount(alice)
	parent := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hey", At: t0})
	tests := []struct {
		name      string
		form      url.Values
		key       string
		wantCode  int
		wantError string
	}{
		{"reply", url.Values{"status": {"@alice thanks"}, "in_reply_to_id": {parent}, "visibility": {"unlisted"}}, "k1", 200, ""},
		{"same key again", url.Values{"status": {"something else"}}, "k1", 200, ""},
		{"blank", url.Values{"status": {"  "}}, "", 422, "Validation failed: Text can't be blank"},
		{"too long", url.Values{"status": {strings.Repeat("a", 501)}}, "", 422, "Validation failed: Text character limit of 500 exceeded"},
		{"links count 23", url.Values{"status": {strings.Repeat("a", 470) + " https://example.com/" + strings.Repeat("x", 100)}}, "", 200, ""},
		{"unknown parent", url.Values{"status": {"x"}, "in_reply_to_id": {"999"}}, "", 404, "Record not found"},
		{"bad visibility", url.Values{"status": {"x"}, "visibility": {"secret"}}, "", 422, "Validation failed: Visibility is not included in the list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := call(t, "POST", base+"/api/v1/statuses", tt.form, map[string]string{"Idempotency-Key": tt.key})
			if a.status != tt.wantCode || (tt.wantError != "" && errorText(t, a) != tt.wantError) {
				t.Fatalf("got %d %s", a.status, a.body)
			}
		})
	}
	sent := srv.Sent()
	if len(sent) != 2 || sent[0].Text != "@alice thanks" || sent[0].InReplyToID != parent || sent[0].Visibility != "unlisted" ||
		sent[0].IdempotencyKey != "k1" || !slices.Equal(sent[0].MentionedIDs, []string{alice.ID}) {
		t.Fatalf("sent %+v", sent)
	}
}

func TestDirectReplyJoinsConversation(t *testing.T) {
	srv, base := start(t)
	conv := srv.AddConversation(alice)
	first := srv.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
	a := call(t, "POST", base+"/api/v1/statuses", url.Values{"status": {"@alice hello"}, "in_reply_to_id": {first}, "visibility": {"direct"}}, nil)
	var st struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(a.body, &st); err != nil || a.status != 200 {
		t.Fatalf("post: %d %s", a.status, a.body)
	}
	got := listIDs(t, call(t, "GET", base+"/api/v1/conversations", nil, nil), func(it map[string]json.RawMessage) string {
		return str(it["id"]) + ":" + lastStatusID(it)
	})
	if !slices.Equal(got, []string{conv + ":" + st.ID}) {
		t.Fatalf("conversations %v, want the reply as last status of %s", got, conv)
	}
	ctx := call(t, "GET", base+"/api/v1/statuses/"+st.ID+"/context", nil, nil)
	var cx struct {
		Ancestors []struct {
			ID string `json:"id"`
		} `json:"ancestors"`
	}
	if err := json.Unmarshal(ctx.body, &cx); err != nil || len(cx.Ancestors) != 1 || cx.Ancestors[0].ID != first {
		t.Fatalf("context %s", ctx.body)
	}
}

func TestRenderedContent(t *testing.T) {
	srv, base := start(t)
	srv.AddAccount(bob)
	id := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand & @bob@remote.example: <b>see</b> https://example.com/a-very-long-path-that-goes-on-and-on #Tag\nnext line\n\nnew para", At: t0})
	a := call(t, "GET", base+"/api/v1/statuses/"+id, nil, nil)
	var st struct {
		Content  string `json:"content"`
		Mentions []struct {
			Acct string `json:"acct"`
		} `json:"mentions"`
	}
	if err := json.Unmarshal(a.body, &st); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<p><span class="h-card" translate="no"><a href="https://mastodon.internal/@brand" class="u-url mention">@<span>brand</span></a></span> &amp; `,
		`<a href="https://remote.example/@bob" class="u-url mention">@<span>bob</span></a>`,
		`: &lt;b&gt;see&lt;/b&gt; <a href="https://example.com/a-very-long-path-that-goes-on-and-on"`,
		`<span class="invisible">https://</span><span class="ellipsis">example.com/a-very-long-path-t</span><span class="invisible">hat-goes-on-and-on</span></a>`,
		`class="mention hashtag" rel="tag">#<span>Tag</span></a><br />next line</p><p>new para</p>`,
	} {
		if !strings.Contains(st.Content, want) {
			t.Fatalf("content %s lacks %s", st.Content, want)
		}
	}
	if len(st.Mentions) != 2 || st.Mentions[1].Acct != "bob@remote.example" {
		t.Fatalf("mentions %+v", st.Mentions)
	}
}

func TestRateLimitBudget(t *testing.T) {
	srv, base := start(t)
	srv.SetNow(t0.Add(10 * time.Second))
	srv.SetRateLimit(2, 5*time.Minute)
	for i, want := range []struct {
		code      int
		remaining string
	}{{200, "1"}, {200, "0"}, {429, "0"}} {
		a := call(t, "GET", base+"/api/v1/accounts/verify_credentials", nil, nil)
		if a.status != want.code || a.header.Get("X-RateLimit-Remaining") != want.remaining ||
			a.header.Get("X-RateLimit-Limit") != "2" || a.header.Get("X-RateLimit-Reset") != "2026-03-01T12:05:00.000000Z" ||
			a.header.Get("Date") != "Sun, 01 Mar 2026 12:00:10 GMT" {
			t.Fatalf("call %d: %d %v", i, a.status, a.header)
		}
	}
	srv.Advance(290 * time.Second)
	if a := call(t, "GET", base+"/api/v1/accounts/verify_credentials", nil, nil); a.status != 200 || a.header.Get("X-RateLimit-Remaining") != "1" {
		t.Fatalf("after the window: %d %v", a.status, a.header)
	}
}

func TestFaults(t *testing.T) {
	srv, base := start(t)
	srv.SetNow(t0)
	verify := base + "/api/v1/accounts/verify_credentials"

	srv.RateLimitNext(1, 0)
	if a := call(t, "GET", verify, nil, nil); a.status != 429 || a.header.Get("X-RateLimit-Reset") != "" {
		t.Fatalf("bare 429: %d %v", a.status, a.header)
	}
	srv.RateLimitNext(1, 30*time.Second)
	if a := call(t, "GET", verify, nil, nil); a.status != 429 || a.header.Get("X-RateLimit-Reset") != "2026-03-01T12:00:30.000000Z" {
		t.Fatalf("429 with reset: %d %v", a.status, a.header)
	}
	srv.FailNext(1, 403)
	if a := call(t, "GET", verify, nil, nil); a.status != 403 || errorText(t, a) != "This action is outside the authorized scopes" {
		t.Fatalf("403: %d %s", a.status, a.body)
	}
	srv.TruncateNext(1)
	if a := call(t, "GET", verify, nil, nil); a.status != 200 || json.Valid(a.body) {
		t.Fatalf("truncation: %d %s", a.status, a.body)
	}
	srv.SetDown(true)
	if a := call(t, "GET", verify, nil, nil); a.status != 502 || !strings.Contains(string(a.body), "nginx") {
		t.Fatalf("down: %d %s", a.status, a.body)
	}
	srv.SetDown(false)

	srv.SetFaultScope("POST", "/api/v1/statuses")
	srv.FailNext(1, 500)
	if a := call(t, "GET", verify, nil, nil); a.status != 200 {
		t.Fatalf("out-of-scope request failed: %d", a.status)
	}
	if a := call(t, "POST", base+"/api/v1/statuses", url.Values{"status": {"x"}}, nil); a.status != 500 {
		t.Fatalf("in-scope request: %d", a.status)
	}
	if a := call(t, "POST", base+"/api/v1/statuses", url.Values{"status": {"x"}}, nil); a.status != 200 {
		t.Fatalf("after the fault: %d %s", a.status, a.body)
	}
}

func TestModerationRecording(t *testing.T) {
	srv, base := start(t)
	mine := srv.AddStatus(mastodonfake.Post{From: srv.Self, Text: "launch day", At: t0})
	theirs := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand spam", At: t0})
	steps := []struct {
		method, path string
		form         url.Values
		want         int
	}{
		{"POST", "/api/v1/accounts/" + alice.ID + "/block", nil, 200},
		{"POST", "/api/v1/accounts/" + alice.ID + "/mute", url.Values{"notifications": {"false"}, "duration": {"3600"}}, 200},
		{"POST", "/api/v1/accounts/999/block", nil, 404},
		{"POST", "/api/v1/reports", url.Values{"account_id": {alice.ID}, "status_ids[]": {theirs}, "comment": {"spam"}}, 200},
		{"POST", "/api/v1/reports", url.Values{"account_id": {alice.ID}, "status_ids[]": {mine}}, 404},
		{"DELETE", "/api/v1/statuses/" + theirs, nil, 404},
		{"DELETE", "/api/v1/statuses/" + mine, nil, 200},
		{"GET", "/api/v1/statuses/" + mine, nil, 404},
	}
	for _, st := range steps {
		if a := call(t, st.method, base+st.path, st.form, nil); a.status != st.want {
			t.Fatalf("%s %s: %d %s, want %d", st.method, st.path, a.status, a.body, st.want)
		}
	}
	mutes, reports := srv.Mutes(), srv.Reports()
	if !slices.Equal(srv.Blocks(), []string{alice.ID}) || len(mutes) != 1 || mutes[0] != (mastodonfake.Mute{AccountID: alice.ID, Duration: 3600}) ||
		len(reports) != 1 || reports[0].Comment != "spam" || !slices.Equal(reports[0].StatusIDs, []string{theirs}) || reports[0].Category != "other" ||
		!slices.Equal(srv.Deleted(), []string{mine}) {
		t.Fatalf("blocks %v mutes %+v reports %+v deleted %v", srv.Blocks(), mutes, reports, srv.Deleted())
	}
}

func TestInspectSent(t *testing.T) {
	srv, base := start(t)
	call(t, "POST", base+"/api/v1/statuses", url.Values{"status": {"<b>hello</b>"}}, nil)
	resp, err := http.Get(base + mastodonfake.InspectSentPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got []struct {
		Text       string `json:"text"`
		Visibility string `json:"visibility"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || len(got) != 1 || got[0].Text != "<b>hello</b>" || got[0].Visibility != "public" {
		t.Fatalf("inspect: %+v %v (sent %+v)", got, err, srv.Sent())
	}
}
