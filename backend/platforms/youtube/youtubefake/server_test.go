package youtubefake_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms/youtube/youtubefake"
)

const token = "ya29.fake-test-token"

var (
	t0    = time.Date(2026, 3, 1, 20, 0, 0, 0, time.UTC) // 12:00 PST
	alice = youtubefake.Channel{ID: "UCalice", Title: "Alice", Handle: "@alice"}
	bob   = youtubefake.Channel{ID: "UCbob", Title: "Bob & Co"}
)

// start runs a fake with its clock at t0.
func start(t *testing.T) (*youtubefake.Server, string) {
	t.Helper()
	srv := youtubefake.New(token)
	base := srv.Start()
	t.Cleanup(srv.Close)
	srv.SetNow(t0)
	srv.AddVideo("vid1", "First video")
	return srv, base
}

// answer is a decoded response.
type answer struct {
	status int
	raw    []byte
	body   map[string]any
}

// reason is the first error reason of a Google error body.
func (a answer) reason() string {
	e, _ := a.body["error"].(map[string]any)
	items, _ := e["errors"].([]any)
	if len(items) == 0 {
		return ""
	}
	item, _ := items[0].(map[string]any)
	r, _ := item["reason"].(string)
	return r
}

// items returns the items of a list answer.
func (a answer) items() []map[string]any {
	var out []map[string]any
	list, _ := a.body["items"].([]any)
	for _, it := range list {
		m, _ := it.(map[string]any)
		out = append(out, m)
	}
	return out
}

// call sends an authorized request (tok "" for none) and decodes the answer.
func call(t *testing.T, method, base, path string, q url.Values, body string, tok string) answer {
	t.Helper()
	target := base + path
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, raw: raw}
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &a.body)
	}
	return a
}

// get is an authorized GET.
func get(t *testing.T, base, path string, q url.Values) answer {
	t.Helper()
	return call(t, http.MethodGet, base, path, q, "", token)
}

// threads lists the channel's threads with extra parameters.
func threads(t *testing.T, srv *youtubefake.Server, base string, extra url.Values) answer {
	t.Helper()
	q := url.Values{"part": {"snippet,replies"}, "allThreadsRelatedToChannelId": {srv.Self.ID}, "textFormat": {"plainText"}}
	for k, v := range extra {
		q[k] = v
	}
	return get(t, base, "/commentThreads", q)
}

// threadIDs returns the ids of a thread list.
func threadIDs(a answer) []string {
	var out []string
	for _, it := range a.items() {
		out = append(out, it["id"].(string))
	}
	return out
}

func TestAuthAndRouting(t *testing.T) {
	srv, base := start(t)
	tests := []struct {
		name       string
		path, tok  string
		wantStatus int
		wantReason string
	}{
		{"mine", "/channels?part=snippet&mine=true", token, 200, ""},
		{"no token", "/channels?part=snippet&mine=true", "", 401, "authError"},
		{"wrong token", "/channels?part=snippet&mine=true", "nope", 401, "authError"},
		{"unknown method", "/search?part=snippet", token, 404, "notFound"},
		{"outside the API root", "/../channels", token, 404, "notFound"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := call(t, http.MethodGet, base, tt.path, nil, "", tt.tok)
			if a.status != tt.wantStatus || a.reason() != tt.wantReason {
				t.Fatalf("got %d %q, want %d %q: %s", a.status, a.reason(), tt.wantStatus, tt.wantReason, a.raw)
			}
		})
	}
	mine := get(t, base, "/channels", url.Values{"part": {"snippet"}, "mine": {"true"}}).items()
	if len(mine) != 1 || mine[0]["id"] != srv.Self.ID || mine[0]["snippet"].(map[string]any)["customUrl"] != "@brandstudio" {
		t.Fatalf("mine: %v", mine)
	}
	if used := srv.Used(); used != 2 {
		t.Fatalf("used %d units, want 2: failed auth and unknown routes are free", used)
	}
}

func TestQuota(t *testing.T) {
	srv, base := start(t)
	th := srv.AddThread("vid1", youtubefake.Comment{Author: alice, Text: "hi", At: t0.Add(-time.Hour)})
	steps := []struct {
		name       string
		do         func() answer
		wantStatus int
		wantUsed   int
	}{
		{"list costs 1", func() answer { return threads(t, srv, base, nil) }, 200, 1},
		{"insert costs 50", func() answer {
			return call(t, http.MethodPost, base, "/comments", url.Values{"part": {"snippet"}}, `{"snippet":{"parentId":"`+th+`","textOriginal":"thanks"}}`, token)
		}, 200, 51},
		{"an invalid insert is charged too", func() answer {
			return call(t, http.MethodPost, base, "/comments", url.Values{"part": {"snippet"}}, `{"snippet":{"parentId":"`+th+`","textOriginal":""}}`, token)
		}, 400, 101},
		{"moderation costs 50", func() answer {
			return call(t, http.MethodPost, base, "/comments/setModerationStatus", url.Values{"id": {th}, "moderationStatus": {"heldForReview"}}, "", token)
		}, 204, 151},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if a := st.do(); a.status != st.wantStatus || srv.Used() != st.wantUsed {
				t.Fatalf("status %d, used %d; want %d, %d: %s", a.status, srv.Used(), st.wantStatus, st.wantUsed, a.raw)
			}
		})
	}
	srv.SetDailyBudget(160)
	for i := range 9 {
		if a := threads(t, srv, base, nil); a.status != 200 {
			t.Fatalf("list %d: %d", i, a.status)
		}
	}
	a := threads(t, srv, base, nil)
	if a.status != 403 || a.reason() != "quotaExceeded" || srv.Used() != 160 {
		t.Fatalf("over budget: %d %q, used %d", a.status, a.reason(), srv.Used())
	}
	srv.SetNow(time.Date(2026, 3, 2, 7, 59, 59, 0, time.UTC)) // 23:59:59 PST
	if a := threads(t, srv, base, nil); a.status != 403 {
		t.Fatalf("before midnight Pacific: %d", a.status)
	}
	srv.SetNow(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)) // midnight PST
	if a := threads(t, srv, base, nil); a.status != 200 || srv.Used() != 1 {
		t.Fatalf("after midnight Pacific: %d, used %d", a.status, srv.Used())
	}
	var charged int
	for _, c := range srv.Charges() {
		charged += c.Units
		if c.Units != youtubefake.Costs()[c.Method] {
			t.Fatalf("charge %+v", c)
		}
	}
	if charged != 161 {
		t.Fatalf("charges add up to %d, want 161", charged)
	}
}

func TestThreadPagingHasNoGaps(t *testing.T) {
	srv, base := start(t)
	var all []string
	for i := range 25 {
		all = append(all, srv.AddThread("vid1", youtubefake.Comment{Author: alice, Text: fmt.Sprint(i), At: t0.Add(-time.Duration(25-i) * time.Minute)}))
	}
	p1 := threads(t, srv, base, url.Values{"maxResults": {"10"}, "order": {"time"}})
	if got := threadIDs(p1); len(got) != 10 || got[0] != all[24] || got[9] != all[15] {
		t.Fatalf("page 1: %v", got)
	}
	// Between pages a new thread arrives and one not yet read is deleted.
	srv.AddThread("vid1", youtubefake.Comment{Author: bob, Text: "new", At: t0})
	if err := srv.DeleteComment(all[10]); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, id := range threadIDs(p1) {
		seen[id]++
	}
	tok := p1.body["nextPageToken"].(string)
	for tok != "" {
		p := threads(t, srv, base, url.Values{"maxResults": {"10"}, "pageToken": {tok}})
		for _, id := range threadIDs(p) {
			seen[id]++
		}
		tok, _ = p.body["nextPageToken"].(string)
	}
	for i, id := range all {
		if want := map[bool]int{true: 0, false: 1}[i == 10]; seen[id] != want {
			t.Fatalf("thread %d seen %d times, want %d", i, seen[id], want)
		}
	}
	if a := threads(t, srv, base, url.Values{"pageToken": {"bogus"}}); a.status != 400 || a.reason() != "invalidPageToken" {
		t.Fatalf("bogus token: %d %q", a.status, a.reason())
	}
}

func TestRepliesPartlyIncluded(t *testing.T) {
	srv, base := start(t)
	th := srv.AddThread("vid1", youtubefake.Comment{Author: alice, Text: "q", At: t0.Add(-time.Hour)})
	var replies []string
	for i := range 7 {
		replies = append(replies, srv.AddReply(th, youtubefake.Comment{Author: bob, Text: fmt.Sprint(i), At: t0.Add(-time.Duration(50-i) * time.Minute)}))
	}
	it := threads(t, srv, base, nil).items()[0]
	included := it["replies"].(map[string]any)["comments"].([]any)
	if n := it["snippet"].(map[string]any)["totalReplyCount"]; n != float64(7) || len(included) != 5 {
		t.Fatalf("totalReplyCount %v with %d included, want 7 and 5", n, len(included))
	}
	var got []string
	tok := ""
	for page := 0; page < 5; page++ {
		q := url.Values{"part": {"snippet"}, "parentId": {th}, "maxResults": {"3"}}
		if tok != "" {
			q.Set("pageToken", tok)
		}
		a := get(t, base, "/comments", q)
		for _, c := range a.items() {
			got = append(got, c["id"].(string))
		}
		if tok, _ = a.body["nextPageToken"].(string); tok == "" {
			break
		}
	}
	if strings.Join(got, ",") != strings.Join(replies, ",") {
		t.Fatalf("comments.list gave %v, want %v", got, replies)
	}
	if a := get(t, base, "/comments", url.Values{"part": {"snippet"}, "parentId": {"UgxGone"}}); a.status != 404 {
		t.Fatalf("unknown parent: %d", a.status)
	}
}

func TestCommentRendering(t *testing.T) {
	srv, base := start(t)
	th := srv.AddThread("vid1", youtubefake.Comment{Author: bob, Text: "a < b\nc", At: t0.Add(-time.Hour)})
	srv.AddReply(th, youtubefake.Comment{Author: srv.Self, Text: "ours", At: t0.Add(-time.Minute)})
	snippet := func(q url.Values, i int) map[string]any {
		it := threads(t, srv, base, q).items()[0]
		if i == 0 {
			return it["snippet"].(map[string]any)["topLevelComment"].(map[string]any)["snippet"].(map[string]any)
		}
		return it["replies"].(map[string]any)["comments"].([]any)[i-1].(map[string]any)["snippet"].(map[string]any)
	}
	html := snippet(url.Values{"textFormat": {"html"}}, 0)
	plain := snippet(nil, 0)
	own := snippet(nil, 1)
	if html["textDisplay"] != "a &lt; b<br>c" || plain["textDisplay"] != "a < b\nc" {
		t.Fatalf("textDisplay html %q plain %q", html["textDisplay"], plain["textDisplay"])
	}
	if _, ok := plain["textOriginal"]; ok || own["textOriginal"] != "ours" {
		t.Fatal("textOriginal must be returned to the author only")
	}
	if plain["authorChannelId"].(map[string]any)["value"] != bob.ID || plain["authorDisplayName"] != "Bob & Co" || own["authorChannelUrl"] != "http://www.youtube.com/@brandstudio" {
		t.Fatalf("author fields %v / %v", plain, own)
	}
	if plain["moderationStatus"] != "published" || own["parentId"] != th {
		t.Fatalf("status %v parent %v", plain["moderationStatus"], own["parentId"])
	}
}

func TestInsert(t *testing.T) {
	srv, base := start(t)
	th := srv.AddThread("vid1", youtubefake.Comment{Author: alice, Text: "q", At: t0.Add(-time.Hour)})
	reply := srv.AddReply(th, youtubefake.Comment{Author: bob, Text: "r", At: t0.Add(-time.Minute)})
	tests := []struct {
		name       string
		body       string
		wantStatus int
		wantReason string
	}{
		{"reply", `{"snippet":{"parentId":"` + th + `","textOriginal":"thanks!"}}`, 200, ""},
		{"10,000 characters", `{"snippet":{"parentId":"` + th + `","textOriginal":"` + strings.Repeat("ü", 10000) + `"}}`, 200, ""},
		{"too long", `{"snippet":{"parentId":"` + th + `","textOriginal":"` + strings.Repeat("ü", 10001) + `"}}`, 400, "commentTextTooLong"},
		{"empty", `{"snippet":{"parentId":"` + th + `","textOriginal":"  "}}`, 400, "commentTextRequired"},
		{"no parent", `{"snippet":{"textOriginal":"x"}}`, 400, "parentIdMissing"},
		{"reply to a reply", `{"snippet":{"parentId":"` + reply + `","textOriginal":"x"}}`, 404, "parentCommentNotFound"},
		{"not JSON", `{`, 400, "invalidCommentMetadata"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.Sent())
			a := call(t, http.MethodPost, base, "/comments", url.Values{"part": {"snippet"}}, tt.body, token)
			if a.status != tt.wantStatus || a.reason() != tt.wantReason {
				t.Fatalf("got %d %q, want %d %q", a.status, a.reason(), tt.wantStatus, tt.wantReason)
			}
			if created := len(srv.Sent()) - before; created != map[bool]int{true: 1, false: 0}[tt.wantStatus == 200] {
				t.Fatalf("%d replies recorded", created)
			}
		})
	}
	resp, err := http.Get(strings.TrimSuffix(base, youtubefake.APIRoot) + youtubefake.InspectSentPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var sent []struct{ ID, ParentID, Text string }
	if err := json.NewDecoder(resp.Body).Decode(&sent); err != nil || len(sent) != 2 || sent[0].Text != "thanks!" || sent[0].ParentID != th || sent[0].ID != srv.Sent()[0].ID {
		t.Fatalf("%s: %+v, %v", youtubefake.InspectSentPath, sent, err)
	}
}

func TestModeration(t *testing.T) {
	srv, base := start(t)
	th := srv.AddThread("vid1", youtubefake.Comment{Author: alice, Text: "spam", At: t0.Add(-time.Hour)})
	own := srv.AddReply(th, youtubefake.Comment{Author: srv.Self, Text: "ours", At: t0.Add(-time.Minute)})
	set := func(q url.Values) answer {
		return call(t, http.MethodPost, base, "/comments/setModerationStatus", q, "", token)
	}
	steps := []struct {
		name       string
		q          url.Values
		wantStatus int
		wantReason string
		wantState  string
	}{
		{"hold", url.Values{"id": {th}, "moderationStatus": {"heldForReview"}}, 204, "", "heldForReview"},
		{"ban needs reject", url.Values{"id": {th}, "moderationStatus": {"published"}, "banAuthor": {"true"}}, 400, "banWithoutReject", "heldForReview"},
		{"unknown comment changes nothing", url.Values{"id": {th + ",UgxNope"}, "moderationStatus": {"rejected"}}, 404, "commentNotFound", "heldForReview"},
		{"publish", url.Values{"id": {th}, "moderationStatus": {"published"}}, 204, "", "published"},
		{"reject and ban", url.Values{"id": {th}, "moderationStatus": {"rejected"}, "banAuthor": {"true"}}, 204, "", "rejected"},
		{"rejected stays rejected", url.Values{"id": {th}, "moderationStatus": {"published"}}, 400, "processingFailure", "rejected"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			a := set(st.q)
			if a.status != st.wantStatus || a.reason() != st.wantReason {
				t.Fatalf("got %d %q, want %d %q", a.status, a.reason(), st.wantStatus, st.wantReason)
			}
			if a.status == 204 && len(a.raw) != 0 {
				t.Fatalf("204 with body %q", a.raw)
			}
			if status, _ := srv.CommentStatus(th); status != st.wantState {
				t.Fatalf("status %q, want %q", status, st.wantState)
			}
		})
	}
	if len(srv.Moderations()) != 3 || fmt.Sprint(srv.Banned()) != "[UCalice]" {
		t.Fatalf("moderations %+v banned %v", srv.Moderations(), srv.Banned())
	}
	later := srv.AddThread("vid1", youtubefake.Comment{Author: alice, Text: "again", At: t0})
	if status, _ := srv.CommentStatus(later); status != "rejected" {
		t.Fatalf("banned author's new comment is %q", status)
	}
	if ids := threadIDs(threads(t, srv, base, nil)); len(ids) != 0 {
		t.Fatalf("rejected threads listed: %v", ids)
	}
	// Only the author may delete.
	del := func(id string) answer {
		return call(t, http.MethodDelete, base, "/comments", url.Values{"id": {id}}, "", token)
	}
	if a := del(th); a.status != 403 || a.reason() != "forbidden" {
		t.Fatalf("delete someone else's: %d %q", a.status, a.reason())
	}
	if a := del(own); a.status != 204 || fmt.Sprint(srv.Deleted()) != "["+own+"]" {
		t.Fatalf("delete own: %d %v", a.status, srv.Deleted())
	}
	if a := del(own); a.status != 404 {
		t.Fatalf("delete twice: %d", a.status)
	}
}

func TestHeldListingAndOrder(t *testing.T) {
	srv, base := start(t)
	old := srv.AddThread("vid1", youtubefake.Comment{Author: alice, Text: "old", At: t0.Add(-2 * time.Hour)})
	mid := srv.AddThread("vid1", youtubefake.Comment{Author: bob, Text: "mid", At: t0.Add(-time.Hour)})
	held := srv.AddThread("vid1", youtubefake.Comment{Author: bob, Text: "held", At: t0.Add(-30 * time.Minute), Status: youtubefake.StatusHeldForReview})
	srv.AddReply(old, youtubefake.Comment{Author: bob, Text: "late", At: t0.Add(-time.Minute)})
	srv.AddReply(mid, youtubefake.Comment{Author: alice, Text: "held reply", At: t0.Add(-2 * time.Minute), Status: youtubefake.StatusHeldForReview})

	if got := threadIDs(threads(t, srv, base, nil)); fmt.Sprint(got) != fmt.Sprint([]string{mid, old}) {
		t.Fatalf("by top-level comment: %v", got)
	}
	srv.SetOrderByActivity(true)
	if got := threadIDs(threads(t, srv, base, nil)); fmt.Sprint(got) != fmt.Sprint([]string{old, mid}) {
		t.Fatalf("by activity: %v", got)
	}
	if got := threadIDs(threads(t, srv, base, url.Values{"moderationStatus": {"heldForReview"}})); fmt.Sprint(got) != fmt.Sprint([]string{mid, held}) {
		t.Fatalf("held, by activity: %v", got)
	}
	other := get(t, base, "/commentThreads", url.Values{"part": {"snippet"}, "allThreadsRelatedToChannelId": {"UCsomeoneElse"}, "moderationStatus": {"heldForReview"}})
	if other.status != 403 {
		t.Fatalf("held comments of another channel: %d", other.status)
	}
}

func TestFaults(t *testing.T) {
	srv, base := start(t)
	mine := url.Values{"part": {"snippet"}, "mine": {"true"}}
	tests := []struct {
		name       string
		inject     func()
		wantStatus int
		wantReason string
	}{
		{"rate limit", func() { srv.RateLimitNext(1) }, 403, "rateLimitExceeded"},
		{"failure", func() { srv.FailNext(1, http.StatusServiceUnavailable) }, 503, "backendError"},
		{"chosen reason", func() { srv.FailNextWith(1, 403, "commentsDisabled", "") }, 403, "commentsDisabled"},
		{"down", func() { srv.SetDown(true) }, 502, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			used := srv.Used()
			tt.inject()
			if a := get(t, base, "/channels", mine); a.status != tt.wantStatus || a.reason() != tt.wantReason {
				t.Fatalf("got %d %q, want %d %q", a.status, a.reason(), tt.wantStatus, tt.wantReason)
			}
			if srv.Used() != used {
				t.Fatal("an injected failure was charged")
			}
			srv.SetDown(false)
			if a := get(t, base, "/channels", mine); a.status != 200 {
				t.Fatalf("after the fault: %d", a.status)
			}
		})
	}
	srv.TruncateNext(1)
	if a := get(t, base, "/channels", mine); a.status != 200 || json.Valid(a.raw) || !strings.HasPrefix(string(a.raw), `{`) {
		t.Fatalf("truncated: %d %q", a.status, a.raw)
	}
	srv.RevokeToken()
	if a := get(t, base, "/channels", mine); a.status != 401 {
		t.Fatalf("revoked: %d", a.status)
	}
}
