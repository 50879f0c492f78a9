package campaigns

import (
	"context"
	"errors"
	"regexp"
	"strings"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// codePattern is what a discount code may look like (what shops accept in practice).
var codePattern = regexp.MustCompile(`^[A-Za-z0-9_-]{2,40}$`)

// NewCode asks for a creator's code; with AccountID it is created in that shop first.
type NewCode struct {
	Code       string
	CreatorID  int64
	CampaignID int64
	// AccountID is the Shopify account to create the code in (0 = typed by hand, already exists).
	AccountID int64
	// Percent off, or AmountOffMinor in the shop currency.
	Percent        float64
	AmountOffMinor int64
	Currency       string
}

// AddCode records a code, creating it in the shop when AccountID is set.
func (s *Service) AddCode(ctx context.Context, req NewCode, actor string) (store.DiscountCode, error) {
	req.Code = strings.TrimSpace(req.Code)
	if !codePattern.MatchString(req.Code) {
		return store.DiscountCode{}, invalid("code", "codeFormat")
	}
	if _, err := s.Store.DiscountCodeByCode(ctx, req.Code); err == nil {
		return store.DiscountCode{}, invalid("code", "duplicate")
	}
	c := store.DiscountCode{Code: req.Code, Source: store.CodeSourceManual, ValueType: "percentage", ValueBasis: int64(req.Percent * 100)}
	if req.CreatorID != 0 {
		if _, err := s.Store.CreatorByID(ctx, req.CreatorID); err != nil {
			return c, err
		}
		c.CreatorID = &req.CreatorID
	}
	if req.CampaignID != 0 {
		c.CampaignID = &req.CampaignID
	}
	if req.AmountOffMinor > 0 {
		c.ValueType, c.ValueBasis = "fixed_amount", req.AmountOffMinor
	}
	if req.AccountID != 0 {
		if s.Sources == nil {
			return c, invalid("account", "noShop")
		}
		src, acc, err := s.Sources.OrderSource(ctx, req.AccountID)
		if err != nil {
			return c, err
		}
		nc := platforms.NewDiscountCode{Code: req.Code, Title: req.Code, Percent: req.Percent, StartsAt: s.now()}
		if req.AmountOffMinor > 0 {
			nc.Percent, nc.AmountOff = 0, formatAmount(req.AmountOffMinor, req.Currency)
		}
		made, err := src.CreateDiscountCode(ctx, nc)
		if err != nil {
			return c, err
		}
		c.Source, c.ExternalID, c.AccountID = store.CodeSourceShopify, made.ExternalID, &acc.ID
	}
	if err := s.Store.CreateDiscountCode(ctx, &c); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			return c, invalid("code", "duplicate")
		}
		return c, err
	}
	s.audit(ctx, actor, "code.created", "discount_code", c.ID, "", nil, c)
	return c, nil
}

// SyncCodeUsage reads each shop code's usage count from its shop.
func (s *Service) SyncCodeUsage(ctx context.Context) (int, error) {
	if s.Sources == nil {
		return 0, nil
	}
	codes, err := s.Store.DiscountCodes(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, c := range codes {
		if c.Source != store.CodeSourceShopify || c.AccountID == nil {
			continue
		}
		src, _, err := s.Sources.OrderSource(ctx, *c.AccountID)
		if err != nil {
			return n, err
		}
		u, err := src.CodeUsage(ctx, c.Code)
		if err != nil {
			if platforms.KindOf(err) == platforms.KindPermanent {
				continue // deleted in the shop: keep the last count
			}
			return n, err
		}
		if err := s.Store.SetCodeUsage(ctx, c.ID, u.UsageCount); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
