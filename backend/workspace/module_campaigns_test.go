package workspace

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/accounts"
	"creatordesk/backend/campaigns"
	"creatordesk/backend/platforms/shopify/shopifyfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

func TestShopifyConnectsThroughTheNormalFlowAndSyncsOrders(t *testing.T) {
	fake := shopifyfake.New("shpat_demo_0123456789abcdef0123")
	defer fake.Close()
	at := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	fake.AddOrders(shopifyfake.Order{ID: "gid://shopify/Order/1", Name: "#1", CreatedAt: at, UpdatedAt: at, Amount: "19.90", Currency: "EUR", DiscountCodes: []string{"ana10"}})
	vault := secrets.NewMemory()
	w, err := Open(Config{Dir: t.TempDir(), Vault: vault})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx := context.Background()
	acc, err := w.Accounts.Connect(ctx, accounts.ConnectRequest{Platform: "shopify", Token: "shpat_demo_0123456789abcdef0123", BaseURL: fake.URL, Actor: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if acc.Handle != "glaze-co.myshopify.com" {
		t.Fatalf("account %+v", acc)
	}
	// The message loop has nothing to fetch from a shop; it must not fail the account.
	w.Engine.StopAccount(acc.ID)
	if st, err := w.Engine.SyncOnce(ctx, acc.ID); err != nil || st.Inserted != 0 {
		t.Fatalf("message sync of a shop: %+v %v", st, err)
	}
	SyncShops(ctx, w, w.Campaigns())
	rows, err := w.Store.Orders(ctx, store.OrderFilter{})
	if err != nil || len(rows) != 1 || rows[0].TotalMinor != 1990 || rows[0].DiscountCodes != "ANA10" || rows[0].Shop != "glaze-co.myshopify.com" {
		t.Fatalf("orders %+v %v", rows, err)
	}
	SyncShops(ctx, w, w.Campaigns())
	if n, _ := w.Store.CountOrders(ctx); n != 1 {
		t.Fatalf("second sync duplicated: %d", n)
	}
	// A revoked token moves the account to needs-reconnect.
	fake.Token = "shpat_other_other_other_other"
	_ = w.Store.SetSetting(ctx, "campaigns.shopify.orders_cursor."+strconv.FormatInt(acc.ID, 10), "")
	SyncShops(ctx, w, w.Campaigns())
	got, _ := w.Store.AccountByID(ctx, acc.ID)
	if got.Status != store.AccountNeedsReconnect || !strings.Contains(got.LastError, "refused") {
		t.Fatalf("after revocation %+v", got)
	}
}

func TestDemoHasCampaignData(t *testing.T) {
	w, err := OpenDemo(Config{Vault: secrets.NewMemory()})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rev, err := w.Campaigns().RevenueKPI(context.Background(), campaigns.Range{})
	if err != nil || len(rev.ByCreator) < 3 {
		t.Fatalf("demo revenue %+v %v", rev, err)
	}
	rows, _ := w.Store.Orders(context.Background(), store.OrderFilter{})
	dm := 0
	for _, r := range rows {
		if r.ConversationID != nil {
			dm++
		}
	}
	if dm < 2 {
		t.Fatalf("want orders led by DMs in the demo, got %d", dm)
	}
}

// The campaigns job on a fixed clock: a granted release 20 days from expiry
// gets one reminder however often the job runs, and a reminder on the calendar.
func TestCampaignJobsRemindOnAFixedClock(t *testing.T) {
	at := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	w, err := Open(Config{Dir: t.TempDir(), Vault: secrets.NewMemory(), Now: func() time.Time { return at }})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx := context.Background()
	svc := w.Campaigns()
	r, err := svc.SaveRelease(ctx, campaigns.ReleaseInput{Author: "Ana", ContentURL: "https://instagram.example/p/1", ExpiresAt: at.AddDate(0, 0, 20).UnixMilli()}, "t")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetReleaseStatus(ctx, r.ID, store.ReleaseGranted, 0, "", "t"); err != nil {
		t.Fatal(err)
	}
	RunCampaignJobs(ctx, w, svc)
	RunCampaignJobs(ctx, w, svc)
	got, _ := w.Store.ReleaseByID(ctx, r.ID)
	if got.CalendarItemID == 0 {
		t.Fatal("no calendar reminder")
	}
	item, err := w.Calendar().Calendar.Item(ctx, got.CalendarItemID)
	if err != nil || item.Kind != store.ItemReminder || !strings.Contains(item.Title, "Ana") {
		t.Fatalf("calendar item %+v %v", item, err)
	}
	evs, _ := w.Store.AuditEvents(ctx, "ugc_release", strconv.FormatInt(r.ID, 10), 20)
	reminders := 0
	for _, e := range evs {
		if e.Action == "release.reminder" {
			reminders++
		}
	}
	if reminders != 1 {
		t.Fatalf("%d reminders, want 1", reminders)
	}
}

func TestDemoHasReleasesAndAnExperiment(t *testing.T) {
	w, err := OpenDemo(Config{Vault: secrets.NewMemory()})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx := context.Background()
	rows, err := w.Store.Releases(ctx)
	if err != nil || len(rows) != 4 || rows[0].Status != store.ReleaseGranted || rows[0].ConversationID == nil || rows[0].CalendarItemID == 0 {
		t.Fatalf("demo releases %+v %v", rows, err)
	}
	exps, _ := w.Store.RunningExperiments(ctx)
	if len(exps) != 1 || exps[0].StagePercent != 25 || len(exps[0].Variants) != 2 {
		t.Fatalf("demo experiments %+v", exps)
	}
	if id, err := w.Campaigns().EnsureReleaseTemplate(ctx, "en"); err != nil || id == 0 {
		t.Fatalf("release template %d %v", id, err)
	}
}
