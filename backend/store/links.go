package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

// UTMLink is a tracked link with UTM parameters built for a creator and campaign.
type UTMLink struct {
	ID          int64  `gorm:"column:id;primaryKey"`
	CreatorID   *int64 `gorm:"column:creator_id"`
	CampaignID  *int64 `gorm:"column:campaign_id"`
	BaseURL     string `gorm:"column:base_url"`
	UTMSource   string `gorm:"column:utm_source"`
	UTMMedium   string `gorm:"column:utm_medium"`
	UTMCampaign string `gorm:"column:utm_campaign"`
	UTMContent  string `gorm:"column:utm_content"`
	UTMTerm     string `gorm:"column:utm_term"`
	URL         string `gorm:"column:url"`
	CreatedAt   int64  `gorm:"column:created_at;autoCreateTime:false"`
}

// TableName implements gorm's Tabler.
func (UTMLink) TableName() string { return "utm_links" }

// SaveLink inserts l, or returns the existing link with the same URL (building
// the same link twice gives one row).
func (s *Store) SaveLink(ctx context.Context, l *UTMLink) (created bool, err error) {
	err = s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var existing UTMLink
		e := tx.Where("url = ?", l.URL).Take(&existing).Error
		if e == nil {
			*l = existing
			return nil
		}
		if !errors.Is(e, gorm.ErrRecordNotFound) {
			return e
		}
		l.CreatedAt = s.nowMillis()
		created = true
		return tx.Create(l).Error
	})
	return created, classify(err)
}

// Links lists every link, newest first.
func (s *Store) Links(ctx context.Context) ([]UTMLink, error) {
	var out []UTMLink
	return out, classify(s.R.WithContext(ctx).Order("id DESC").Find(&out).Error)
}

// LinkByID returns one link or ErrNotFound.
func (s *Store) LinkByID(ctx context.Context, id int64) (UTMLink, error) {
	var l UTMLink
	err := s.R.WithContext(ctx).Where("id = ?", id).Take(&l).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return l, ErrNotFound
	}
	return l, classify(err)
}
