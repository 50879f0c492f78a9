package campaigns

import (
	"context"
	"errors"
	"strings"

	"creatordesk/backend/store"
)

// SaveCreator validates and stores a creator (new when ID is 0).
func (s *Service) SaveCreator(ctx context.Context, c store.Creator, actor string) (store.Creator, error) {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return c, invalid("name", "required")
	}
	c.Currency = strings.ToUpper(strings.TrimSpace(c.Currency))
	if c.RateMinor < 0 {
		return c, invalid("rate", "invalid")
	}
	var handles []store.CreatorHandle
	seen := map[string]bool{}
	for _, h := range c.Handles {
		h.Platform = strings.ToLower(strings.TrimSpace(h.Platform))
		h.Handle = strings.TrimPrefix(strings.TrimSpace(h.Handle), "@")
		if h.Platform == "" || h.Handle == "" || seen[h.Platform+"/"+strings.ToLower(h.Handle)] {
			continue
		}
		seen[h.Platform+"/"+strings.ToLower(h.Handle)] = true
		handles = append(handles, h)
	}
	c.Handles = handles
	var before any
	if c.ID != 0 {
		old, err := s.Store.CreatorByID(ctx, c.ID)
		if err != nil {
			return c, err
		}
		before = old
	}
	if err := s.Store.SaveCreator(ctx, &c); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			return c, invalid("handle", "duplicate")
		}
		return c, err
	}
	action := "creator.updated"
	if before == nil {
		action = "creator.created"
	}
	s.audit(ctx, actor, action, "creator", c.ID, "", before, c)
	return c, nil
}

// SaveCampaign validates and stores a campaign (new when ID is 0).
func (s *Service) SaveCampaign(ctx context.Context, c store.Campaign, actor string) (store.Campaign, error) {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return c, invalid("name", "required")
	}
	if c.Stage == "" {
		c.Stage = store.StageBrief
	}
	if !validStage(c.Stage) {
		return c, invalid("stage", "invalid")
	}
	if c.EndsAt != 0 && c.StartsAt != 0 && c.EndsAt < c.StartsAt {
		return c, invalid("dates", "endsBeforeStart")
	}
	if c.BudgetMinor < 0 {
		return c, invalid("budget", "invalid")
	}
	c.Currency = strings.ToUpper(strings.TrimSpace(c.Currency))
	if c.Slug = Slug(c.Slug); c.Slug == "" {
		c.Slug = Slug(c.Name)
	}
	if c.Slug == "" {
		c.Slug = "campaign"
	}
	var before any
	if c.ID != 0 {
		old, err := s.Store.CampaignByID(ctx, c.ID)
		if err != nil {
			return c, err
		}
		before = old
	}
	if err := s.Store.SaveCampaign(ctx, &c); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			return c, invalid("slug", "duplicate")
		}
		return c, err
	}
	action := "campaign.updated"
	if before == nil {
		action = "campaign.created"
	}
	s.audit(ctx, actor, action, "campaign", c.ID, "", before, c)
	return c, nil
}

// validStage reports whether stage is a pipeline stage.
func validStage(stage string) bool {
	for _, st := range store.CampaignStages {
		if st == stage {
			return true
		}
	}
	return false
}

// MoveCampaign moves a campaign to another pipeline stage.
func (s *Service) MoveCampaign(ctx context.Context, id int64, stage, actor string) (store.Campaign, error) {
	c, err := s.Store.CampaignByID(ctx, id)
	if err != nil {
		return c, err
	}
	if !validStage(stage) {
		return c, invalid("stage", "invalid")
	}
	from := c.Stage
	c.Stage = stage
	if err := s.Store.SaveCampaign(ctx, &c); err != nil {
		return c, err
	}
	s.audit(ctx, actor, "campaign.stage", "campaign", id, "", map[string]string{"stage": from}, map[string]string{"stage": stage})
	return c, nil
}

// SetCampaignCreator adds a creator to a campaign with the agreed fee.
func (s *Service) SetCampaignCreator(ctx context.Context, campaignID, creatorID, feeMinor int64, actor string) error {
	if feeMinor < 0 {
		return invalid("fee", "invalid")
	}
	if _, err := s.Store.CampaignByID(ctx, campaignID); err != nil {
		return err
	}
	if _, err := s.Store.CreatorByID(ctx, creatorID); err != nil {
		return err
	}
	if err := s.Store.SetCampaignCreator(ctx, store.CampaignCreator{CampaignID: campaignID, CreatorID: creatorID, FeeMinor: feeMinor}); err != nil {
		return err
	}
	s.audit(ctx, actor, "campaign.creator_set", "campaign", campaignID, "", nil, map[string]int64{"creatorId": creatorID, "feeMinor": feeMinor})
	return nil
}

// RemoveCampaignCreator takes a creator off a campaign (their codes, links and orders stay).
func (s *Service) RemoveCampaignCreator(ctx context.Context, campaignID, creatorID int64, actor string) error {
	if err := s.Store.RemoveCampaignCreator(ctx, campaignID, creatorID); err != nil {
		return err
	}
	s.audit(ctx, actor, "campaign.creator_removed", "campaign", campaignID, "", map[string]int64{"creatorId": creatorID}, nil)
	return nil
}

// Slug is the lower-case ASCII form used in UTM values ("Spring Glaze 2026" -> "spring-glaze-2026").
// Text with no ASCII letters or digits gives "".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if f, ok := latinFold[r]; ok {
			r = f
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r == '_':
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// latinFold maps common accented Latin letters to their base letter for slugs.
var latinFold = map[rune]rune{'ă': 'a', 'â': 'a', 'á': 'a', 'à': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a', 'î': 'i', 'í': 'i', 'ì': 'i', 'ï': 'i',
	'ș': 's', 'ş': 's', 'ț': 't', 'ţ': 't', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ñ': 'n', 'ç': 'c', 'ß': 's', 'ł': 'l', 'ø': 'o'}
