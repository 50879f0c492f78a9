package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

// Creator is a person who makes content for the brand.
type Creator struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	Name      string `gorm:"column:name"`
	Email     string `gorm:"column:email"`
	Phone     string `gorm:"column:phone"`
	ContactID *int64 `gorm:"column:contact_id"`
	// RateMinor is the creator's usual fee in minor units of Currency, per RateUnit ("post", "video", "month"...).
	RateMinor int64           `gorm:"column:rate_minor"`
	Currency  string          `gorm:"column:currency"`
	RateUnit  string          `gorm:"column:rate_unit"`
	Notes     string          `gorm:"column:notes"`
	Archived  bool            `gorm:"column:archived"`
	CreatedAt int64           `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt int64           `gorm:"column:updated_at;autoUpdateTime:false"`
	Handles   []CreatorHandle `gorm:"-"`
}

// TableName implements gorm's Tabler.
func (Creator) TableName() string { return "creators" }

// CreatorHandle is a creator's handle on one platform.
type CreatorHandle struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	CreatorID int64  `gorm:"column:creator_id"`
	Platform  string `gorm:"column:platform"`
	Handle    string `gorm:"column:handle"`
}

// TableName implements gorm's Tabler.
func (CreatorHandle) TableName() string { return "creator_handles" }

// SaveCreator inserts c (ID 0) or updates it, replacing its handles, in one transaction.
func (s *Store) SaveCreator(ctx context.Context, c *Creator) error {
	now := s.nowMillis()
	return classify(s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c.UpdatedAt = now
		if c.ID == 0 {
			c.CreatedAt = now
			if err := tx.Create(c).Error; err != nil {
				return err
			}
		} else {
			res := tx.Model(&Creator{}).Where("id = ?", c.ID).Updates(map[string]any{
				"name": c.Name, "email": c.Email, "phone": c.Phone, "contact_id": c.ContactID, "rate_minor": c.RateMinor,
				"currency": c.Currency, "rate_unit": c.RateUnit, "notes": c.Notes, "archived": c.Archived, "updated_at": now})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return ErrNotFound
			}
			if err := tx.Where("creator_id = ?", c.ID).Delete(&CreatorHandle{}).Error; err != nil {
				return err
			}
		}
		for i := range c.Handles {
			c.Handles[i].ID, c.Handles[i].CreatorID = 0, c.ID
			if err := tx.Create(&c.Handles[i]).Error; err != nil {
				return err
			}
		}
		return nil
	}))
}

// Creators lists creators by name with their handles; archived ones only when all is set.
func (s *Store) Creators(ctx context.Context, all bool) ([]Creator, error) {
	var out []Creator
	q := s.R.WithContext(ctx).Order("archived, name, id")
	if !all {
		q = q.Where("archived = ?", false)
	}
	if err := q.Find(&out).Error; err != nil {
		return nil, classify(err)
	}
	var handles []CreatorHandle
	if err := s.R.WithContext(ctx).Order("platform, handle").Find(&handles).Error; err != nil {
		return nil, classify(err)
	}
	byCreator := map[int64][]CreatorHandle{}
	for _, h := range handles {
		byCreator[h.CreatorID] = append(byCreator[h.CreatorID], h)
	}
	for i := range out {
		out[i].Handles = byCreator[out[i].ID]
	}
	return out, nil
}

// CreatorByID returns one creator with handles, or ErrNotFound.
func (s *Store) CreatorByID(ctx context.Context, id int64) (Creator, error) {
	var c Creator
	err := s.R.WithContext(ctx).Where("id = ?", id).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, classify(err)
	}
	err = s.R.WithContext(ctx).Where("creator_id = ?", id).Order("platform, handle").Find(&c.Handles).Error
	return c, classify(err)
}
