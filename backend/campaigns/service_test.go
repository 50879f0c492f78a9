package campaigns

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/campaigns/attribution"
	"creatordesk/backend/campaigns/orderimport"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

var now = time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)

// world is a store with Ana (code ANA10, link) and Ben (code BEN15) in a spring campaign.
type world struct {
	st              *store.Store
	svc             *Service
	ana, ben        store.Creator
	spring          store.Campaign
	anaCode, benCod store.DiscountCode
	anaLink         store.UTMLink
}

func newWorld(t *testing.T) *world {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	ctx := context.Background()
	w := &world{st: st, svc: &Service{Store: st}}
	w.ana, err = w.svc.SaveCreator(ctx, store.Creator{Name: "Ana Pop", Handles: []store.CreatorHandle{{Platform: "Instagram", Handle: "@ana.makes"}}}, "tester")
	if err != nil {
		t.Fatal(err)
	}
	w.ben, _ = w.svc.SaveCreator(ctx, store.Creator{Name: "Ben Ng"}, "tester")
	w.spring, err = w.svc.SaveCampaign(ctx, store.Campaign{Name: "Spring Glaze", Currency: "EUR", StartsAt: now.AddDate(0, -1, 0).UnixMilli()}, "tester")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SetCampaignCreator(ctx, w.spring.ID, w.ana.ID, 10000, "tester"); err != nil {
		t.Fatal(err)
	}
	w.anaCode, err = w.svc.AddCode(ctx, NewCode{Code: "ANA10", CreatorID: w.ana.ID, CampaignID: w.spring.ID, Percent: 10}, "tester")
	if err != nil {
		t.Fatal(err)
	}
	w.benCod, _ = w.svc.AddCode(ctx, NewCode{Code: "BEN15", CreatorID: w.ben.ID, Percent: 15}, "tester")
	w.anaLink, err = w.svc.BuildLink(ctx, NewLink{BaseURL: "https://glaze.example/shop?ref=x", CreatorID: w.ana.ID, CampaignID: w.spring.ID, Platform: "Instagram"}, "tester")
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestLinkNamingIsConsistentAndQRRenders(t *testing.T) {
	w := newWorld(t)
	l := w.anaLink
	if l.UTMSource != "instagram" || l.UTMMedium != "creator" || l.UTMCampaign != "spring-glaze" || l.UTMContent != "ana-pop" {
		t.Fatalf("naming %+v", l)
	}
	if !strings.Contains(l.URL, "ref=x") || !strings.Contains(l.URL, "utm_content=ana-pop") {
		t.Fatalf("url %s", l.URL)
	}
	again, _ := w.svc.BuildLink(context.Background(), NewLink{BaseURL: "https://glaze.example/shop?ref=x", CreatorID: w.ana.ID, CampaignID: w.spring.ID, Platform: "instagram"}, "tester")
	if again.ID != l.ID {
		t.Fatalf("same link built twice: %d %d", again.ID, l.ID)
	}
	png, err := QRPNG(l.URL)
	if err != nil || len(png) < 100 || string(png[1:4]) != "PNG" {
		t.Fatalf("qr %d bytes %v", len(png), err)
	}
	if Slug("Ștefan Țăran") != "stefan-taran" || Slug("陈小美") != "" {
		t.Fatalf("slugs %q %q", Slug("Ștefan Țăran"), Slug("陈小美"))
	}
	if _, err := w.svc.AddCode(context.Background(), NewCode{Code: "ana10"}, "t"); !isInvalid(err, "duplicate") {
		t.Fatalf("duplicate code: %v", err)
	}
	if _, err := w.svc.AddCode(context.Background(), NewCode{Code: "a b"}, "t"); !isInvalid(err, "codeFormat") {
		t.Fatalf("bad code: %v", err)
	}
}

func isInvalid(err error, reason string) bool {
	var ie *InvalidError
	return errors.As(err, &ie) && ie.Reason == reason
}

const ordersCSV = "Name,Email,Currency,Total,Discount Code,Created at,Landing Site\n" +
	"#1,a@example.com,EUR,50.00,ANA10,2026-06-01 10:00:00 +0000,\n" +
	"#2,b@example.com,EUR,30.00,,2026-06-02 10:00:00 +0000,/?utm_source=instagram&utm_medium=creator&utm_campaign=spring-glaze&utm_content=ana-pop\n" +
	"#3,c@example.com,EUR,20.00,BEN15,2026-06-03 10:00:00 +0000,/?utm_source=instagram&utm_medium=creator&utm_campaign=spring-glaze&utm_content=ana-pop\n" +
	"#4,d@example.com,EUR,abc,,2026-06-04 10:00:00 +0000,\n"

func TestImportRefusesBadRowsThenSkipsAndIsIdempotent(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	p, err := orderimport.Parse(strings.NewReader(ordersCSV), orderimport.Options{})
	if err != nil || len(p.BadRows) != 1 || p.BadRows[0].Line != 5 {
		t.Fatalf("preview %+v %v", p.BadRows, err)
	}
	var bre *BadRowsError
	if _, err := w.svc.ImportOrders(ctx, p, false, "tester"); !errors.As(err, &bre) || bre.Count != 1 {
		t.Fatalf("import with bad rows: %v", err)
	}
	if n, _ := w.st.CountOrders(ctx); n != 0 {
		t.Fatalf("bad import stored %d orders", n)
	}
	res, err := w.svc.ImportOrders(ctx, p, true, "tester")
	if err != nil || res.Inserted != 3 || res.Skipped != 1 {
		t.Fatalf("skip import %+v %v", res, err)
	}
	res, _ = w.svc.ImportOrders(ctx, p, true, "tester")
	if res.Inserted != 0 || res.AlreadyThere != 3 {
		t.Fatalf("re-import %+v", res)
	}
	rev, err := w.svc.RevenueKPI(ctx, Range{})
	if err != nil {
		t.Fatal(err)
	}
	// Code-first: #1 and #2 to Ana (code, link), #3 to Ben (his code beats Ana's link; Ana assists).
	byName := map[string]ResultRow{}
	for _, r := range rev.ByCreator {
		byName[r.Label] = r
	}
	ana, ben := byName["Ana Pop"], byName["Ben Ng"]
	if ana.Orders != 2 || ana.RevenueMinor != 8000 || ana.AOVMinor != 4000 || ana.Assisted != 1 || ana.CostMinor != 10000 || ana.CPAMinor != 5000 || ana.ROAS != 0.8 {
		t.Fatalf("ana %+v", ana)
	}
	if ben.Orders != 1 || ben.RevenueMinor != 2000 {
		t.Fatalf("ben %+v", ben)
	}
	if len(rev.ByCode) != 2 || len(rev.Totals) != 1 || rev.Totals[0].Orders != 3 || rev.Totals[0].Credited != 3 {
		t.Fatalf("codes %+v totals %+v", rev.ByCode, rev.Totals)
	}
	// Switching to last click moves #3 to Ana.
	if err := w.svc.SetModel(ctx, attribution.ModelLastClick, "tester"); err != nil {
		t.Fatal(err)
	}
	rev, _ = w.svc.RevenueKPI(ctx, Range{From: now.AddDate(0, 0, -8).UnixMilli(), To: now.UnixMilli()})
	if len(rev.ByCreator) == 0 || rev.ByCreator[0].Label != "Ana Pop" || rev.ByCreator[0].Orders != 2 || rev.ByCreator[0].RevenueMinor != 5000 { // #1 is before the range
		t.Fatalf("last click %+v", rev.ByCreator)
	}
	rows, _ := w.st.Orders(ctx, store.OrderFilter{})
	if len(rows) != 3 || rows[0].Explanation == "" || rows[0].CreatorName != "Ana Pop" {
		t.Fatalf("order rows %+v", rows)
	}
}

func TestConversationSharesCreditDMOrders(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	acc := store.Account{Platform: "telegram", Name: "t", ExternalID: "bot"}
	if err := w.st.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	in := platforms.Message{ExternalID: "m1", ThreadExternalID: "chat1", ThreadKind: platforms.ThreadDM,
		Author: platforms.Person{ExternalID: "u1", Handle: "mira_buys", DisplayName: "Mira"}, Direction: platforms.DirectionIn,
		Text: "Is there a discount?", SentAt: now.AddDate(0, 0, -5)}
	out := in
	out.ExternalID, out.Direction, out.Text, out.SentAt = "m2", platforms.DirectionOut, "Yes! Use BEN15 at checkout (not ben150).", now.AddDate(0, 0, -5).Add(time.Minute)
	if _, err := w.st.IngestPage(ctx, acc.ID, []platforms.Message{in, out}, ""); err != nil {
		t.Fatal(err)
	}
	csv := "Name,Email,Currency,Total,Discount Code,Created at\n#9,mira_buys,EUR,40.00,,2026-06-07 12:00:00 +0000\n"
	p, _ := orderimport.Parse(strings.NewReader(csv), orderimport.Options{})
	if _, err := w.svc.ImportOrders(ctx, p, false, "tester"); err != nil {
		t.Fatal(err)
	}
	rows, _ := w.st.Orders(ctx, store.OrderFilter{})
	if len(rows) != 1 || rows[0].Rule != "conversation" || rows[0].CreatorName != "Ben Ng" || rows[0].ConversationID == nil {
		t.Fatalf("dm order %+v", rows)
	}
	res, _ := w.svc.Results(ctx, store.DimCreator, Range{})
	for _, r := range res {
		if r.Label == "Ben Ng" && (r.DMConversations != 1 || r.DMOrders != 1 || r.DMConversion != 1) {
			t.Fatalf("ben dm %+v", r)
		}
	}
	if n, _ := w.svc.ScanShares(ctx); n != 0 {
		t.Fatalf("rescan found %d new shares", n)
	}
}
