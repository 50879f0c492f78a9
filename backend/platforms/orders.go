package platforms

import (
	"context"
	"time"
)

// Shop connectors (Shopify) declare CapListOrders and no messaging capability.
// The sync engine's message loop has nothing to fetch from them: their Poll
// returns empty pages, and SyncsMessages lets the engine skip them outright.

// SyncsMessages reports whether a connector with caps has a message or comment
// stream for the sync engine to poll.
func SyncsMessages(caps []Capability) bool {
	return Has(caps, CapListThreads) || Has(caps, CapFetchMessages) || Has(caps, CapListComments)
}

// Visit is one visit of a customer's journey before an order, as a shop reports it.
type Visit struct {
	At          time.Time
	LandingPage string
	ReferrerURL string
	UTMSource   string
	UTMMedium   string
	UTMCampaign string
	UTMContent  string
	UTMTerm     string
}

// ShopOrder is one order as a shop reports it. Money stays the platform's
// decimal text; the campaigns area turns it into minor units.
type ShopOrder struct {
	ExternalID    string
	Name          string
	Total         string
	Currency      string
	CustomerRef   string
	DiscountCodes []string
	LandingSite   string
	ReferringSite string
	// Visits are the customer's journey, first visit first (may be empty).
	Visits    []Visit
	CreatedAt time.Time
	UpdatedAt time.Time
}

// OrderPage is one page of ListOrders.
type OrderPage struct {
	Orders []ShopOrder
	// Skipped counts orders that could not be decoded (logged and left out).
	Skipped int
	// Cursor continues after this page; persist it with the orders.
	Cursor string
	More   bool
}

// NewDiscountCode asks a shop for a creator's discount code.
type NewDiscountCode struct {
	Code  string
	Title string
	// Percent off (1..100) when > 0; otherwise AmountOff (decimal text in the shop currency).
	Percent   float64
	AmountOff string
	StartsAt  time.Time
	EndsAt    time.Time
	// UsageLimit caps total uses (0 = none); OncePerCustomer limits each customer to one.
	UsageLimit      int
	OncePerCustomer bool
}

// CodeUsage is a discount code as the shop knows it.
type CodeUsage struct {
	ExternalID string
	Code       string
	UsageCount int64
}

// OrderSource is implemented by connectors that declare CapListOrders.
type OrderSource interface {
	// ListOrders returns orders updated after cursor ("" = from the start).
	ListOrders(ctx context.Context, cursor string, limit int) (OrderPage, error)
	// CreateDiscountCode creates a code in the shop.
	CreateDiscountCode(ctx context.Context, code NewDiscountCode) (CodeUsage, error)
	// CodeUsage reads how often a code was used.
	CodeUsage(ctx context.Context, code string) (CodeUsage, error)
}
