package app

import (
	"encoding/json"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/campaigns/attribution"
	"creatordesk/backend/campaigns/orderimport"
	"creatordesk/backend/store"
)

// CreatorHandleDTO is a creator's handle on one platform.
type CreatorHandleDTO struct {
	Platform string `json:"platform"`
	Handle   string `json:"handle"`
}

// CreatorDTO is a creator profile.
type CreatorDTO struct {
	ID        int64              `json:"id"`
	Name      string             `json:"name"`
	Email     string             `json:"email"`
	Phone     string             `json:"phone"`
	RateMinor int64              `json:"rateMinor"`
	Currency  string             `json:"currency"`
	RateUnit  string             `json:"rateUnit"`
	Notes     string             `json:"notes"`
	Archived  bool               `json:"archived"`
	Handles   []CreatorHandleDTO `json:"handles"`
}

// CampaignDTO is a campaign with its pipeline stage.
type CampaignDTO struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Slug         string `json:"slug"`
	Brief        string `json:"brief"`
	StartsAt     string `json:"startsAt"`
	EndsAt       string `json:"endsAt"`
	Deliverables string `json:"deliverables"`
	BudgetMinor  int64  `json:"budgetMinor"`
	Currency     string `json:"currency"`
	Compensation string `json:"compensation"`
	Stage        string `json:"stage"`
}

// CampaignCreatorDTO is a creator on a campaign with the agreed fee (the cost of CPA and ROAS).
type CampaignCreatorDTO struct {
	CampaignID int64 `json:"campaignId"`
	CreatorID  int64 `json:"creatorId"`
	FeeMinor   int64 `json:"feeMinor"`
}

// CodeDTO is a discount code.
type CodeDTO struct {
	ID            int64   `json:"id"`
	Code          string  `json:"code"`
	CreatorID     int64   `json:"creatorId"`
	CampaignID    int64   `json:"campaignId"`
	Source        string  `json:"source"`
	ValueType     string  `json:"valueType"`
	Value         float64 `json:"value"`
	UsageCount    int64   `json:"usageCount"`
	UsageSyncedAt string  `json:"usageSyncedAt"`
}

// NewCodeRequest asks for a discount code (created in the shop when accountId is set).
type NewCodeRequest struct {
	Code           string  `json:"code"`
	CreatorID      int64   `json:"creatorId"`
	CampaignID     int64   `json:"campaignId"`
	AccountID      int64   `json:"accountId"`
	Percent        float64 `json:"percent"`
	AmountOffMinor int64   `json:"amountOffMinor"`
	Currency       string  `json:"currency"`
}

// LinkDTO is a tracked link.
type LinkDTO struct {
	ID          int64  `json:"id"`
	CreatorID   int64  `json:"creatorId"`
	CampaignID  int64  `json:"campaignId"`
	URL         string `json:"url"`
	UTMSource   string `json:"utmSource"`
	UTMMedium   string `json:"utmMedium"`
	UTMCampaign string `json:"utmCampaign"`
	UTMContent  string `json:"utmContent"`
	UTMTerm     string `json:"utmTerm"`
	CreatedAt   string `json:"createdAt"`
}

// NewLinkRequest asks for a tracked link.
type NewLinkRequest struct {
	BaseURL    string `json:"baseUrl"`
	CreatorID  int64  `json:"creatorId"`
	CampaignID int64  `json:"campaignId"`
	Platform   string `json:"platform"`
	Term       string `json:"term"`
}

// ExplanationPartDTO is one translated sentence of an attribution explanation.
type ExplanationPartDTO struct {
	Key  string            `json:"key"`
	Args map[string]string `json:"args"`
}

// OrderDTO is an order with where it is credited and why.
type OrderDTO struct {
	ID             int64                `json:"id"`
	Source         string               `json:"source"`
	ExternalID     string               `json:"externalId"`
	Name           string               `json:"name"`
	TotalMinor     int64                `json:"totalMinor"`
	Currency       string               `json:"currency"`
	DiscountCodes  []string             `json:"discountCodes"`
	OrderedAt      string               `json:"orderedAt"`
	Rule           string               `json:"rule"`
	CreatorID      int64                `json:"creatorId"`
	CreatorName    string               `json:"creatorName"`
	ConversationID int64                `json:"conversationId"`
	Explanation    []ExplanationPartDTO `json:"explanation"`
	ExplanationEn  string               `json:"explanationEn"`
}

// OrderImportRequest is a CSV file's text and how to read it.
type OrderImportRequest struct {
	Content string `json:"content"`
	// Format is shopify, woocommerce, custom or "" to detect.
	Format   string            `json:"format"`
	Columns  map[string]string `json:"columns"`
	Currency string            `json:"currency"`
	// DateOrder is dmy, mdy or "".
	DateOrder string `json:"dateOrder"`
	FileName  string `json:"fileName"`
	SkipBad   bool   `json:"skipBad"`
}

// BadRowDTO is one row an import cannot take as it is.
type BadRowDTO struct {
	Line    int    `json:"line"`
	Problem string `json:"problem"`
	Column  string `json:"column"`
	Value   string `json:"value"`
	Message string `json:"message"`
}

// OrderImportPreviewDTO is what an import would do.
type OrderImportPreviewDTO struct {
	Format           string            `json:"format"`
	Delimiter        string            `json:"delimiter"`
	Headers          []string          `json:"headers"`
	Columns          map[string]string `json:"columns"`
	Sample           [][]string        `json:"sample"`
	Rows             int               `json:"rows"`
	Valid            int               `json:"valid"`
	BadRows          []BadRowDTO       `json:"badRows"`
	DateOrder        string            `json:"dateOrder"`
	DateOrderGuessed bool              `json:"dateOrderGuessed"`
	// MappingProblem is why the columns could not be matched (null when they were).
	MappingProblem *AppError `json:"mappingProblem"`
}

// OrderImportResultDTO is what an import stored.
type OrderImportResultDTO struct {
	Read         int `json:"read"`
	Inserted     int `json:"inserted"`
	AlreadyThere int `json:"alreadyThere"`
	Skipped      int `json:"skipped"`
}

// ResultRowDTO is results for one creator, code, campaign or template in one currency.
type ResultRowDTO struct {
	Key             int64   `json:"key"`
	Label           string  `json:"label"`
	Currency        string  `json:"currency"`
	Orders          int64   `json:"orders"`
	RevenueMinor    int64   `json:"revenueMinor"`
	AOVMinor        int64   `json:"aovMinor"`
	Assisted        int64   `json:"assisted"`
	DMConversations int64   `json:"dmConversations"`
	DMOrders        int64   `json:"dmOrders"`
	DMConversion    float64 `json:"dmConversion"`
	CostMinor       int64   `json:"costMinor"`
	CPAMinor        int64   `json:"cpaMinor"`
	ROAS            float64 `json:"roas"`
}

// CurrencyTotalDTO is all orders of one currency in a range.
type CurrencyTotalDTO struct {
	Currency     string `json:"currency"`
	Orders       int64  `json:"orders"`
	RevenueMinor int64  `json:"revenueMinor"`
	Credited     int64  `json:"credited"`
}

// RevenueDTO is the revenue KPI (the CLI's `kpi revenue --json` prints exactly this).
type RevenueDTO struct {
	From      string             `json:"from"`
	To        string             `json:"to"`
	ByCreator []ResultRowDTO     `json:"byCreator"`
	ByCode    []ResultRowDTO     `json:"byCode"`
	Totals    []CurrencyTotalDTO `json:"totals"`
}

// toCreatorDTO converts a stored creator.
func toCreatorDTO(c store.Creator) CreatorDTO {
	d := CreatorDTO{ID: c.ID, Name: c.Name, Email: c.Email, Phone: c.Phone, RateMinor: c.RateMinor, Currency: c.Currency,
		RateUnit: c.RateUnit, Notes: c.Notes, Archived: c.Archived, Handles: []CreatorHandleDTO{}}
	for _, h := range c.Handles {
		d.Handles = append(d.Handles, CreatorHandleDTO{Platform: h.Platform, Handle: h.Handle})
	}
	return d
}

// toCampaignDTO converts a stored campaign.
func toCampaignDTO(c store.Campaign) CampaignDTO {
	return CampaignDTO{ID: c.ID, Name: c.Name, Slug: c.Slug, Brief: c.Brief, StartsAt: rfc3339(c.StartsAt), EndsAt: rfc3339(c.EndsAt),
		Deliverables: c.Deliverables, BudgetMinor: c.BudgetMinor, Currency: c.Currency, Compensation: c.Compensation, Stage: c.Stage}
}

// toCodeDTO converts a stored code.
func toCodeDTO(c store.DiscountCode) CodeDTO {
	d := CodeDTO{ID: c.ID, Code: c.Code, CreatorID: deref64(c.CreatorID), CampaignID: deref64(c.CampaignID), Source: c.Source,
		ValueType: c.ValueType, UsageCount: c.UsageCount, UsageSyncedAt: rfc3339(c.UsageSyncedAt)}
	if c.ValueType == "percentage" {
		d.Value = float64(c.ValueBasis) / 100
	} else {
		d.Value = float64(c.ValueBasis)
	}
	return d
}

// toLinkDTO converts a stored link.
func toLinkDTO(l store.UTMLink) LinkDTO {
	return LinkDTO{ID: l.ID, CreatorID: deref64(l.CreatorID), CampaignID: deref64(l.CampaignID), URL: l.URL, UTMSource: l.UTMSource,
		UTMMedium: l.UTMMedium, UTMCampaign: l.UTMCampaign, UTMContent: l.UTMContent, UTMTerm: l.UTMTerm, CreatedAt: rfc3339(l.CreatedAt)}
}

// toOrderDTO converts an order row with its attribution.
func toOrderDTO(o store.OrderRow) OrderDTO {
	d := OrderDTO{ID: o.ID, Source: o.Source, ExternalID: o.ExternalID, Name: o.Name, TotalMinor: o.TotalMinor, Currency: o.Currency,
		DiscountCodes: o.Codes(), OrderedAt: rfc3339(o.OrderedAt), Rule: o.Rule, CreatorID: deref64(o.CreatorID),
		CreatorName: o.CreatorName, ConversationID: deref64(o.ConversationID), Explanation: []ExplanationPartDTO{}}
	if d.DiscountCodes == nil {
		d.DiscountCodes = []string{}
	}
	var e attribution.Explanation
	if json.Unmarshal([]byte(o.Explanation), &e) == nil {
		for _, p := range e.Parts {
			args := p.Args
			if args == nil {
				args = map[string]string{}
			}
			d.Explanation = append(d.Explanation, ExplanationPartDTO{Key: p.Key, Args: args})
		}
		d.ExplanationEn = e.English()
	}
	return d
}

// toPreviewDTO converts an import preview.
func toPreviewDTO(p orderimport.Preview) OrderImportPreviewDTO {
	d := OrderImportPreviewDTO{Format: p.Format, Delimiter: p.Delimiter, Headers: p.Headers, Columns: map[string]string{},
		Sample: p.Sample, Rows: p.Rows, Valid: len(p.Orders), BadRows: []BadRowDTO{}, DateOrder: p.DateOrder, DateOrderGuessed: p.DateOrderGuessed}
	if d.Headers == nil {
		d.Headers = []string{}
	}
	if d.Sample == nil {
		d.Sample = [][]string{}
	}
	for f, col := range p.Mapping.Columns {
		d.Columns[string(f)] = col
	}
	for _, b := range p.BadRows {
		d.BadRows = append(d.BadRows, BadRowDTO{Line: b.Line, Problem: string(b.Problem), Column: b.Column, Value: b.Value, Message: b.Message()})
	}
	return d
}

// toResultRows converts result rows.
func toResultRows(rows []campaigns.ResultRow) []ResultRowDTO {
	out := make([]ResultRowDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, ResultRowDTO{Key: r.Key, Label: r.Label, Currency: r.Currency, Orders: r.Orders, RevenueMinor: r.RevenueMinor,
			AOVMinor: r.AOVMinor, Assisted: r.Assisted, DMConversations: r.DMConversations, DMOrders: r.DMOrders, DMConversion: r.DMConversion,
			CostMinor: r.CostMinor, CPAMinor: r.CPAMinor, ROAS: r.ROAS})
	}
	return out
}

// deref64 is *p or 0.
func deref64(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}
