package shopify

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// maxPage is the GraphQL Admin API's largest page of orders.
const maxPage = 250

// orderCursor is the persisted position of the orders sync: orders updated at
// or after UpdatedMin, continuing after the GraphQL cursor After.
type orderCursor struct {
	UpdatedMin string `json:"u,omitempty"`
	// Seen is the newest updatedAt read so far in the current pass.
	Seen  string `json:"s,omitempty"`
	After string `json:"a,omitempty"`
}

// wireVisit is a CustomerVisit.
type wireVisit struct {
	OccurredAt    string `json:"occurredAt"`
	LandingPage   string `json:"landingPage"`
	ReferrerURL   string `json:"referrerUrl"`
	UTMParameters *struct {
		Source   string `json:"source"`
		Medium   string `json:"medium"`
		Campaign string `json:"campaign"`
		Content  string `json:"content"`
		Term     string `json:"term"`
	} `json:"utmParameters"`
}

// wireOrder is one Order node.
type wireOrder struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	CreatedAt     string `json:"createdAt"`
	UpdatedAt     string `json:"updatedAt"`
	TotalPriceSet struct {
		ShopMoney struct {
			Amount       string `json:"amount"`
			CurrencyCode string `json:"currencyCode"`
		} `json:"shopMoney"`
	} `json:"totalPriceSet"`
	DiscountCodes []string `json:"discountCodes"`
	Customer      *struct {
		ID string `json:"id"`
	} `json:"customer"`
	Journey *struct {
		FirstVisit *wireVisit `json:"firstVisit"`
		LastVisit  *wireVisit `json:"lastVisit"`
	} `json:"customerJourneySummary"`
}

// ListOrders implements platforms.OrderSource.
func (c *connector) ListOrders(ctx context.Context, cursor string, limit int) (platforms.OrderPage, error) {
	var cur orderCursor
	if cursor != "" {
		if err := json.Unmarshal([]byte(cursor), &cur); err != nil {
			cur = orderCursor{} // an unreadable cursor starts over; orders are stored idempotently
		}
	}
	if limit <= 0 || limit > maxPage {
		limit = maxPage
	}
	vars := map[string]any{"first": limit}
	if cur.After != "" {
		vars["after"] = cur.After
	}
	if cur.UpdatedMin != "" {
		vars["query"] = "updated_at:>='" + cur.UpdatedMin + "'"
	}
	var out struct {
		Orders struct {
			PageInfo struct {
				HasNextPage bool   `json:"hasNextPage"`
				EndCursor   string `json:"endCursor"`
			} `json:"pageInfo"`
			Nodes []json.RawMessage `json:"nodes"`
		} `json:"orders"`
	}
	if err := c.graphql(ctx, "orders", queryOrders, vars, &out); err != nil {
		return platforms.OrderPage{}, err
	}
	page := platforms.OrderPage{}
	for _, raw := range out.Orders.Nodes {
		o, ok := decodeOrder(raw)
		if !ok {
			page.Skipped++
			continue
		}
		if u := o.UpdatedAt.UTC().Format(time.RFC3339); u > cur.Seen {
			cur.Seen = u
		}
		page.Orders = append(page.Orders, o)
	}
	if out.Orders.PageInfo.HasNextPage && out.Orders.PageInfo.EndCursor != "" {
		cur.After = out.Orders.PageInfo.EndCursor
		page.More = true
	} else {
		// The pass is complete: the next one asks for orders updated since the newest seen.
		cur.After = ""
		if cur.Seen != "" {
			cur.UpdatedMin = cur.Seen
		}
	}
	b, _ := json.Marshal(cur)
	page.Cursor = string(b)
	return page, nil
}

// decodeOrder turns one node into a ShopOrder; ok is false for a malformed node.
func decodeOrder(raw json.RawMessage) (platforms.ShopOrder, bool) {
	var w wireOrder
	if err := json.Unmarshal(raw, &w); err != nil || w.ID == "" {
		return platforms.ShopOrder{}, false
	}
	created, err1 := time.Parse(time.RFC3339, w.CreatedAt)
	updated, err2 := time.Parse(time.RFC3339, w.UpdatedAt)
	money := w.TotalPriceSet.ShopMoney
	if err1 != nil || err2 != nil || money.Amount == "" || money.CurrencyCode == "" || !isDecimal(money.Amount) {
		return platforms.ShopOrder{}, false
	}
	o := platforms.ShopOrder{ExternalID: w.ID, Name: w.Name, Total: money.Amount, Currency: money.CurrencyCode,
		DiscountCodes: w.DiscountCodes, CreatedAt: created, UpdatedAt: updated}
	if w.Customer != nil {
		o.CustomerRef = w.Customer.ID
	}
	if w.Journey != nil {
		for _, v := range []*wireVisit{w.Journey.FirstVisit, w.Journey.LastVisit} {
			if v == nil {
				continue
			}
			pv := platforms.Visit{LandingPage: v.LandingPage, ReferrerURL: v.ReferrerURL}
			pv.At, _ = time.Parse(time.RFC3339, v.OccurredAt)
			if v.UTMParameters != nil {
				pv.UTMSource, pv.UTMMedium, pv.UTMCampaign = v.UTMParameters.Source, v.UTMParameters.Medium, v.UTMParameters.Campaign
				pv.UTMContent, pv.UTMTerm = v.UTMParameters.Content, v.UTMParameters.Term
			}
			o.Visits = append(o.Visits, pv)
		}
		if n := len(o.Visits); n > 0 {
			o.LandingSite, o.ReferringSite = o.Visits[n-1].LandingPage, o.Visits[n-1].ReferrerURL
		}
	}
	return o, true
}

// isDecimal reports whether s is a plain decimal number ("12", "12.50", "-3.1").
func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	dot := false
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r == '.' && !dot:
			dot = true
		case r < '0' || r > '9':
			return false
		}
	}
	return true
}
