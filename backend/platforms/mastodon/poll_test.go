package mastodon_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/mastodon"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
)

// postText is the brand post the seeded comments answer.
const postText = "Our new collection is out! https://shop.example/collections/spring-2026-limited"

// world is what seed put on the fake.
type world struct {
	convs []string
	// dm maps each direct status to its conversation.
	dm map[string]string
	// out lists the statuses the brand wrote.
	out  map[string]bool
	post string
	// comments maps each mention to the thread it belongs to.
	comments map[string]string
}

// expected lists every status a full sync must return.
func (w world) expected() []string {
	var ids []string
	for id := range w.dm {
		ids = append(ids, id)
	}
	for id := range w.comments {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// seed fills the fake with six direct conversations (four of three statuses,
// two of one) and eight mentions: six answer the brand's post, one answers
// another mention, one stands alone. Direct statuses also notify as mentions.
func seed(srv *mastodonfake.Server) world {
	w := world{dm: map[string]string{}, out: map[string]bool{}, comments: map[string]string{}}
	at := t0
	next := func() time.Time { at = at.Add(time.Minute); return at }
	w.post = srv.AddStatus(mastodonfake.Post{From: srv.Self, Text: postText, At: next()})
	for i, who := range []mastodonfake.Account{alice, bob, carol, dave, alice, bob} {
		conv := srv.AddConversation(who)
		w.convs = append(w.convs, conv)
		id := srv.AddDirect(conv, mastodonfake.Post{From: who, Text: fmt.Sprintf("@brand question %d", i), At: next()})
		w.dm[id] = conv
		if i%3 == 2 {
			continue
		}
		id = srv.AddDirect(conv, mastodonfake.Post{From: srv.Self, Text: "@" + acctOf(who) + " answer", At: next()})
		w.dm[id], w.out[id] = conv, true
		id = srv.AddDirect(conv, mastodonfake.Post{From: who, Text: "@brand thanks!", At: next()})
		w.dm[id] = conv
	}
	m1 := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand love it", InReplyTo: w.post, At: next()})
	w.comments[m1] = w.post
	for i, who := range []mastodonfake.Account{bob, carol, dave, bob, alice} {
		id := srv.AddMention(mastodonfake.Post{From: who, Text: fmt.Sprintf("@brand comment %d", i), InReplyTo: w.post, At: next()})
		w.comments[id] = w.post
	}
	nested := srv.AddMention(mastodonfake.Post{From: carol, Text: "@alice @brand agreed", InReplyTo: m1, At: next()})
	w.comments[nested] = w.post
	alone := srv.AddMention(mastodonfake.Post{From: dave, Text: "hey @brand, collab?", At: next()})
	w.comments[alone] = alone
	return w
}

// acctOf is an account's acct.
func acctOf(a mastodonfake.Account) string {
	if a.Acct != "" {
		return a.Acct
	}
	return a.Username
}

// poll calls Poll, failing the test on error.
func poll(t *testing.T, c platforms.Connector, cursor string, limit int) platforms.Page {
	t.Helper()
	p, err := c.Poll(context.Background(), cursor, platforms.PollOptions{Limit: limit})
	if err != nil {
		t.Fatalf("Poll: %v", err)
	}
	return p
}

// syncAll polls until More is false and returns every message, the last
// cursor and the number of polls.
func syncAll(t *testing.T, c platforms.Connector, cursor string, limit int) ([]platforms.Message, string, int) {
	t.Helper()
	var all []platforms.Message
	for polls := 1; ; polls++ {
		if polls > 100 {
			t.Fatal("no end after 100 polls")
		}
		p := poll(t, c, cursor, limit)
		if p.Skipped != 0 {
			t.Fatalf("poll %d skipped %d items", polls, p.Skipped)
		}
		all = append(all, p.Messages...)
		cursor = p.Cursor
		if !p.More {
			return all, cursor, polls
		}
	}
}

// idSet returns the sorted distinct ExternalIDs of msgs.
func idSet(msgs []platforms.Message) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range msgs {
		if !seen[m.ExternalID] {
			seen[m.ExternalID] = true
			out = append(out, m.ExternalID)
		}
	}
	sort.Strings(out)
	return out
}

// byID indexes messages by ExternalID (the last one wins).
func byID(msgs []platforms.Message) map[string]platforms.Message {
	out := map[string]platforms.Message{}
	for _, m := range msgs {
		out[m.ExternalID] = m
	}
	return out
}

// requestsTo returns the queries of the requests to path since the n-th request.
func requestsTo(srv *mastodonfake.Server, from int, method, path string) []url.Values {
	var out []url.Values
	for _, r := range srv.Requests()[from:] {
		if r.Method == method && r.Path == path {
			q, _ := url.ParseQuery(r.Query)
			out = append(out, q)
		}
	}
	return out
}

func TestPollFirstSyncPagesBothStreams(t *testing.T) {
	srv, c := start(t)
	w := seed(srv)
	msgs, cursor, polls := syncAll(t, c, "", 2)

	if got, want := idSet(msgs), w.expected(); !slices.Equal(got, want) {
		t.Fatalf("got %d statuses %v\nwant %d %v", len(got), got, len(want), want)
	}
	got := byID(msgs)
	for id, conv := range w.dm {
		m := got[id]
		wantDir := platforms.DirectionIn
		if w.out[id] {
			wantDir = platforms.DirectionOut
		}
		if m.ThreadKind != platforms.ThreadDM || m.ThreadExternalID != conv || m.Direction != wantDir {
			t.Fatalf("DM %s: kind %s thread %s direction %s; want dm %s %s", id, m.ThreadKind, m.ThreadExternalID, m.Direction, conv, wantDir)
		}
	}
	for id, th := range w.comments {
		if m := got[id]; m.ThreadKind != platforms.ThreadComment || m.ThreadExternalID != th || m.Direction != platforms.DirectionIn {
			t.Fatalf("comment %s: kind %s thread %s direction %s; want comment %s in", id, m.ThreadKind, m.ThreadExternalID, m.Direction, th)
		}
	}
	// 6 conversations in pages of 2 end with an empty page (the last full page
	// has a next link); 18 notifications (8 mentions, 10 direct) likewise; then
	// one forward page looks for what arrived during the walk.
	if polls != 11 {
		t.Fatalf("%d polls, want 11 (9 pages of notifications, the empty one, one forward)", polls)
	}
	convs := requestsTo(srv, 0, "GET", "/api/v1/conversations")
	for i, q := range convs {
		if wantBack := i >= 1 && i <= 3; q.Get("max_id") != "" != wantBack || q.Get("min_id") != "" != (i > 3) {
			t.Fatalf("conversation request %d: %v; want the newest page, three older ones, then forward", i, q)
		}
	}
	for _, q := range requestsTo(srv, 0, "GET", "/api/v1/notifications") {
		if q.Get("limit") != "2" || !slices.Equal(q["types[]"], []string{"mention"}) {
			t.Fatalf("notification request %v", q)
		}
	}
	base, _ := url.Parse(srv.Start())
	for _, r := range srv.Requests() {
		if r.Host != base.Host {
			t.Fatalf("request to %s, want only %s (Link headers name http://mastodon.internal)", r.Host, base.Host)
		}
	}
	if p := poll(t, c, cursor, 2); len(p.Messages) != 0 || p.More || p.Cursor != cursor {
		t.Fatalf("caught up: %d messages more=%v cursor changed=%v", len(p.Messages), p.More, p.Cursor != cursor)
	}
}

func TestPollIncrementalSync(t *testing.T) {
	srv, c := start(t)
	w := seed(srv)
	_, cursor, _ := syncAll(t, c, "", 40)
	before := len(srv.Requests())

	at := t0.Add(3 * time.Hour)
	srv.SetNow(at.Add(10 * time.Minute)) // past the settle window: one incremental poll is final
	reply := srv.AddDirect(w.convs[1], mastodonfake.Post{From: bob, Text: "@brand one more thing", At: at})
	newConv := srv.AddConversation(dave)
	opener := srv.AddDirect(newConv, mastodonfake.Post{From: dave, Text: "@brand hello again", At: at})
	comment := srv.AddMention(mastodonfake.Post{From: carol, Text: "@brand late comment", InReplyTo: w.post, At: at})
	srv.AddNotification("favourite", alice, w.post, at)

	p := poll(t, c, cursor, 40)
	if p.More || p.Skipped != 0 {
		t.Fatalf("more=%v skipped=%d", p.More, p.Skipped)
	}
	got := byID(p.Messages)
	for _, id := range []string{reply, opener, comment} {
		if _, ok := got[id]; !ok {
			t.Fatalf("new status %s missing from %v", id, idSet(p.Messages))
		}
	}
	// The only old statuses that come again are the earlier ones of the thread
	// that moved (the context of its new status), never other threads or comments.
	for id, m := range got {
		if id == reply || id == opener || id == comment {
			continue
		}
		if w.dm[id] != w.convs[1] || m.ThreadExternalID != w.convs[1] {
			t.Fatalf("old status %s (thread %s) came again", id, m.ThreadExternalID)
		}
	}
	if got[comment].ThreadExternalID != w.post || got[opener].ThreadExternalID != newConv || got[reply].ThreadExternalID != w.convs[1] {
		t.Fatalf("threads: %+v", got)
	}
	for _, path := range []string{"/api/v1/conversations", "/api/v1/notifications"} {
		for _, q := range requestsTo(srv, before, "GET", path) {
			if q.Get("min_id") == "" || q.Get("max_id") != "" {
				t.Fatalf("incremental request %s?%s, want min_id paging", path, q.Encode())
			}
		}
	}
	if again := poll(t, c, p.Cursor, 40); len(again.Messages) != 0 || again.More {
		t.Fatalf("second incremental poll: %v", idSet(again.Messages))
	}
}

// TestPollIncrementalPagesForward: more new items than a page hold are fetched
// oldest page first, in as many polls as needed, without gaps.
func TestPollIncrementalPagesForward(t *testing.T) {
	srv, c := start(t)
	w := seed(srv)
	_, cursor, _ := syncAll(t, c, "", 2)
	var want []string
	for i := range 5 {
		want = append(want, srv.AddMention(mastodonfake.Post{From: dave, Text: fmt.Sprintf("@brand burst %d", i), InReplyTo: w.post, At: t0.Add(4 * time.Hour)}))
	}
	msgs, _, polls := syncAll(t, c, cursor, 2)
	sort.Strings(want)
	if got := idSet(msgs); !slices.Equal(got, want) || polls != 3 {
		t.Fatalf("got %v in %d polls, want %v in 3", got, polls, want)
	}
}

// TestPollRestartMidPaging replays crashes: every page is fetched again by a
// fresh connector with the same cursor (the process died before storing the
// page), new items arrive in the middle of the first walk, and at the end an
// old cursor is polled again. Nothing may be missing; overlap is allowed.
func TestPollRestartMidPaging(t *testing.T) {
	srv, c := start(t)
	base := srv.Start()
	w := seed(srv)
	want := w.expected()
	stored := map[string]bool{}
	var cursors []string
	var pages [][]platforms.Message
	cursor := ""
	for i := 0; ; i++ {
		if i > 50 {
			t.Fatal("no end")
		}
		cursors = append(cursors, cursor)
		p := poll(t, c, cursor, 2)
		again := poll(t, connect(t, base, token), cursor, 2)
		if !slices.Equal(idSet(again.Messages), idSet(p.Messages)) || again.Cursor != p.Cursor || again.More != p.More {
			t.Fatalf("page %d after restart: %v cursor %q; first time %v cursor %q", i, idSet(again.Messages), again.Cursor, idSet(p.Messages), p.Cursor)
		}
		for _, m := range again.Messages {
			stored[m.ExternalID] = true
		}
		pages = append(pages, again.Messages)
		if i == 1 {
			// The oldest conversation moves to the top; a new mention arrives.
			want = append(want,
				srv.AddDirect(w.convs[0], mastodonfake.Post{From: alice, Text: "@brand still there?", At: t0.Add(5 * time.Hour)}),
				srv.AddMention(mastodonfake.Post{From: bob, Text: "@brand mid-walk", InReplyTo: w.post, At: t0.Add(5 * time.Hour)}))
		}
		cursor = again.Cursor
		if !again.More {
			break
		}
	}
	for _, id := range want {
		if !stored[id] {
			t.Fatalf("status %s was never returned", id)
		}
	}
	// Resuming from an old cursor (the one stored with page 3) re-fetches and
	// still ends complete together with the pages stored before it.
	before := map[string]bool{}
	for _, page := range pages[:3] {
		for _, m := range page {
			before[m.ExternalID] = true
		}
	}
	resumed, _, _ := syncAll(t, connect(t, base, token), cursors[3], 2)
	after := byID(resumed)
	for _, id := range want {
		if _, ok := after[id]; !ok && !before[id] {
			t.Fatalf("status %s lost when resuming from an old cursor", id)
		}
	}
}

func TestPollSkipsMalformedItems(t *testing.T) {
	type fixture struct {
		a1, b1, a2, c1, b3, m1, m2 string
	}
	// malformedStatus keeps everything valid except what change breaks.
	malformedStatus := func(change string) json.RawMessage {
		fields := map[string]string{
			"id": `"113999"`, "created_at": `"2026-03-01T12:00:00.000Z"`, "visibility": `"public"`,
			"content": `"<p>broken</p>"`, "account": `{"id":"101","username":"alice","acct":"alice"}`,
		}
		name, value, _ := strings.Cut(change, "=")
		if value == "" {
			delete(fields, name)
		} else {
			fields[name] = value
		}
		var parts []string
		for k, v := range fields {
			parts = append(parts, `"`+k+`":`+v)
		}
		return json.RawMessage("{" + strings.Join(parts, ",") + "}")
	}
	tests := []struct {
		name        string
		break_      func(*mastodonfake.Server, fixture)
		missing     func(fixture) []string
		wantSkipped int
	}{
		{"mention id is an object", func(s *mastodonfake.Server, f fixture) { _ = s.SetRawStatus(f.m1, malformedStatus(`id={"n":1}`)) },
			func(f fixture) []string { return []string{f.m1} }, 1},
		{"mention without created_at", func(s *mastodonfake.Server, f fixture) { _ = s.SetRawStatus(f.m1, malformedStatus("created_at=")) },
			func(f fixture) []string { return []string{f.m1} }, 1},
		{"mention without account", func(s *mastodonfake.Server, f fixture) { _ = s.SetRawStatus(f.m1, malformedStatus("account=")) },
			func(f fixture) []string { return []string{f.m1} }, 1},
		{"mention content is a number", func(s *mastodonfake.Server, f fixture) { _ = s.SetRawStatus(f.m1, malformedStatus("content=7")) },
			func(f fixture) []string { return []string{f.m1} }, 1},
		{"mention id with a slash", func(s *mastodonfake.Server, f fixture) { _ = s.SetRawStatus(f.m1, malformedStatus(`id="../x"`)) },
			func(f fixture) []string { return []string{f.m1} }, 1},
		{"notification is a string", func(s *mastodonfake.Server, _ fixture) { s.AddRawNotification(json.RawMessage(`"oops"`)) },
			func(fixture) []string { return nil }, 1},
		{"notification id is an object", func(s *mastodonfake.Server, _ fixture) {
			s.AddRawNotification(json.RawMessage(`{"id":{"x":1},"type":"mention","status":null}`))
		}, func(fixture) []string { return nil }, 1},
		{"notification of a type we ignore", func(s *mastodonfake.Server, _ fixture) {
			s.AddRawNotification(json.RawMessage(`{"id":"77","type":"follow","account":{"id":"101"}}`))
		}, func(fixture) []string { return nil }, 0},
		{"conversation is an array", func(s *mastodonfake.Server, _ fixture) { s.AddRawConversation(json.RawMessage(`[1,2]`)) },
			func(fixture) []string { return nil }, 1},
		{"conversation's last status is broken", func(s *mastodonfake.Server, f fixture) { _ = s.SetRawStatus(f.b3, malformedStatus("created_at=1")) },
			// The conversation cannot be read until a new status arrives.
			func(f fixture) []string { return []string{f.c1, f.b3} }, 1},
		{"a status above the last one is broken", func(s *mastodonfake.Server, f fixture) { _ = s.SetRawStatus(f.b1, malformedStatus(`id=["x"]`)) },
			func(f fixture) []string { return []string{f.b1} }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			var f fixture
			conv := srv.AddConversation(alice)
			f.a1 = srv.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
			f.b1 = srv.AddDirect(conv, mastodonfake.Post{From: srv.Self, Text: "@alice hello", At: t0})
			f.a2 = srv.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand thanks", At: t0})
			conv3 := srv.AddConversation(carol)
			f.c1 = srv.AddDirect(conv3, mastodonfake.Post{From: carol, Text: "@brand beep", At: t0})
			f.b3 = srv.AddDirect(conv3, mastodonfake.Post{From: srv.Self, Text: "@carol boop", At: t0})
			f.m1 = srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand standalone", At: t0})
			f.m2 = srv.AddMention(mastodonfake.Post{From: bob, Text: "@brand another", At: t0})
			tt.break_(srv, f)

			p := poll(t, c, "", 0)
			all := []string{f.a1, f.b1, f.a2, f.c1, f.b3, f.m1, f.m2}
			var want []string
			for _, id := range all {
				if !slices.Contains(tt.missing(f), id) {
					want = append(want, id)
				}
			}
			sort.Strings(want)
			if got := idSet(p.Messages); !slices.Equal(got, want) || p.Skipped != tt.wantSkipped {
				t.Fatalf("got %v skipped=%d; want %v skipped=%d", got, p.Skipped, want, tt.wantSkipped)
			}
		})
	}
}

func TestPollMapping(t *testing.T) {
	srv, c := start(t)
	srv.AddAccount(bob)
	conv := srv.AddConversation(alice)
	question := srv.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand Is the <b>blue</b> one & the red one in stock?\nThanks", At: t0})
	answer := srv.AddDirect(conv, mastodonfake.Post{From: srv.Self, Text: "@alice yes, both!", At: t0.Add(time.Minute)})
	group := srv.AddConversation(alice, bob)
	hello := srv.AddDirect(group, mastodonfake.Post{From: bob, Text: "@brand @alice hi both", At: t0})
	post := srv.AddStatus(mastodonfake.Post{From: srv.Self, Text: "Spring drop\n\nComment below", At: t0})
	cw := srv.AddMention(mastodonfake.Post{
		From: carol, Text: "@brand the ending!", SpoilerText: "spoilers", InReplyTo: post, At: t0.Add(2 * time.Minute),
		Media: []mastodonfake.Media{
			{Type: "image", URL: "https://files.example/media/abc.jpeg", Description: "alt text"},
			{Type: "gifv", URL: "https://files.example/media/clip.mp4?x=1"},
			{Type: "unknown", URL: "https://files.example/media/file.bin"},
		},
	})
	remote := srv.AddMention(mastodonfake.Post{From: bob, Text: "@brand nice", Visibility: "unlisted", At: t0.Add(3 * time.Minute)})
	if err := srv.EditStatus(remote, "@brand very nice", t0.Add(4*time.Minute)); err != nil {
		t.Fatal(err)
	}

	brandP := platforms.Person{ExternalID: "1", Handle: "brand", DisplayName: "Brand Studio"}
	aliceP := platforms.Person{ExternalID: "101", Handle: "alice", DisplayName: "Alice Doe"}
	bobP := platforms.Person{ExternalID: "102", Handle: "bob@remote.example", DisplayName: "Bob"}
	edited := t0.Add(4 * time.Minute)
	want := map[string]platforms.Message{
		question: {ExternalID: question, ThreadExternalID: conv, ThreadKind: platforms.ThreadDM, ThreadTitle: "Alice Doe", Author: aliceP,
			Direction: platforms.DirectionIn, Text: "@brand Is the <b>blue</b> one & the red one in stock?\nThanks", SentAt: t0},
		answer: {ExternalID: answer, ThreadExternalID: conv, ThreadKind: platforms.ThreadDM, ThreadTitle: "Alice Doe", Author: brandP,
			Direction: platforms.DirectionOut, Text: "@alice yes, both!", SentAt: t0.Add(time.Minute), ReplyToExternalID: question},
		hello: {ExternalID: hello, ThreadExternalID: group, ThreadKind: platforms.ThreadDM, ThreadTitle: "Alice Doe, Bob", Author: bobP,
			Direction: platforms.DirectionIn, Text: "@brand @alice hi both", SentAt: t0},
		cw: {ExternalID: cw, ThreadExternalID: post, ThreadKind: platforms.ThreadComment, ThreadTitle: "Spring drop Comment below",
			Author: platforms.Person{ExternalID: "103", Handle: "carol", DisplayName: "carol", IsBot: true}, Direction: platforms.DirectionIn,
			Text: "CW: spoilers\n\n@brand the ending!", SentAt: t0.Add(2 * time.Minute), ReplyToExternalID: post,
			Attachments: []platforms.Attachment{
				{Kind: "photo", Name: "alt text", MimeType: "image/jpeg"},
				{Kind: "video", Name: "clip.mp4", MimeType: "video/mp4"},
				{Kind: "document", Name: "file.bin"},
			}},
		remote: {ExternalID: remote, ThreadExternalID: remote, ThreadKind: platforms.ThreadComment, ThreadTitle: "@brand nice", Author: bobP,
			Direction: platforms.DirectionIn, Text: "@brand very nice", SentAt: t0.Add(3 * time.Minute), EditedAt: &edited},
	}
	want[remote] = func(m platforms.Message) platforms.Message { m.ThreadTitle = "@brand very nice"; return m }(want[remote])
	p := poll(t, c, "", 0)
	got := byID(p.Messages)
	if len(got) != len(want) {
		t.Fatalf("got %v", idSet(p.Messages))
	}
	for id, w := range want {
		if !reflect.DeepEqual(got[id], w) {
			t.Fatalf("status %s\n got %+v\nwant %+v", id, got[id], w)
		}
	}
}

// TestPollHTMLContent: content is HTML; what reaches the inbox is its text.
func TestPollHTMLContent(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs and breaks", "<p>Hi!<br>Quick question</p><p>Thanks</p>", "Hi!\nQuick question\n\nThanks"},
		{"entities", "<p>Fish &amp; chips &lt;3 &quot;best&quot; caf&eacute; &#8364;5</p>", `Fish & chips <3 "best" café €5`},
		{"typed script is text", "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>", "<script>alert('x')</script>"},
		{"raw script loses its tags", `<p>a</p><script>alert("x")</script>`, "a\n\nalert(\"x\")"},
		{"markup from a remote server", `<p>See <a href="https://x.example/p/1" onclick="evil()"><strong>this</strong></a> <img src="x" onerror="alert(1)"></p>`, "See this"},
		{"mention and link spans", `<p><span class="h-card"><a href="https://m.example/@brand" class="u-url mention">@<span>brand</span></a></span> <a href="https://shop.example/a/very/long/path/to/product"><span class="invisible">https://</span><span class="ellipsis">shop.example/a/very/long/path/</span><span class="invisible">to/product</span></a></p>`,
			"@brand https://shop.example/a/very/long/path/to/product"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			id := srv.AddMention(mastodonfake.Post{From: alice, HTML: tt.html, At: t0})
			p := poll(t, c, "", 0)
			if len(p.Messages) != 1 || p.Messages[0].ExternalID != id || p.Messages[0].Text != tt.want {
				t.Fatalf("got %+v, want text %q", p.Messages, tt.want)
			}
		})
	}
}

// TestPollEditArrivesWithThread: an edit moves nothing on Mastodon; the edited
// status comes again (with EditedAt) as context of the thread's next status.
func TestPollEditArrivesWithThread(t *testing.T) {
	srv, c := start(t)
	conv := srv.AddConversation(alice)
	first := srv.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand helo", At: t0})
	p := poll(t, c, "", 0)
	if m := byID(p.Messages)[first]; m.Text != "@brand helo" || m.EditedAt != nil {
		t.Fatalf("original %+v", m)
	}
	editedAt := t0.Add(5 * time.Minute)
	if err := srv.EditStatus(first, "@brand hello", editedAt); err != nil {
		t.Fatal(err)
	}
	second := srv.AddDirect(conv, mastodonfake.Post{From: alice, Text: "@brand are you there?", At: t0.Add(6 * time.Minute)})
	p = poll(t, c, p.Cursor, 0)
	got := byID(p.Messages)
	if m := got[first]; m.Text != "@brand hello" || m.EditedAt == nil || !m.EditedAt.Equal(editedAt) || !m.SentAt.Equal(t0) {
		t.Fatalf("edit %+v", m)
	}
	if _, ok := got[second]; !ok {
		t.Fatalf("new status missing: %v", idSet(p.Messages))
	}
}

// TestPollCommentThreadRoots: replies deep in a chain belong to the root post.
// The root is looked up once (a context request) and then known from the
// cache; a reply whose parent is gone hangs under that parent.
func TestPollCommentThreadRoots(t *testing.T) {
	srv, c := start(t)
	post := srv.AddStatus(mastodonfake.Post{From: srv.Self, Text: "What should we make next?", At: t0})
	m1 := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand socks", InReplyTo: post, At: t0})
	m2 := srv.AddMention(mastodonfake.Post{From: bob, Text: "@alice @brand yes socks", InReplyTo: m1, At: t0})
	m3 := srv.AddMention(mastodonfake.Post{From: carol, Text: "@bob@remote.example @brand wool ones", InReplyTo: m2, At: t0})
	lost := srv.AddStatus(mastodonfake.Post{From: dave, Text: "a post that will be deleted", At: t0})
	orphan := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand replying to a gone post", InReplyTo: lost, At: t0})
	if err := srv.DeleteStatus(lost); err != nil {
		t.Fatal(err)
	}
	p := poll(t, c, "", 0)
	got := byID(p.Messages)
	for _, id := range []string{m1, m2, m3} {
		if m := got[id]; m.ThreadExternalID != post || m.ThreadTitle != "What should we make next?" {
			t.Fatalf("reply %s: thread %s %q, want %s", id, m.ThreadExternalID, m.ThreadTitle, post)
		}
	}
	if m := got[orphan]; m.ThreadExternalID != lost || m.ThreadKind != platforms.ThreadComment {
		t.Fatalf("orphan: %+v", m)
	}
	var contexts []string
	for _, r := range srv.Requests() {
		if strings.HasSuffix(r.Path, "/context") {
			contexts = append(contexts, r.Path)
		}
	}
	// Newest first: the orphan, then m3 (whose context names the root for m2 and m1).
	if want := []string{"/api/v1/statuses/" + orphan + "/context", "/api/v1/statuses/" + m3 + "/context"}; !slices.Equal(contexts, want) {
		t.Fatalf("context requests %v, want %v", contexts, want)
	}
}

// TestPollStreamNotOffered: a server without the conversations API (404)
// still syncs mentions.
func TestPollStreamNotOffered(t *testing.T) {
	srv, c := start(t)
	m := srv.AddMention(mastodonfake.Post{From: alice, Text: "@brand hi", At: t0})
	srv.SetFaultScope("GET", "/api/v1/conversations")
	srv.FailNext(1000, 404)
	p := poll(t, c, "", 0)
	if got := idSet(p.Messages); !slices.Equal(got, []string{m}) {
		t.Fatalf("got %v", got)
	}
}

func TestPollLimit(t *testing.T) {
	tests := []struct {
		limit int
		want  string
	}{{0, "40"}, {-3, "40"}, {100, "40"}, {5, "5"}}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.limit), func(t *testing.T) {
			srv, c := start(t)
			poll(t, c, "", tt.limit)
			for _, path := range []string{"/api/v1/conversations", "/api/v1/notifications"} {
				if q := requestsTo(srv, 0, "GET", path); len(q) != 1 || q[0].Get("limit") != tt.want {
					t.Fatalf("%s requests %v, want limit %s", path, q, tt.want)
				}
			}
		})
	}
}

func TestPollRejectsBadCursor(t *testing.T) {
	_, c := start(t)
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for _, cursor := range []string{
		"not base64!", enc("not json"), enc(`{"v":2}`), enc(`{"v":1,"dm":{"s":true,"t":"1/2"}}`), strings.Repeat("A", 5000),
	} {
		_, err := c.Poll(context.Background(), cursor, platforms.PollOptions{})
		wantKind(t, err, platforms.KindPermanent)
	}
}

func TestPollIncludeFilteredOption(t *testing.T) {
	for _, extra := range []map[string]string{nil, {mastodon.ExtraIncludeFiltered: "true"}} {
		srv := mastodonfake.New(token)
		t.Cleanup(srv.Close)
		c, err := mastodon.New(platforms.Credentials{BaseURL: srv.Start(), Token: token, Extra: extra})
		if err != nil {
			t.Fatal(err)
		}
		poll(t, c, "", 0)
		q := requestsTo(srv, 0, "GET", "/api/v1/notifications")
		if want := extra[mastodon.ExtraIncludeFiltered]; len(q) != 1 || q[0].Get("include_filtered") != want {
			t.Fatalf("Extra %v: notification requests %v", extra, q)
		}
	}
}
