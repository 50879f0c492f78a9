package tiktok

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// MaxCommentChars is the longest comment or reply TikTok's API accepts.
const MaxCommentChars = 150

// Send replies to a comment (ReplyToExternalID) on a video
// (ThreadExternalID), or comments on the video when no comment is named.
// TikTok has no direct messages here.
func (c *connector) Send(ctx context.Context, msg platforms.OutgoingMessage) (platforms.SentMessage, error) {
	const op = "reply"
	if msg.ThreadKind != platforms.ThreadComment && msg.ThreadKind != "" {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": TikTok's API offers no direct messages for this account")
	}
	text := strings.TrimSpace(msg.Text)
	if text == "" {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": the reply is empty")
	}
	if n := utf8.RuneCountInString(text); n > MaxCommentChars {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0,
			op+": TikTok takes at most "+strconv.Itoa(MaxCommentChars)+" characters in a comment; this one has "+strconv.Itoa(n))
	}
	if !validID(msg.ThreadExternalID) {
		return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": invalid video id")
	}
	body := map[string]string{"business_id": c.businessID, "video_id": msg.ThreadExternalID, "text": text}
	path := "/business/comment/create/"
	if msg.ReplyToExternalID != "" {
		if !validID(msg.ReplyToExternalID) {
			return platforms.SentMessage{}, newError(platforms.KindPermanent, 0, op+": invalid comment id")
		}
		body["comment_id"] = msg.ReplyToExternalID
		path = "/business/comment/reply/create/"
	}
	var data struct {
		CommentID  string  `json:"comment_id"`
		CreateTime flexInt `json:"create_time"`
	}
	if err := c.do(ctx, call{op: op, method: http.MethodPost, path: path, body: body}, &data); err != nil {
		return platforms.SentMessage{}, err
	}
	if !validID(data.CommentID) {
		return platforms.SentMessage{}, newError(platforms.KindTransient, 0, op+": TikTok did not return the comment's id")
	}
	at := c.now().UTC()
	if data.CreateTime > 0 {
		at = time.Unix(int64(data.CreateTime), 0).UTC()
	}
	return platforms.SentMessage{ExternalID: data.CommentID, SentAt: at}, nil
}
