package campaigns

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"rsc.io/qr"

	"creatordesk/backend/store"
)

// LinkMedium is the utm_medium of every creator link.
const LinkMedium = "creator"

// NewLink asks for a tracked link.
type NewLink struct {
	BaseURL    string
	CreatorID  int64
	CampaignID int64
	// Platform is where the creator shares it (instagram, tiktok, ...): the utm_source.
	Platform string
	// Term is an optional utm_term (a post or a variant).
	Term string
}

// BuildLink makes (or finds) a creator's tracked link with consistent naming:
// utm_source = platform, utm_medium = creator, utm_campaign = the campaign's
// slug, utm_content = the creator's slug (creator-<id> when the name has no
// Latin letters). Existing query parameters of the base URL are kept.
func (s *Service) BuildLink(ctx context.Context, req NewLink, actor string) (store.UTMLink, error) {
	base, err := url.Parse(strings.TrimSpace(req.BaseURL))
	if err != nil || (base.Scheme != "https" && base.Scheme != "http") || base.Host == "" {
		return store.UTMLink{}, invalid("url", "url")
	}
	creator, err := s.Store.CreatorByID(ctx, req.CreatorID)
	if err != nil {
		return store.UTMLink{}, err
	}
	campaignSlug := "always-on"
	var campaignID *int64
	if req.CampaignID != 0 {
		c, err := s.Store.CampaignByID(ctx, req.CampaignID)
		if err != nil {
			return store.UTMLink{}, err
		}
		campaignSlug, campaignID = c.Slug, &c.ID
	}
	source := Slug(req.Platform)
	if source == "" {
		source = "social"
	}
	l := store.UTMLink{CreatorID: &creator.ID, CampaignID: campaignID, BaseURL: base.String(), UTMSource: source,
		UTMMedium: LinkMedium, UTMCampaign: campaignSlug, UTMContent: CreatorSlug(creator), UTMTerm: Slug(req.Term)}
	q := base.Query()
	q.Set("utm_source", l.UTMSource)
	q.Set("utm_medium", l.UTMMedium)
	q.Set("utm_campaign", l.UTMCampaign)
	q.Set("utm_content", l.UTMContent)
	if l.UTMTerm != "" {
		q.Set("utm_term", l.UTMTerm)
	}
	base.RawQuery = q.Encode()
	l.URL = base.String()
	created, err := s.Store.SaveLink(ctx, &l)
	if err != nil {
		return l, err
	}
	if created {
		s.audit(ctx, actor, "link.created", "utm_link", l.ID, "", nil, l)
	}
	return l, nil
}

// CreatorSlug is a creator's utm_content value.
func CreatorSlug(c store.Creator) string {
	if s := Slug(c.Name); s != "" {
		return s
	}
	return fmt.Sprintf("creator-%d", c.ID)
}

// QRPNG renders text as a QR code PNG (medium error correction).
func QRPNG(text string) ([]byte, error) {
	code, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, err
	}
	code.Scale = 8
	return code.PNG(), nil
}
