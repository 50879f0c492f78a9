package youtube

import (
	"context"
	"log/slog"
	"net/url"
	"slices"
	"strings"

	"creatordesk/backend/platforms"
)

// maxIDBatch is the most ids one comments.list lookup takes.
const maxIDBatch = 50

// track follows the hidden state of reported messages: a comment reported
// hidden is remembered with the current hidden walk; one reported public is
// forgotten.
func (st *cursorState) track(msgs []platforms.Message) {
	for _, m := range msgs {
		switch {
		case m.Hidden == nil:
		case *m.Hidden:
			if _, known := st.Hid[m.ExternalID]; known || len(st.Hid) < maxHid {
				if st.Hid == nil {
					st.Hid = map[string]int64{}
				}
				st.Hid[m.ExternalID] = st.HGen
			}
		default:
			delete(st.Hid, m.ExternalID)
		}
	}
}

// checkLeftHidden ends a hidden walk. When both of its streams read every
// page, the comments it no longer listed were published, rejected or deleted
// since: comments.list by id (1 unit per 50) returns the published ones,
// which are reported again with Hidden false; rejected and deleted ones are
// not returned and stay hidden in the inbox. A walk with a failed stream
// concludes nothing.
func (c *connector) checkLeftHidden(ctx context.Context, st *cursorState, self channelInfo, page *platforms.Page) error {
	if st.HBad {
		st.HOpen, st.HBad = false, false
		return nil
	}
	var left []string
	for id, gen := range st.Hid {
		if gen < st.HGen {
			left = append(left, id)
		}
	}
	slices.Sort(left)
	for batch := range slices.Chunk(left, maxIDBatch) {
		q := url.Values{"part": {"snippet"}, "id": {strings.Join(batch, ",")}, "textFormat": {"plainText"}}
		var list apiList
		err := c.do(ctx, call{op: "poll hidden", api: apiCommentsList, path: "/comments", query: q}, &list)
		if err != nil && platforms.KindOf(err) != platforms.KindPermanent {
			return err // transient: the next poll repeats the check
		}
		if err != nil {
			slog.Default().LogAttrs(ctx, slog.LevelWarn, "youtube: could not look up comments that left the held queue",
				slog.String("platform", Platform), slog.String("error", err.Error()))
		}
		for _, raw := range list.Items {
			cm, err := decodeComment(raw)
			if err != nil {
				page.Skipped++
				logSkipped(ctx, "hidden", readID(raw), err)
				continue
			}
			if cm.status == "" {
				cm.status = statusPublished // listed by id, no longer held or spam: public
			}
			threadID := cm.parentID
			if threadID == "" {
				threadID = cm.id
			}
			c.mu.Lock()
			title := c.titles[cm.videoID]
			c.mu.Unlock()
			page.Messages = append(page.Messages, cm.message(threadID, self.id, title))
		}
		for _, id := range batch {
			delete(st.Hid, id)
		}
	}
	st.HOpen = false
	return nil
}
