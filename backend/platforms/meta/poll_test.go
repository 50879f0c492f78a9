package meta_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta/metafake"
)

// seedIG adds n Instagram conversations of three messages each (one from the
// account), one post with 60 comments and a reply, and returns the post.
func seedIG(e *env, n int) *metafake.Post {
	for i := 0; i < n; i++ {
		c := e.fake.AddConversation(metafake.Instagram, customer(i))
		at := t0.Add(-time.Duration(n-i) * time.Minute)
		e.fake.AddMessage(c, fmt.Sprintf("Salut! Ai glazura %d în stoc?", i), at, false)
		e.fake.AddMessage(c, "Yes, it ships tomorrow.", at.Add(10*time.Second), true)
		e.fake.AddMessage(c, fmt.Sprintf("谢谢 %d", i), at.Add(20*time.Second), false)
	}
	p := e.fake.AddPost(metafake.Instagram, "New spring glazes are here 🌸", t0.Add(-48*time.Hour))
	var first *metafake.Comment
	for i := 0; i < 60; i++ {
		c := e.fake.AddComment(p, customer(i), fmt.Sprintf("Love it %d", i), t0.Add(-time.Duration(60-i)*time.Minute), "")
		if first == nil {
			first = c
		}
	}
	e.fake.AddComment(p, e.fake.IG, "Thank you!", t0.Add(-time.Minute), first.ID)
	return p
}

func TestInstagramFirstSyncAcrossPages(t *testing.T) {
	e := newEnv(t)
	post := seedIG(e, 23)
	c := e.ig(t, nil)
	msgs, _, pages := syncAll(t, c, "", 10)
	if pages != 3 {
		t.Errorf("pages = %d, want 3 (23 conversations, 10 a page)", pages)
	}
	var dms, comments, out, replies int
	threads := map[string]bool{}
	for _, m := range msgs {
		switch m.ThreadKind {
		case platforms.ThreadDM:
			dms++
			threads[m.ThreadExternalID] = true
			if m.ThreadTitle == "" {
				t.Errorf("DM %s has no thread title", m.ExternalID)
			}
		case platforms.ThreadComment:
			comments++
			if m.ThreadExternalID != post.ID {
				t.Errorf("comment %s in thread %q, want the post %q", m.ExternalID, m.ThreadExternalID, post.ID)
			}
			if m.ReplyToExternalID != "" {
				replies++
			}
		}
		if m.Direction == platforms.DirectionOut {
			out++
		}
		if m.SentAt.IsZero() {
			t.Errorf("message %s without a time", m.ExternalID)
		}
	}
	if dms != 69 || len(threads) != 23 {
		t.Errorf("DMs = %d in %d threads, want 69 in 23", dms, len(threads))
	}
	if comments != 61 || replies != 1 {
		t.Errorf("comments = %d (%d replies), want 61 (1 reply)", comments, replies)
	}
	if out != 23+1 {
		t.Errorf("outgoing = %d, want 24 (one per thread and the account's comment reply)", out)
	}
	if got := byID(msgs); len(got) != len(msgs) {
		t.Errorf("%d messages but %d distinct ids", len(msgs), len(got))
	}
}

func TestInstagramIncrementalSyncReadsOnlyChangedThreads(t *testing.T) {
	e := newEnv(t)
	seedIG(e, 12)
	c := e.ig(t, nil)
	_, cursor, _ := syncAll(t, c, "", 5)

	// Nothing new: one page, nothing but a re-read is possible.
	e.fake.Clock.Advance(time.Minute)
	before := e.fake.Calls()
	p, err := c.Poll(context.Background(), cursor, platforms.PollOptions{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Messages) != 0 || p.More {
		t.Errorf("an idle poll returned %d messages (more %v)", len(p.Messages), p.More)
	}
	if calls := e.fake.Calls() - before; calls != 2 {
		t.Errorf("an idle poll made %d calls, want 2 (conversations and media)", calls)
	}

	// A new message in an old thread brings that thread only.
	e.fake.Clock.Advance(time.Minute)
	conv := e.fake.AddConversation(metafake.Instagram, customer(99))
	e.fake.AddMessage(conv, "नमस्ते, क्या यह उपलब्ध है?", e.fake.Clock.Now(), false)
	p, err = c.Poll(context.Background(), p.Cursor, platforms.PollOptions{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Messages) != 1 || p.Messages[0].Text != "नमस्ते, क्या यह उपलब्ध है?" || p.Messages[0].Direction != platforms.DirectionIn {
		t.Fatalf("incremental poll = %+v, want the one new message", p.Messages)
	}
}

func TestRestartInTheMiddleOfPagingHasNoGapsOrDuplicates(t *testing.T) {
	e := newEnv(t)
	seedIG(e, 17)
	first := e.ig(t, nil)
	p, err := first.Poll(context.Background(), "", platforms.PollOptions{Limit: 6})
	if err != nil || !p.More {
		t.Fatalf("first page: more %v, err %v", p.More, err)
	}
	// A new message arrives while the walk is half done; the app restarts.
	e.fake.Clock.Advance(time.Second)
	late := e.fake.AddConversation(metafake.Instagram, customer(50))
	e.fake.AddMessage(late, "arrived mid-walk", e.fake.Clock.Now(), false)
	second := e.ig(t, nil)
	rest, cursor, _ := syncAll(t, second, p.Cursor, 6)
	all := append(append([]platforms.Message{}, p.Messages...), rest...)
	got := byID(all)
	for _, m := range all {
		if m.ThreadKind == platforms.ThreadDM && got[m.ExternalID].Text != m.Text {
			t.Errorf("message %s changed between pages", m.ExternalID)
		}
	}
	dms := 0
	for _, m := range got {
		if m.ThreadKind == platforms.ThreadDM {
			dms++
		}
	}
	if dms != 17*3 {
		t.Errorf("after the restart %d distinct DMs, want %d", dms, 17*3)
	}
	// The message that came mid-walk is read by the next cycle.
	more, _, _ := syncAll(t, second, cursor, 6)
	found := false
	for _, m := range more {
		if m.Text == "arrived mid-walk" {
			found = true
		}
	}
	if !found {
		t.Error("the message that arrived during the walk was not read by the next cycle")
	}
	if _, early := got[late.Messages[0].ID]; early {
		t.Error("the resumed walk went back to the newest page")
	}
}

func TestMalformedItemsAreSkippedAndTheRestStored(t *testing.T) {
	e := newEnv(t)
	post := seedIG(e, 4)
	bad := e.fake.AddConversation(metafake.Instagram, customer(77))
	e.fake.AddMessage(bad, "broken", t0, false)
	e.fake.CorruptConversation(bad)
	comment := e.fake.AddComment(post, customer(78), "broken comment", t0, "")
	e.fake.CorruptComment(comment.ID)
	p, err := e.ig(t, nil).Poll(context.Background(), "", platforms.PollOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Skipped != 2 {
		t.Errorf("skipped = %d, want 2", p.Skipped)
	}
	if n := len(p.Messages); n != 4*3+61 {
		t.Errorf("stored %d messages, want %d", n, 4*3+61)
	}
}

func TestDeletedCommentIsReported(t *testing.T) {
	e := newEnv(t)
	post := seedIG(e, 1)
	c := e.ig(t, nil)
	_, cursor, _ := syncAll(t, c, "", 0)
	victim := post.Comments[3].ID
	if !e.fake.DeleteComment(victim) {
		t.Fatal("fake: comment not found")
	}
	msgs, _, _ := syncAll(t, c, cursor, 0)
	var deleted []string
	for _, m := range msgs {
		if m.Deleted {
			deleted = append(deleted, m.ExternalID)
		}
	}
	if len(deleted) != 1 || deleted[0] != victim {
		t.Errorf("deleted = %v, want [%s]", deleted, victim)
	}
}

func TestFacebookPageConversationsAndComments(t *testing.T) {
	e := newEnv(t)
	conv := e.fake.AddConversation(metafake.Messenger, metafake.Person{ID: "PSID1", Name: "Ioana Ionescu"})
	e.fake.AddMessage(conv, "Bună! Livrați în Cluj?", t0.Add(-time.Hour), false)
	post := e.fake.AddPost(metafake.Messenger, "Workshop this Saturday", t0.Add(-24*time.Hour))
	top := e.fake.AddComment(post, metafake.Person{ID: "U1", Name: "Meera"}, "क्या मैं आ सकती हूँ?", t0.Add(-2*time.Hour), "")
	e.fake.AddComment(post, e.fake.Page, "Of course!", t0.Add(-time.Hour), top.ID)
	c := e.fb(t, nil)
	info, err := c.Verify(context.Background())
	if err != nil || info.ExternalID != e.fake.Page.ID {
		t.Fatalf("verify = %+v, %v", info, err)
	}
	msgs, _, _ := syncAll(t, c, "", 0)
	got := byID(msgs)
	if len(got) != 3 {
		t.Fatalf("got %d messages, want 3: %+v", len(got), msgs)
	}
	dm := got[conv.Messages[0].ID]
	if dm.ThreadTitle != "Ioana Ionescu" || dm.Author.DisplayName != "Ioana Ionescu" || dm.ThreadKind != platforms.ThreadDM {
		t.Errorf("Messenger message = %+v", dm)
	}
	reply := got[post.Comments[1].ID]
	if reply.ReplyToExternalID != top.ID || reply.Direction != platforms.DirectionOut || reply.ThreadTitle != "Workshop this Saturday" {
		t.Errorf("Page reply = %+v", reply)
	}
}

func TestIdleLoopWaitsForThePollInterval(t *testing.T) {
	e := newEnv(t)
	seedIG(e, 2)
	c := e.ig(t, nil)
	_, cursor, _ := syncAll(t, c, "", 0)
	e.slept()
	before := e.fake.Calls()
	p, err := c.Poll(context.Background(), cursor, platforms.PollOptions{Wait: 25 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if e.fake.Calls() != before || p.Cursor != cursor || len(p.Messages) != 0 {
		t.Errorf("a poll inside the interval made %d calls", e.fake.Calls()-before)
	}
	if s := e.slept(); len(s) != 1 || s[0] != 25*time.Second {
		t.Errorf("slept %v, want [25s]", s)
	}
}
