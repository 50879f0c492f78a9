//go:build peers

package mastodon

// The peer test runs the real connector against a real Mastodon-API server
// on loopback (scripts/test-peers.sh starts GoToSocial and sets the
// environment). Without the environment it is skipped.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// peerEnv is what scripts/test-peers.sh tells the test.
type peerEnv struct {
	// base is the address the connector talks to (http://127.0.0.1:<port>).
	base string
	// host is the server's own idea of its name (localhost:<port>), which it
	// writes into Link headers.
	host              string
	emailA, passwordA string
	emailB, passwordB string
	rateLimit         int
}

// loadPeerEnv reads the environment or skips the test.
func loadPeerEnv(t *testing.T) peerEnv {
	t.Helper()
	env := peerEnv{base: os.Getenv("PEERS_MASTODON_URL"), host: os.Getenv("PEERS_MASTODON_HOST")}
	var okA, okB bool
	env.emailA, env.passwordA, okA = strings.Cut(os.Getenv("PEERS_MASTODON_A"), ":")
	env.emailB, env.passwordB, okB = strings.Cut(os.Getenv("PEERS_MASTODON_B"), ":")
	if env.base == "" || env.host == "" || !okA || !okB {
		t.Skip("no peer server: run scripts/test-peers.sh (make test-peers)")
	}
	env.rateLimit, _ = strconv.Atoi(os.Getenv("PEERS_MASTODON_RATE_LIMIT"))
	return env
}

// syncAll polls from cursor until the connector reports no further page and
// returns the messages by external id, the new cursor and the number of polls.
func syncAll(t *testing.T, c *connector, cursor string, limit int) (map[string]platforms.Message, string, int) {
	t.Helper()
	got := map[string]platforms.Message{}
	for polls := 1; ; polls++ {
		page, err := c.Poll(context.Background(), cursor, platforms.PollOptions{Limit: limit})
		if err != nil {
			t.Fatalf("poll %d: %v", polls, err)
		}
		if page.Skipped != 0 {
			t.Errorf("poll %d skipped %d items of a real server", polls, page.Skipped)
		}
		for _, m := range page.Messages {
			got[m.ExternalID] = m
		}
		cursor = page.Cursor
		if !page.More {
			return got, cursor, polls
		}
		if polls > 60 {
			t.Fatal("sync does not end")
		}
	}
}

// settle waits until the server has processed statuses in the background
// (GoToSocial files conversations and notifications asynchronously, a few
// milliseconds after the status is created): each of lastStatuses is the last
// status of one of c's conversations and each of mentioned came as a mention
// notification. A real client simply sees them on its next sync; the test
// waits so that it can compare one sync with what was posted.
func settle(t *testing.T, c *connector, lastStatuses, mentioned []string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		have := map[string]bool{}
		convs := apiGet[[]struct {
			LastStatus *struct{ ID apiID } `json:"last_status"`
		}](t, c, "/api/v1/conversations?limit=40")
		for _, cv := range convs {
			if cv.LastStatus != nil {
				have[string(cv.LastStatus.ID)] = true
			}
		}
		notes := apiGet[[]struct {
			Status *struct{ ID apiID } `json:"status"`
		}](t, c, "/api/v1/notifications?limit=40")
		for _, n := range notes {
			if n.Status != nil {
				have[string(n.Status.ID)] = true
			}
		}
		missing := 0
		for _, id := range append(append([]string(nil), lastStatuses...), mentioned...) {
			if !have[id] {
				missing++
			}
		}
		if missing == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not file %d of the new statuses within 15 s", missing)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// publish posts a status as c and returns its id.
func publish(t *testing.T, c *connector, text, visibility string) string {
	t.Helper()
	sent, err := c.Publish(context.Background(), platforms.Post{Text: text, Visibility: visibility})
	if err != nil {
		t.Fatalf("publish %q: %v", text, err)
	}
	return sent.ExternalID
}

// apiGet reads a list of the account's own (blocks, mutes, reports) through
// the connector's client.
func apiGet[T any](t *testing.T, c *connector, path string) T {
	t.Helper()
	var out T
	if _, err := c.do(context.Background(), request{op: path, method: http.MethodGet, path: path, read: true}, &out); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return out
}

// wantPermanentWithoutRequest checks that err is permanent and that the
// connector sent nothing since mark.
func wantPermanentWithoutRequest(t *testing.T, what string, err error, rec *recorder, mark int) {
	t.Helper()
	if platforms.KindOf(err) != platforms.KindPermanent {
		t.Errorf("%s: error %v, want a permanent error", what, err)
	}
	for _, e := range rec.since(mark) {
		if e.Method != http.MethodGet {
			t.Errorf("%s: sent %s %s", what, e.Method, e.URL.Path)
		}
	}
}

func TestPeerGoToSocial(t *testing.T) {
	env := loadPeerEnv(t)
	ctx := context.Background()

	a, recA := peerConnector(t, env.base, peerSignIn(t, env.base, env.emailA, env.passwordA))
	b, _ := peerConnector(t, env.base, peerSignIn(t, env.base, env.emailB, env.passwordB))
	infoA, err := a.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	infoB, err := b.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if infoA.Handle != "alice" || infoB.Handle != "bob" || infoA.ExternalID == infoB.ExternalID {
		t.Fatalf("accounts %+v and %+v, want alice and bob", infoA, infoB)
	}

	// Bob writes to Alice: direct messages, each starting its own thread, and
	// public posts that mention her. The texts carry what HTML must escape
	// and a paragraph break.
	const dmCount, mentionCount = 5, 6
	dmText := func(i int) string { return fmt.Sprintf("@alice DM %d: fish & chips <3 \"quoted\"", i) }
	mentionText := func(i int) string { return fmt.Sprintf("@alice mention %d\n\nsecond paragraph & more", i) }
	var dms, mentions []string
	for i := range dmCount {
		dms = append(dms, publish(t, b, dmText(i), "direct"))
	}
	for i := range mentionCount {
		mentions = append(mentions, publish(t, b, mentionText(i), "public"))
	}

	settle(t, a, dms, mentions)

	var cursor string
	known := map[string]bool{}
	t.Run("first sync across several pages", func(t *testing.T) {
		mark := recA.mark()
		got, next, polls := syncAll(t, a, "", 2)
		cursor = next
		for id := range got {
			known[id] = true
		}
		threads := map[string]bool{}
		for i, id := range dms {
			m, ok := got[id]
			if !ok {
				t.Errorf("DM %d (%s) not synced", i, id)
				continue
			}
			if m.ThreadKind != platforms.ThreadDM || m.Direction != platforms.DirectionIn || m.Author.ExternalID != infoB.ExternalID {
				t.Errorf("DM %d mapped as %+v", i, m)
			}
			if m.Text != dmText(i) {
				t.Errorf("DM %d text %q, want %q (HTML turned into the text as written)", i, m.Text, dmText(i))
			}
			threads[m.ThreadExternalID] = true
		}
		if len(threads) != dmCount {
			t.Errorf("%d DMs that each start a thread came in %d conversations, want one each", dmCount, len(threads))
		}
		for i, id := range mentions {
			m, ok := got[id]
			if !ok {
				t.Errorf("mention %d (%s) not synced", i, id)
				continue
			}
			if m.ThreadKind != platforms.ThreadComment || m.ThreadExternalID != id || m.Author.Handle != "bob" {
				t.Errorf("mention %d mapped as %+v", i, m)
			}
			if m.Text != mentionText(i) {
				t.Errorf("mention %d text %q, want %q", i, m.Text, mentionText(i))
			}
		}
		if len(got) != dmCount+mentionCount {
			t.Errorf("synced %d messages, want %d", len(got), dmCount+mentionCount)
		}
		convs := 0
		for _, e := range recA.since(mark) {
			if e.URL.Path == "/api/v1/conversations" {
				convs++
			}
		}
		if convs < 3 || polls < 3 {
			t.Errorf("%d conversation pages in %d polls, want several (5 conversations, 2 a page)", convs, polls)
		}
		t.Logf("first sync: %d polls, %d conversation requests", polls, convs)
	})

	t.Run("Link headers name the server's own host and are followed on ours", func(t *testing.T) {
		baseHost := mustURL(t, env.base).Host
		links := 0
		for _, e := range recA.exchanges("/api/v1/") {
			if e.URL.Host != baseHost {
				t.Errorf("request went to %s, want %s", e.URL.Host, baseHost)
			}
			for _, l := range e.Links {
				links++
				if !strings.Contains(l, "://"+env.host+"/") {
					t.Errorf("Link %q does not name the server's host %s", l, env.host)
				}
			}
		}
		if links == 0 {
			t.Fatal("the server sent no Link header")
		}
		if env.host == baseHost {
			t.Fatal("the script should give the server a host name other than the address used")
		}
	})

	t.Run("the walk back ends on a last page", func(t *testing.T) {
		var empty, lastWithoutNext int
		for _, e := range recA.exchanges("/api/v1/") {
			if e.URL.Query().Get("max_id") == "" {
				continue
			}
			if e.Empty {
				empty++
			}
			if !hasRel(e.Links, "next") {
				lastWithoutNext++
			}
		}
		t.Logf("older pages answered with an empty list: %d; older pages without a next link: %d", empty, lastWithoutNext)
		// GoToSocial, like Mastodon, writes a next link on every non-empty
		// page, so each walk ends with a request answered by [].
		if empty == 0 {
			t.Error("no older page answered with an empty list")
		}
	})

	var aReply string
	t.Run("reply in a DM thread", func(t *testing.T) {
		{
			page, err := a.Poll(ctx, cursor, platforms.PollOptions{Limit: 40})
			if err != nil {
				t.Fatal(err)
			}
			// Items younger than the settle window may come again; nothing new may.
			for _, m := range page.Messages {
				if !known[m.ExternalID] {
					t.Errorf("a poll with nothing new returned %s", m.ExternalID)
				}
			}
			if page.More {
				t.Error("a poll with nothing new reports more")
			}
			cursor = page.Cursor
		}
		// The conversation of the first DM, as the first sync mapped it.
		got, _, _ := syncAll(t, a, "", 40)
		convo := got[dms[0]].ThreadExternalID
		sent, err := a.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: convo, ThreadKind: platforms.ThreadDM, Text: "Thanks Bob, noted!"})
		if err != nil {
			t.Fatalf("send: %v", err)
		}
		aReply = sent.ExternalID
		st, err := b.lookupStatus(ctx, "check", aReply)
		if err != nil {
			t.Fatalf("Bob cannot read Alice's reply: %v", err)
		}
		if st.Visibility != "direct" || string(st.Account.ID) != infoA.ExternalID || string(st.InReplyToID) == "" {
			t.Errorf("reply is %+v, want a direct status by Alice answering the thread", st)
		}
		if text := st.text(); !strings.HasPrefix(text, "@bob ") || !strings.HasSuffix(text, "Thanks Bob, noted!") {
			t.Errorf("reply text %q, want Bob addressed first", text)
		}
	})

	var aComment string
	t.Run("reply to a mention", func(t *testing.T) {
		sent, err := a.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: mentions[0], ThreadKind: platforms.ThreadComment, Text: "Glad you liked it"})
		if err != nil {
			t.Fatalf("send: %v", err)
		}
		aComment = sent.ExternalID
		st, err := b.lookupStatus(ctx, "check", aComment)
		if err != nil {
			t.Fatal(err)
		}
		if st.Visibility != "public" || string(st.InReplyToID) != mentions[0] || !strings.HasPrefix(st.text(), "@bob ") {
			t.Errorf("comment reply is %+v (%q)", st, st.text())
		}
	})

	t.Run("incremental sync", func(t *testing.T) {
		// Bob answers Alice's DM reply in the same thread and mentions her once more.
		settle(t, b, []string{aReply}, []string{aComment})
		bobSide, _, _ := syncAll(t, b, "", 40)
		seen, ok := bobSide[aReply]
		if !ok || seen.Direction != platforms.DirectionIn || seen.ThreadKind != platforms.ThreadDM {
			t.Fatalf("Bob's sync has Alice's reply as %+v (found %v)", seen, ok)
		}
		sent, err := b.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: seen.ThreadExternalID, ThreadKind: platforms.ThreadDM,
			ReplyToExternalID: aReply, Text: "One more question"})
		if err != nil {
			t.Fatal(err)
		}
		followUp := sent.ExternalID
		newMention := publish(t, b, "@alice a new mention", "public")
		settle(t, a, []string{followUp}, []string{newMention})

		mark := recA.mark()
		got, next, _ := syncAll(t, a, cursor, 2)
		cursor = next
		m, ok := got[followUp]
		if !ok {
			t.Fatalf("incremental sync missed Bob's follow-up; got %d messages", len(got))
		}
		first, _, _ := syncAll(t, a, "", 40)
		if m.ThreadExternalID != first[dms[0]].ThreadExternalID {
			t.Errorf("follow-up in conversation %s, want the first DM's %s (one conversation per thread)", m.ThreadExternalID, first[dms[0]].ThreadExternalID)
		}
		if m.ReplyToExternalID != aReply || m.Text != "@alice One more question" {
			t.Errorf("follow-up mapped as %+v", m)
		}
		if own, ok := got[aReply]; !ok || own.Direction != platforms.DirectionOut {
			t.Errorf("the thread's earlier reply by Alice came as %+v (found %v), want outgoing", own, ok)
		}
		if _, ok := got[newMention]; !ok {
			t.Error("incremental sync missed the new mention")
		}
		// Besides the new statuses, only what the first sync saw (or Alice
		// wrote) may come again: the statuses younger than the settle window.
		for id := range got {
			if id != followUp && id != newMention && !known[id] && id != aReply && id != aComment {
				t.Errorf("incremental sync returned %s, neither new nor seen before", id)
			}
		}
		forward := false
		for _, e := range recA.since(mark) {
			if e.URL.Query().Get("min_id") != "" {
				forward = true
			}
		}
		if !forward {
			t.Error("incremental sync did not page forward with min_id")
		}
	})

	t.Run("length limit of the instance", func(t *testing.T) {
		limit, err := a.MaxCharacters(ctx)
		if err != nil || limit != 600 {
			t.Fatalf("MaxCharacters = %d, %v; the script configures 600", limit, err)
		}
		mark := recA.mark()
		_, err = a.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: mentions[1], ThreadKind: platforms.ThreadComment, Text: strings.Repeat("x", 601)})
		wantPermanentWithoutRequest(t, "too long", err, recA, mark)
	})

	t.Run("moderation", func(t *testing.T) {
		mark := recA.mark()
		err := a.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: mentions[1]})
		wantPermanentWithoutRequest(t, "hide", err, recA, mark)

		mark = recA.mark()
		err = a.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: mentions[1]})
		wantPermanentWithoutRequest(t, "delete someone else's status", err, recA, mark)

		if err := a.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateReport, TargetExternalID: mentions[1], Reason: "peer test report"}); err != nil {
			t.Fatalf("report: %v", err)
		}
		reports := apiGet[[]struct {
			Comment   string  `json:"comment"`
			StatusIDs []apiID `json:"status_ids"`
			Target    struct {
				ID apiID `json:"id"`
			} `json:"target_account"`
		}](t, a, "/api/v1/reports")
		if len(reports) != 1 || reports[0].Comment != "peer test report" || string(reports[0].Target.ID) != infoB.ExternalID ||
			len(reports[0].StatusIDs) != 1 || string(reports[0].StatusIDs[0]) != mentions[1] {
			t.Errorf("reports on the server: %+v", reports)
		}

		if err := a.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateMute, AuthorExternalID: infoB.ExternalID}); err != nil {
			t.Fatalf("mute: %v", err)
		}
		if mutes := apiGet[[]apiAccount](t, a, "/api/v1/mutes"); len(mutes) != 1 || string(mutes[0].ID) != infoB.ExternalID {
			t.Errorf("mutes on the server: %+v", mutes)
		}

		// Block finds the author from the status.
		if err := a.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateBlock, TargetExternalID: mentions[2]}); err != nil {
			t.Fatalf("block: %v", err)
		}
		if blocks := apiGet[[]apiAccount](t, a, "/api/v1/blocks"); len(blocks) != 1 || string(blocks[0].ID) != infoB.ExternalID {
			t.Errorf("blocks on the server: %+v", blocks)
		}

		mark = recA.mark()
		err = a.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateBlock, AuthorExternalID: infoA.ExternalID})
		wantPermanentWithoutRequest(t, "block oneself", err, recA, mark)

		if err := a.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: aComment}); err != nil {
			t.Fatalf("delete own status: %v", err)
		}
		// GoToSocial accepts the DELETE at once and removes the status in
		// the background.
		for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			_, err := a.lookupStatus(ctx, "check", aComment)
			if gone(err) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("deleted status still readable after 15 s: %v", err)
			}
		}
		if err := a.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateDelete, TargetExternalID: aComment}); err != nil {
			t.Errorf("deleting a status that is gone: %v, want success", err)
		}
	})

	t.Run("rate limit without Retry-After", func(t *testing.T) {
		if env.rateLimit <= 0 {
			t.Skip("PEERS_MASTODON_RATE_LIMIT not set")
		}
		remaining, limit, reset := a.RateLimit()
		if limit != env.rateLimit || remaining < 0 || remaining >= limit || reset.IsZero() {
			t.Fatalf("RateLimit() = %d, %d, %v; want the configured limit %d, some used", remaining, limit, reset, env.rateLimit)
		}
		if h, ok := a.Headroom(); !ok || h.Limit != int64(limit) || h.Used < 1 {
			t.Errorf("Headroom() = %+v, %v", h, ok)
		}
		// Use up what is left of the window, then poll.
		var err error
		for i := 0; i <= remaining+5 && err == nil; i++ {
			_, err = a.do(ctx, request{op: "burn", method: http.MethodGet, path: "/api/v1/accounts/verify_credentials", read: true}, nil)
		}
		if platforms.KindOf(err) != platforms.KindRateLimited {
			t.Fatalf("after %d calls: %v, want rate limited", remaining, err)
		}
		_, err = a.Poll(ctx, cursor, platforms.PollOptions{Limit: 2})
		var pe *platforms.Error
		if !errors.As(err, &pe) || pe.Kind != platforms.KindRateLimited || pe.Code != http.StatusTooManyRequests {
			t.Fatalf("poll when limited: %v, want a 429 rate-limit error", err)
		}
		// The server's window is 5 minutes; the wait comes from X-RateLimit-Reset.
		if pe.RetryAfter < time.Second || pe.RetryAfter > 5*time.Minute+time.Second {
			t.Errorf("RetryAfter %v, want the time until the window resets (at most 5 min)", pe.RetryAfter)
		}
		t.Logf("rate limited; the connector waits %v", pe.RetryAfter)
	})
}

// hasRel reports whether one of the Link headers has a link of rel.
func hasRel(links []string, rel string) bool {
	for _, l := range links {
		h := http.Header{"Link": {l}}
		pl := parseLinks(h)
		if rel == "next" && pl.next != nil || rel == "prev" && pl.prev != nil {
			return true
		}
	}
	return false
}

// mustURL parses a URL the script gave.
func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
