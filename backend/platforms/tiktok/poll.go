package tiktok

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"time"

	"creatordesk/backend/platforms"
)

const (
	// PollInterval is the least time between two cycles of the engine's loop
	// (polls with opts.Wait > 0); a manual sync (Wait 0) cycles at once.
	PollInterval = 2 * time.Minute
	// trackedVideos is how many of the newest videos have their comments followed (TikTok's page maximum).
	trackedVideos = 20
	// commentsPage is the most comments one page asks for (TikTok's maximum is 30).
	commentsPage = 30
	// maxReplyPages bounds the reply pages read for one comment in one Poll.
	maxReplyPages = 20
	// maxTrackedIDs caps the comment ids remembered per video; deletions among
	// comments beyond it are not reported.
	maxTrackedIDs = 500
)

// apiVideo is one item of /business/video/list/.
type apiVideo struct {
	ItemID     string  `json:"item_id"`
	CreateTime flexInt `json:"create_time"`
	Caption    string  `json:"caption"`
	Comments   flexInt `json:"comments"`
}

// apiComment is one comment or reply.
type apiComment struct {
	CommentID        string            `json:"comment_id"`
	VideoID          string            `json:"video_id"`
	UniqueIdentifier string            `json:"unique_identifier"`
	UserID           string            `json:"user_id"`
	CreateTime       flexInt           `json:"create_time"`
	Text             string            `json:"text"`
	Replies          int64             `json:"replies"`
	Owner            bool              `json:"owner"`
	Status           string            `json:"status"`
	Username         string            `json:"username"`
	DisplayName      string            `json:"display_name"`
	ParentCommentID  string            `json:"parent_comment_id"`
	ReplyList        []json.RawMessage `json:"reply_list"`
}

// commentPage is the data of the comment and reply lists.
type commentPage struct {
	Comments []json.RawMessage `json:"comments"`
	Cursor   flexInt           `json:"cursor"`
	HasMore  bool              `json:"has_more"`
}

// Poll reads the comments on the account's newest videos, one page per call.
//
// A cycle starts by listing the newest videos and queueing those whose
// comment count changed (or that are new); each following call reads one
// page of the first queued video's comments, public and hidden, newest
// first, with all their replies (ThreadKind comment, ThreadExternalID the
// video, ReplyToExternalID the parent comment). More is true while the walk
// continues. When a video has been read completely, comments that were there
// at its previous read and are gone now are reported with Deleted.
// opts.Limit caps the comments per page (TikTok allows 30).
//
// With opts.Wait > 0 (the engine's loop) a new cycle starts at most every
// PollInterval; until then Poll waits (up to opts.Wait) and returns an empty
// page with the same cursor.
func (c *connector) Poll(ctx context.Context, cursor string, opts platforms.PollOptions) (platforms.Page, error) {
	st, err := decodeCursor(cursor)
	if err != nil {
		return platforms.Page{}, err
	}
	now := c.now()
	if opts.Wait > 0 && st.Walk == nil && st.Cycle != 0 {
		if due := time.UnixMilli(st.Cycle).Add(PollInterval); now.Before(due) {
			if err := c.sleep(ctx, min(due.Sub(now), opts.Wait)); err != nil {
				return platforms.Page{}, err
			}
			return platforms.Page{Cursor: cursor}, nil
		}
	}
	var page platforms.Page
	if st.Walk == nil {
		skipped, err := c.startCycle(ctx, &st)
		if err != nil {
			return platforms.Page{}, err
		}
		st.Cycle = now.UnixMilli()
		page.Skipped += skipped
		if st.Walk == nil {
			page.Cursor = st.encode()
			return page, nil
		}
	}
	limit := opts.Limit
	if limit <= 0 || limit > commentsPage {
		limit = commentsPage
	}
	skipped, err := c.walkPage(ctx, &st, limit, &page)
	if err != nil {
		return platforms.Page{}, err
	}
	page.Skipped += skipped
	page.More = st.Walk != nil
	page.Cursor = st.encode()
	return page, nil
}

// startCycle lists the newest videos, forgets videos no longer among them
// and queues the ones whose comments changed.
func (c *connector) startCycle(ctx context.Context, st *cursorState) (int, error) {
	var data struct {
		Videos  []json.RawMessage `json:"videos"`
		Cursor  flexInt           `json:"cursor"`
		HasMore bool              `json:"has_more"`
	}
	q := map[string]string{"business_id": c.businessID, "fields": `["item_id","create_time","caption","comments"]`,
		"max_count": strconv.Itoa(trackedVideos)}
	if err := c.do(ctx, call{op: "videos", method: http.MethodGet, path: "/business/video/list/", query: q}, &data); err != nil {
		return 0, err
	}
	skipped := 0
	next := map[string]videoState{}
	var queue []queued
	for _, raw := range data.Videos {
		var v apiVideo
		if err := json.Unmarshal(raw, &v); err != nil || !validID(v.ItemID) {
			skipped++
			c.logSkipped(ctx, "videos", errOr(err, "video without a usable id"))
			continue
		}
		prev, known := st.Videos[v.ItemID]
		if known {
			next[v.ItemID] = prev
		}
		if !known || prev.C != int64(v.Comments) {
			queue = append(queue, queued{ID: v.ItemID, Title: videoTitle(v), C: int64(v.Comments)})
		}
	}
	st.Videos = next
	if len(queue) > 0 {
		st.Walk = &walk{Queue: queue}
	}
	return skipped, nil
}

// walkPage reads one page of the current video's comments and moves the walk on.
func (c *connector) walkPage(ctx context.Context, st *cursorState, limit int, page *platforms.Page) (int, error) {
	w := st.Walk
	v := w.Queue[0]
	q := map[string]string{"business_id": c.businessID, "video_id": v.ID, "status": "ALL", "include_replies": "true",
		"sort_field": "create_time", "sort_order": "desc", "max_count": strconv.Itoa(limit)}
	if w.Cursor > 0 {
		q["cursor"] = strconv.FormatInt(w.Cursor, 10)
	}
	var data commentPage
	if err := c.do(ctx, call{op: "comments", method: http.MethodGet, path: "/business/comment/list/", query: q}, &data); err != nil {
		return 0, err
	}
	skipped := 0
	for _, raw := range data.Comments {
		cm, ok := c.decodeComment(ctx, raw)
		if !ok {
			skipped++
			continue
		}
		w.IDs = append(w.IDs, cm.CommentID)
		page.Messages = append(page.Messages, c.commentMessage(cm, v, ""))
		for _, rr := range cm.ReplyList {
			r, ok := c.decodeComment(ctx, rr)
			if !ok {
				skipped++
				continue
			}
			w.IDs = append(w.IDs, r.CommentID)
			page.Messages = append(page.Messages, c.commentMessage(r, v, cm.CommentID))
		}
		if cm.Replies > int64(len(cm.ReplyList)) {
			more, bad, err := c.replies(ctx, v, cm.CommentID)
			if err != nil {
				return 0, err
			}
			skipped += bad
			for _, m := range more {
				if !slices.Contains(w.IDs, m.ExternalID) {
					w.IDs = append(w.IDs, m.ExternalID)
					page.Messages = append(page.Messages, m)
				}
			}
		}
	}
	if data.HasMore && int64(data.Cursor) > w.Cursor {
		w.Cursor = int64(data.Cursor)
		return skipped, nil
	}
	// The video is read completely: report what disappeared and remember it.
	now := map[string]bool{}
	for _, id := range w.IDs {
		now[id] = true
	}
	for _, id := range st.Videos[v.ID].IDs {
		if !now[id] {
			page.Messages = append(page.Messages, platforms.Message{ExternalID: id, ThreadExternalID: v.ID,
				ThreadKind: platforms.ThreadComment, ThreadTitle: v.Title, Deleted: true, SentAt: c.now().UTC()})
		}
	}
	ids := w.IDs
	if len(ids) > maxTrackedIDs {
		ids = ids[:maxTrackedIDs]
	}
	if st.Videos == nil {
		st.Videos = map[string]videoState{}
	}
	st.Videos[v.ID] = videoState{C: v.C, IDs: ids}
	if len(w.Queue) == 1 {
		st.Walk = nil
	} else {
		st.Walk = &walk{Queue: w.Queue[1:]}
	}
	return skipped, nil
}

// replies reads every reply of one comment (GET /business/comment/reply/list/).
func (c *connector) replies(ctx context.Context, v queued, parent string) ([]platforms.Message, int, error) {
	q := map[string]string{"business_id": c.businessID, "video_id": v.ID, "comment_id": parent, "status": "ALL",
		"sort_field": "create_time", "sort_order": "asc", "max_count": strconv.Itoa(commentsPage)}
	var out []platforms.Message
	skipped := 0
	var at int64
	for pageNo := 0; pageNo < maxReplyPages; pageNo++ {
		var data commentPage
		if err := c.do(ctx, call{op: "replies", method: http.MethodGet, path: "/business/comment/reply/list/", query: q}, &data); err != nil {
			return nil, 0, err
		}
		for _, raw := range data.Comments {
			r, ok := c.decodeComment(ctx, raw)
			if !ok {
				skipped++
				continue
			}
			out = append(out, c.commentMessage(r, v, parent))
		}
		if !data.HasMore || int64(data.Cursor) <= at {
			break
		}
		at = int64(data.Cursor)
		q["cursor"] = strconv.FormatInt(at, 10)
	}
	return out, skipped, nil
}

// decodeComment decodes one comment; ok is false (and the item logged) when it is unusable.
func (c *connector) decodeComment(ctx context.Context, raw json.RawMessage) (apiComment, bool) {
	var cm apiComment
	err := json.Unmarshal(raw, &cm)
	if err == nil && (!validID(cm.CommentID) || cm.CreateTime <= 0) {
		err = errors.New("comment without a usable id or time")
	}
	if err != nil {
		c.logSkipped(ctx, "comments", err)
		return apiComment{}, false
	}
	return cm, true
}

// commentMessage maps one comment of video v; parent is the comment it answers ("" for top-level).
func (c *connector) commentMessage(cm apiComment, v queued, parent string) platforms.Message {
	if cm.ParentCommentID != "" && cm.ParentCommentID != v.ID && cm.ParentCommentID != cm.CommentID {
		parent = cm.ParentCommentID
	}
	author := cm.UniqueIdentifier
	if author == "" {
		author = cm.UserID
	}
	name := cm.DisplayName
	if name == "" {
		name = cm.Username
	}
	m := platforms.Message{
		ExternalID: cm.CommentID, ThreadExternalID: v.ID, ThreadKind: platforms.ThreadComment, ThreadTitle: v.Title,
		Author:    platforms.Person{ExternalID: author, Handle: cm.Username, DisplayName: name},
		Direction: platforms.DirectionIn, Text: cm.Text, SentAt: time.Unix(int64(cm.CreateTime), 0).UTC(),
		ReplyToExternalID: parent,
	}
	if cm.Owner {
		m.Direction = platforms.DirectionOut
	}
	return m
}

// videoTitle is a thread title for a video: its caption's start, else its date.
func videoTitle(v apiVideo) string {
	if v.Caption != "" {
		return platforms.TruncateText(v.Caption, 80)
	}
	if v.CreateTime > 0 {
		return "TikTok video of " + time.Unix(int64(v.CreateTime), 0).UTC().Format("2 Jan 2006")
	}
	return "TikTok video"
}

// errOr returns err, or an error with msg when err is nil.
func errOr(err error, msg string) error {
	if err != nil {
		return err
	}
	return errors.New(msg)
}

// logSkipped records an item that could not be decoded, never its content.
func (c *connector) logSkipped(ctx context.Context, stream string, err error) {
	slog.Default().LogAttrs(ctx, slog.LevelWarn, "tiktok: skipped malformed item",
		slog.String("platform", Platform), slog.String("stream", stream), slog.String("error", err.Error()))
}
