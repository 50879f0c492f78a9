package meta

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/url"
	"strconv"
	"time"

	"creatordesk/backend/platforms"
)

const (
	// PollInterval is the least time between two cycles of the engine's loop
	// (polls with opts.Wait > 0); a manual sync (Wait 0) cycles at once.
	PollInterval = time.Minute
	// maxConversations is the most conversations asked for in one page.
	maxConversations = 25
	// messagesPerThread is how many of a thread's newest messages Meta gives details for.
	messagesPerThread = 20
	// trackedMedia is how many of the newest posts have their comments followed.
	trackedMedia = 20
	// commentsPage is the most comments asked for in one page (Meta's maximum is 50).
	commentsPage = 50
	// maxCommentPages bounds the comment pages read for one post in one cycle.
	maxCommentPages = 20
	// maxTrackedIDs caps the comment ids remembered per post; deletions among
	// comments beyond it are not reported.
	maxTrackedIDs = 300
)

// Poll reads the account's direct messages and comments.
//
// Direct messages: one page of conversations (newest-updated first) per call,
// each with its 20 newest messages expanded in the same request, walking
// until it reaches conversations already read; More is true while a walk
// continues. Comments: the newest posts (Instagram media or Page posts), and
// for each post whose comment count (or update time) changed, all its
// comments (ThreadKind comment, ThreadExternalID the post's id, replies with
// ReplyToExternalID their parent); a comment that disappeared since the last
// read is reported with Deleted. opts.Limit caps the conversations per page.
//
// With opts.Wait > 0 (the engine's loop) a new cycle starts at most every
// PollInterval; until then Poll waits (up to opts.Wait) and returns an empty
// page with the same cursor, so an idle account costs a few calls a minute.
// Pages may repeat messages; the store is idempotent on ExternalID.
func (c *connector) Poll(ctx context.Context, cursor string, opts platforms.PollOptions) (platforms.Page, error) {
	st, err := c.decodeCursor(cursor)
	if err != nil {
		return platforms.Page{}, err
	}
	now := c.now()
	walking := st.DM.After != ""
	if opts.Wait > 0 && !walking && st.Cycle != 0 {
		if due := time.UnixMilli(st.Cycle).Add(PollInterval); now.Before(due) {
			if err := c.sleep(ctx, min(due.Sub(now), opts.Wait)); err != nil {
				return platforms.Page{}, err
			}
			return platforms.Page{Cursor: cursor}, nil
		}
	}
	self, err := c.selfID(ctx)
	if err != nil {
		return platforms.Page{}, err
	}
	limit := opts.Limit
	if limit <= 0 || limit > maxConversations {
		limit = maxConversations
	}
	var page platforms.Page
	seen := map[string]bool{}
	add := func(m platforms.Message) {
		if !seen[m.ExternalID] {
			seen[m.ExternalID] = true
			page.Messages = append(page.Messages, m)
		}
	}
	more, skipped, err := c.pollConversations(ctx, &st.DM, limit, self, add)
	if err != nil {
		return platforms.Page{}, err
	}
	page.Skipped += skipped
	if !walking {
		// Comments once per cycle, at its start.
		st.Cycle = now.UnixMilli()
		skipped, err := c.pollComments(ctx, &st, self, add)
		if err != nil {
			return platforms.Page{}, err
		}
		page.Skipped += skipped
	}
	page.More = more
	page.Cursor = st.encode()
	return page, nil
}

// pollConversations reads one page of conversations and moves the walk on.
func (c *connector) pollConversations(ctx context.Context, st *dmState, limit int, self string, add func(platforms.Message)) (more bool, skipped int, err error) {
	q := url.Values{
		"fields": {"id,updated_time,participants,messages.limit(" + strconv.Itoa(messagesPerThread) +
			"){id,created_time,from,to,message,attachments,reply_to}"},
		"limit": {strconv.Itoa(limit)},
	}
	if c.flavor == facebook {
		q.Set("platform", "messenger")
	} else {
		q.Set("platform", "instagram")
	}
	if st.After != "" {
		q.Set("after", st.After)
	}
	var resp struct {
		Data   []json.RawMessage `json:"data"`
		Paging paging            `json:"paging"`
	}
	if err := c.do(ctx, call{op: "conversations", method: "GET", path: "/" + c.owner() + "/conversations", query: q, edge: edgeConversations}, &resp); err != nil {
		return false, 0, err
	}
	first := st.After == ""
	reachedOld := false
	for _, raw := range resp.Data {
		var conv apiConversation
		if err := json.Unmarshal(raw, &conv); err != nil || !validID(conv.ID) {
			skipped++
			c.logSkipped(ctx, "conversations", readID(raw), errOr(err, "conversation without a usable id"))
			continue
		}
		updated := conv.UpdatedTime.UnixMilli()
		if first {
			st.Top = max(st.Top, updated)
		}
		if st.Since != 0 && updated <= st.Since {
			reachedOld = true
			break
		}
		skipped += c.conversationMessages(ctx, conv, self, add)
	}
	after, hasNext := resp.Paging.after()
	if reachedOld || !hasNext {
		st.Since, st.After = max(st.Since, st.Top), ""
		st.Top = 0
		return false, skipped, nil
	}
	st.After = after
	return true, skipped, nil
}

// conversationMessages maps the expanded messages of one conversation and returns how many it skipped.
func (c *connector) conversationMessages(ctx context.Context, conv apiConversation, self string, add func(platforms.Message)) int {
	title := ""
	for _, p := range conv.Participants.Data {
		if p.ID != self {
			if title != "" {
				title += ", "
			}
			title += p.label()
		}
	}
	skipped := 0
	for _, raw := range conv.Messages.Data {
		var m apiMessage
		if err := json.Unmarshal(raw, &m); err != nil || !validID(m.ID) || m.CreatedTime.IsZero() {
			skipped++
			c.logSkipped(ctx, "messages", readID(raw), errOr(err, "message without id or time"))
			continue
		}
		msg := platforms.Message{
			ExternalID: m.ID, ThreadExternalID: conv.ID, ThreadKind: platforms.ThreadDM, ThreadTitle: title,
			Author: m.From.person(), Direction: platforms.DirectionIn, Text: m.Message, SentAt: m.CreatedTime.Time,
			ReplyToExternalID: m.ReplyTo.MID,
		}
		if m.From.ID == self {
			msg.Direction = platforms.DirectionOut
		}
		for _, a := range m.Attachments.Data {
			msg.Attachments = append(msg.Attachments, a.attachment())
		}
		add(msg)
	}
	return skipped
}

// pollComments reads the newest posts and the comments of those that changed.
func (c *connector) pollComments(ctx context.Context, st *cursorState, self string, add func(platforms.Message)) (int, error) {
	path, fields := "/me/media", "id,caption,timestamp,comments_count"
	if c.flavor == facebook {
		path, fields = "/"+c.pageID+"/published_posts", "id,message,created_time,updated_time"
	}
	var resp struct {
		Data []json.RawMessage `json:"data"`
	}
	if err := c.get(ctx, "media", path, url.Values{"fields": {fields}, "limit": {strconv.Itoa(trackedMedia)}}, &resp); err != nil {
		return 0, err
	}
	skipped := 0
	next := map[string]mediaState{}
	for _, raw := range resp.Data {
		var md apiMedia
		if err := json.Unmarshal(raw, &md); err != nil || !validID(md.ID) {
			skipped++
			c.logSkipped(ctx, "media", readID(raw), errOr(err, "post without a usable id"))
			continue
		}
		ver := md.UpdatedTime.Format(time.RFC3339)
		if md.CommentsCount != nil {
			ver = strconv.Itoa(*md.CommentsCount)
		}
		prev, known := st.Media[md.ID]
		if known && prev.Ver == ver {
			next[md.ID] = prev
			continue
		}
		ids, bad, err := c.mediaComments(ctx, md, self, prev.IDs, add)
		if err != nil {
			return 0, err
		}
		skipped += bad
		next[md.ID] = mediaState{Ver: ver, IDs: ids}
	}
	st.Media = next
	return skipped, nil
}

// mediaComments reads every comment of one post (replies included), reports
// the ones in before that are gone as deleted, and returns the ids now seen.
func (c *connector) mediaComments(ctx context.Context, md apiMedia, self string, before []string, add func(platforms.Message)) ([]string, int, error) {
	created := md.Timestamp.Time
	text := md.Caption
	if c.flavor == facebook {
		created, text = md.CreatedTime.Time, md.Message
	}
	title := threadTitle(text, created, c.Platform())
	q := url.Values{"limit": {strconv.Itoa(commentsPage)}}
	if c.flavor == facebook {
		q.Set("fields", "id,message,created_time,from,is_hidden,parent{id}")
		q.Set("filter", "stream")
	} else {
		q.Set("fields", "id,text,timestamp,from,username,hidden,parent_id,replies{id,text,timestamp,from,username,hidden,parent_id}")
	}
	var ids []string
	now := map[string]bool{}
	skipped := 0
	emit := func(raw json.RawMessage, parent string) (apiComment, bool) {
		var cm apiComment
		if err := json.Unmarshal(raw, &cm); err != nil || !validID(cm.ID) {
			skipped++
			c.logSkipped(ctx, "comments", readID(raw), errOr(err, "comment without a usable id"))
			return cm, false
		}
		m := c.commentMessage(cm, md.ID, title, parent, self)
		if m.SentAt.IsZero() {
			skipped++
			c.logSkipped(ctx, "comments", cm.ID, errString("comment without a time"))
			return cm, false
		}
		if !now[cm.ID] {
			now[cm.ID] = true
			ids = append(ids, cm.ID)
		}
		add(m)
		return cm, true
	}
	for pageNo := 0; pageNo < maxCommentPages; pageNo++ {
		var resp struct {
			Data   []json.RawMessage `json:"data"`
			Paging paging            `json:"paging"`
		}
		if err := c.get(ctx, "comments", "/"+md.ID+"/comments", q, &resp); err != nil {
			return nil, 0, err
		}
		for _, raw := range resp.Data {
			cm, ok := emit(raw, "")
			if !ok {
				continue
			}
			for _, r := range cm.Replies.Data {
				emit(r, cm.ID)
			}
		}
		after, more := resp.Paging.after()
		if !more {
			break
		}
		q.Set("after", after)
	}
	for _, id := range before {
		if !now[id] {
			add(platforms.Message{ExternalID: id, ThreadExternalID: md.ID, ThreadKind: platforms.ThreadComment,
				ThreadTitle: title, Deleted: true, SentAt: c.now().UTC()})
		}
	}
	if len(ids) > maxTrackedIDs {
		ids = ids[:maxTrackedIDs]
	}
	return ids, skipped, nil
}

// commentMessage maps one comment of a post.
func (c *connector) commentMessage(cm apiComment, mediaID, title, parent, self string) platforms.Message {
	text, at := cm.Text, cm.Timestamp.Time
	if c.flavor == facebook {
		text, at = cm.Message, cm.CreatedTime.Time
	}
	if cm.ParentID != "" {
		parent = cm.ParentID
	}
	if cm.Parent != nil && cm.Parent.ID != "" {
		parent = cm.Parent.ID
	}
	author := cm.From
	if author.Username == "" {
		author.Username = cm.Username
	}
	m := platforms.Message{
		ExternalID: cm.ID, ThreadExternalID: mediaID, ThreadKind: platforms.ThreadComment, ThreadTitle: title,
		Author: author.person(), Direction: platforms.DirectionIn, Text: text, SentAt: at, ReplyToExternalID: parent,
	}
	if author.ID == self {
		m.Direction = platforms.DirectionOut
	}
	// A comment hidden on the platform shows as hidden in the inbox (and one
	// shown again there, as shown); nil leaves the stored state alone.
	if c.flavor == facebook {
		m.Hidden = cm.IsHidden
	} else {
		m.Hidden = cm.Hidden
	}
	return m
}

// readID extracts an "id" from an item that failed to decode, for the log.
func readID(raw json.RawMessage) string {
	var v struct {
		ID json.RawMessage `json:"id"`
	}
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	var s string
	if json.Unmarshal(v.ID, &s) == nil && validID(s) {
		return s
	}
	return ""
}

// errOr returns err, or an error with msg when err is nil.
func errOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return errString(msg)
}

// logSkipped records an item that could not be decoded, never its content.
func (c *connector) logSkipped(ctx context.Context, stream, id string, err error) {
	attrs := []slog.Attr{slog.String("platform", c.Platform()), slog.String("stream", stream), slog.String("error", err.Error())}
	if id != "" {
		attrs = append(attrs, slog.String("id", id))
	}
	slog.Default().LogAttrs(ctx, slog.LevelWarn, "meta: skipped malformed item", attrs...)
}
