package store

import (
	"context"
	"errors"
	"strings"

	"gorm.io/gorm"
)

// Order sources.
const (
	OrderSourceShopify = "shopify"
	OrderSourceCSV     = "csv"
)

// Order is a shop order, synced from Shopify or imported from a CSV export.
type Order struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	Source     string `gorm:"column:source"`
	Shop       string `gorm:"column:shop"`
	ExternalID string `gorm:"column:external_id"`
	Name       string `gorm:"column:name"`
	TotalMinor int64  `gorm:"column:total_minor"`
	Currency   string `gorm:"column:currency"`
	// CustomerRef is an email, handle or customer id that can tie the order to a contact.
	CustomerRef string `gorm:"column:customer_ref"`
	// DiscountCodes is the normalized codes used at checkout, comma separated.
	DiscountCodes string `gorm:"column:discount_codes"`
	LandingSite   string `gorm:"column:landing_site"`
	ReferringSite string `gorm:"column:referring_site"`
	UTMSource     string `gorm:"column:utm_source"`
	UTMMedium     string `gorm:"column:utm_medium"`
	UTMCampaign   string `gorm:"column:utm_campaign"`
	UTMContent    string `gorm:"column:utm_content"`
	UTMTerm       string `gorm:"column:utm_term"`
	// Journey is a JSON array of the customer's visits before the order (first to last), when known.
	Journey    string `gorm:"column:journey"`
	AccountID  *int64 `gorm:"column:account_id"`
	ImportFile string `gorm:"column:import_file"`
	OrderedAt  int64  `gorm:"column:ordered_at"`
	CreatedAt  int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt  int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (Order) TableName() string { return "orders" }

// Codes returns the order's normalized discount codes.
func (o Order) Codes() []string {
	if o.DiscountCodes == "" {
		return nil
	}
	return strings.Split(o.DiscountCodes, ",")
}

// orderCode is one row of order_discount_codes.
type orderCode struct {
	OrderID  int64  `gorm:"column:order_id;primaryKey"`
	CodeNorm string `gorm:"column:code_norm;primaryKey"`
}

// TableName implements gorm's Tabler.
func (orderCode) TableName() string { return "order_discount_codes" }

// UpsertResult counts what UpsertOrders did.
type UpsertResult struct {
	Inserted, Updated, Unchanged int
	// IDs are the stored orders' ids, in input order.
	IDs []int64
}

// UpsertOrders stores orders in one transaction: new ones are inserted; ones
// already stored (same source, shop and external id) are updated when update
// is set (a shop sync) and left alone otherwise (a re-import of a file).
func (s *Store) UpsertOrders(ctx context.Context, orders []Order, update bool) (UpsertResult, error) {
	var res UpsertResult
	now := s.nowMillis()
	err := s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for i := range orders {
			o := &orders[i]
			var existing Order
			err := tx.Where("source = ? AND shop = ? AND external_id = ?", o.Source, o.Shop, o.ExternalID).Take(&existing).Error
			switch {
			case err == nil && !update:
				res.Unchanged++
				res.IDs = append(res.IDs, existing.ID)
				*o = existing
				continue
			case err == nil:
				o.ID, o.CreatedAt, o.UpdatedAt = existing.ID, existing.CreatedAt, now
				if err := tx.Save(o).Error; err != nil {
					return err
				}
				if err := tx.Where("order_id = ?", o.ID).Delete(&orderCode{}).Error; err != nil {
					return err
				}
				res.Updated++
			case errors.Is(err, gorm.ErrRecordNotFound):
				o.ID, o.CreatedAt, o.UpdatedAt = 0, now, now
				if err := tx.Create(o).Error; err != nil {
					return err
				}
				res.Inserted++
			default:
				return err
			}
			res.IDs = append(res.IDs, o.ID)
			for _, c := range o.Codes() {
				if err := tx.Create(&orderCode{OrderID: o.ID, CodeNorm: c}).Error; err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return UpsertResult{}, classify(err)
	}
	return res, nil
}

// OrderFilter narrows an order list. Times are Unix ms; 0 means open.
type OrderFilter struct {
	From, To  int64
	CreatorID int64
	Limit     int
	// BeforeAt/BeforeID continue a list after its last row (keyset paging).
	BeforeAt, BeforeID int64
}

// OrderRow is an order with where it was credited.
type OrderRow struct {
	Order
	Rule           string `gorm:"column:rule"`
	CreatorID      *int64 `gorm:"column:creator_id"`
	CreatorName    string `gorm:"column:creator_name"`
	CampaignID     *int64 `gorm:"column:campaign_id"`
	ConversationID *int64 `gorm:"column:conversation_id"`
	Explanation    string `gorm:"column:explanation"`
}

// Orders lists orders, newest first, with their attribution.
func (s *Store) Orders(ctx context.Context, f OrderFilter) ([]OrderRow, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	q := s.R.WithContext(ctx).Table("orders o").
		Select(`o.*, COALESCE(a.rule, '') AS rule, a.creator_id, COALESCE(c.name, '') AS creator_name,
			a.campaign_id, a.conversation_id, COALESCE(a.explanation, '') AS explanation`).
		Joins("LEFT JOIN attribution_results a ON a.order_id = o.id").
		Joins("LEFT JOIN creators c ON c.id = a.creator_id").
		Order("o.ordered_at DESC, o.id DESC").Limit(f.Limit)
	if f.From > 0 {
		q = q.Where("o.ordered_at >= ?", f.From)
	}
	if f.To > 0 {
		q = q.Where("o.ordered_at < ?", f.To)
	}
	if f.CreatorID > 0 {
		q = q.Where("a.creator_id = ?", f.CreatorID)
	}
	if f.BeforeAt > 0 {
		q = q.Where("(o.ordered_at < ? OR (o.ordered_at = ? AND o.id < ?))", f.BeforeAt, f.BeforeAt, f.BeforeID)
	}
	var out []OrderRow
	return out, classify(q.Scan(&out).Error)
}

// AllOrders returns every order, oldest first (attribution runs over them).
func (s *Store) AllOrders(ctx context.Context) ([]Order, error) {
	var out []Order
	return out, classify(s.R.WithContext(ctx).Order("ordered_at, id").Find(&out).Error)
}

// CountOrders counts stored orders.
func (s *Store) CountOrders(ctx context.Context) (int64, error) {
	var n int64
	return n, classify(s.R.WithContext(ctx).Model(&Order{}).Count(&n).Error)
}
