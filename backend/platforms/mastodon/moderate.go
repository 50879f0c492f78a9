package mastodon

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

// maxReportComment is Mastodon's default limit on a report's comment.
const maxReportComment = 1000

// Moderate blocks or mutes an author (POST /api/v1/accounts/:id/block|mute),
// reports them to the instance's moderators (POST /api/v1/reports, with the
// target status attached when given and Reason as the comment, cut to 1000
// characters), or deletes one of the account's own statuses. The author is
// AuthorExternalID, else the target status's author (one lookup). Deleting a
// status that is already gone succeeds; deleting someone else's is a permanent
// error (Mastodon lets an account delete only its own statuses). Mastodon
// cannot hide, unhide or reject replies: those are permanent errors, sent
// nowhere.
func (c *connector) Moderate(ctx context.Context, a platforms.ModerationAction) error {
	op := "moderate " + string(a.Kind)
	switch a.Kind {
	case platforms.ModerateHide, platforms.ModerateUnhide, platforms.ModerateReject:
		return errPermanent(op + ": Mastodon cannot hide or reject replies to a post; block, mute or report the author, or delete your own status")
	case platforms.ModerateBlock, platforms.ModerateMute, platforms.ModerateReport, platforms.ModerateDelete:
	default:
		return errPermanent(op + ": unknown moderation action")
	}
	if a.TargetExternalID != "" && !validID(a.TargetExternalID) {
		return errPermanent(op + ": invalid target id")
	}
	if a.AuthorExternalID != "" && !validID(a.AuthorExternalID) {
		return errPermanent(op + ": invalid author id")
	}
	self, err := c.selfID(ctx)
	if err != nil {
		return err
	}
	if a.Kind == platforms.ModerateDelete {
		return c.deleteOwn(ctx, op, a.TargetExternalID, self)
	}
	author := a.AuthorExternalID
	if author == "" {
		if a.TargetExternalID == "" {
			return errPermanent(op + ": needs the author or the target status")
		}
		st, err := c.lookupStatus(ctx, op+": target", a.TargetExternalID)
		if err != nil {
			return err
		}
		author = string(st.Account.ID)
	}
	if author == self {
		return errPermanent(op + ": the account cannot " + string(a.Kind) + " itself")
	}
	req := request{op: op, method: http.MethodPost, form: url.Values{}}
	switch a.Kind {
	case platforms.ModerateBlock:
		req.path = "/api/v1/accounts/" + author + "/block"
	case platforms.ModerateMute:
		req.path = "/api/v1/accounts/" + author + "/mute"
	default:
		req.path = "/api/v1/reports"
		req.form.Set("account_id", author)
		if a.TargetExternalID != "" {
			req.form.Add("status_ids[]", a.TargetExternalID)
		}
		if reason := strings.TrimSpace(a.Reason); reason != "" {
			req.form.Set("comment", cutRunes(reason, maxReportComment))
		}
	}
	_, err = c.do(ctx, req, nil)
	return err
}

// deleteOwn deletes one of the account's own statuses.
func (c *connector) deleteOwn(ctx context.Context, op, id, self string) error {
	if id == "" {
		return errPermanent(op + ": needs the target status")
	}
	st, err := c.lookupStatus(ctx, op+": target", id)
	if gone(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if string(st.Account.ID) != self {
		return errPermanent(op + ": Mastodon lets an account delete only its own statuses; block, mute or report the author instead")
	}
	_, err = c.do(ctx, request{op: op, method: http.MethodDelete, path: "/api/v1/statuses/" + id}, nil)
	if gone(err) {
		return nil
	}
	return err
}

// cutRunes shortens s to at most n runes.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
