package youtube_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

// Videos of the brand's channel.
var videos = []youtubefake.Video{
	{ID: "vidSpring01", Title: "Spring collection — first look"},
	{ID: "vidGlaze002", Title: "How we glaze our mugs"},
	{ID: "vidStudio03", Title: "Studio tour & Q&A"},
}

// world is what seed put on the fake.
type world struct {
	// all lists every comment a full sync must return.
	all []string
	// thread maps each comment to its thread.
	thread map[string]string
	// out marks the brand's own comments.
	out map[string]bool
	// threads lists the thread ids, oldest first.
	threads []string
	// big is a thread with 205 replies (three comments.list pages).
	big string
	// edited is a top-level comment edited an hour after it was posted.
	edited string
	// at maps each thread to its top-level comment's time.
	at map[string]time.Time
}

// seed adds n threads, spacing apart and ending spacing before the fake's
// clock: every 4th has no reply, then 2 (one by the brand), 7 (more than
// YouTube includes) and 1; thread 5 has 205 replies; thread 0 is about the
// channel itself.
func seed(e *env, n int, spacing time.Duration) world {
	for _, v := range videos {
		e.srv.AddVideo(v.ID, v.Title)
	}
	w := world{thread: map[string]string{}, out: map[string]bool{}, at: map[string]time.Time{}}
	now := e.srv.Now()
	people := []youtubefake.Channel{alice, bob, carol}
	for i := range n {
		at := now.Add(-time.Duration(n-i) * spacing)
		video := videos[i%len(videos)].ID
		if i == 0 {
			video = ""
		}
		th := e.srv.AddThread(video, youtubefake.Comment{Author: people[i%3], Text: text("comment %d on %s", i, video), At: at})
		w.threads = append(w.threads, th)
		w.all = append(w.all, th)
		w.thread[th] = th
		w.at[th] = at
		replies := []int{0, 2, 7, 1}[i%4]
		if i == 5 {
			replies, w.big = 205, th
		}
		for j := range replies {
			author := people[(i+j+1)%3]
			if j == 1 {
				author = e.srv.Self
			}
			r := e.srv.AddReply(th, youtubefake.Comment{Author: author, Text: text("reply %d to %d", j, i), At: at.Add(time.Duration(j+1) * time.Second)})
			w.all = append(w.all, r)
			w.thread[r] = th
			w.out[r] = author.ID == e.srv.Self.ID
		}
	}
	if n > 1 {
		w.edited = w.threads[1]
		if err := e.srv.EditComment(w.edited, "comment 1, edited", w.at[w.edited].Add(time.Hour)); err != nil {
			panic(err)
		}
	}
	return w
}

func TestFirstSyncAcrossPages(t *testing.T) {
	e := start(t, nil)
	w := seed(e, 25, time.Hour)
	var mores []bool
	var got []platforms.Message
	cursor := ""
	for i := 0; i < 10; i++ {
		page, err := e.conn.Poll(ctx, cursor, platforms.PollOptions{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page.Messages...)
		mores = append(mores, page.More)
		cursor = page.Cursor
		if !page.More {
			break
		}
	}
	if len(mores) != 3 || !mores[0] || !mores[1] || mores[2] {
		t.Fatalf("More per page %v, want [true true false]", mores)
	}
	m := byID(got)
	if miss := missing(w.all, m); len(miss) > 0 || len(m) != len(w.all) {
		t.Fatalf("got %d distinct messages, want %d; missing %v", len(m), len(w.all), miss)
	}
	for id, msg := range m {
		if msg.ThreadExternalID != w.thread[id] || msg.ThreadKind != platforms.ThreadComment {
			t.Fatalf("%s: thread %q kind %q, want %q comment", id, msg.ThreadExternalID, msg.ThreadKind, w.thread[id])
		}
		if (msg.Direction == platforms.DirectionOut) != w.out[id] {
			t.Fatalf("%s: direction %s", id, msg.Direction)
		}
		if isReply := id != w.thread[id]; isReply != (msg.ReplyToExternalID == w.thread[id]) {
			t.Fatalf("%s: reply to %q", id, msg.ReplyToExternalID)
		}
		if msg.SentAt.IsZero() || msg.SentAt.Location() != time.UTC {
			t.Fatalf("%s: sent at %v", id, msg.SentAt)
		}
	}
	// The 205 replies of the big thread came through comments.list, 3 pages of 100.
	n := 0
	for _, msg := range m {
		if msg.ThreadExternalID == w.big && msg.ExternalID != w.big {
			n++
		}
	}
	if n != 205 {
		t.Fatalf("big thread has %d replies, want 205", n)
	}
	// Threads with more than 5 replies (every 4th from index 2, and the big one) need comments.list.
	wantReplyCalls := 0
	for i := range 25 {
		switch {
		case i == 5:
			wantReplyCalls += 3
		case i%4 == 2:
			wantReplyCalls++
		}
	}
	if got := e.requests("/comments"); got != wantReplyCalls {
		t.Fatalf("%d comments.list calls, want %d", got, wantReplyCalls)
	}
	if got := e.requests("/videos"); got != 1 {
		t.Fatalf("%d videos.list calls, want 1 (three videos, cached)", got)
	}
	if got := e.requests("/channels"); got != 1 {
		t.Fatalf("%d channels.list calls, want 1", got)
	}
}

func TestMessageMapping(t *testing.T) {
	e := start(t, nil)
	w := seed(e, 8, time.Hour)
	m := byID(drain(t, e.conn, "", 100).msgs)
	tests := []struct {
		name string
		id   string
		want platforms.Message
	}{
		{"comment about the channel is titled with its name", w.threads[0], platforms.Message{
			ThreadTitle: "Brand Studio", Author: platforms.Person{ExternalID: alice.ID, Handle: "@alicedoe", DisplayName: "@alicedoe"},
			Direction: platforms.DirectionIn, Text: "comment 0 on ",
		}},
		{"edited comment on a video; author without handle", w.edited, platforms.Message{
			ThreadTitle: videos[1].Title, Author: platforms.Person{ExternalID: bob.ID, DisplayName: "Bob"},
			Direction: platforms.DirectionIn, Text: "comment 1, edited",
		}},
		{"plain text with ampersand is not escaped", w.threads[3], platforms.Message{
			ThreadTitle: videos[0].Title, Author: platforms.Person{ExternalID: alice.ID, Handle: "@alicedoe", DisplayName: "@alicedoe"},
			Direction: platforms.DirectionIn, Text: "comment 3 on vidSpring01",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := m[tt.id]
			if !ok {
				t.Fatal("not synced")
			}
			if got.ThreadTitle != tt.want.ThreadTitle || got.Author != tt.want.Author || got.Direction != tt.want.Direction || got.Text != tt.want.Text {
				t.Fatalf("got title %q author %+v %s %q, want %q %+v %s %q", got.ThreadTitle, got.Author, got.Direction, got.Text,
					tt.want.ThreadTitle, tt.want.Author, tt.want.Direction, tt.want.Text)
			}
		})
	}
	if e := m[w.edited].EditedAt; e == nil || !e.Equal(m[w.edited].SentAt.Add(time.Hour)) {
		t.Fatalf("edited comment EditedAt %v", e)
	}
	if e := m[w.threads[2]].EditedAt; e != nil {
		t.Fatalf("unedited comment EditedAt %v", e)
	}
	// The brand's reply carries its own channel and is outgoing.
	for id, out := range w.out {
		if out && (m[id].Direction != platforms.DirectionOut || m[id].Author.ExternalID != e.srv.Self.ID) {
			t.Fatalf("own reply %s: %+v", id, m[id])
		}
	}
}

func TestIncrementalSync(t *testing.T) {
	for _, byActivity := range []bool{false, true} {
		name := "threads by top-level comment"
		if byActivity {
			name = "threads by latest reply"
		}
		t.Run(name, func(t *testing.T) {
			e := start(t, nil)
			e.srv.SetOrderByActivity(byActivity)
			w := seed(e, 60, 12*time.Hour) // 30 days of threads; default lookback 24h
			first := drain(t, e.conn, "", 10)
			if len(byID(first.msgs)) != len(w.all) || first.pages != 6 {
				t.Fatalf("first sync: %d messages in %d pages, want %d in 6", len(byID(first.msgs)), first.pages, len(w.all))
			}

			later := t0.Add(time.Hour)
			e.setNow(later)
			recent := w.threads[58] // posted 24h before t0: inside the lookback, 7 replies (58%4 == 2)
			newThread := e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: carol, Text: "new question", At: later.Add(-10 * time.Minute)})
			newReply := e.srv.AddReply(recent, youtubefake.Comment{Author: bob, Text: "late reply", At: later.Add(-5 * time.Minute)})
			if err := e.srv.EditComment(w.threads[59], "edited later", later.Add(-time.Minute)); err != nil {
				t.Fatal(err)
			}
			threadsBefore, repliesBefore := e.requests("/commentThreads"), e.requests("/comments")

			next := drain(t, e.conn, first.cursor, 10)
			m := byID(next.msgs)
			for _, id := range []string{newThread, newReply} {
				if _, ok := m[id]; !ok {
					t.Fatalf("incremental sync missed %s", id)
				}
			}
			if ed := m[w.threads[59]]; ed.Text != "edited later" || ed.EditedAt == nil {
				t.Fatalf("edit not synced: %+v", ed)
			}
			if n := e.requests("/commentThreads") - threadsBefore; n != 1 {
				t.Fatalf("incremental sync read %d thread pages, want 1 (it stops below the lookback)", n)
			}
			// Only the thread whose reply count changed needs comments.list again.
			if n := e.requests("/comments") - repliesBefore; n != 1 {
				t.Fatalf("incremental sync made %d comments.list calls, want 1", n)
			}

			// A quiet cycle reads one page and nothing else.
			threadsBefore, repliesBefore = e.requests("/commentThreads"), e.requests("/comments")
			quiet := drain(t, e.conn, next.cursor, 10)
			if e.requests("/commentThreads")-threadsBefore != 1 || e.requests("/comments") != repliesBefore || quiet.pages != 1 {
				t.Fatalf("quiet cycle: %d thread pages, %d reply calls", e.requests("/commentThreads")-threadsBefore, e.requests("/comments")-repliesBefore)
			}
		})
	}
}

func TestNewReplyOnOldThread(t *testing.T) {
	// Whether YouTube moves a thread up for a new reply is not documented. If
	// it does, any new reply is found; if not, one within the lookback is.
	for _, tt := range []struct {
		name       string
		byActivity bool
		thread     int // index of the thread answered (of 60, 12h apart)
		wantFound  bool
	}{
		{"sorted by reply, thread 20 days old", true, 20, true},
		{"sorted by top-level comment, thread within the lookback", false, 58, true},
		{"sorted by top-level comment, thread 20 days old (known limit)", false, 20, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := start(t, nil)
			e.srv.SetOrderByActivity(tt.byActivity)
			w := seed(e, 60, 12*time.Hour)
			first := drain(t, e.conn, "", 10)
			e.setNow(t0.Add(time.Hour))
			r := e.srv.AddReply(w.threads[tt.thread], youtubefake.Comment{Author: carol, Text: "necro", At: t0.Add(30 * time.Minute)})
			m := byID(drain(t, e.conn, first.cursor, 10).msgs)
			if _, found := m[r]; found != tt.wantFound {
				t.Fatalf("found %v, want %v", found, tt.wantFound)
			}
		})
	}
}

func TestRestartMidPaging(t *testing.T) {
	e := start(t, nil)
	w := seed(e, 30, time.Hour)
	page1, err := e.conn.Poll(ctx, "", platforms.PollOptions{Limit: 10})
	if err != nil || !page1.More {
		t.Fatalf("page 1: more=%v err=%v", page1.More, err)
	}
	got := append([]platforms.Message(nil), page1.Messages...)

	// While the app is down, a new thread arrives at the top and an old thread
	// not yet read is deleted; the next page of the walk must still follow on.
	e.setNow(t0.Add(time.Minute))
	fresh := e.srv.AddThread(videos[2].ID, youtubefake.Comment{Author: bob, Text: "while you were away", At: t0.Add(30 * time.Second)})
	gone := w.threads[25] // on page 1 (newest first): already read
	if err := e.srv.DeleteComment(w.threads[3]); err != nil {
		t.Fatal(err)
	}

	restarted := e.connect(t, nil)
	rest := drain(t, restarted, page1.Cursor, 10)
	got = append(got, rest.msgs...)
	// The next cycle picks up what arrived during the walk.
	got = append(got, drain(t, restarted, rest.cursor, 10).msgs...)

	m := byID(got)
	want := []string{fresh, gone}
	for _, id := range w.all {
		if w.thread[id] != w.threads[3] {
			want = append(want, id)
		}
	}
	if miss := missing(want, m); len(miss) > 0 {
		t.Fatalf("gap after restart: missing %v", miss)
	}

	// Replaying an old cursor only repeats pages (overlap), it skips nothing.
	again := drain(t, e.connect(t, nil), page1.Cursor, 10)
	if miss := missing(ids(rest.msgs), byID(again.msgs)); len(miss) > 0 {
		t.Fatalf("replay from an old cursor missed %v", miss)
	}
}

func TestPageTokenRefusedRestartsWalk(t *testing.T) {
	e := start(t, nil)
	w := seed(e, 25, time.Hour)
	page1, err := e.conn.Poll(ctx, "", platforms.PollOptions{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	e.srv.FailNextWith(1, http.StatusBadRequest, "invalidPageToken", "The request specifies an invalid page token.")
	page2, err := e.conn.Poll(ctx, page1.Cursor, platforms.PollOptions{Limit: 10})
	if err != nil || !page2.More || len(page2.Messages) != 0 {
		t.Fatalf("refused token: %d messages, more=%v, err=%v; want an empty page asking for more", len(page2.Messages), page2.More, err)
	}
	rest := drain(t, e.conn, page2.Cursor, 10)
	m := byID(append(page1.Messages, rest.msgs...))
	if miss := missing(w.all, m); len(miss) > 0 {
		t.Fatalf("missing %v after the walk restarted", miss)
	}
}

func TestMalformedItemsSkippedAndCounted(t *testing.T) {
	e := start(t, nil)
	e.srv.SetIncludedReplies(2)
	e.srv.AddVideo(videos[0].ID, videos[0].Title)
	good := e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: alice, Text: "fine", At: t0.Add(-time.Hour)})
	included := e.srv.AddReply(good, youtubefake.Comment{Author: bob, Text: "r1", At: t0.Add(-50 * time.Minute)})
	okReply := e.srv.AddReply(good, youtubefake.Comment{Author: bob, Text: "r2", At: t0.Add(-40 * time.Minute)})
	fetched := e.srv.AddReply(good, youtubefake.Comment{Author: carol, Text: "r3", At: t0.Add(-30 * time.Minute)})
	okFetched := e.srv.AddReply(good, youtubefake.Comment{Author: carol, Text: "r4", At: t0.Add(-20 * time.Minute)})
	for id, raw := range map[string]string{
		included: `{"kind":"youtube#comment","id":"` + included + `","snippet":{"textDisplay":"no date"}}`,
		fetched:  `{"kind":"youtube#comment","id":"bad id with spaces","snippet":{"publishedAt":"2026-03-01T19:00:00Z"}}`,
	} {
		if err := e.srv.SetRawComment(id, json.RawMessage(raw)); err != nil {
			t.Fatal(err)
		}
	}
	e.srv.AddRawThread(json.RawMessage(`{"kind":"youtube#commentThread","id":"UgxNoSnippet"}`), t0.Add(-2*time.Hour))
	e.srv.AddRawThread(json.RawMessage(`{"kind":"youtube#commentThread","id":"UgxBadTop","snippet":{"topLevelComment":{"id":"UgxBadTop","snippet":{"publishedAt":"yesterday"}}}}`), t0.Add(-3*time.Hour))
	e.srv.AddRawThread(json.RawMessage(`"not an object"`), t0.Add(-4*time.Hour))

	res := drain(t, e.conn, "", 100)
	if res.skipped != 5 {
		t.Fatalf("skipped %d, want 5 (3 threads, 1 included reply, 1 fetched reply)", res.skipped)
	}
	if got, want := ids(res.msgs), sorted([]string{good, okReply, okFetched}); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("messages %v, want %v", got, want)
	}
}

func TestHeldForReview(t *testing.T) {
	for _, tt := range []struct {
		name        string
		extra       map[string]string
		wantHeld    bool
		wantThreads int
	}{
		{"published only by default", nil, false, 1},
		{"held comments with includeHeld: published, held and spam listings", map[string]string{"includeHeld": "1"}, true, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := start(t, tt.extra)
			e.srv.AddVideo(videos[0].ID, videos[0].Title)
			pub := e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: alice, Text: "hello", At: t0.Add(-time.Hour)})
			heldReply := e.srv.AddReply(pub, youtubefake.Comment{Author: bob, Text: "buy followers", At: t0.Add(-50 * time.Minute), Status: youtubefake.StatusHeldForReview})
			heldThread := e.srv.AddThread(videos[0].ID, youtubefake.Comment{Author: carol, Text: "link spam?", At: t0.Add(-30 * time.Minute), Status: youtubefake.StatusHeldForReview})
			res := drain(t, e.conn, "", 100)
			m := byID(res.msgs)
			_, gotReply := m[heldReply]
			_, gotThread := m[heldThread]
			if _, ok := m[pub]; !ok || gotReply != tt.wantHeld || gotThread != tt.wantHeld {
				t.Fatalf("published %v, held reply %v, held thread %v; want held %v", ok, gotReply, gotThread, tt.wantHeld)
			}
			if n := e.requests("/commentThreads"); n != tt.wantThreads {
				t.Fatalf("%d commentThreads calls per cycle, want %d", n, tt.wantThreads)
			}
		})
	}
}

func TestPollPacing(t *testing.T) {
	e := start(t, map[string]string{"pollInterval": "5m"})
	seed(e, 3, time.Hour)
	first := drain(t, e.conn, "", 100)
	calls := len(e.srv.Requests())

	// The engine's loop polls with a wait: before the interval, nothing is sent.
	page, err := e.conn.Poll(ctx, first.cursor, platforms.PollOptions{Wait: time.Millisecond, Limit: 100})
	if err != nil || page.Cursor != first.cursor || page.More || len(page.Messages) != 0 || len(e.srv.Requests()) != calls {
		t.Fatalf("paced poll: %d messages, more=%v, cursor changed=%v, %d requests, err=%v",
			len(page.Messages), page.More, page.Cursor != first.cursor, len(e.srv.Requests())-calls, err)
	}
	// A manual sync (no wait) runs at once.
	if _, err := e.conn.Poll(ctx, first.cursor, platforms.PollOptions{Limit: 100}); err != nil || len(e.srv.Requests()) != calls+1 {
		t.Fatalf("manual poll: %d requests, err=%v", len(e.srv.Requests())-calls, err)
	}
	// After the interval the loop polls again.
	e.setNow(t0.Add(6 * time.Minute))
	if _, err := e.conn.Poll(ctx, first.cursor, platforms.PollOptions{Wait: time.Millisecond, Limit: 100}); err != nil || len(e.srv.Requests()) != calls+2 {
		t.Fatalf("poll after the interval: %d requests, err=%v", len(e.srv.Requests())-calls, err)
	}
}

func TestInvalidCursor(t *testing.T) {
	e := start(t, nil)
	for _, cursor := range []string{"not base64!", "eyJ2Ijo5fQ", strings.Repeat("A", 70000)} {
		_, err := e.conn.Poll(ctx, cursor, platforms.PollOptions{})
		wantKind(t, err, platforms.KindPermanent)
	}
}

func TestHeldStreamFailureDoesNotBlockPublished(t *testing.T) {
	e := start(t, map[string]string{"includeHeld": "1", "heldInterval": "0s"})
	pub := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "hello", At: t0.Add(-time.Hour)})
	e.srv.SetFaultScope("/commentThreads", "moderationStatus=heldForReview")
	e.srv.FailNextWith(1, http.StatusForbidden, "forbidden", "The request is not properly authorized.")
	res := drain(t, e.conn, "", 100)
	if _, ok := byID(res.msgs)[pub]; !ok {
		t.Fatal("published thread not synced while the held stream failed")
	}
	// A transient failure of the held stream is an error like any other.
	e.srv.FailNext(1, http.StatusServiceUnavailable)
	_, err := e.conn.Poll(ctx, res.cursor, platforms.PollOptions{})
	wantKind(t, err, platforms.KindTransient)
}
