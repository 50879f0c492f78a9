package campaigns

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"creatordesk/backend/campaigns/money"
	"creatordesk/backend/campaigns/orderimport"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// BadRowsError refuses an import whose file has bad rows (nothing was stored).
type BadRowsError struct{ Count int }

// Error implements error.
func (e *BadRowsError) Error() string {
	return fmt.Sprintf("campaigns: %d rows cannot be imported; fix them or skip them", e.Count)
}

// ErrorKey implements the app's KeyedError.
func (e *BadRowsError) ErrorKey() (string, string, map[string]string) {
	return "orders_bad_rows", "errors.campaigns.badRows", map[string]string{"count": fmt.Sprint(e.Count)}
}

// ImportResult says what an import stored.
type ImportResult struct {
	Read, Inserted, AlreadyThere, Skipped int
}

// ImportOrders stores a previewed file's orders. With bad rows it stores
// nothing unless skipBad is set; orders already imported are left as they are.
// Attribution is recomputed afterwards.
func (s *Service) ImportOrders(ctx context.Context, p orderimport.Preview, skipBad bool, actor string) (ImportResult, error) {
	if len(p.BadRows) > 0 && !skipBad {
		return ImportResult{}, &BadRowsError{Count: len(p.BadRows)}
	}
	res := ImportResult{Read: len(p.Orders), Skipped: len(p.BadRows)}
	if len(p.Orders) == 0 {
		return res, nil
	}
	up, err := s.Store.UpsertOrders(ctx, append([]store.Order(nil), p.Orders...), false)
	if err != nil {
		return res, err
	}
	res.Inserted, res.AlreadyThere = up.Inserted, up.Unchanged
	s.audit(ctx, actor, "orders.imported", "orders", 0, p.Format, nil, res)
	if _, err := s.Reattribute(ctx); err != nil {
		return res, err
	}
	return res, nil
}

// cursorKey is the setting holding a shop account's orders cursor.
func cursorKey(accountID int64) string {
	return fmt.Sprintf("campaigns.shopify.orders_cursor.%d", accountID)
}

// SyncResult counts one orders sync.
type SyncResult struct {
	Pages, Inserted, Updated, Skipped int
}

// SyncOrders fetches every order changed since the last sync of a shop
// account, page by page, saving the cursor after each stored page (a crash
// resumes without gaps; orders are stored idempotently, so no duplicates).
func (s *Service) SyncOrders(ctx context.Context, accountID int64) (SyncResult, error) {
	var res SyncResult
	if s.Sources == nil {
		return res, invalid("account", "noShop")
	}
	src, acc, err := s.Sources.OrderSource(ctx, accountID)
	if err != nil {
		return res, err
	}
	cursor, err := s.Store.Setting(ctx, cursorKey(accountID), "")
	if err != nil {
		return res, err
	}
	for pages := 0; pages < 10000; pages++ {
		page, err := src.ListOrders(ctx, cursor, 0)
		if err != nil {
			return res, err
		}
		orders := make([]store.Order, 0, len(page.Orders))
		for _, po := range page.Orders {
			o, ok := fromShopOrder(po, acc)
			if !ok {
				res.Skipped++
				continue
			}
			orders = append(orders, o)
		}
		up, err := s.Store.UpsertOrders(ctx, orders, true)
		if err != nil {
			return res, err
		}
		if err := s.Store.SetSetting(ctx, cursorKey(accountID), page.Cursor); err != nil {
			return res, err
		}
		res.Pages++
		res.Inserted += up.Inserted
		res.Updated += up.Updated
		res.Skipped += page.Skipped
		stalled := page.Cursor == cursor && len(page.Orders) == 0
		cursor = page.Cursor
		if !page.More || stalled {
			break
		}
	}
	if res.Inserted+res.Updated > 0 {
		if _, err := s.Reattribute(ctx); err != nil {
			return res, err
		}
	}
	return res, nil
}

// visitJSON is one journey entry stored on an order.
type visitJSON struct {
	At       int64  `json:"at"`
	Landing  string `json:"landing,omitempty"`
	Referrer string `json:"referrer,omitempty"`
	Source   string `json:"source,omitempty"`
	Medium   string `json:"medium,omitempty"`
	Campaign string `json:"campaign,omitempty"`
	Content  string `json:"content,omitempty"`
	Term     string `json:"term,omitempty"`
}

// fromShopOrder turns a shop order into a stored order.
func fromShopOrder(po platforms.ShopOrder, acc store.Account) (store.Order, bool) {
	amount, err := money.Parse(po.Total, po.Currency)
	if err != nil || len(po.Currency) != 3 {
		return store.Order{}, false
	}
	o := store.Order{Source: store.OrderSourceShopify, Shop: firstNonEmpty(acc.Handle, acc.BaseURL), ExternalID: po.ExternalID,
		Name: po.Name, TotalMinor: amount.Minor, Currency: strings.ToUpper(po.Currency), CustomerRef: po.CustomerRef,
		DiscountCodes: orderimport.NormalizeCodes(po.DiscountCodes), LandingSite: po.LandingSite, ReferringSite: po.ReferringSite,
		AccountID: &acc.ID, OrderedAt: po.CreatedAt.UnixMilli()}
	var visits []visitJSON
	for _, v := range po.Visits {
		visits = append(visits, visitJSON{At: v.At.UnixMilli(), Landing: v.LandingPage, Referrer: v.ReferrerURL,
			Source: v.UTMSource, Medium: v.UTMMedium, Campaign: v.UTMCampaign, Content: v.UTMContent, Term: v.UTMTerm})
	}
	if len(visits) > 0 {
		b, _ := json.Marshal(visits)
		o.Journey = string(b)
		last := visits[len(visits)-1]
		o.UTMSource, o.UTMMedium, o.UTMCampaign, o.UTMContent, o.UTMTerm = last.Source, last.Medium, last.Campaign, last.Content, last.Term
	}
	orderimport.FillUTMFromLanding(&o)
	return o, true
}

// firstNonEmpty returns the first non-empty string.
func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
