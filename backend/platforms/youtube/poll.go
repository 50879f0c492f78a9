package youtube

import (
	"context"
	"log/slog"
	"net/url"
	"slices"
	"strconv"
	"time"

	"creatordesk/backend/platforms"
)

const (
	// maxThreads is the most threads one commentThreads.list call returns.
	maxThreads = 100
	// maxReplyPages bounds the comments.list pages read for one thread
	// (100,000 replies), so a server that keeps answering cannot loop forever.
	maxReplyPages = 1000
)

// stream is one of the walks Poll follows.
type stream struct {
	// name is the stream's name in errors and logs.
	name string
	// status is the moderationStatus parameter; "" lists published threads.
	status string
	state  *streamState
}

// Poll reads one page of commentThreads.list (1 unit) for each stream: the
// published threads and, with ExtraIncludeHeld, the threads held for review.
// Each thread becomes its top-level comment and its replies (ThreadKind
// comment, ThreadExternalID the top-level comment's id, ThreadTitle the
// video's title). When a thread carries fewer replies than its
// totalReplyCount, the rest come from comments.list (1 unit per 100 replies);
// a later walk fetches them again only when the count changed. Titles of
// videos not seen before come from videos.list (1 unit per 50 videos).
// opts.Limit (at most 100) is the number of threads per page.
//
// The first cycle walks every page (More stays true until it ends); later
// cycles walk down to the reply lookback below the newest activity already
// seen (see streamState). With opts.Wait > 0, as the engine's loop polls, a
// new cycle starts at most every poll interval: until then Poll waits up to
// opts.Wait and returns an empty page without spending quota. With
// opts.Wait == 0 (a manual sync) a cycle starts at once.
//
// Pages may repeat messages (every walk re-reads its newest threads); the
// store is idempotent on ExternalID and applies edits (EditedAt). Persist each
// page with its cursor: a restart resumes the walk in progress, and an older
// cursor only repeats requests. Known limits, from YouTube's API: deleted
// comments are not reported, and a new reply or edit on a thread older than
// the lookback is not seen if YouTube sorts threads by their top-level comment.
func (c *connector) Poll(ctx context.Context, cursor string, opts platforms.PollOptions) (platforms.Page, error) {
	st, err := decodeCursor(cursor)
	if err != nil {
		return platforms.Page{}, err
	}
	streams := []stream{{name: "published", state: &st.Pub}}
	if c.includeHeld {
		streams = append(streams,
			stream{name: "held", status: statusHeld, state: &st.Held},
			stream{name: "spam", status: statusSpam, state: &st.Spam})
	}
	walking := func() bool { return slices.ContainsFunc(streams, func(s stream) bool { return s.state.Walking }) }
	if !walking() {
		if st.Next != 0 && opts.Wait > 0 {
			next := time.Unix(st.Next, 0)
			if wait := next.Sub(c.now()); wait > 0 {
				if err := sleep(ctx, min(wait, opts.Wait)); err != nil {
					e := errTransient("poll: " + transportReason(err))
					e.Err = err
					return platforms.Page{}, e
				}
				if c.now().Before(next) {
					return platforms.Page{Cursor: cursor}, nil
				}
			}
		}
		st.Pub.start(c.lookback)
		if c.includeHeld && c.now().Unix() >= st.HNext {
			// The held and spam queues are short: each walk reads them in
			// full, so a comment no longer listed has left them for sure.
			st.Held.startFull()
			st.Spam.startFull()
			st.HGen++
			st.HOpen, st.HBad = true, false
			st.HNext = c.now().Add(c.heldInterval).Unix()
		}
	}
	self, err := c.selfInfo(ctx)
	if err != nil {
		return platforms.Page{}, err
	}
	limit := opts.Limit
	if limit <= 0 || limit > maxThreads {
		limit = maxThreads
	}
	var page platforms.Page
	for _, s := range streams {
		if !s.state.Walking {
			continue
		}
		from := len(page.Messages)
		err := c.pollStream(ctx, s, self, limit, &page)
		if err != nil && s.status != "" && platforms.KindOf(err) == platforms.KindPermanent {
			// The optional held and spam streams must not block the published
			// one (YouTube may refuse likelySpam to some channels): end the
			// walk and try again next time.
			slog.Default().LogAttrs(ctx, slog.LevelWarn, "youtube: held comments unavailable; skipped this cycle",
				slog.String("platform", Platform), slog.String("stream", s.name), slog.String("error", err.Error()))
			s.state.finish()
			st.HBad = true
			continue
		}
		if err != nil {
			return platforms.Page{}, err
		}
		st.track(page.Messages[from:])
	}
	if st.HOpen && !st.Held.Walking && !st.Spam.Walking {
		if err := c.checkLeftHidden(ctx, &st, self, &page); err != nil {
			return platforms.Page{}, err
		}
	}
	page.More = walking()
	if !page.More {
		st.Next = c.now().Add(c.pollInterval).Unix()
	}
	page.Cursor = st.encode()
	return page, nil
}

// pollStream reads the next page of one stream's walk into page and moves the walk on.
func (c *connector) pollStream(ctx context.Context, s stream, self channelInfo, limit int, page *platforms.Page) error {
	st := s.state
	op := "poll " + s.name
	q := url.Values{
		"part":                         {"snippet,replies"},
		"allThreadsRelatedToChannelId": {self.id},
		"order":                        {"time"},
		"maxResults":                   {strconv.Itoa(limit)},
		"textFormat":                   {"plainText"},
	}
	if s.status != "" {
		q.Set("moderationStatus", s.status)
	}
	if st.Tok != "" {
		q.Set("pageToken", st.Tok)
	}
	var list apiList
	if err := c.do(ctx, call{op: op, api: apiThreadsList, path: "/commentThreads", query: q}, &list); err != nil {
		if st.Tok != "" && isInvalidPageToken(err) {
			// A page token kept too long: walk again from the newest page
			// (Floor and Top stay, so nothing is skipped).
			slog.Default().LogAttrs(ctx, slog.LevelWarn, "youtube: page token refused; restarting the walk",
				slog.String("platform", Platform), slog.String("stream", s.name))
			st.Tok = ""
			return nil
		}
		return err
	}
	threads := make([]*thread, 0, len(list.Items))
	for _, raw := range list.Items {
		th, err := decodeThread(raw)
		if err != nil {
			page.Skipped++
			logSkipped(ctx, s.name, readID(raw), err)
			continue
		}
		threads = append(threads, th)
	}
	for _, th := range threads {
		bad, err := c.completeReplies(ctx, op, st, th)
		if err != nil {
			return err
		}
		if bad > 0 {
			page.Skipped += bad
			logSkipped(ctx, s.name, th.id, errString("malformed replies in the thread"))
		}
	}
	for _, th := range threads {
		st.Top = max(st.Top, th.activity().UnixMicro())
	}
	titles, err := c.videoTitles(ctx, op, threads)
	if err != nil {
		return err
	}
	for _, th := range threads {
		page.Messages = append(page.Messages, th.messages(self.id, threadTitle(th, titles, self))...)
	}

	next := list.NextPageToken
	done := next == "" || next == st.Tok || !validPageToken(next)
	if !done && st.Floor != 0 && len(threads) > 0 {
		last := threads[len(threads)-1]
		done = last.top.published.UnixMicro() < st.Floor && last.activity().UnixMicro() < st.Floor
	}
	if done {
		st.finish()
	} else {
		st.Tok = next
	}
	return nil
}

// completeReplies fetches the replies YouTube left out of a thread item, when
// the walk is the first one, or the thread is new to the memo, or its reply
// count changed since the walk that last saw it, and records the count. It
// returns how many of the thread's replies could not be decoded (a reply
// both included and fetched counts once).
func (c *connector) completeReplies(ctx context.Context, op string, st *streamState, th *thread) (int, error) {
	if !th.hidden() {
		delete(st.Memo, th.id)
		return th.bad, nil
	}
	if e, ok := st.Memo[th.id]; ok && st.Floor != 0 && e.N == th.total {
		st.remember(th.id, th.total, th.top.published.UnixMicro())
		return th.bad, nil // no reply added or removed since the last walk
	}
	replies, bad, err := c.replies(ctx, op, th.id)
	if isNotFound(err) {
		return th.bad, nil // the thread was deleted meanwhile
	}
	if err != nil {
		return 0, err
	}
	for _, r := range replies {
		th.addReply(r)
	}
	st.remember(th.id, th.total, th.top.published.UnixMicro())
	return max(bad, th.bad), nil
}

// replies reads every published reply of a thread through comments.list.
// It returns the decodable ones and how many could not be decoded.
func (c *connector) replies(ctx context.Context, op, parentID string) ([]comment, int, error) {
	var out []comment
	bad, tok := 0, ""
	for pages := 0; pages < maxReplyPages; pages++ {
		q := url.Values{"part": {"snippet"}, "parentId": {parentID}, "maxResults": {"100"}, "textFormat": {"plainText"}}
		if tok != "" {
			q.Set("pageToken", tok)
		}
		var list apiList
		if err := c.do(ctx, call{op: op + ": replies", api: apiCommentsList, path: "/comments", query: q}, &list); err != nil {
			return nil, 0, err
		}
		for _, raw := range list.Items {
			cm, err := decodeComment(raw)
			if err != nil {
				bad++
				logSkipped(ctx, "replies", readID(raw), err)
				continue
			}
			out = append(out, cm)
		}
		if list.NextPageToken == "" || list.NextPageToken == tok || !validPageToken(list.NextPageToken) {
			break
		}
		tok = list.NextPageToken
	}
	return out, bad, nil
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
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
	slog.Default().LogAttrs(ctx, slog.LevelWarn, "youtube: skipped malformed item", attrs...)
}
