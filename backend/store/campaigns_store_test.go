package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// openCampaignsTest opens a database migrated up to the campaigns step, so these
// tests do not depend on later areas' unreleased steps.
func openCampaignsTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), FileName), Options{Now: func() time.Time { return fixedNow }, schemaTarget: 9})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestCampaignsSchemaOrdersAreUniquePerSourceShopAndID(t *testing.T) {
	s := openCampaignsTest(t)
	ctx := context.Background()
	orders := []Order{
		{Source: OrderSourceCSV, ExternalID: "#1001", TotalMinor: 4500, Currency: "EUR", DiscountCodes: "ANA10", OrderedAt: 1},
		{Source: OrderSourceCSV, ExternalID: "#1002", TotalMinor: 1999, Currency: "EUR", OrderedAt: 2},
	}
	res, err := s.UpsertOrders(ctx, append([]Order(nil), orders...), false)
	if err != nil || res.Inserted != 2 {
		t.Fatalf("first import %+v %v", res, err)
	}
	orders[0].TotalMinor = 9999
	res, err = s.UpsertOrders(ctx, append([]Order(nil), orders...), false)
	if err != nil || res.Inserted != 0 || res.Unchanged != 2 {
		t.Fatalf("re-import %+v %v", res, err)
	}
	if n := countRows(t, s, "orders"); n != 2 {
		t.Fatalf("orders %d", n)
	}
	res, err = s.UpsertOrders(ctx, append([]Order(nil), orders[:1]...), true)
	if err != nil || res.Updated != 1 {
		t.Fatalf("sync update %+v %v", res, err)
	}
	if n := countRows(t, s, "order_discount_codes"); n != 1 {
		t.Fatalf("codes rows %d", n)
	}
	// The same external id from another shop is another order.
	if res, _ := s.UpsertOrders(ctx, []Order{{Source: OrderSourceShopify, Shop: "a.myshopify.com", ExternalID: "#1001", Currency: "EUR", OrderedAt: 3}}, true); res.Inserted != 1 {
		t.Fatalf("other shop %+v", res)
	}
}

func TestCampaignsAttributedTotalsGroupByCreatorAndCurrency(t *testing.T) {
	s := openCampaignsTest(t)
	ctx := context.Background()
	ana := Creator{Name: "Ana", Handles: []CreatorHandle{{Platform: "instagram", Handle: "ana"}}}
	if err := s.SaveCreator(ctx, &ana); err != nil {
		t.Fatal(err)
	}
	res, err := s.UpsertOrders(ctx, []Order{
		{Source: OrderSourceCSV, ExternalID: "1", TotalMinor: 1000, Currency: "EUR", OrderedAt: 10},
		{Source: OrderSourceCSV, ExternalID: "2", TotalMinor: 3000, Currency: "EUR", OrderedAt: 20},
		{Source: OrderSourceCSV, ExternalID: "3", TotalMinor: 500, Currency: "USD", OrderedAt: 30},
		{Source: OrderSourceCSV, ExternalID: "4", TotalMinor: 700, Currency: "EUR", OrderedAt: 40},
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	var results []AttributionResult
	for _, id := range res.IDs[:3] {
		results = append(results, AttributionResult{OrderID: id, Model: "code_first", Rule: "code", CreatorID: &ana.ID})
	}
	if err := s.SaveAttribution(ctx, results); err != nil {
		t.Fatal(err)
	}
	totals, err := s.AttributedTotals(ctx, DimCreator, 0, 0)
	if err != nil || len(totals) != 2 {
		t.Fatalf("totals %+v %v", totals, err)
	}
	if totals[0].Currency != "EUR" || totals[0].Orders != 2 || totals[0].RevenueMinor != 4000 {
		t.Fatalf("EUR totals %+v", totals[0])
	}
	window, _ := s.AttributedTotals(ctx, DimCreator, 15, 35)
	if len(window) != 2 || window[0].Orders+window[1].Orders != 2 {
		t.Fatalf("window totals %+v", window)
	}
	if _, err := s.AttributionFor(ctx, res.IDs[3]); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unattributed order: %v", err)
	}
}
