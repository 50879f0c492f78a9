package store

import (
	"context"
	"fmt"
)

// ResultDimension names what campaign results are grouped by.
type ResultDimension string

// Result dimensions.
const (
	DimCreator  ResultDimension = "creator"
	DimCode     ResultDimension = "code"
	DimCampaign ResultDimension = "campaign"
	DimTemplate ResultDimension = "template"
)

// attributionColumn is the attribution_results column of each dimension.
var attributionColumn = map[ResultDimension]string{
	DimCreator: "a.creator_id", DimCode: "a.code_id", DimCampaign: "a.campaign_id", DimTemplate: "a.template_id",
}

// DimTotal is the credited orders and revenue of one key in one currency.
type DimTotal struct {
	Key          int64  `gorm:"column:k"`
	Currency     string `gorm:"column:currency"`
	Orders       int64  `gorm:"column:orders"`
	RevenueMinor int64  `gorm:"column:revenue"`
	// DMOrders are the orders among them that a conversation led to.
	DMOrders int64 `gorm:"column:dm_orders"`
}

// rangeWhere adds an ordered_at window (Unix ms, 0 = open) on column col.
func rangeWhere(col string, from, to int64) (string, []any) {
	where, args := "1 = 1", []any{}
	if from > 0 {
		where += " AND " + col + " >= ?"
		args = append(args, from)
	}
	if to > 0 {
		where += " AND " + col + " < ?"
		args = append(args, to)
	}
	return where, args
}

// AttributedTotals sums credited orders and revenue per key of dim and currency
// for orders placed in [from, to).
func (s *Store) AttributedTotals(ctx context.Context, dim ResultDimension, from, to int64) ([]DimTotal, error) {
	col, ok := attributionColumn[dim]
	if !ok {
		return nil, fmt.Errorf("store: unknown result dimension %q", dim)
	}
	where, args := rangeWhere("o.ordered_at", from, to)
	var out []DimTotal
	err := s.R.WithContext(ctx).Raw(`SELECT `+col+` AS k, o.currency AS currency, COUNT(*) AS orders,
			SUM(o.total_minor) AS revenue, SUM(CASE WHEN a.conversation_id IS NULL THEN 0 ELSE 1 END) AS dm_orders
		FROM attribution_results a JOIN orders o ON o.id = a.order_id
		WHERE `+col+` IS NOT NULL AND `+col+` <> 0 AND `+where+`
		GROUP BY `+col+`, o.currency ORDER BY revenue DESC, k`, args...).Scan(&out).Error
	return out, classify(err)
}

// KeyCount is a count per key.
type KeyCount struct {
	Key   int64 `gorm:"column:k"`
	Count int64 `gorm:"column:n"`
}

// AssistCounts counts assisted orders per creator for orders placed in [from, to).
func (s *Store) AssistCounts(ctx context.Context, from, to int64) ([]KeyCount, error) {
	where, args := rangeWhere("o.ordered_at", from, to)
	var out []KeyCount
	err := s.R.WithContext(ctx).Raw(`SELECT x.creator_id AS k, COUNT(*) AS n
		FROM attribution_assists x JOIN orders o ON o.id = x.order_id
		WHERE `+where+` GROUP BY x.creator_id`, args...).Scan(&out).Error
	return out, classify(err)
}

// shareColumn is the key of each dimension for conversation shares.
var shareColumn = map[ResultDimension]string{
	DimCreator: "sh.creator_id", DimCode: "sh.code_id", DimTemplate: "sh.template_id",
	DimCampaign: "COALESCE(dc.campaign_id, ul.campaign_id)",
}

// SharedConversations counts distinct conversations per key of dim where we shared a
// code or link in [from, to) (the denominator of DM-to-order conversion).
func (s *Store) SharedConversations(ctx context.Context, dim ResultDimension, from, to int64) ([]KeyCount, error) {
	col, ok := shareColumn[dim]
	if !ok {
		return nil, fmt.Errorf("store: unknown result dimension %q", dim)
	}
	where, args := rangeWhere("sh.sent_at", from, to)
	var out []KeyCount
	err := s.R.WithContext(ctx).Raw(`SELECT `+col+` AS k, COUNT(DISTINCT sh.conversation_id) AS n
		FROM conversation_shares sh
		LEFT JOIN discount_codes dc ON dc.id = sh.code_id
		LEFT JOIN utm_links ul ON ul.id = sh.link_id
		WHERE `+col+` IS NOT NULL AND `+col+` <> 0 AND `+where+`
		GROUP BY `+col, args...).Scan(&out).Error
	return out, classify(err)
}

// CostTotal is money spent per key in one currency.
type CostTotal struct {
	Key       int64  `gorm:"column:k"`
	Currency  string `gorm:"column:currency"`
	CostMinor int64  `gorm:"column:cost"`
}

// CampaignCosts sums agreed creator fees per creator or per campaign (dim) for
// campaigns that overlap [from, to). Fees are in the campaign's currency.
func (s *Store) CampaignCosts(ctx context.Context, dim ResultDimension, from, to int64) ([]CostTotal, error) {
	col := "cc.creator_id"
	if dim == DimCampaign {
		col = "cc.campaign_id"
	} else if dim != DimCreator {
		return nil, nil
	}
	where, args := "1 = 1", []any{}
	if to > 0 {
		where += " AND c.starts_at < ?"
		args = append(args, to)
	}
	if from > 0 {
		where += " AND (c.ends_at = 0 OR c.ends_at >= ?)"
		args = append(args, from)
	}
	var out []CostTotal
	err := s.R.WithContext(ctx).Raw(`SELECT `+col+` AS k, c.currency AS currency, SUM(cc.fee_minor) AS cost
		FROM campaign_creators cc JOIN campaigns c ON c.id = cc.campaign_id
		WHERE `+where+` GROUP BY `+col+`, c.currency`, args...).Scan(&out).Error
	return out, classify(err)
}

// OrderTotal is all orders of one currency.
type OrderTotal struct {
	Currency     string `gorm:"column:currency"`
	Orders       int64  `gorm:"column:orders"`
	RevenueMinor int64  `gorm:"column:revenue"`
	// Credited counts the orders credited to a creator.
	Credited int64 `gorm:"column:credited"`
}

// OrderTotals sums all orders placed in [from, to) per currency.
func (s *Store) OrderTotals(ctx context.Context, from, to int64) ([]OrderTotal, error) {
	where, args := rangeWhere("o.ordered_at", from, to)
	var out []OrderTotal
	err := s.R.WithContext(ctx).Raw(`SELECT o.currency AS currency, COUNT(*) AS orders, SUM(o.total_minor) AS revenue,
			SUM(CASE WHEN a.creator_id IS NULL THEN 0 ELSE 1 END) AS credited
		FROM orders o LEFT JOIN attribution_results a ON a.order_id = o.id
		WHERE `+where+` GROUP BY o.currency ORDER BY revenue DESC`, args...).Scan(&out).Error
	return out, classify(err)
}
