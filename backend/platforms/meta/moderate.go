package meta

import (
	"context"
	"net/http"
	"net/url"

	"creatordesk/backend/platforms"
)

// Moderate hides, unhides or deletes a comment on the account's own posts:
// Instagram POST /{comment}?hide=true|false, Facebook POST
// /{comment}?is_hidden=true|false, and DELETE /{comment} on both. Deleting a
// comment that is already gone succeeds. Block, mute, report and reject are
// not offered by these APIs and are permanent errors, sent nowhere.
func (c *connector) Moderate(ctx context.Context, a platforms.ModerationAction) error {
	op := "moderate " + string(a.Kind)
	switch a.Kind {
	case platforms.ModerateHide, platforms.ModerateUnhide, platforms.ModerateDelete:
	default:
		return c.errPermanent(op + ": Meta's API can only hide, unhide or delete comments")
	}
	if !validID(a.TargetExternalID) {
		return c.errPermanent(op + ": invalid comment id")
	}
	path := "/" + a.TargetExternalID
	if a.Kind == platforms.ModerateDelete {
		err := c.do(ctx, call{op: op, method: http.MethodDelete, path: path}, nil)
		if gone(err) {
			return nil
		}
		return err
	}
	value := "true"
	if a.Kind == platforms.ModerateUnhide {
		value = "false"
	}
	param := "hide"
	if c.flavor == facebook {
		param = "is_hidden"
	}
	var resp struct {
		Success bool `json:"success"`
	}
	if err := c.do(ctx, call{op: op, method: http.MethodPost, path: path, query: url.Values{param: {value}}}, &resp); err != nil {
		return err
	}
	if !resp.Success {
		return c.errTransient(op + ": Meta did not confirm the change")
	}
	return nil
}

// gone reports Graph's answer for an object that no longer exists (code 100, subcode 33).
func gone(err error) bool {
	var pe *platforms.Error
	if !asPlatformError(err, &pe) {
		return false
	}
	return pe.Kind == platforms.KindPermanent && pe.Code == codeInvalidParameter && containsFold(pe.Message, "does not exist")
}
