package blueskyfake_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms/bluesky/blueskyfake"
)

const password = "abcd-efgh-ijkl-mnop"

var (
	alice = blueskyfake.Profile{DID: "did:plc:alice", Handle: "alice.test", DisplayName: "Alice"}
	t0    = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
)

// answer is a decoded XRPC response.
type answer struct {
	status int
	header http.Header
	body   map[string]json.RawMessage
	raw    []byte
}

// errorName is the XRPC error name of a failed answer.
func (a answer) errorName() string {
	var s string
	_ = json.Unmarshal(a.body["error"], &s)
	return s
}

// str reads a string field.
func (a answer) str(name string) string {
	var s string
	_ = json.Unmarshal(a.body[name], &s)
	return s
}

// client calls one fake.
type client struct {
	t     *testing.T
	base  string
	token string
	proxy bool
}

// start runs a fake and returns it with a logged-in client.
func start(t *testing.T) (*blueskyfake.Server, *client) {
	t.Helper()
	srv := blueskyfake.New(password)
	base := srv.Start()
	t.Cleanup(srv.Close)
	c := &client{t: t, base: base, proxy: true}
	a := c.post("com.atproto.server.createSession", map[string]string{"identifier": "creator.test", "password": password})
	if a.status != 200 {
		t.Fatalf("createSession: %d %s", a.status, a.raw)
	}
	c.token = a.str("accessJwt")
	return srv, c
}

// do sends a request and decodes the answer.
func (c *client) do(method, nsid string, q url.Values, body any) answer {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	}
	target := c.base + "/xrpc/" + nsid
	if q != nil {
		target += "?" + q.Encode()
	}
	req, _ := http.NewRequest(method, target, rd)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.proxy && strings.HasPrefix(nsid, "chat.bsky.") {
		req.Header.Set("atproto-proxy", blueskyfake.ChatProxy)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: raw}
	_ = json.Unmarshal(raw, &a.body)
	return a
}

func (c *client) get(nsid string, q url.Values) answer {
	c.t.Helper()
	return c.do("GET", nsid, q, nil)
}
func (c *client) post(nsid string, body any) answer {
	c.t.Helper()
	return c.do("POST", nsid, nil, body)
}

func TestSessions(t *testing.T) {
	srv, c := start(t)
	if a := c.get("app.bsky.actor.getProfile", url.Values{"actor": {blueskyfake.DefaultHandle}}); a.status != 200 || a.str("did") != blueskyfake.DefaultDID {
		t.Fatalf("getProfile: %d %s", a.status, a.raw)
	}
	// Wrong password.
	bad := &client{t: t, base: c.base}
	if a := bad.post("com.atproto.server.createSession", map[string]string{"identifier": "creator.test", "password": "nope"}); a.status != 401 || a.errorName() != "AuthenticationRequired" {
		t.Fatalf("wrong password: %d %s", a.status, a.raw)
	}
	// Expired access token.
	srv.ExpireAccessTokens()
	if a := c.get("app.bsky.actor.getProfile", url.Values{"actor": {"creator.test"}}); a.status != 400 || a.errorName() != "ExpiredToken" {
		t.Fatalf("expired: %d %s", a.status, a.raw)
	}
	// Refresh tokens are single-use.
	login := bad.post("com.atproto.server.createSession", map[string]string{"identifier": blueskyfake.DefaultDID, "password": password})
	refresher := &client{t: t, base: c.base, token: login.str("refreshJwt")}
	if a := refresher.post("com.atproto.server.refreshSession", nil); a.status != 200 || a.str("accessJwt") == "" {
		t.Fatalf("refresh: %d %s", a.status, a.raw)
	}
	if a := refresher.post("com.atproto.server.refreshSession", nil); a.status != 400 || a.errorName() != "ExpiredToken" {
		t.Fatalf("second refresh with the same token: %d %s", a.status, a.raw)
	}
	// No token at all.
	if a := (&client{t: t, base: c.base}).get("app.bsky.actor.getProfile", url.Values{"actor": {"x"}}); a.status != 401 || a.errorName() != "AuthMissing" {
		t.Fatalf("no token: %d %s", a.status, a.raw)
	}
	if srv.CreateSessionCalls() != 3 || srv.RefreshSessionCalls() != 2 {
		t.Fatalf("counted %d logins and %d refreshes", srv.CreateSessionCalls(), srv.RefreshSessionCalls())
	}
	// Revocation ends sessions and logins.
	srv.RevokeAppPassword()
	if a := c.get("app.bsky.actor.getProfile", url.Values{"actor": {"x"}}); a.status != 400 || a.errorName() != "InvalidToken" {
		t.Fatalf("revoked token: %d %s", a.status, a.raw)
	}
	if a := bad.post("com.atproto.server.createSession", map[string]string{"identifier": "creator.test", "password": password}); a.status != 401 {
		t.Fatalf("login after revocation: %d %s", a.status, a.raw)
	}
}

func TestCreateSessionCap(t *testing.T) {
	srv := blueskyfake.New(password)
	srv.CreateSessionLimit = 2
	c := &client{t: t, base: srv.Start()}
	defer srv.Close()
	for i := range 3 {
		a := c.post("com.atproto.server.createSession", map[string]string{"identifier": "creator.test", "password": password})
		if i < 2 && a.status != 200 {
			t.Fatalf("login %d: %d %s", i, a.status, a.raw)
		}
		if i == 2 {
			reset, _ := strconv.ParseInt(a.header.Get("ratelimit-reset"), 10, 64)
			if a.status != 429 || a.errorName() != "RateLimitExceeded" || a.header.Get("ratelimit-limit") != "2" || reset <= time.Now().Unix() {
				t.Fatalf("login past the cap: %d %s %v", a.status, a.raw, a.header)
			}
		}
	}
}

func TestChatNeedsProxyHeaderAndDMAccess(t *testing.T) {
	srv, c := start(t)
	c.proxy = false
	if a := c.get("chat.bsky.convo.listConvos", nil); a.status != 400 || a.errorName() != "InvalidRequest" {
		t.Fatalf("without atproto-proxy: %d %s", a.status, a.raw)
	}
	c.proxy = true
	if a := c.get("chat.bsky.convo.listConvos", nil); a.status != 200 {
		t.Fatalf("with atproto-proxy: %d %s", a.status, a.raw)
	}
	srv.SetDMAccess(false)
	if a := c.get("chat.bsky.convo.listConvos", nil); a.status != 400 || a.errorName() != "InvalidToken" || !strings.Contains(string(a.raw), "Bad token method") {
		t.Fatalf("without DM access: %d %s", a.status, a.raw)
	}
}

func TestChatPagingAndLog(t *testing.T) {
	srv, c := start(t)
	convo := srv.AddConvo(alice)
	var ids []string
	for i := range 5 {
		id, err := srv.AddMessage(convo, alice.DID, strconv.Itoa(i), t0.Add(time.Duration(i)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	var got []string
	cursor := ""
	for range 4 {
		q := url.Values{"convoId": {convo}, "limit": {"2"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		a := c.get("chat.bsky.convo.getMessages", q)
		var msgs []struct {
			ID string `json:"id"`
		}
		_ = json.Unmarshal(a.body["messages"], &msgs)
		for _, m := range msgs {
			got = append(got, m.ID)
		}
		if cursor = a.str("cursor"); cursor == "" {
			break
		}
	}
	if strings.Join(got, ",") != strings.Join([]string{ids[4], ids[3], ids[2], ids[1], ids[0]}, ",") {
		t.Fatalf("getMessages newest first gave %v", got)
	}
	if err := srv.DeleteMessage(convo, ids[0]); err != nil {
		t.Fatal(err)
	}
	a := c.get("chat.bsky.convo.getLog", nil)
	var logs []struct {
		Type string `json:"$type"`
		Rev  string `json:"rev"`
	}
	_ = json.Unmarshal(a.body["logs"], &logs)
	if len(logs) != 7 || logs[0].Type != "chat.bsky.convo.defs#logBeginConvo" || logs[6].Type != "chat.bsky.convo.defs#logDeleteMessage" {
		t.Fatalf("log %s", a.raw)
	}
	if after := c.get("chat.bsky.convo.getLog", url.Values{"cursor": {logs[5].Rev}}); !strings.Contains(string(after.raw), "logDeleteMessage") || strings.Contains(string(after.raw), "logBeginConvo") {
		t.Fatalf("log after a cursor: %s", after.raw)
	}
	srv.LockConvo(convo)
	if a := c.post("chat.bsky.convo.sendMessage", map[string]any{"convoId": convo, "message": map[string]string{"text": "hi"}}); a.errorName() != "ConvoLocked" {
		t.Fatalf("locked convo: %d %s", a.status, a.raw)
	}
}

func TestNotificationsFilterAndPage(t *testing.T) {
	srv, c := start(t)
	root := srv.AddOwnPost("hello", t0)
	for i := range 3 {
		if _, err := srv.AddReply(alice, root, strconv.Itoa(i), t0.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	if err := srv.AddLike(alice, root, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	all := c.get("app.bsky.notification.listNotifications", nil)
	if n := strings.Count(string(all.body["notifications"]), `"reason"`); n != 4 {
		t.Fatalf("unfiltered: %d notifications", n)
	}
	q := url.Values{"reasons": {"reply", "mention"}, "limit": {"2"}}
	page1 := c.get("app.bsky.notification.listNotifications", q)
	q.Set("cursor", page1.str("cursor"))
	page2 := c.get("app.bsky.notification.listNotifications", q)
	if strings.Contains(string(page1.raw)+string(page2.raw), `"like"`) || strings.Count(string(page1.raw), `"reason"`) != 2 ||
		strings.Count(string(page2.raw), `"reason"`) != 1 || page2.str("cursor") != "" {
		t.Fatalf("filtered pages:\n%s\n%s", page1.raw, page2.raw)
	}
}

func TestRecordsAndModeration(t *testing.T) {
	srv, c := start(t)
	root := srv.AddOwnPost("hello", t0)
	reply, _ := srv.AddReply(alice, root, "hi", t0.Add(time.Minute))
	rkey := root[strings.LastIndex(root, "/")+1:]
	gate := func(hidden []string) map[string]any {
		return map[string]any{"$type": "app.bsky.feed.threadgate", "post": root, "createdAt": "2026-03-01T12:00:00.000Z", "hiddenReplies": hidden}
	}
	put := func(rec map[string]any, swap any) answer {
		in := map[string]any{"repo": blueskyfake.DefaultDID, "collection": "app.bsky.feed.threadgate", "rkey": rkey, "record": rec}
		if swap != nil {
			in["swapRecord"] = swap
		}
		return c.post("com.atproto.repo.putRecord", in)
	}
	first := put(gate([]string{reply}), nil)
	if first.status != 200 || strings.Join(srv.HiddenReplies(root), ",") != reply {
		t.Fatalf("putRecord: %d %s", first.status, first.raw)
	}
	if a := put(gate(nil), "bafyreiold"); a.errorName() != "InvalidSwap" {
		t.Fatalf("stale swapRecord: %d %s", a.status, a.raw)
	}
	if a := put(gate(nil), first.str("cid")); a.status != 200 {
		t.Fatalf("current swapRecord: %d %s", a.status, a.raw)
	}
	tooMany := make([]string, blueskyfake.MaxHiddenReplies+1)
	for i := range tooMany {
		tooMany[i] = reply
	}
	if a := put(gate(tooMany), nil); a.status != 400 {
		t.Fatalf("301 hidden replies: %d %s", a.status, a.raw)
	}
	if a := c.get("com.atproto.repo.getRecord", url.Values{"repo": {"alice.test"}, "collection": {"app.bsky.feed.threadgate"}, "rkey": {"x"}}); a.errorName() != "RecordNotFound" {
		t.Fatalf("missing record: %d %s", a.status, a.raw)
	}
	long := map[string]any{"$type": "app.bsky.feed.post", "text": strings.Repeat("é", 301), "createdAt": "2026-03-01T12:00:00.000Z"}
	if a := c.post("com.atproto.repo.createRecord", map[string]any{"repo": blueskyfake.DefaultDID, "collection": "app.bsky.feed.post", "record": long}); a.status != 400 {
		t.Fatalf("301-grapheme post: %d %s", a.status, a.raw)
	}
	badReply := map[string]any{"$type": "app.bsky.feed.post", "text": "x", "createdAt": "2026-03-01T12:00:00.000Z",
		"reply": map[string]any{"root": map[string]string{"uri": root, "cid": "bafyreiwrong"}, "parent": map[string]string{"uri": root, "cid": "bafyreiwrong"}}}
	if a := c.post("com.atproto.repo.createRecord", map[string]any{"repo": blueskyfake.DefaultDID, "collection": "app.bsky.feed.post", "record": badReply}); a.status != 400 {
		t.Fatalf("reply with a wrong CID: %d %s", a.status, a.raw)
	}
	if a := c.post("app.bsky.graph.muteActor", map[string]string{"actor": "alice.test"}); a.status != 200 || strings.Join(srv.Muted(), ",") != alice.DID {
		t.Fatalf("mute: %d %s", a.status, a.raw)
	}
	report := map[string]any{"reasonType": "com.atproto.moderation.defs#reasonSpam", "subject": map[string]string{"$type": "com.atproto.admin.defs#repoRef", "did": alice.DID}}
	if a := c.post("com.atproto.moderation.createReport", report); a.status != 200 || len(srv.Reports()) != 1 || srv.Reports()[0].SubjectDID != alice.DID {
		t.Fatalf("report: %d %s", a.status, a.raw)
	}
}

func TestFaultsAndHeaders(t *testing.T) {
	srv, c := start(t)
	ok := c.get("app.bsky.actor.getProfile", url.Values{"actor": {"creator.test"}})
	if ok.header.Get("ratelimit-limit") == "" || ok.header.Get("ratelimit-remaining") == "" || ok.header.Get("ratelimit-reset") == "" {
		t.Fatalf("no ratelimit headers: %v", ok.header)
	}
	reset := time.Now().Add(time.Hour)
	srv.RateLimitNext(1, reset)
	if a := c.get("app.bsky.actor.getProfile", url.Values{"actor": {"x"}}); a.status != 429 || a.header.Get("ratelimit-reset") != strconv.FormatInt(reset.Unix(), 10) {
		t.Fatalf("rate limit: %d %v", a.status, a.header)
	}
	srv.RateLimitNext(1, time.Time{})
	if a := c.get("app.bsky.actor.getProfile", url.Values{"actor": {"x"}}); a.status != 429 || a.header.Get("ratelimit-reset") != "" {
		t.Fatalf("rate limit without headers: %d %v", a.status, a.header)
	}
	srv.FailNextWith(1, 400, "InvalidConvo", "Convo not found")
	if a := c.get("app.bsky.actor.getProfile", url.Values{"actor": {"x"}}); a.errorName() != "InvalidConvo" {
		t.Fatalf("injected failure: %d %s", a.status, a.raw)
	}
	srv.TruncateNext(1)
	if a := c.get("app.bsky.actor.getProfile", url.Values{"actor": {"creator.test"}}); json.Valid(a.raw) {
		t.Fatalf("truncated answer is valid JSON: %s", a.raw)
	}
	srv.SetDown(true)
	if a := c.get("app.bsky.actor.getProfile", url.Values{"actor": {"x"}}); a.status != 502 || json.Valid(a.raw) {
		t.Fatalf("down: %d %s", a.status, a.raw)
	}
	srv.SetDown(false)
	if a := c.get("com.example.nothing", nil); a.status != 501 {
		t.Fatalf("unknown method: %d", a.status)
	}
	if srv.Calls("app.bsky.actor.getProfile") != 5 { // a down server sees nothing
		t.Fatalf("counted %d getProfile calls", srv.Calls("app.bsky.actor.getProfile"))
	}
}

func TestInspectShowsWhatWasSent(t *testing.T) {
	srv, c := start(t)
	convo := srv.AddConvo(alice)
	if a := c.post("chat.bsky.convo.sendMessage", map[string]any{"convoId": convo, "message": map[string]string{"text": "<b>hi</b>"}}); a.status != 200 {
		t.Fatalf("sendMessage: %d %s", a.status, a.raw)
	}
	post := map[string]any{"$type": "app.bsky.feed.post", "text": "new post", "createdAt": "2026-03-01T12:00:00.000Z"}
	if a := c.post("com.atproto.repo.createRecord", map[string]any{"repo": "creator.test", "collection": "app.bsky.feed.post", "record": post}); a.status != 200 {
		t.Fatalf("createRecord: %d %s", a.status, a.raw)
	}
	resp, err := http.Get(c.base + blueskyfake.InspectPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got struct {
		Messages []struct{ ConvoID, Text string }
		Posts    []struct{ URI, Text string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if len(got.Messages) != 1 || got.Messages[0].Text != "<b>hi</b>" || got.Messages[0].ConvoID != convo ||
		len(got.Posts) != 1 || got.Posts[0].Text != "new post" {
		t.Fatalf("inspect: %+v", got)
	}
}
