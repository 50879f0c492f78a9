package bluesky

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/url"
	"slices"
	"strconv"
	"time"

	"creatordesk/backend/platforms"
)

const (
	// maxLimit is the largest page listNotifications and getMessages serve.
	maxLimit = 100
	// maxGetPosts is how many posts getPosts hydrates in one call.
	maxGetPosts = 25
	// nsidListNotifications lists the account's notifications.
	nsidListNotifications = "app.bsky.notification.listNotifications"
)

// idlePoll is how often a waiting Poll looks again (a variable for tests).
// Bluesky has no long polling; this keeps an idle account at about two calls
// per idlePoll instead of two per engine idle pause.
var idlePoll = 10 * time.Second

// maxWait caps PollOptions.Wait.
const maxWait = time.Minute

// Poll advances both streams behind cursor by one step and returns what they
// yielded: first the comment stream (replies, mentions and quotes, up to half
// of the limit), then the DM stream with the rest. Passing the returned
// cursor to the next Poll continues; More is set while either stream has more
// to give right away (the first sync, a long walk, a full log page).
//
// Bluesky cannot hold a request open, so a Wait is emulated: while nothing
// comes in, Poll looks again every 10 seconds for as long as Wait allows and
// returns as soon as something arrives (or ctx ends, with what it has).
func (c *connector) Poll(ctx context.Context, cursor string, opts platforms.PollOptions) (platforms.Page, error) {
	st, err := decodeCursor(cursor)
	if err != nil {
		return platforms.Page{}, errPermanent("poll: " + err.Error())
	}
	limit := opts.Limit
	if limit <= 0 || limit > maxLimit {
		limit = maxLimit
	}
	deadline := time.Now().Add(min(max(opts.Wait, 0), maxWait))
	p, err := c.pollOnce(ctx, st, limit)
	for err == nil && !p.More && len(p.Messages) == 0 && p.Skipped == 0 && time.Until(deadline) >= idlePoll {
		if !sleep(ctx, idlePoll) {
			break
		}
		var next platforms.Page
		if st, err = decodeCursor(p.Cursor); err != nil {
			return platforms.Page{}, errPermanent("poll: " + err.Error())
		}
		if next, err = c.pollOnce(ctx, st, limit); err != nil && ctx.Err() != nil {
			return p, nil // ended while waiting: the quiet page stands
		}
		p = next
	}
	return p, err
}

// sleep waits d, reporting false when ctx ends first.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// pollOnce advances both streams once.
func (c *connector) pollOnce(ctx context.Context, st pollState, limit int) (platforms.Page, error) {
	own, err := c.session(ctx)
	if err != nil {
		return platforms.Page{}, err
	}
	var p platforms.Page
	notifMore, err := c.pollNotifications(ctx, &st.Notif, (limit+1)/2, &p)
	if err != nil {
		return platforms.Page{}, err
	}
	chatMore := true
	if budget := limit - len(p.Messages); budget > 0 {
		if chatMore, err = c.pollChat(ctx, &st.Chat, own, budget, &p); err != nil {
			return platforms.Page{}, err
		}
	}
	p.Cursor = st.encode()
	p.More = notifMore || chatMore
	return p, nil
}

// pollNotifications fetches one page of comment notifications. See notifState.
func (c *connector) pollNotifications(ctx context.Context, st *notifState, limit int, p *platforms.Page) (more bool, err error) {
	q := url.Values{"limit": {strconv.Itoa(limit)}, "reasons": {"reply", "mention", "quote"}}
	starting := !st.walking()
	if !starting {
		q.Set("cursor", st.Cursor)
	}
	var out notificationsOutput
	if err := c.xrpc(ctx, call{nsid: nsidListNotifications, query: q}, &out); err != nil {
		return false, err
	}
	seen, _ := parseTime(st.Seen)
	items := make([]decodedNotification, len(out.Notifications))
	errs := make([]error, len(out.Notifications))
	for i, raw := range out.Notifications {
		items[i], errs[i] = decodeNotification(raw)
	}
	// An item without a readable time is as old as the next older one, so it
	// is counted once and not again on every later poll.
	eff := make([]time.Time, len(items))
	inherited := make([]bool, len(items))
	for i := len(items) - 1; i >= 0; i-- {
		switch {
		case items[i].hasTime:
			eff[i] = items[i].at
		case i+1 < len(items):
			eff[i], inherited[i] = eff[i+1], true
		}
	}
	var top time.Time
	var topURIs []string
	reachedOld := false
	var msgs []platforms.Message
	for i, d := range items {
		if !eff[i].IsZero() && isOld(eff[i], d.uri, inherited[i], seen, st.SeenURIs) {
			reachedOld = true // newest first: everything after is older still
			break
		}
		if d.hasTime {
			switch {
			case d.at.After(top):
				top, topURIs = d.at, []string{d.uri}
			case d.at.Equal(top):
				topURIs = append(topURIs, d.uri)
			}
		}
		if errs[i] != nil {
			p.Skipped++
			logSkipped(ctx, "notification", d.uri, errs[i])
			continue
		}
		if d.msg != nil {
			msgs = append(msgs, *d.msg)
		}
	}
	if starting && !top.IsZero() {
		st.Top, st.TopURIs = top.Format(time.RFC3339Nano), topURIs
	}
	if reachedOld || out.Cursor == "" || len(out.Notifications) == 0 || out.Cursor == st.Cursor {
		st.finishWalk(seen)
	} else {
		st.Cursor = out.Cursor
		more = true
	}
	if err := c.threadTitles(ctx, msgs); err != nil {
		return false, err
	}
	slices.Reverse(msgs) // oldest first, like the DM stream
	p.Messages = append(p.Messages, msgs...)
	return more, nil
}

// isOld reports a notification at or before the high-water mark.
func isOld(at time.Time, uri string, inherited bool, seen time.Time, seenURIs []string) bool {
	if seen.IsZero() || at.After(seen) {
		return false
	}
	if at.Before(seen) || inherited {
		return true
	}
	return slices.Contains(seenURIs, uri)
}

// finishWalk moves the high-water mark to the newest notification of the walk.
func (st *notifState) finishWalk(seen time.Time) {
	if top, ok := parseTime(st.Top); ok {
		switch {
		case top.After(seen) || seen.IsZero():
			st.Seen, st.SeenURIs = st.Top, st.TopURIs
		case top.Equal(seen):
			for _, u := range st.TopURIs {
				if !slices.Contains(st.SeenURIs, u) {
					st.SeenURIs = append(st.SeenURIs, u)
				}
			}
		}
	}
	st.Cursor, st.Top, st.TopURIs = "", "", nil
}

// threadTitles names comment threads by their root post's first line,
// fetching the roots not yet known with getPosts (a deleted root stays untitled).
func (c *connector) threadTitles(ctx context.Context, msgs []platforms.Message) error {
	var missing []string
	c.acct.cacheMu.Lock()
	for _, m := range msgs {
		if m.ThreadTitle != "" {
			c.acct.titles[m.ThreadExternalID] = m.ThreadTitle
			continue
		}
		if _, ok := c.acct.titles[m.ThreadExternalID]; !ok && !slices.Contains(missing, m.ThreadExternalID) {
			missing = append(missing, m.ThreadExternalID)
		}
	}
	c.acct.cacheMu.Unlock()
	for chunk := range slices.Chunk(missing, maxGetPosts) {
		posts, err := c.getPosts(ctx, chunk)
		if err != nil {
			return err
		}
		c.acct.cacheMu.Lock()
		for _, uri := range chunk {
			title := ""
			if pv, ok := posts[uri]; ok {
				title = pv.title()
			}
			c.acct.titles[uri] = title
		}
		c.acct.cacheMu.Unlock()
	}
	c.acct.cacheMu.Lock()
	defer c.acct.cacheMu.Unlock()
	for i := range msgs {
		if msgs[i].ThreadTitle == "" {
			msgs[i].ThreadTitle = c.acct.titles[msgs[i].ThreadExternalID]
		}
	}
	return nil
}

// post is a hydrated post: its strong ref and record.
type post struct {
	ref    strongRef
	record postRecord
}

// title is the thread title a root post gives.
func (p post) title() string { return titleOf(p.record.Text) }

// getPosts hydrates up to maxGetPosts posts by at-uri; missing (deleted) posts are absent.
func (c *connector) getPosts(ctx context.Context, uris []string) (map[string]post, error) {
	var out getPostsOutput
	if err := c.xrpc(ctx, call{nsid: nsidGetPosts, query: url.Values{"uris": uris}}, &out); err != nil {
		return nil, err
	}
	posts := map[string]post{}
	for _, raw := range out.Posts {
		var pv postView
		if json.Unmarshal(raw, &pv) != nil || pv.URI == "" || pv.CID == "" {
			continue
		}
		p := post{ref: strongRef{URI: pv.URI, CID: pv.CID}}
		_ = json.Unmarshal(pv.Record, &p.record) // a record we cannot read still has a usable ref
		posts[pv.URI] = p
	}
	return posts, nil
}

// logSkipped records an item that could not be decoded, never its content.
func logSkipped(ctx context.Context, kind, id string, err error) {
	attrs := []slog.Attr{slog.String("platform", Platform), slog.String("item", kind), slog.String("error", err.Error())}
	if id != "" {
		attrs = append(attrs, slog.String("id", clip(id, 200)))
	}
	slog.Default().LogAttrs(ctx, slog.LevelWarn, "bluesky: skipped malformed item", attrs...)
}
