package mastodon_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"creatordesk/backend/platforms/mastodon/mastodonfake"
)

// TestPollFetchesAConversationFiledLate replays what a real server does: a
// direct status keeps the id it got when posted, but its conversation is
// filed by a background job, here after a newer conversation was already
// listed and polled. The forward position must not have moved past it.
func TestPollFetchesAConversationFiledLate(t *testing.T) {
	srv, c := start(t)
	w := seed(srv)
	_, cursor, _ := syncAll(t, c, "", 40)

	now := t0.Add(2 * time.Hour)
	srv.SetNow(now)
	late, file := srv.AddDirectUnfiled(w.convs[0], mastodonfake.Post{From: alice, Text: "@brand filed late", At: now.Add(-20 * time.Second)})
	newer := srv.AddDirect(w.convs[1], mastodonfake.Post{From: bob, Text: "@brand filed at once", At: now.Add(-10 * time.Second)})

	p := poll(t, c, cursor, 40)
	if _, ok := byID(p.Messages)[newer]; !ok {
		t.Fatalf("the filed status is missing: %v", idSet(p.Messages))
	}
	if _, ok := byID(p.Messages)[late]; ok {
		t.Fatal("the unfiled status came before it was filed")
	}
	file()
	srv.SetNow(now.Add(5 * time.Second))
	p = poll(t, c, p.Cursor, 40)
	if _, ok := byID(p.Messages)[late]; !ok {
		t.Fatalf("the status filed late below a newer one was skipped: %v", idSet(p.Messages))
	}

	// Once both are older than the settle window, one more poll moves past
	// them and the stream is quiet.
	srv.SetNow(now.Add(10 * time.Minute))
	p = poll(t, c, p.Cursor, 40)
	if again := poll(t, c, p.Cursor, 40); len(again.Messages) != 0 || again.More || again.Cursor != p.Cursor {
		t.Fatalf("settled stream: %v more=%v cursor moved=%v", idSet(again.Messages), again.More, again.Cursor != p.Cursor)
	}
}

// TestPollBurstOfFreshItemsDoesNotStall: more fresh items than a page holds
// are still all fetched in one run of polls (a full page moves on at once);
// only the last, partial page is looked at again.
func TestPollBurstOfFreshItemsDoesNotStall(t *testing.T) {
	srv, c := start(t)
	w := seed(srv)
	_, cursor, _ := syncAll(t, c, "", 2)
	now := t0.Add(2 * time.Hour)
	srv.SetNow(now)
	var want []string
	for i := range 5 {
		want = append(want, srv.AddMention(mastodonfake.Post{From: dave, Text: fmt.Sprintf("@brand burst %d", i), InReplyTo: w.post, At: now}))
	}
	msgs, cursor, polls := syncAll(t, c, cursor, 2)
	got := idSet(msgs)
	for _, id := range want {
		if !slices.Contains(got, id) {
			t.Fatalf("burst item %s missing after %d polls: %v", id, polls, got)
		}
	}
	if polls > 4 {
		t.Fatalf("%d polls for 5 items in pages of 2", polls)
	}
	// The fresh last page comes again (overlap), and nothing else.
	p := poll(t, c, cursor, 2)
	for _, m := range p.Messages {
		if !slices.Contains(want, m.ExternalID) {
			t.Fatalf("an old item came again: %s", m.ExternalID)
		}
	}
	if p.More {
		t.Fatal("a settled-looking head reports more")
	}
}
