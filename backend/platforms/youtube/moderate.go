package youtube

import (
	"context"
	"net/http"
	"net/url"

	"creatordesk/backend/platforms"
)

// YouTube's moderation statuses.
const (
	statusHeld      = "heldForReview"
	statusPublished = "published"
	statusRejected  = "rejected"
	// statusSpam is a comment YouTube's filter suspects as spam; it is listed
	// but never set through setModerationStatus.
	statusSpam = "likelySpam"
)

// Moderate acts on a comment of the account's channel (TargetExternalID):
//   - hide: comments.setModerationStatus heldForReview (50 units); the comment
//     leaves public view and waits in YouTube Studio's review queue;
//   - unhide: published (YouTube refuses this for a rejected comment);
//   - reject: rejected, which also hides the comment's replies; it cannot be
//     published again;
//   - delete: the account's own comment is deleted with comments.delete
//     (50 units); anyone else's is rejected, since YouTube lets only a
//     comment's author delete it. The author is AuthorExternalID, else it is
//     looked up (comments.list, 1 unit);
//   - block: rejected with banAuthor=true, which also rejects the author's
//     future comments on the channel;
//   - mute and report: not offered by YouTube's API, a permanent error sent nowhere.
//
// setModerationStatus answers 204 with no body.
func (c *connector) Moderate(ctx context.Context, a platforms.ModerationAction) error {
	op := "moderate " + string(a.Kind)
	switch a.Kind {
	case platforms.ModerateMute, platforms.ModerateReport:
		return errPermanent(op + ": not offered by YouTube (reject the comment, or block its author)")
	case platforms.ModerateHide, platforms.ModerateUnhide, platforms.ModerateReject, platforms.ModerateDelete, platforms.ModerateBlock:
	default:
		return errPermanent(op + ": unknown moderation action")
	}
	if !validID(a.TargetExternalID) {
		return errPermanent(op + ": needs the target comment's id")
	}
	if a.AuthorExternalID != "" && !validID(a.AuthorExternalID) {
		return errPermanent(op + ": invalid author id")
	}
	switch a.Kind {
	case platforms.ModerateHide:
		return c.setStatus(ctx, op, a.TargetExternalID, statusHeld, false)
	case platforms.ModerateUnhide:
		return c.setStatus(ctx, op, a.TargetExternalID, statusPublished, false)
	case platforms.ModerateReject:
		return c.setStatus(ctx, op, a.TargetExternalID, statusRejected, false)
	}
	self, err := c.selfInfo(ctx)
	if err != nil {
		return err
	}
	if a.Kind == platforms.ModerateBlock {
		if a.AuthorExternalID == self.id {
			return errPermanent(op + ": the channel cannot ban itself")
		}
		return c.setStatus(ctx, op, a.TargetExternalID, statusRejected, true)
	}
	author := a.AuthorExternalID
	if author == "" {
		if author, err = c.commentAuthor(ctx, op, a.TargetExternalID); err != nil {
			return err
		}
	}
	if author != self.id {
		return c.setStatus(ctx, op, a.TargetExternalID, statusRejected, false)
	}
	return c.do(ctx, call{op: op, api: apiCommentsDelete, verb: http.MethodDelete, path: "/comments",
		query: url.Values{"id": {a.TargetExternalID}}}, nil)
}

// setStatus calls comments.setModerationStatus for one comment.
func (c *connector) setStatus(ctx context.Context, op, id, status string, ban bool) error {
	q := url.Values{"id": {id}, "moderationStatus": {status}}
	if ban {
		q.Set("banAuthor", "true")
	}
	return c.do(ctx, call{op: op, api: apiSetModeration, verb: http.MethodPost, path: "/comments/setModerationStatus", query: q}, nil)
}

// commentAuthor looks up a comment's author channel with comments.list by id.
func (c *connector) commentAuthor(ctx context.Context, op, id string) (string, error) {
	var list apiList
	q := url.Values{"part": {"snippet"}, "id": {id}, "textFormat": {"plainText"}}
	if err := c.do(ctx, call{op: op + ": look up the comment", api: apiCommentsList, path: "/comments", query: q}, &list); err != nil {
		return "", err
	}
	for _, raw := range list.Items {
		if cm, err := decodeComment(raw); err == nil && cm.id == id {
			return cm.authorID, nil
		}
	}
	return "", newError(platforms.KindPermanent, http.StatusNotFound, op+": comment not found (deleted, or not visible to the channel)")
}
