package app

import (
	"bytes"
	"context"
	"strings"
	"time"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/store"
)

// ListReleases lists the UGC release register, soonest expiry first.
func (c *Campaigns) ListReleases() ([]ReleaseDTO, error) {
	ctx := context.Background()
	ws := c.s.Workspace()
	rows, err := ws.Store.Releases(ctx)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	creators, err := ws.Store.Creators(ctx, true)
	if err != nil {
		return nil, err
	}
	for _, cr := range creators {
		names[cr.ID] = cr.Name
	}
	out := make([]ReleaseDTO, 0, len(rows))
	for _, r := range rows {
		d := c.toReleaseDTO(ctx, r)
		d.CreatorName = names[d.CreatorID]
		out = append(out, d)
	}
	return out, nil
}

// SaveRelease creates (id 0, status requested) or updates a release.
func (c *Campaigns) SaveRelease(in ReleaseInputDTO) (ReleaseDTO, error) {
	starts, err1 := parseOptionalTime(in.StartsAt)
	expires, err2 := parseOptionalTime(in.ExpiresAt)
	if err1 != nil || err2 != nil {
		return ReleaseDTO{}, invalidInput("dates")
	}
	r, err := c.svc().SaveRelease(context.Background(), campaigns.ReleaseInput{ID: in.ID, CreatorID: in.CreatorID, Author: in.Author, Title: in.Title,
		ContentURL: in.ContentURL, ConversationID: in.ConversationID, MessageID: in.MessageID, Channels: in.Channels, PaidUse: in.PaidUse,
		StartsAt: starts, ExpiresAt: expires, Territories: in.Territories, Compensation: in.Compensation, EditsAllowed: in.EditsAllowed,
		Notes: in.Notes}, c.s.Actor())
	if err != nil {
		return ReleaseDTO{}, err
	}
	return c.releaseDTO(r), nil
}

// SetReleaseStatus moves a release to a status (requested, granted, declined,
// expired, revoked); consentMessageId names the DM where consent was given (0 = keep).
func (c *Campaigns) SetReleaseStatus(id int64, status string, consentMessageID int64, reason string) (ReleaseDTO, error) {
	r, err := c.svc().SetReleaseStatus(context.Background(), id, status, consentMessageID, strings.TrimSpace(reason), c.s.Actor())
	if err != nil {
		return ReleaseDTO{}, err
	}
	return c.releaseDTO(r), nil
}

// PreviewReleaseRequest returns the release request DM as it would be sent (nothing is sent).
func (c *Campaigns) PreviewReleaseRequest(id int64) (ReleaseRequestPreviewDTO, error) {
	text, tid, err := c.svc().ReleaseRequestText(context.Background(), id, c.s.Actor())
	return ReleaseRequestPreviewDTO{Text: text, TemplateID: tid}, err
}

// RequestRelease sends the release request by DM through the send gate and
// returns the message in its final state (sent, or failed with the reason).
func (c *Campaigns) RequestRelease(id int64) (MessageDTO, error) {
	m, err := c.svc().RequestRelease(context.Background(), id, c.s.Actor())
	if err != nil {
		return MessageDTO{}, err
	}
	return toMessageDTO(m), nil
}

// ExportReleases returns the register as CSV or JSON text (format "csv" or "json");
// `creatordesk releases export` writes the same.
func (c *Campaigns) ExportReleases(format string) (string, error) {
	var b bytes.Buffer
	_, err := c.svc().ExportReleases(context.Background(), &b, format, c.s.Actor())
	return b.String(), err
}

// releaseDTO converts one release, with its creator's name.
func (c *Campaigns) releaseDTO(r store.UGCRelease) ReleaseDTO {
	ctx := context.Background()
	d := c.toReleaseDTO(ctx, r)
	if d.CreatorID != 0 {
		if cr, err := c.s.Workspace().Store.CreatorByID(ctx, d.CreatorID); err == nil {
			d.CreatorName = cr.Name
		}
	}
	return d
}

// toReleaseDTO converts a stored release, with its conversation's title and expiry badge.
func (c *Campaigns) toReleaseDTO(ctx context.Context, r store.UGCRelease) ReleaseDTO {
	now := c.svcNow()
	d := ReleaseDTO{ID: r.ID, CreatorID: deref64(r.CreatorID), Author: r.Author, Title: r.Title, ContentURL: r.ContentURL,
		ConversationID: deref64(r.ConversationID), MessageID: deref64(r.MessageID), Channels: campaigns.SplitList(r.Channels), PaidUse: r.PaidUse,
		StartsAt: rfc3339(r.StartsAt), ExpiresAt: rfc3339(r.ExpiresAt), Territories: campaigns.SplitList(r.Territories), Compensation: r.Compensation,
		EditsAllowed: r.EditsAllowed, Status: r.Status, Notes: r.Notes, RequestedAt: rfc3339(r.RequestedAt), RequestMessageID: r.RequestMessageID,
		DaysLeft: campaigns.DaysLeft(r, now), Expiry: campaigns.ExpiryBadge(r, now)}
	if d.ConversationID != 0 {
		if conv, err := c.s.Workspace().Store.ConversationByID(ctx, d.ConversationID); err == nil {
			d.ConversationTitle = conv.Title
		}
	}
	return d
}

// svcNow is the workspace clock.
func (c *Campaigns) svcNow() time.Time { return c.s.Workspace().Store.Now() }
