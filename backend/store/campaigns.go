package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Campaign stages, in pipeline order.
const (
	StageBrief       = "brief"
	StageContentLive = "content_live"
	StageFollowUp    = "follow_up"
	StageResults     = "results"
)

// CampaignStages lists the pipeline in order.
var CampaignStages = []string{StageBrief, StageContentLive, StageFollowUp, StageResults}

// Campaign is a brief given to one or more creators.
type Campaign struct {
	ID           int64  `gorm:"column:id;primaryKey"`
	Name         string `gorm:"column:name"`
	Slug         string `gorm:"column:slug"`
	Brief        string `gorm:"column:brief"`
	StartsAt     int64  `gorm:"column:starts_at"`
	EndsAt       int64  `gorm:"column:ends_at"`
	Deliverables string `gorm:"column:deliverables"`
	BudgetMinor  int64  `gorm:"column:budget_minor"`
	Currency     string `gorm:"column:currency"`
	Compensation string `gorm:"column:compensation"`
	Stage        string `gorm:"column:stage"`
	CreatedAt    int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt    int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (Campaign) TableName() string { return "campaigns" }

// CampaignCreator is a creator's place in a campaign, with the fee agreed (the cost side of CPA and ROAS).
type CampaignCreator struct {
	CampaignID int64 `gorm:"column:campaign_id;primaryKey"`
	CreatorID  int64 `gorm:"column:creator_id;primaryKey"`
	FeeMinor   int64 `gorm:"column:fee_minor"`
	CreatedAt  int64 `gorm:"column:created_at;autoCreateTime:false"`
}

// TableName implements gorm's Tabler.
func (CampaignCreator) TableName() string { return "campaign_creators" }

// SaveCampaign inserts c (ID 0) or updates it.
func (s *Store) SaveCampaign(ctx context.Context, c *Campaign) error {
	now := s.nowMillis()
	c.UpdatedAt = now
	if c.Stage == "" {
		c.Stage = StageBrief
	}
	if c.ID == 0 {
		c.CreatedAt = now
		return classify(s.W.WithContext(ctx).Create(c).Error)
	}
	res := s.W.WithContext(ctx).Model(&Campaign{}).Where("id = ?", c.ID).Updates(map[string]any{
		"name": c.Name, "slug": c.Slug, "brief": c.Brief, "starts_at": c.StartsAt, "ends_at": c.EndsAt,
		"deliverables": c.Deliverables, "budget_minor": c.BudgetMinor, "currency": c.Currency,
		"compensation": c.Compensation, "stage": c.Stage, "updated_at": now})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

// Campaigns lists campaigns, newest start first.
func (s *Store) Campaigns(ctx context.Context) ([]Campaign, error) {
	var out []Campaign
	return out, classify(s.R.WithContext(ctx).Order("starts_at DESC, id DESC").Find(&out).Error)
}

// CampaignByID returns one campaign or ErrNotFound.
func (s *Store) CampaignByID(ctx context.Context, id int64) (Campaign, error) {
	var c Campaign
	err := s.R.WithContext(ctx).Where("id = ?", id).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return c, ErrNotFound
	}
	return c, classify(err)
}

// SetCampaignCreator adds a creator to a campaign or updates the fee.
func (s *Store) SetCampaignCreator(ctx context.Context, cc CampaignCreator) error {
	cc.CreatedAt = s.nowMillis()
	return classify(s.W.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "campaign_id"}, {Name: "creator_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"fee_minor"})}).Create(&cc).Error)
}

// CampaignCreators lists every creator-in-campaign row.
func (s *Store) CampaignCreators(ctx context.Context) ([]CampaignCreator, error) {
	var out []CampaignCreator
	return out, classify(s.R.WithContext(ctx).Order("campaign_id, creator_id").Find(&out).Error)
}

// RemoveCampaignCreator takes a creator off a campaign; ErrNotFound when they were not on it.
func (s *Store) RemoveCampaignCreator(ctx context.Context, campaignID, creatorID int64) error {
	res := s.W.WithContext(ctx).Where("campaign_id = ? AND creator_id = ?", campaignID, creatorID).Delete(&CampaignCreator{})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}
