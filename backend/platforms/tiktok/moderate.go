package tiktok

import (
	"context"
	"net/http"

	"creatordesk/backend/platforms"
)

// Moderate hides or unhides a comment on one of the account's videos (POST
// /business/comment/hide/ with the video's id), or deletes a comment the
// account wrote itself (POST /business/comment/delete/). TikTok's API cannot
// delete other people's comments (hide them instead), nor block, mute or
// report: those are KindPermanent errors, sent nowhere. Note that TikTok may
// keep a comment hidden that its own filters hid, whatever unhide says.
func (c *connector) Moderate(ctx context.Context, a platforms.ModerationAction) error {
	op := "moderate " + string(a.Kind)
	if !validID(a.TargetExternalID) {
		return newError(platforms.KindPermanent, 0, op+": invalid comment id")
	}
	switch a.Kind {
	case platforms.ModerateHide, platforms.ModerateUnhide:
		if !validID(a.ThreadExternalID) {
			return newError(platforms.KindPermanent, 0, op+": the video's id is needed to hide or unhide a comment")
		}
		action := "HIDE"
		if a.Kind == platforms.ModerateUnhide {
			action = "UNHIDE"
		}
		return c.do(ctx, call{op: op, method: http.MethodPost, path: "/business/comment/hide/", body: map[string]string{
			"business_id": c.businessID, "video_id": a.ThreadExternalID, "comment_id": a.TargetExternalID, "action": action}}, nil)
	case platforms.ModerateDelete:
		return c.do(ctx, call{op: op, method: http.MethodPost, path: "/business/comment/delete/", body: map[string]string{
			"business_id": c.businessID, "comment_id": a.TargetExternalID}}, nil)
	}
	return newError(platforms.KindPermanent, 0, op+": TikTok's API can only hide, unhide, or delete the account's own comments")
}
