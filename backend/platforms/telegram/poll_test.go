package telegram_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// ids returns the ExternalID of each message.
func ids(msgs []platforms.Message) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = m.ExternalID
	}
	return out
}

// keys returns "111:from".."111:to", Alice's chat message ids.
func keys(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, "111:"+strconv.Itoa(i))
	}
	return out
}

// poll calls Poll without waiting, failing the test on error.
func poll(t *testing.T, c platforms.Connector, cursor string, limit int) platforms.Page {
	t.Helper()
	p, err := c.Poll(context.Background(), cursor, platforms.PollOptions{Limit: limit})
	if err != nil {
		t.Fatalf("Poll(%q): %v", cursor, err)
	}
	return p
}

// cursorAfter is the cursor that follows update id.
func cursorAfter(id int64) string { return strconv.FormatInt(id+1, 10) }

func TestPollPagingAndIncrementalSync(t *testing.T) {
	srv, c := start(t)
	var last int64
	for i := range 250 {
		last = srv.AddMessage(aliceChat, alice, fmt.Sprintf("message %d", i+1), t0.Add(time.Duration(i)*time.Second))
	}
	first := last - 249
	steps := []struct {
		name       string
		add        int // messages to add before this poll
		wantIDs    []string
		wantMore   bool
		wantCursor string
	}{
		{"page 1", 0, keys(1, 100), true, cursorAfter(first + 99)},
		{"page 2", 0, keys(101, 200), true, cursorAfter(first + 199)},
		{"page 3", 0, keys(201, 250), false, cursorAfter(last)},
		{"caught up", 0, []string{}, false, cursorAfter(last)},
		{"incremental", 3, keys(251, 253), false, cursorAfter(last + 3)},
	}
	cursor := ""
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			for i := range st.add {
				srv.AddMessage(aliceChat, alice, "new "+strconv.Itoa(i), t0)
			}
			p := poll(t, c, cursor, 100)
			if !slices.Equal(ids(p.Messages), st.wantIDs) || p.More != st.wantMore || p.Cursor != st.wantCursor || p.Skipped != 0 {
				t.Fatalf("got %d messages %v… more=%v cursor=%q skipped=%d; want %v… more=%v cursor=%q",
					len(p.Messages), head(ids(p.Messages)), p.More, p.Cursor, p.Skipped, head(st.wantIDs), st.wantMore, st.wantCursor)
			}
			cursor = p.Cursor
		})
	}
}

// head shortens a list for failure messages.
func head(s []string) []string { return s[:min(len(s), 3)] }

// TestPollRestartMidPaging replays a crash between fetching a page and storing
// its cursor: polling again with the old cursor must give the same page, and
// the stored cursors must then cover every message exactly once.
func TestPollRestartMidPaging(t *testing.T) {
	srv, c := start(t)
	for i := range 250 {
		srv.AddMessage(aliceChat, alice, "m"+strconv.Itoa(i), t0)
	}
	var stored []string
	cursor := ""
	for page := 0; ; page++ {
		if page == 3 {
			t.Fatal("more than 3 pages for 250 messages")
		}
		p := poll(t, c, cursor, 100)
		again := poll(t, c, cursor, 100) // the process crashed before storing p
		if !slices.Equal(ids(again.Messages), ids(p.Messages)) || again.Cursor != p.Cursor {
			t.Fatalf("page %d after restart: %v… cursor %q, want %v… cursor %q",
				page, head(ids(again.Messages)), again.Cursor, head(ids(p.Messages)), p.Cursor)
		}
		stored = append(stored, ids(again.Messages)...)
		cursor = again.Cursor
		if !again.More {
			break
		}
	}
	if !slices.Equal(stored, keys(1, 250)) {
		t.Fatalf("stored %d messages, want 111:1..111:250 once each in order", len(stored))
	}
}

func TestPollEditKeepsExternalID(t *testing.T) {
	srv, c := start(t)
	srv.AddMessage(aliceChat, alice, "helo", t0)
	editedAt := t0.Add(time.Minute)
	if _, err := srv.EditMessage(aliceChat.ID, 1, "hello", editedAt); err != nil {
		t.Fatal(err)
	}
	p := poll(t, c, "", 0)
	if len(p.Messages) != 2 {
		t.Fatalf("got %d messages, want the original and its edit", len(p.Messages))
	}
	orig, edit := p.Messages[0], p.Messages[1]
	if orig.ExternalID != "111:1" || orig.EditedAt != nil || orig.Text != "helo" {
		t.Fatalf("original %+v", orig)
	}
	if edit.ExternalID != orig.ExternalID || edit.EditedAt == nil || !edit.EditedAt.Equal(editedAt) ||
		edit.Text != "hello" || !edit.SentAt.Equal(t0) {
		t.Fatalf("edit %+v, want same id, text hello, sent %v, edited %v", edit, t0, editedAt)
	}
}

func TestPollSkipsMalformedUpdates(t *testing.T) {
	tests := []struct {
		name        string
		raw         string
		wantSkipped int
	}{
		{"message is a string", `{"message":"oops"}`, 1},
		{"chat id is a string", `{"message":{"message_id":5,"date":1772366400,"chat":{"id":"111"},"text":"x"}}`, 1},
		{"chat id is an object", `{"message":{"message_id":5,"date":1772366400,"chat":{"id":{"n":1}},"text":"x"}}`, 1},
		{"chat missing", `{"message":{"message_id":5,"date":1772366400,"text":"x"}}`, 1},
		{"message_id missing", `{"message":{"date":1772366400,"chat":{"id":111,"type":"private"},"text":"x"}}`, 1},
		{"date missing", `{"message":{"message_id":5,"chat":{"id":999,"type":"private"},"text":"x"}}`, 1},
		{"text is a number", `{"message":{"message_id":5,"date":1772366400,"chat":{"id":999,"type":"private"},"text":7}}`, 1},
		{"update_id unreadable", `{"update_id":"x","message":{}}`, 1},
		{"not an object", `"oops"`, 1},
		{"null", `null`, 1},
		{"update type we ignore", `{"callback_query":{"id":"1","data":"x"}}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := start(t)
			srv.AddMessage(aliceChat, alice, "before", t0)
			srv.AddRawUpdate(json.RawMessage(tt.raw))
			after := srv.AddMessage(aliceChat, alice, "after", t0)
			p := poll(t, c, "", 0)
			if !slices.Equal(ids(p.Messages), []string{"111:1", "111:2"}) || p.Skipped != tt.wantSkipped || p.Cursor != cursorAfter(after) {
				t.Fatalf("got %v skipped=%d cursor=%q; want [111:1 111:2] skipped=%d cursor=%q",
					ids(p.Messages), p.Skipped, p.Cursor, tt.wantSkipped, cursorAfter(after))
			}
		})
	}
}

func TestPollMovesPastTrailingMalformedUpdate(t *testing.T) {
	srv, c := start(t)
	srv.AddMessage(aliceChat, alice, "fine", t0)
	bad := srv.AddRawUpdate(json.RawMessage(`{"edited_message":{"message_id":"1"}}`))
	p := poll(t, c, "", 0)
	if len(p.Messages) != 1 || p.Skipped != 1 || p.Cursor != cursorAfter(bad) {
		t.Fatalf("got %d messages skipped=%d cursor=%q, want 1, 1, %q", len(p.Messages), p.Skipped, p.Cursor, cursorAfter(bad))
	}
	if p := poll(t, c, p.Cursor, 0); len(p.Messages) != 0 || p.Skipped != 0 || srv.Pending() != 0 {
		t.Fatalf("the malformed update came back: %+v, %d pending", p, srv.Pending())
	}
}

func TestPollLogsSkippedUpdateWithoutSecrets(t *testing.T) {
	var buf bytes.Buffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(prev) })

	srv, c := start(t)
	bad := srv.AddRawUpdate(json.RawMessage(`{"message":{"message_id":1,"date":1,"chat":{"id":"secret chat"},"text":"private words"}}`))
	poll(t, c, "", 0)
	logged := buf.String()
	if !strings.Contains(logged, `"update_id":`+strconv.FormatInt(bad, 10)) {
		t.Fatalf("log %q lacks update_id %d", logged, bad)
	}
	for _, secret := range []string{"test-token-not-real", "private words"} {
		if strings.Contains(logged, secret) {
			t.Fatalf("log %q contains %q", logged, secret)
		}
	}
}

func TestPollRejectsBadCursor(t *testing.T) {
	_, c := start(t)
	_, err := c.Poll(context.Background(), "not-a-number", platforms.PollOptions{})
	wantKind(t, err, platforms.KindPermanent)
}

func TestLongPollReturnsWhenMessageArrives(t *testing.T) {
	srv, c := start(t)
	got := make(chan platforms.Page, 1)
	errs := make(chan error, 1)
	go func() {
		p, err := c.Poll(context.Background(), "", platforms.PollOptions{Wait: 30 * time.Second})
		errs <- err
		got <- p
	}()
	waitPolling(t, srv)
	srv.AddMessage(aliceChat, alice, "are you there?", t0)
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	if p := <-got; !slices.Equal(ids(p.Messages), []string{"111:1"}) {
		t.Fatalf("long poll got %v, want [111:1]", ids(p.Messages))
	}
}

func TestConcurrentPollConflict(t *testing.T) {
	srv, c := start(t)
	errs := make(chan error, 1)
	go func() {
		_, err := c.Poll(context.Background(), "", platforms.PollOptions{Wait: 30 * time.Second})
		errs <- err
	}()
	waitPolling(t, srv)
	_, err := c.Poll(context.Background(), "", platforms.PollOptions{})
	wantKind(t, err, platforms.KindConflict)
	srv.AddMessage(aliceChat, alice, "release the first poll", t0)
	if err := <-errs; err != nil {
		t.Fatalf("first poll: %v", err)
	}
}
