package store

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"
)

// Discount code sources.
const (
	CodeSourceManual  = "manual"
	CodeSourceShopify = "shopify"
)

// DiscountCode is a creator's discount code, typed by hand or created in a shop.
type DiscountCode struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	Code       string `gorm:"column:code"`
	CodeNorm   string `gorm:"column:code_norm"`
	CreatorID  *int64 `gorm:"column:creator_id"`
	CampaignID *int64 `gorm:"column:campaign_id"`
	Source     string `gorm:"column:source"`
	AccountID  *int64 `gorm:"column:account_id"`
	ExternalID string `gorm:"column:external_id"`
	// ValueType is percentage or fixed_amount; ValueBasis is basis points (1000 = 10%) or minor units.
	ValueType     string `gorm:"column:value_type"`
	ValueBasis    int64  `gorm:"column:value_basis"`
	UsageCount    int64  `gorm:"column:usage_count"`
	UsageSyncedAt int64  `gorm:"column:usage_synced_at"`
	CreatedAt     int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt     int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (DiscountCode) TableName() string { return "discount_codes" }

// NormalizeCode is the matching form of a discount code (trimmed, upper case).
func NormalizeCode(code string) string { return strings.ToUpper(strings.TrimSpace(code)) }

// CreateDiscountCode inserts a code; ErrDuplicate when the same code exists already.
func (s *Store) CreateDiscountCode(ctx context.Context, c *DiscountCode) error {
	now := s.nowMillis()
	c.CodeNorm = NormalizeCode(c.Code)
	c.CreatedAt, c.UpdatedAt = now, now
	if c.Source == "" {
		c.Source = CodeSourceManual
	}
	return classify(s.W.WithContext(ctx).Create(c).Error)
}

// DiscountCodes lists every code, newest first.
func (s *Store) DiscountCodes(ctx context.Context) ([]DiscountCode, error) {
	var out []DiscountCode
	return out, classify(s.R.WithContext(ctx).Order("id DESC").Find(&out).Error)
}

// DiscountCodeByCode returns the code matching code (any case), or ErrNotFound.
func (s *Store) DiscountCodeByCode(ctx context.Context, code string) (DiscountCode, error) {
	var c DiscountCode
	err := s.R.WithContext(ctx).Where("code_norm = ?", NormalizeCode(code)).Take(&c).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return c, ErrNotFound
	}
	return c, classify(err)
}

// SetCodeUsage records the usage count a shop reported for a code.
func (s *Store) SetCodeUsage(ctx context.Context, id, count int64) error {
	now := s.nowMillis()
	return classify(s.W.WithContext(ctx).Model(&DiscountCode{}).Where("id = ?", id).
		Updates(map[string]any{"usage_count": count, "usage_synced_at": now, "updated_at": now}).Error)
}
