package shopify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/shopify/shopifyfake"
)

const testToken = "shpat_0123456789abcdef0123456789abcdef"

var t0 = time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)

// fixture starts a fake shop with n orders, one minute of updatedAt apart.
func fixture(t *testing.T, n int) (*shopifyfake.Server, *connector) {
	t.Helper()
	fake := shopifyfake.New(testToken)
	t.Cleanup(fake.Close)
	fake.Now = func() time.Time { return t0 }
	for i := 1; i <= n; i++ {
		at := t0.Add(time.Duration(i) * time.Minute)
		fake.AddOrders(shopifyfake.Order{ID: fmt.Sprintf("gid://shopify/Order/%d", 1000+i), Name: fmt.Sprintf("#%d", 1000+i),
			CreatedAt: at, UpdatedAt: at, Amount: "45.50", Currency: "EUR", DiscountCodes: []string{"ANA10"},
			LandingPage: "/products/mug?utm_source=instagram&utm_medium=creator&utm_campaign=spring&utm_content=ana"})
	}
	c, err := newConnector(platforms.Credentials{BaseURL: fake.URL, Token: testToken}, func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	return fake, c
}

// drain lists every order from cursor, collecting ids, and returns the final cursor.
func drain(t *testing.T, c *connector, cursor string, limit int) ([]string, string, int) {
	t.Helper()
	var ids []string
	skipped := 0
	for i := 0; i < 100; i++ {
		page, err := c.ListOrders(context.Background(), cursor, limit)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range page.Orders {
			ids = append(ids, o.ExternalID)
		}
		skipped += page.Skipped
		cursor = page.Cursor
		if !page.More {
			return ids, cursor, skipped
		}
	}
	t.Fatal("pagination never ended")
	return nil, "", 0
}

func TestVerifyAndCapabilities(t *testing.T) {
	_, c := fixture(t, 0)
	info, err := c.Verify(context.Background())
	if err != nil || info.ExternalID != "gid://shopify/Shop/4242" || info.Handle != "glaze-co.myshopify.com" {
		t.Fatalf("verify %+v %v", info, err)
	}
	if platforms.SyncsMessages(c.Capabilities()) || !platforms.Has(c.Capabilities(), platforms.CapListOrders) {
		t.Fatalf("capabilities %v", c.Capabilities())
	}
	page, err := c.Poll(context.Background(), "x", platforms.PollOptions{})
	if err != nil || len(page.Messages) != 0 || page.More || page.Cursor != "x" {
		t.Fatalf("poll %+v %v", page, err)
	}
	if _, err := c.Send(context.Background(), platforms.OutgoingMessage{Text: "hi"}); platforms.KindOf(err) != platforms.KindPermanent {
		t.Fatalf("send %v", err)
	}
}

func TestListOrdersPagesThenSyncsIncrementally(t *testing.T) {
	fake, c := fixture(t, 7)
	ids, cursor, _ := drain(t, c, "", 3)
	if len(ids) != 7 || ids[0] != "gid://shopify/Order/1001" || ids[6] != "gid://shopify/Order/1007" {
		t.Fatalf("first sync %v", ids)
	}
	page, _ := c.ListOrders(context.Background(), "", 3)
	o := page.Orders[0]
	if o.Total != "45.50" || o.Currency != "EUR" || len(o.DiscountCodes) != 1 || len(o.Visits) != 2 || o.Visits[1].UTMContent != "ana" {
		t.Fatalf("decoded order %+v", o)
	}
	// Later: one order changes, one is new. The next pass returns them (and the
	// boundary order with the same updatedAt as the last seen, harmless).
	later := t0.Add(time.Hour)
	fake.AddOrders(shopifyfake.Order{ID: "gid://shopify/Order/2000", Name: "#2000", CreatedAt: later, UpdatedAt: later, Amount: "10.00", Currency: "EUR"})
	again, _, _ := drain(t, c, cursor, 3)
	if len(again) != 2 || again[1] != "gid://shopify/Order/2000" {
		t.Fatalf("incremental sync %v", again)
	}
}

func TestRestartMidPagingResumesWithoutGapsOrDuplicates(t *testing.T) {
	_, c := fixture(t, 10)
	first, err := c.ListOrders(context.Background(), "", 4)
	if err != nil || !first.More {
		t.Fatalf("first page %+v %v", first, err)
	}
	// The process dies here; a new connector resumes from the persisted cursor.
	c2, _ := newConnector(platforms.Credentials{BaseURL: c.base, Token: testToken}, c.now)
	rest, _, _ := drain(t, c2, first.Cursor, 4)
	seen := map[string]bool{}
	for _, o := range first.Orders {
		seen[o.ExternalID] = true
	}
	for _, id := range rest {
		if seen[id] {
			t.Fatalf("duplicate %s", id)
		}
		seen[id] = true
	}
	if len(seen) != 10 {
		t.Fatalf("gap: %d orders", len(seen))
	}
}

func TestThrottledQueryCostAndRetryAfterAreRateLimits(t *testing.T) {
	fake, c := fixture(t, 2)
	fake.ThrottleNext(1)
	_, err := c.ListOrders(context.Background(), "", 50)
	if platforms.KindOf(err) != platforms.KindRateLimited || platforms.RetryAfterOf(err) != 2*time.Second {
		// cost 52 with nothing available at 50/s is two seconds away
		t.Fatalf("throttled: %v (%v)", err, platforms.RetryAfterOf(err))
	}
	fake.FailNext(1, 429)
	_, err = c.ListOrders(context.Background(), "", 50)
	if platforms.KindOf(err) != platforms.KindRateLimited || platforms.RetryAfterOf(err) != 2*time.Second {
		t.Fatalf("429: %v", err)
	}
	fake.Now = func() time.Time { return t0.Add(5 * time.Second) } // the bucket refills
	page, err := c.ListOrders(context.Background(), "", 50)
	if err != nil || len(page.Orders) != 2 {
		t.Fatalf("after waiting: %+v %v", page, err)
	}
}

func TestBadTokenIsAnAuthErrorWithoutTheToken(t *testing.T) {
	fake, _ := fixture(t, 1)
	c, _ := newConnector(platforms.Credentials{BaseURL: fake.URL, Token: "shpat_wrong_wrong_wrong_wrong"}, time.Now)
	_, err := c.Verify(context.Background())
	if platforms.KindOf(err) != platforms.KindAuth {
		t.Fatalf("want auth error, got %v", err)
	}
	if s := err.Error(); len(s) == 0 || strings.Contains(s, "shpat_wrong") {
		t.Fatalf("error leaks the token: %s", s)
	}
}

func TestMalformedOrderIsSkippedAndTheRestStored(t *testing.T) {
	fake, c := fixture(t, 3)
	fake.AddOrders(shopifyfake.Order{ID: "bad", UpdatedAt: t0.Add(2 * time.Minute),
		Raw: json.RawMessage(`{"id":"gid://shopify/Order/666","createdAt":"yesterday","totalPriceSet":{"shopMoney":{"amount":"abc"}}}`)})
	ids, _, skipped := drain(t, c, "", 50)
	if len(ids) != 3 || skipped != 1 {
		t.Fatalf("ids %v skipped %d", ids, skipped)
	}
	fake.TruncateNext(1)
	if _, err := c.ListOrders(context.Background(), "", 50); platforms.KindOf(err) != platforms.KindTransient {
		t.Fatalf("truncated answer: %v", err)
	}
}

func TestClientCredentialsTokenIsRenewedWhenRefused(t *testing.T) {
	fake, _ := fixture(t, 1)
	fake.Token = ""
	fake.ClientID, fake.ClientSecret = "client-123", "shpss_secret_secret_secret_secret"
	clock := t0
	c, _ := newConnector(platforms.Credentials{BaseURL: fake.URL, Token: fake.ClientSecret, Extra: map[string]string{ClientIDKey: "client-123"}},
		func() time.Time { return clock })
	if _, err := c.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, grants := fake.Calls(); grants != 1 {
		t.Fatalf("token asked %d times, want once while valid", grants)
	}
	fake.ExpireTokens() // revoked early: the connector asks again once
	if _, err := c.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(24 * time.Hour) // due for renewal before any call
	if _, err := c.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, grants := fake.Calls(); grants != 3 {
		t.Fatalf("grants %d, want 3", grants)
	}
	bad, _ := newConnector(platforms.Credentials{BaseURL: fake.URL, Token: "shpss_nope_nope_nope_nope", Extra: map[string]string{ClientIDKey: "client-123"}}, time.Now)
	if _, err := bad.Verify(context.Background()); platforms.KindOf(err) != platforms.KindAuth {
		t.Fatalf("bad secret: %v", err)
	}
}

func TestCreateCodeAndReadUsage(t *testing.T) {
	fake, c := fixture(t, 0)
	u, err := c.CreateDiscountCode(context.Background(), platforms.NewDiscountCode{Code: "ANA10", Title: "Ana 10%", Percent: 10})
	if err != nil || u.ExternalID == "" {
		t.Fatalf("create %+v %v", u, err)
	}
	got := fake.CodeByCode("ana10")
	gets := got.Input["customerGets"].(map[string]any)["value"].(map[string]any)
	if gets["percentage"] != 0.1 || got.Input["context"].(map[string]any)["all"] != "ALL" {
		t.Fatalf("input sent %+v", got.Input)
	}
	if _, err := c.CreateDiscountCode(context.Background(), platforms.NewDiscountCode{Code: "ANA10", Percent: 10}); platforms.KindOf(err) != platforms.KindPermanent {
		t.Fatalf("duplicate code: %v", err)
	}
	fake.SetCodeUsage("ANA10", 17)
	usage, err := c.CodeUsage(context.Background(), "ANA10")
	if err != nil || usage.UsageCount != 17 {
		t.Fatalf("usage %+v %v", usage, err)
	}
	var pe *platforms.Error
	if _, err := c.CodeUsage(context.Background(), "NOPE"); !errors.As(err, &pe) || pe.Code != 404 {
		t.Fatalf("unknown code: %v", err)
	}
}
