package bluesky_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
	"creatordesk/backend/platforms/bluesky/blueskyfake"
)

// synced is what a run of polls returned.
type synced struct {
	msgs    []platforms.Message
	skipped int
	cursor  string
	pages   int
}

// byID indexes messages by ExternalID, keeping the last one seen.
func (s synced) byID() map[string]platforms.Message {
	out := map[string]platforms.Message{}
	for _, m := range s.msgs {
		out[m.ExternalID] = m
	}
	return out
}

// drain polls from cursor until a page says there is no more.
func drain(t *testing.T, c platforms.Connector, cursor string, limit int) synced {
	t.Helper()
	var out synced
	out.cursor = cursor
	for {
		if out.pages == 2000 {
			t.Fatal("polling does not end")
		}
		p, err := c.Poll(context.Background(), out.cursor, platforms.PollOptions{Limit: limit})
		if err != nil {
			t.Fatalf("poll %d: %v", out.pages, err)
		}
		if n := len(p.Messages); n > limit {
			t.Fatalf("page of %d messages, limit %d", n, limit)
		}
		out.pages++
		out.msgs = append(out.msgs, p.Messages...)
		out.skipped += p.Skipped
		out.cursor = p.Cursor
		if !p.More {
			return out
		}
	}
}

// world is a fake account with DMs and comments across several pages.
type world struct {
	srv                *blueskyfake.Server
	aliceConvo, bobDM  string
	root, root2        string
	wantDMs            map[string]string // message id → convo id
	wantComments       map[string]string // post uri → thread (root) uri
	ownMessage         string
	aliceReply, bobRep string
	mention, quote     string
}

// build fills the fake: alice's convo has 120 messages, bob's 5 (one the
// account's own), 101 more convos have one message each (two listConvos
// pages), and 130 comments (replies, replies to replies, mentions, quotes)
// arrive on two of the account's posts, plus likes that are not comments.
func build(t *testing.T, srv *blueskyfake.Server) *world {
	t.Helper()
	w := &world{srv: srv, wantDMs: map[string]string{}, wantComments: map[string]string{}}
	add := func(convo, sender, text string, at time.Time) string {
		id, err := srv.AddMessage(convo, sender, text, at)
		if err != nil {
			t.Fatal(err)
		}
		w.wantDMs[id] = convo
		return id
	}
	for i := range 101 {
		p := blueskyfake.Profile{DID: fmt.Sprintf("did:plc:fan%022d", i), Handle: fmt.Sprintf("fan%d.test", i)}
		add(srv.AddConvo(p), p.DID, "hello from fan", t0.Add(time.Duration(i)*time.Second))
	}
	w.bobDM = srv.AddConvo(bob)
	for i := range 5 {
		sender := bob.DID
		if i == 2 {
			sender = ownDID
		}
		id := add(w.bobDM, sender, fmt.Sprintf("bob %d", i), t0.Add(time.Hour+time.Duration(i)*time.Minute))
		if i == 2 {
			w.ownMessage = id
		}
	}
	w.aliceConvo = srv.AddConvo(alice)
	for i := range 120 {
		add(w.aliceConvo, alice.DID, fmt.Sprintf("alice %d", i), t0.Add(2*time.Hour+time.Duration(i)*time.Minute))
	}
	w.root = srv.AddOwnPost("New video is out!\nLink in bio", t0)
	w.root2 = srv.AddOwnPost("Second post", t0)
	at := t0.Add(3 * time.Hour)
	reply := func(author blueskyfake.Profile, parent, root string) string {
		at = at.Add(time.Second)
		uri, err := srv.AddReply(author, parent, "nice "+at.Format(time.TimeOnly), at)
		if err != nil {
			t.Fatal(err)
		}
		w.wantComments[uri] = root
		return uri
	}
	for i := range 60 {
		reply(carol, w.root, w.root)
		if i%10 == 0 {
			if err := srv.AddLike(carol, w.root, at); err != nil {
				t.Fatal(err)
			}
		}
	}
	w.aliceReply = reply(alice, w.root, w.root)
	w.bobRep = reply(bob, w.aliceReply, w.root)
	for range 60 {
		reply(dave, w.root2, w.root2)
	}
	at = at.Add(time.Second)
	w.mention = srv.AddMention(alice, "@creator.test you should see this", at)
	w.wantComments[w.mention] = w.mention
	at = at.Add(time.Second)
	var err error
	if w.quote, err = srv.AddQuote(bob, w.root, "so good", at); err != nil {
		t.Fatal(err)
	}
	w.wantComments[w.quote] = w.quote
	for range 6 {
		reply(alice, w.root2, w.root2)
	}
	return w
}

// checkComplete fails unless got holds every wanted DM and comment, in the right threads.
func (w *world) checkComplete(t *testing.T, got map[string]platforms.Message) {
	t.Helper()
	for id, convo := range w.wantDMs {
		m, ok := got[id]
		if !ok {
			t.Fatalf("DM %s of convo %s missing (%d of %d DMs)", id, convo, countKind(got, platforms.ThreadDM), len(w.wantDMs))
		}
		if m.ThreadExternalID != convo || m.ThreadKind != platforms.ThreadDM {
			t.Fatalf("DM %s in thread %s/%s, want %s/dm", id, m.ThreadExternalID, m.ThreadKind, convo)
		}
	}
	for uri, root := range w.wantComments {
		m, ok := got[uri]
		if !ok {
			t.Fatalf("comment %s missing (%d of %d comments)", uri, countKind(got, platforms.ThreadComment), len(w.wantComments))
		}
		if m.ThreadExternalID != root || m.ThreadKind != platforms.ThreadComment {
			t.Fatalf("comment %s in thread %s/%s, want %s/comment", uri, m.ThreadExternalID, m.ThreadKind, root)
		}
	}
	if n := len(got); n != len(w.wantDMs)+len(w.wantComments) {
		t.Fatalf("got %d items, want %d", n, len(w.wantDMs)+len(w.wantComments))
	}
}

// countKind counts the messages of one thread kind.
func countKind(got map[string]platforms.Message, kind platforms.ThreadKind) int {
	n := 0
	for _, m := range got {
		if m.ThreadKind == kind {
			n++
		}
	}
	return n
}

func TestFirstSyncAcrossPages(t *testing.T) {
	srv, c := start(t)
	w := build(t, srv)
	s := drain(t, c, "", 50)
	got := s.byID()
	w.checkComplete(t, got)
	if s.skipped != 0 {
		t.Fatalf("skipped %d", s.skipped)
	}
	if dup := len(s.msgs) - len(got); dup != 0 {
		t.Fatalf("%d items delivered twice", dup)
	}
	if n := srv.Calls("chat.bsky.convo.listConvos"); n < 2 {
		t.Fatalf("listConvos called %d times, want the two pages", n)
	}

	in := got[firstDM(t, s.msgs, w.aliceConvo)]
	wantIn := platforms.Message{ExternalID: in.ExternalID, ThreadExternalID: w.aliceConvo, ThreadKind: platforms.ThreadDM,
		ThreadTitle: "Alice", Author: platforms.Person{ExternalID: alice.DID, Handle: "alice.test", DisplayName: "Alice"},
		Direction: platforms.DirectionIn, Text: "alice 0", SentAt: t0.Add(2 * time.Hour)}
	if !equalMessage(in, wantIn) {
		t.Fatalf("first DM of alice\n got %+v\nwant %+v", in, wantIn)
	}
	own := got[w.ownMessage]
	if own.Direction != platforms.DirectionOut || own.Author.ExternalID != ownDID || own.ThreadTitle != "@bob.test" {
		t.Fatalf("own message %+v, want direction out in the thread titled @bob.test", own)
	}

	nested := got[w.bobRep]
	wantNested := platforms.Message{ExternalID: w.bobRep, ThreadExternalID: w.root, ThreadKind: platforms.ThreadComment,
		ThreadTitle: "New video is out!", Author: platforms.Person{ExternalID: bob.DID, Handle: "bob.test"},
		Direction: platforms.DirectionIn, Text: nested.Text, SentAt: nested.SentAt, ReplyToExternalID: w.aliceReply}
	if !equalMessage(nested, wantNested) || !strings.HasPrefix(nested.Text, "nice ") || nested.SentAt.IsZero() {
		t.Fatalf("reply to a reply\n got %+v\nwant %+v", nested, wantNested)
	}
	if m := got[w.mention]; m.ThreadTitle != "@creator.test you should see this" || m.ReplyToExternalID != "" {
		t.Fatalf("mention %+v", m)
	}
	if m := got[w.quote]; m.Text != "so good" || m.Author.ExternalID != bob.DID {
		t.Fatalf("quote %+v", m)
	}

	// Caught up: the next poll is empty and uses the log, not the listing.
	lists, walks := srv.Calls("chat.bsky.convo.listConvos"), srv.Calls("chat.bsky.convo.getMessages")
	p, err := c.Poll(context.Background(), s.cursor, platforms.PollOptions{Limit: 50})
	if err != nil || len(p.Messages) != 0 || p.More || p.Skipped != 0 {
		t.Fatalf("poll after the first sync: %d messages, more=%v skipped=%d, %v", len(p.Messages), p.More, p.Skipped, err)
	}
	if srv.Calls("chat.bsky.convo.listConvos") != lists || srv.Calls("chat.bsky.convo.getMessages") != walks || srv.Calls("chat.bsky.convo.getLog") == 0 {
		t.Fatal("a caught-up poll listed or walked convos instead of reading the log")
	}
}

// firstDM returns the id of the oldest message of convo in msgs.
func firstDM(t *testing.T, msgs []platforms.Message, convo string) string {
	t.Helper()
	var best *platforms.Message
	for i := range msgs {
		if m := &msgs[i]; m.ThreadExternalID == convo && (best == nil || m.SentAt.Before(best.SentAt)) {
			best = m
		}
	}
	if best == nil {
		t.Fatalf("no message of convo %s", convo)
	}
	return best.ExternalID
}

// equalMessage compares the fields the mapping sets.
func equalMessage(a, b platforms.Message) bool {
	return a.ExternalID == b.ExternalID && a.ThreadExternalID == b.ThreadExternalID && a.ThreadKind == b.ThreadKind &&
		a.ThreadTitle == b.ThreadTitle && a.Author == b.Author && a.Direction == b.Direction && a.Text == b.Text &&
		a.SentAt.Equal(b.SentAt) && a.Deleted == b.Deleted && a.ReplyToExternalID == b.ReplyToExternalID && a.EditedAt == nil && b.EditedAt == nil
}

func TestIncrementalSyncViaLog(t *testing.T) {
	srv, c := start(t)
	convo := srv.AddConvo(alice)
	var ids []string
	for i := range 3 {
		id, err := srv.AddMessage(convo, alice.DID, fmt.Sprintf("m%d", i), t0.Add(time.Duration(i)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	root := srv.AddOwnPost("Giveaway!", t0)
	first := drain(t, c, "", 100)
	if len(first.msgs) != 3 {
		t.Fatalf("first sync: %d messages, want 3", len(first.msgs))
	}

	// Changes while the app was idle.
	newID, err := srv.AddMessage(convo, alice.DID, "are you there?", t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.DeleteMessage(convo, ids[1]); err != nil {
		t.Fatal(err)
	}
	daveConvo := srv.AddConvo(dave)
	daveID, err := srv.AddMessage(daveConvo, dave.DID, "collab?", t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	replyURI, err := srv.AddReply(carol, root, "me me me", t0.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	lists, walks := srv.Calls("chat.bsky.convo.listConvos"), srv.Calls("chat.bsky.convo.getMessages")

	s := drain(t, c, first.cursor, 100)
	got := s.byID()
	wantMsgs := map[string]platforms.Message{
		newID: {ExternalID: newID, ThreadExternalID: convo, ThreadKind: platforms.ThreadDM, ThreadTitle: "Alice",
			Author: platforms.Person{ExternalID: alice.DID, Handle: "alice.test", DisplayName: "Alice"}, Direction: platforms.DirectionIn,
			Text: "are you there?", SentAt: t0.Add(time.Hour)},
		ids[1]: {ExternalID: ids[1], ThreadExternalID: convo, ThreadKind: platforms.ThreadDM, ThreadTitle: "Alice",
			Author: platforms.Person{ExternalID: alice.DID, Handle: "alice.test", DisplayName: "Alice"}, Direction: platforms.DirectionIn,
			SentAt: t0.Add(time.Minute), Deleted: true},
		daveID: {ExternalID: daveID, ThreadExternalID: daveConvo, ThreadKind: platforms.ThreadDM, ThreadTitle: "Dave",
			Author: platforms.Person{ExternalID: dave.DID, Handle: "dave.test", DisplayName: "Dave"}, Direction: platforms.DirectionIn,
			Text: "collab?", SentAt: t0.Add(2 * time.Hour)},
		replyURI: {ExternalID: replyURI, ThreadExternalID: root, ThreadKind: platforms.ThreadComment, ThreadTitle: "Giveaway!",
			Author: platforms.Person{ExternalID: carol.DID, Handle: "carol.test", DisplayName: "Carol C"}, Direction: platforms.DirectionIn,
			Text: "me me me", SentAt: t0.Add(3 * time.Hour), ReplyToExternalID: root},
	}
	if len(got) != len(wantMsgs) {
		t.Fatalf("incremental sync got %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(wantMsgs)))
	}
	for id, want := range wantMsgs {
		if !equalMessage(got[id], want) {
			t.Fatalf("message %s\n got %+v\nwant %+v", id, got[id], want)
		}
	}
	if srv.Calls("chat.bsky.convo.listConvos") != lists || srv.Calls("chat.bsky.convo.getMessages") != walks {
		t.Fatal("the incremental sync listed or walked convos instead of reading the log")
	}
	// And nothing comes back on the next poll.
	if again := drain(t, c, s.cursor, 100); len(again.msgs) != 0 || again.skipped != 0 {
		t.Fatalf("poll after catching up returned %d messages, %d skipped", len(again.msgs), again.skipped)
	}
}

// TestLogEventsNeverApplyTwice: a service that repeats the event at the
// cursor (and a client restarting with an old cursor) gets nothing twice.
func TestLogEventsNeverApplyTwice(t *testing.T) {
	srv, c := start(t)
	srv.LogInclusive = true
	convo := srv.AddConvo(alice)
	first := drain(t, c, "", 100)
	id, _ := srv.AddMessage(convo, alice.DID, "one", t0)
	s := drain(t, c, first.cursor, 100)
	if !slices.Equal(ids(s.msgs), []string{id}) {
		t.Fatalf("got %v, want [%s]", ids(s.msgs), id)
	}
	for range 3 {
		p, err := c.Poll(context.Background(), s.cursor, platforms.PollOptions{})
		if err != nil || len(p.Messages) != 0 || p.More {
			t.Fatalf("poll after catching up: %d messages, more=%v, %v", len(p.Messages), p.More, err)
		}
	}
}

// TestLogPagesRespectLimit: a log with more events than the limit is read
// in pages, the position moving only past the events taken.
func TestLogPagesRespectLimit(t *testing.T) {
	srv, c := start(t)
	convo := srv.AddConvo(alice)
	first := drain(t, c, "", 10)
	want := map[string]bool{}
	for i := range 35 {
		id, err := srv.AddMessage(convo, alice.DID, fmt.Sprint(i), t0.Add(time.Duration(i)*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		want[id] = true
	}
	s := drain(t, c, first.cursor, 10)
	if got := s.byID(); len(got) != 35 || len(s.msgs) != 35 {
		t.Fatalf("got %d messages (%d distinct), want 35 once each", len(s.msgs), len(got))
	}
	if s.pages < 4 {
		t.Fatalf("35 events came in %d pages of at most 10", s.pages)
	}
}

// TestRestartMidPagination replays crashes: every page is fetched twice from
// the same cursor (the process died before storing it) and, halfway, a new
// process (a new session pool, empty caches) takes over with the stored cursor.
func TestRestartMidPagination(t *testing.T) {
	srv, base := startFake(t)
	w := build(t, srv)
	c := connect(t, bluesky.NewSessions(nil), base, "creator.test", appPassword)
	ctx := context.Background()
	got := map[string]platforms.Message{}
	cursor := ""
	for page := 0; ; page++ {
		if page == 2000 {
			t.Fatal("polling does not end")
		}
		if page == 7 {
			c = connect(t, bluesky.NewSessions(nil), base, ownDID, appPassword) // restart
		}
		p, err := c.Poll(ctx, cursor, platforms.PollOptions{Limit: 40})
		if err != nil {
			t.Fatal(err)
		}
		again, err := c.Poll(ctx, cursor, platforms.PollOptions{Limit: 40})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(again.Messages), ids(p.Messages)) || again.Cursor != p.Cursor {
			t.Fatalf("page %d after a restart differs: %d vs %d messages", page, len(again.Messages), len(p.Messages))
		}
		for _, m := range again.Messages {
			got[m.ExternalID] = m
		}
		cursor = again.Cursor
		if !again.More {
			break
		}
	}
	w.checkComplete(t, got)
	if got[w.aliceReply].ThreadTitle != "New video is out!" || got[firstDM(t, slices.Collect(maps.Values(got)), w.aliceConvo)].ThreadTitle != "Alice" {
		t.Fatal("titles lost after the restart")
	}
}

// ids returns the ExternalID of each message.
func ids(msgs []platforms.Message) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m.ExternalID
	}
	return out
}

// TestActivityDuringFirstSync: a convo not yet listed that gets a message
// during the first sync jumps ahead of the listing position; its history
// must still arrive (pass 2), and so must the new message (the log).
func TestActivityDuringFirstSync(t *testing.T) {
	srv, c := start(t)
	w := build(t, srv)
	// The oldest convo (listed last, on the second listing page) is the first fan's.
	fanConvo := oldestConvo(w)
	ctx := context.Background()
	p, err := c.Poll(ctx, "", platforms.PollOptions{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	id, err := srv.AddMessage(fanConvo, ownDID, "thanks for writing!", t0.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	w.wantDMs[id] = fanConvo
	s := drain(t, c, p.Cursor, 50)
	all := p.Messages
	all = append(all, s.msgs...)
	got := map[string]platforms.Message{}
	for _, m := range all {
		got[m.ExternalID] = m
	}
	w.checkComplete(t, got)
}

// oldestConvo is the convo whose only message is the oldest of all.
func oldestConvo(w *world) string {
	return w.wantDMs[slices.MinFunc(slices.Collect(maps.Keys(w.wantDMs)), strings.Compare)]
}

func TestMalformedItemsAreSkippedAndCounted(t *testing.T) {
	const (
		msgType = `"$type":"chat.bsky.convo.defs#messageView"`
		sender  = `"sender":{"did":"did:plc:alice0000000000000000000"}`
		sentAt  = `"sentAt":"2026-03-01T12:00:00.000Z"`
	)
	tests := []struct {
		name        string
		raw         string
		wantSkipped int
	}{
		{"message without id", `{` + msgType + `,"rev":"x","text":"hi",` + sender + `,` + sentAt + `}`, 1},
		{"message with a numeric text", `{` + msgType + `,"id":"m1","rev":"x","text":7,` + sender + `,` + sentAt + `}`, 1},
		{"message with a bad sentAt", `{` + msgType + `,"id":"m1","rev":"x","text":"hi",` + sender + `,"sentAt":"yesterday"}`, 1},
		{"message without sender", `{` + msgType + `,"id":"m1","rev":"x","text":"hi",` + sentAt + `}`, 1},
		{"message without $type", `{"id":"m1","rev":"x","text":"hi",` + sender + `,` + sentAt + `}`, 1},
		{"unknown union $type", `{"$type":"chat.bsky.convo.defs#pollView","id":"m1","rev":"x",` + sender + `,` + sentAt + `}`, 1},
		{"not an object", `"oops"`, 1},
		{"system message is not content", `{"$type":"chat.bsky.convo.defs#systemMessageView","id":"s1","rev":"x",` + sentAt + `,"data":{"$type":"chat.bsky.convo.defs#systemMessageDataEditGroup","newName":"G"}}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			convo := srv.AddConvo(alice)
			before, _ := srv.AddMessage(convo, alice.DID, "before", t0)
			if err := srv.AddRawMessage(convo, json.RawMessage(tt.raw)); err != nil {
				t.Fatal(err)
			}
			after, _ := srv.AddMessage(convo, alice.DID, "after", t0.Add(time.Minute))
			s := drain(t, c, "", 100)
			if !slices.Equal(ids(s.msgs), []string{before, after}) || s.skipped != tt.wantSkipped {
				t.Fatalf("first sync got %v skipped=%d; want [%s %s] skipped=%d", ids(s.msgs), s.skipped, before, after, tt.wantSkipped)
			}
			// The same item arriving through the log is skipped the same way, once.
			if err := srv.AddRawMessage(convo, json.RawMessage(tt.raw)); err != nil {
				t.Fatal(err)
			}
			late, _ := srv.AddMessage(convo, alice.DID, "late", t0.Add(time.Hour))
			s = drain(t, c, s.cursor, 100)
			if !slices.Equal(ids(s.msgs), []string{late}) || s.skipped != tt.wantSkipped {
				t.Fatalf("log got %v skipped=%d; want [%s] skipped=%d", ids(s.msgs), s.skipped, late, tt.wantSkipped)
			}
			if again := drain(t, c, s.cursor, 100); len(again.msgs) != 0 || again.skipped != 0 {
				t.Fatalf("the malformed item came back: %d messages, %d skipped", len(again.msgs), again.skipped)
			}
		})
	}
}

func TestMalformedLogEvents(t *testing.T) {
	tests := []struct {
		name        string
		raw         string
		wantSkipped int
	}{
		{"unknown log $type", `{"$type":"chat.bsky.convo.defs#logTeleport","convoId":"c"}`, 1},
		{"log event without $type", `{"convoId":"c"}`, 1},
		{"create without convoId", `{"$type":"chat.bsky.convo.defs#logCreateMessage","message":{}}`, 1},
		{"known event without content", `{"$type":"chat.bsky.convo.defs#logReadMessage","convoId":"c","message":{}}`, 0},
		{"reaction event", `{"$type":"chat.bsky.convo.defs#logAddReaction","convoId":"c","message":{},"reaction":{}}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			convo := srv.AddConvo(alice)
			first := drain(t, c, "", 100)
			srv.AddRawLog(json.RawMessage(tt.raw))
			id, _ := srv.AddMessage(convo, alice.DID, "after", t0)
			s := drain(t, c, first.cursor, 100)
			if !slices.Equal(ids(s.msgs), []string{id}) || s.skipped != tt.wantSkipped {
				t.Fatalf("got %v skipped=%d; want [%s] skipped=%d", ids(s.msgs), s.skipped, id, tt.wantSkipped)
			}
		})
	}
}

func TestMalformedNotifications(t *testing.T) {
	const author = `"author":{"did":"did:plc:alice0000000000000000000","handle":"alice.test"}`
	post := func(rec string) string {
		return `{"uri":"at://did:plc:alice0000000000000000000/app.bsky.feed.post/3k","cid":"bafy",` + author +
			`,"reason":"reply","record":` + rec + `,"isRead":false,"indexedAt":"2026-03-01T13:00:00.000Z"}`
	}
	tests := []struct {
		name        string
		raw         string
		wantSkipped int
	}{
		{"record is not a post", post(`{"$type":"app.bsky.feed.like","subject":{}}`), 1},
		{"record without $type", post(`{"text":"hi","createdAt":"2026-03-01T13:00:00.000Z"}`), 1},
		{"record text is a number", post(`{"$type":"app.bsky.feed.post","text":5}`), 1},
		{"uri is not a post", strings.Replace(post(`{"$type":"app.bsky.feed.post","text":"x"}`), "app.bsky.feed.post/3k", "app.bsky.feed.like/3k", 1), 1},
		{"author missing", strings.Replace(post(`{"$type":"app.bsky.feed.post","text":"x"}`), author+",", "", 1), 1},
		{"indexedAt unreadable", strings.Replace(post(`{"$type":"app.bsky.feed.post","text":"x"}`), "2026-03-01T13:00:00.000Z", "soon", 1), 1},
		{"not an object", `[1,2]`, 1},
		{"like is not a comment", strings.Replace(post(`{"$type":"app.bsky.feed.like"}`), `"reason":"reply"`, `"reason":"like"`, 1), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			root := srv.AddOwnPost("hello", t0)
			before, _ := srv.AddReply(alice, root, "before", t0.Add(time.Minute))
			srv.AddRawNotification(json.RawMessage(tt.raw), t0.Add(time.Hour))
			after, _ := srv.AddReply(alice, root, "after", t0.Add(2*time.Hour))
			s := drain(t, c, "", 100)
			if !slices.Equal(ids(s.msgs), []string{before, after}) || s.skipped != tt.wantSkipped {
				t.Fatalf("got %v skipped=%d; want [%s %s] skipped=%d", ids(s.msgs), s.skipped, before, after, tt.wantSkipped)
			}
			for range 3 {
				if again := drain(t, c, s.cursor, 100); len(again.msgs) != 0 || again.skipped != 0 {
					t.Fatalf("the malformed notification came back: %d messages, %d skipped", len(again.msgs), again.skipped)
				}
			}
		})
	}
}

func TestNotificationsPagedAndIncremental(t *testing.T) {
	srv, c := start(t)
	root := srv.AddOwnPost("hello", t0)
	want := map[string]bool{}
	for i := range 45 {
		uri, err := srv.AddReply(alice, root, fmt.Sprint(i), t0.Add(time.Duration(i)*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		want[uri] = true
	}
	s := drain(t, c, "", 20)
	if got := s.byID(); len(got) != 45 || len(s.msgs) != 45 {
		t.Fatalf("first sync: %d notifications (%d distinct), want 45 once each", len(s.msgs), len(got))
	}
	// Two notifications with the same indexedAt as the newest one seen, and one later.
	last := t0.Add(44 * time.Second)
	same, _ := srv.AddReply(bob, root, "same time", last)
	later, _ := srv.AddReply(bob, root, "later", last.Add(time.Second))
	s = drain(t, c, s.cursor, 20)
	if got := ids(s.msgs); !slices.Equal(got, []string{same, later}) {
		t.Fatalf("incremental got %v, want [%s %s] (oldest first)", got, same, later)
	}
}

// TestWaitReturnsWhenSomethingArrives: with a Wait, a quiet Poll looks
// again until something arrives, and returns it.
func TestWaitReturnsWhenSomethingArrives(t *testing.T) {
	bluesky.SetIdlePoll(t, 5*time.Millisecond)
	srv, c := start(t)
	convo := srv.AddConvo(alice)
	first := drain(t, c, "", 100)
	logCalls := srv.Calls("chat.bsky.convo.getLog")
	type result struct {
		p   platforms.Page
		err error
	}
	done := make(chan result, 1)
	go func() {
		p, err := c.Poll(context.Background(), first.cursor, platforms.PollOptions{Wait: time.Minute})
		done <- result{p, err}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for srv.Calls("chat.bsky.convo.getLog") < logCalls+2 { // it has looked twice and found nothing
		if time.Now().After(deadline) {
			t.Fatal("the waiting poll does not look again")
		}
		time.Sleep(time.Millisecond)
	}
	id, _ := srv.AddMessage(convo, alice.DID, "are you there?", t0)
	r := <-done
	if r.err != nil || !slices.Equal(ids(r.p.Messages), []string{id}) {
		t.Fatalf("waiting poll got %v, %v; want [%s]", ids(r.p.Messages), r.err, id)
	}
}

// TestWaitEndsWithContext: a cancelled wait returns the quiet page, no error.
func TestWaitEndsWithContext(t *testing.T) {
	bluesky.SetIdlePoll(t, 5*time.Millisecond)
	srv, c := start(t)
	srv.AddConvo(alice)
	first := drain(t, c, "", 100)
	ctx, cancel := context.WithCancel(context.Background())
	calls := srv.Calls("chat.bsky.convo.getLog")
	go func() {
		for srv.Calls("chat.bsky.convo.getLog") < calls+2 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	p, err := c.Poll(ctx, first.cursor, platforms.PollOptions{Wait: time.Minute})
	if err != nil || len(p.Messages) != 0 || p.Cursor == "" {
		t.Fatalf("cancelled wait: %d messages, cursor %q, %v", len(p.Messages), p.Cursor, err)
	}
}

func TestPollRejectsBadCursor(t *testing.T) {
	_, c := start(t)
	for _, cursor := range []string{"not-json", `{"v":99}`, `{"v":1,"chat":{"phase":"teleport"}}`} {
		_, err := c.Poll(context.Background(), cursor, platforms.PollOptions{})
		wantKind(t, err, platforms.KindPermanent)
	}
}

// TestInvalidConvoDuringWalk: a convo that vanishes while queued is passed over, the rest synced.
func TestInvalidConvoDuringWalk(t *testing.T) {
	srv, c := start(t)
	gone := srv.AddConvo(alice)
	if _, err := srv.AddMessage(gone, alice.DID, "bye", t0); err != nil {
		t.Fatal(err)
	}
	kept := srv.AddConvo(bob)
	keptID, _ := srv.AddMessage(kept, bob.DID, "hi", t0)
	ctx := context.Background()
	// The first poll lists both convos and walks the newest (bob's).
	p, err := c.Poll(ctx, "", platforms.PollOptions{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	srv.RemoveConvo(gone) // the account left it: getMessages answers InvalidConvo
	s := drain(t, c, p.Cursor, 100)
	all := append(ids(p.Messages), ids(s.msgs)...)
	if !slices.Contains(all, keptID) {
		t.Fatalf("got %v, want bob's message %s", all, keptID)
	}
}
