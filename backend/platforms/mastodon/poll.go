package mastodon

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// maxLimit is the most conversations or notifications asked for in one request.
const maxLimit = 40

// stream is one of the two lists Poll follows.
type stream struct {
	// name is the stream's name in errors and logs.
	name string
	path string
	// filters are the stream's own query parameters, besides limit and paging.
	filters func(c *connector) url.Values
	// process maps a page's items, appending messages with add. It returns how
	// many items it could not decode and the pagination keys it read with
	// their times (see pageKeys).
	process func(c *connector, ctx context.Context, raws []json.RawMessage, self string, add func(platforms.Message)) (skipped int, keys pageKeys, err error)
}

// The streams, in the order Poll reads them.
var (
	conversationsStream = stream{
		name:    "conversations",
		path:    "/api/v1/conversations",
		filters: func(*connector) url.Values { return url.Values{} },
		process: (*connector).conversationMessages,
	}
	mentionsStream = stream{
		name: "mentions",
		path: "/api/v1/notifications",
		filters: func(c *connector) url.Values {
			q := url.Values{"types[]": {"mention"}}
			if c.includeFiltered {
				q.Set("include_filtered", "true")
			}
			return q
		},
		process: (*connector).mentionMessages,
	}
)

// Poll reads one page of each stream after cursor ("" starts with the newest
// page and then walks back through all history the instance keeps): direct
// conversations, each as its last status plus the direct statuses above it in
// its thread (ThreadKind dm, ThreadExternalID the conversation id), and mention
// notifications, each as a comment on the post it answers. opts.Limit (at most
// 40) is the number of conversations and of notifications asked for, so a page
// holds more messages than that when threads have several statuses. opts.Wait
// is ignored: Mastodon has no long polling (its streaming API is not used).
// More reports that either stream has a further page now.
//
// The page may repeat messages an earlier page returned (a thread's earlier
// statuses come again with each new status, which also brings their edits);
// the store is idempotent on ExternalID. A status that is deleted simply stops
// appearing. Persist the page and its cursor together: polling with an older
// cursor repeats requests (overlap), never skips.
func (c *connector) Poll(ctx context.Context, cursor string, opts platforms.PollOptions) (platforms.Page, error) {
	st, err := decodeCursor(cursor)
	if err != nil {
		return platforms.Page{}, err
	}
	self, err := c.selfID(ctx)
	if err != nil {
		return platforms.Page{}, err
	}
	limit := opts.Limit
	if limit <= 0 || limit > maxLimit {
		limit = maxLimit
	}
	var page platforms.Page
	seen := map[string]bool{}
	add := func(m platforms.Message) {
		if !seen[m.ExternalID] {
			seen[m.ExternalID] = true
			page.Messages = append(page.Messages, m)
		}
	}
	for _, s := range []struct {
		stream
		state *streamState
	}{{conversationsStream, &st.DM}, {mentionsStream, &st.Mentions}} {
		skipped, more, err := c.pollStream(ctx, s.stream, s.state, limit, self, add)
		if err != nil {
			return platforms.Page{}, err
		}
		page.Skipped += skipped
		page.More = page.More || more
	}
	page.Cursor = st.encode()
	return page, nil
}

// walkMode is what the next request of a stream does.
type walkMode int

const (
	// walkNewest fetches the newest page, starting the first sync.
	walkNewest walkMode = iota
	// walkBack fetches the next older page of the first sync.
	walkBack
	// walkForward fetches the items immediately newer than Top.
	walkForward
)

// pollStream fetches one page of s and moves st past it.
func (c *connector) pollStream(ctx context.Context, s stream, st *streamState, limit int, self string, add func(platforms.Message)) (int, bool, error) {
	q := s.filters(c)
	q.Set("limit", strconv.Itoa(limit))
	mode := walkNewest
	switch {
	case st.Started && st.Back != "":
		mode = walkBack
		q.Set("max_id", st.Back)
	case st.Started:
		mode = walkForward
		if st.Top != "" {
			q.Set("min_id", st.Top)
		}
	}
	var raws []json.RawMessage
	h, err := c.do(ctx, request{op: s.name, method: http.MethodGet, path: s.path, query: q, read: true}, &raws)
	settled := serverNow(h, time.Now()).Add(-settleWindow)
	if err != nil {
		if notOffered(err) {
			slog.Default().LogAttrs(ctx, slog.LevelWarn, "mastodon: instance does not offer a stream",
				slog.String("platform", Platform), slog.String("stream", s.name))
			return 0, false, nil
		}
		return 0, false, err
	}
	skipped, keys, err := s.process(c, ctx, raws, self, add)
	if err != nil {
		return 0, false, err
	}
	var more bool
	*st, more = advance(*st, mode, parseLinks(h), len(raws), keys.top(settled), limit)
	return skipped, more, nil
}

// settleWindow is how long after an item's time the connector still expects
// items with smaller keys to appear. Servers file conversations and
// notifications in background jobs (GoToSocial's workers, Mastodon's
// Sidekiq), several at once: a direct status keeps the id it got when it was
// posted, so its conversation can show up after a newer one, below a min_id
// the connector already moved past. Only items older than this window move
// the forward position at the head of a stream; newer ones are fetched again
// on the next poll (overlap, which the store absorbs), never skipped.
const settleWindow = 2 * time.Minute

// pageKeys are the pagination keys of a page's items (conversations: their
// last status ids; notifications: their ids) with the items' times.
type pageKeys struct {
	// newest is the largest key; oldest the smallest.
	newest, oldest string
	// times are the items' times, by key (the zero time when an item has no
	// usable time: it counts as settled).
	times map[string]time.Time
}

// note records one item's key and time.
func (k *pageKeys) note(key string, at time.Time) {
	if k.times == nil {
		k.times = map[string]time.Time{}
	}
	k.times[key] = at
	k.newest = maxID(k.newest, key)
	if k.oldest == "" || idLess(key, k.oldest) {
		k.oldest = key
	}
}

// top resolves the keys against settled, the time before which items count
// as settled.
func (k pageKeys) top(settled time.Time) headKeys {
	h := headKeys{newest: k.newest, oldest: k.oldest}
	for key, at := range k.times {
		if (at.IsZero() || !at.After(settled)) && idLess(h.settled, key) {
			h.settled = key
		}
	}
	return h
}

// headKeys say where the forward position may move after a page.
type headKeys struct {
	// newest and oldest are the page's largest and smallest keys (newest is
	// used when the server sends no Link header).
	newest, oldest string
	// settled is the largest key of a settled item, "" when none is.
	settled string
}

// notOffered reports a 404 on a list endpoint: the server does not implement
// it (Verify has already proved the base URL and token right).
func notOffered(err error) bool {
	var pe *platforms.Error
	return errors.As(err, &pe) && pe.Kind == platforms.KindPermanent && pe.Code == http.StatusNotFound
}

// advance moves a stream's state past a page of n items fetched in mode and
// reports whether a further page is available now.
//
// At the head of a stream (the newest page of the first sync, or a forward
// page that is not full) Top moves only as far as the newest settled item, so
// items filed late below the newest ones are still fetched; a full forward
// page moves Top to its newest item, as more pages follow at once.
func advance(st streamState, mode walkMode, links pageLinks, n int, keys headKeys, limit int) (streamState, bool) {
	if n == 0 {
		// An empty newest page leaves the stream unstarted; an empty older page
		// ends the first walk (a last page's "next" often returns []); an empty
		// forward page means nothing new.
		if mode == walkBack {
			st.Back = ""
			return st, true // items that arrived during the walk wait above Top
		}
		return st, false
	}
	top := links.prev.Get("min_id")
	if top == "" {
		top = keys.newest
	}
	switch {
	case keys.newest == "":
		// Nothing readable on the page: go by the Link header.
	case mode == walkNewest && keys.settled != "":
		top = keys.settled
	case mode == walkNewest:
		top = keys.oldest // nothing settled yet: the whole page comes again
	case mode == walkForward && n < limit:
		top = keys.settled // "" keeps Top where it is
	}
	switch mode {
	case walkNewest:
		st.Started, st.Top, st.Back = true, top, links.next.Get("max_id")
		return st, st.Back != ""
	case walkBack:
		next := links.next.Get("max_id")
		if next == st.Back {
			next = "" // the server ignored max_id; stop instead of looping
		}
		st.Back = next
		// When the walk ends, a forward page may already hold what arrived meanwhile.
		return st, true
	default:
		if top == "" || !idLess(st.Top, top) {
			return st, false // no progress (the server ignored min_id, or nothing settled yet)
		}
		st.Top = top
		return st, n >= limit
	}
}

// idLess orders ids: shorter numbers first, else bytewise (Mastodon snowflakes
// and ULIDs both sort this way).
func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// maxID returns the larger of two ids ("" is smallest).
func maxID(a, b string) string {
	if idLess(a, b) {
		return b
	}
	return a
}

// conversationMessages maps a page of conversations: each conversation's last
// status and the direct statuses above it in its thread.
func (c *connector) conversationMessages(ctx context.Context, raws []json.RawMessage, self string, add func(platforms.Message)) (int, pageKeys, error) {
	skipped, keys := 0, pageKeys{}
	for _, raw := range raws {
		var conv apiConversation
		if err := json.Unmarshal(raw, &conv); err != nil || !validID(string(conv.ID)) {
			skipped++
			logSkipped(ctx, "conversations", readID(raw), errOr(err, "conversation without a usable id"))
			continue
		}
		if len(conv.LastStatus) == 0 || string(conv.LastStatus) == "null" {
			continue
		}
		last, err := decodeStatus(conv.LastStatus)
		if err != nil {
			skipped++
			logSkipped(ctx, "conversations", string(conv.ID), err)
			continue
		}
		at, _ := parseTime(last.CreatedAt)
		keys.note(string(last.ID), at)
		if last.Visibility != "direct" {
			continue
		}
		th := thread{id: string(conv.ID), kind: platforms.ThreadDM, title: conversationTitle(conv.Accounts, self)}
		if last.InReplyToID != "" {
			ancestors, bad, err := c.ancestors(ctx, string(last.ID))
			if err != nil {
				return 0, pageKeys{}, err
			}
			skipped += bad
			for _, a := range ancestors {
				if a.Visibility == "direct" {
					add(a.message(self, th))
				}
			}
		}
		add(last.message(self, th))
	}
	return skipped, keys, nil
}

// mentionMessages maps a page of notifications: each mention becomes a comment.
// Direct statuses also notify as mentions; they belong to the conversations
// stream and are left out here.
func (c *connector) mentionMessages(ctx context.Context, raws []json.RawMessage, self string, add func(platforms.Message)) (int, pageKeys, error) {
	skipped, keys := 0, pageKeys{}
	for _, raw := range raws {
		var n apiNotification
		if err := json.Unmarshal(raw, &n); err != nil || !validID(string(n.ID)) {
			skipped++
			logSkipped(ctx, "mentions", readID(raw), errOr(err, "notification without a usable id"))
			continue
		}
		at, _ := parseTime(n.CreatedAt)
		keys.note(string(n.ID), at)
		if n.Type != "mention" || len(n.Status) == 0 || string(n.Status) == "null" {
			continue
		}
		st, err := decodeStatus(n.Status)
		if err != nil {
			skipped++
			logSkipped(ctx, "mentions", string(n.ID), err)
			continue
		}
		if st.Visibility == "direct" {
			continue
		}
		th, err := c.commentThread(ctx, st)
		if err != nil {
			return 0, pageKeys{}, err
		}
		add(st.message(self, th))
	}
	return skipped, keys, nil
}

// conversationTitle names a conversation after its other members.
func conversationTitle(accounts []apiAccount, self string) string {
	var names []string
	for i := range accounts {
		a := &accounts[i]
		if string(a.ID) == self {
			continue
		}
		if n := a.name(); n != "" {
			names = append(names, n)
		} else if h := a.handle(); h != "" {
			names = append(names, "@"+h)
		}
	}
	return strings.Join(names, ", ")
}

// errOr returns err, or an error with msg when err is nil.
func errOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return errString(msg)
}

// errString is a constant error text.
type errString string

func (e errString) Error() string { return string(e) }

// logSkipped records an item that could not be decoded, never its content.
func logSkipped(ctx context.Context, streamName, id string, err error) {
	attrs := []slog.Attr{slog.String("platform", Platform), slog.String("stream", streamName), slog.String("error", err.Error())}
	if id != "" {
		attrs = append(attrs, slog.String("id", id))
	}
	slog.Default().LogAttrs(ctx, slog.LevelWarn, "mastodon: skipped malformed item", attrs...)
}
