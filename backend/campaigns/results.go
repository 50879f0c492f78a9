package campaigns

import (
	"context"
	"fmt"
	"sort"

	"creatordesk/backend/store"
)

// ResultRow is one creator, code, campaign or template in one currency.
type ResultRow struct {
	Key          int64
	Label        string
	Currency     string
	Orders       int64
	RevenueMinor int64
	// AOVMinor is revenue / orders (0 without orders).
	AOVMinor int64
	// Assisted counts orders this creator touched without being credited (creators only).
	Assisted int64
	// DMConversations are conversations where we shared this key's code or link;
	// DMOrders those of its orders a conversation led to. DMConversion = DMOrders / DMConversations.
	DMConversations int64
	DMOrders        int64
	DMConversion    float64
	// CostMinor is agreed creator fees (creators and campaigns); CPA and ROAS need it.
	CostMinor int64
	CPAMinor  int64
	ROAS      float64
}

// Range is a half-open window of order times in Unix ms (0 = open).
type Range struct{ From, To int64 }

// Results computes results per key of dim for orders in r.
func (s *Service) Results(ctx context.Context, dim store.ResultDimension, r Range) ([]ResultRow, error) {
	totals, err := s.Store.AttributedTotals(ctx, dim, r.From, r.To)
	if err != nil {
		return nil, err
	}
	labels, err := s.labels(ctx, dim)
	if err != nil {
		return nil, err
	}
	shared, err := s.Store.SharedConversations(ctx, dim, r.From, r.To)
	if err != nil {
		return nil, err
	}
	sharedBy := map[int64]int64{}
	for _, kc := range shared {
		sharedBy[kc.Key] = kc.Count
	}
	assisted := map[int64]int64{}
	if dim == store.DimCreator {
		ac, err := s.Store.AssistCounts(ctx, r.From, r.To)
		if err != nil {
			return nil, err
		}
		for _, kc := range ac {
			assisted[kc.Key] = kc.Count
		}
	}
	costs, err := s.Store.CampaignCosts(ctx, dim, r.From, r.To)
	if err != nil {
		return nil, err
	}
	costBy := map[string]int64{}
	for _, c := range costs {
		costBy[fmt.Sprint(c.Key, "/", c.Currency)] += c.CostMinor
	}
	rows := make([]ResultRow, 0, len(totals))
	seen := map[int64]bool{}
	for _, t := range totals {
		row := ResultRow{Key: t.Key, Label: labels[t.Key], Currency: t.Currency, Orders: t.Orders, RevenueMinor: t.RevenueMinor,
			DMOrders: t.DMOrders, Assisted: assisted[t.Key], CostMinor: costBy[fmt.Sprint(t.Key, "/", t.Currency)]}
		if !seen[t.Key] { // conversations are counted once per key, on its first currency row
			row.DMConversations = sharedBy[t.Key]
			seen[t.Key] = true
		}
		finish(&row)
		rows = append(rows, row)
	}
	// Keys with conversations, assists or costs but no credited order yet still show.
	extra := map[int64]bool{}
	for k := range sharedBy {
		extra[k] = true
	}
	for k := range assisted {
		extra[k] = true
	}
	for _, c := range costs {
		extra[c.Key] = true
	}
	for k := range extra {
		if seen[k] || labels[k] == "" {
			continue
		}
		row := ResultRow{Key: k, Label: labels[k], DMConversations: sharedBy[k], Assisted: assisted[k]}
		for _, c := range costs {
			if c.Key == k {
				row.CostMinor, row.Currency = row.CostMinor+c.CostMinor, c.Currency
			}
		}
		finish(&row)
		rows = append(rows, row)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].RevenueMinor != rows[j].RevenueMinor {
			return rows[i].RevenueMinor > rows[j].RevenueMinor
		}
		return rows[i].Label < rows[j].Label
	})
	return rows, nil
}

// finish computes the ratios of a row.
func finish(r *ResultRow) {
	if r.Orders > 0 {
		r.AOVMinor = r.RevenueMinor / r.Orders
		if r.CostMinor > 0 {
			r.CPAMinor = r.CostMinor / r.Orders
		}
	}
	if r.DMConversations > 0 {
		r.DMConversion = float64(r.DMOrders) / float64(r.DMConversations)
	}
	if r.CostMinor > 0 {
		r.ROAS = float64(r.RevenueMinor) / float64(r.CostMinor)
	}
}

// labels names each key of dim.
func (s *Service) labels(ctx context.Context, dim store.ResultDimension) (map[int64]string, error) {
	out := map[int64]string{}
	switch dim {
	case store.DimCreator:
		cs, err := s.Store.Creators(ctx, true)
		for _, c := range cs {
			out[c.ID] = c.Name
		}
		return out, err
	case store.DimCode:
		cs, err := s.Store.DiscountCodes(ctx)
		for _, c := range cs {
			out[c.ID] = c.Code
		}
		return out, err
	case store.DimCampaign:
		cs, err := s.Store.Campaigns(ctx)
		for _, c := range cs {
			out[c.ID] = c.Name
		}
		return out, err
	case store.DimTemplate:
		// Template names live with the templates area; the id is the label here.
		rows, err := s.Store.AttributedTotals(ctx, dim, 0, 0)
		for _, r := range rows {
			out[r.Key] = fmt.Sprintf("#%d", r.Key)
		}
		return out, err
	}
	return out, nil
}

// Revenue is the revenue KPI: orders and revenue per creator and per code.
// The CLI (`creatordesk kpi revenue`) and the Results tab both use it.
type Revenue struct {
	From, To  int64
	ByCreator []ResultRow
	ByCode    []ResultRow
	// Totals are all orders placed in the range per currency, credited or not.
	Totals []CurrencyTotal
}

// CurrencyTotal is orders and revenue in one currency.
type CurrencyTotal struct {
	Currency     string
	Orders       int64
	RevenueMinor int64
	Credited     int64
}

// RevenueKPI computes the revenue KPI for r.
func (s *Service) RevenueKPI(ctx context.Context, r Range) (Revenue, error) {
	out := Revenue{From: r.From, To: r.To}
	var err error
	if out.ByCreator, err = s.Results(ctx, store.DimCreator, r); err != nil {
		return out, err
	}
	if out.ByCode, err = s.Results(ctx, store.DimCode, r); err != nil {
		return out, err
	}
	totals, err := s.Store.OrderTotals(ctx, r.From, r.To)
	if err != nil {
		return out, err
	}
	for _, t := range totals {
		out.Totals = append(out.Totals, CurrencyTotal{Currency: t.Currency, Orders: t.Orders, RevenueMinor: t.RevenueMinor, Credited: t.Credited})
	}
	return out, nil
}
