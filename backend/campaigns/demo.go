package campaigns

import (
	"context"
	"fmt"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// DemoActor is the audit actor of the demo data.
const DemoActor = "demo"

// SeedDemo fills a demo workspace: three creators, two campaigns, codes, links
// and a few weeks of orders, two of them led by DMs in which we gave a code,
// a few UGC releases and one reply experiment.
func (s *Service) SeedDemo(ctx context.Context) error {
	at := s.now()
	day := func(d int, h int) time.Time {
		return at.AddDate(0, 0, -d).Truncate(time.Hour).Add(time.Duration(h) * time.Hour)
	}
	ana, err := s.SaveCreator(ctx, store.Creator{Name: "Ana Pop", Email: "ana@example.com", RateMinor: 25000, Currency: "EUR", RateUnit: "post",
		Notes: "Speckled glazes, calm morning videos.", Handles: []store.CreatorHandle{{Platform: "instagram", Handle: "ana.makes"}}}, DemoActor)
	if err != nil {
		return err
	}
	mei, _ := s.SaveCreator(ctx, store.Creator{Name: "Mei Lin", RateMinor: 30000, Currency: "EUR", RateUnit: "video",
		Handles: []store.CreatorHandle{{Platform: "tiktok", Handle: "meiclay"}, {Platform: "instagram", Handle: "mei.clay"}}}, DemoActor)
	ravi, _ := s.SaveCreator(ctx, store.Creator{Name: "Ravi Kumar", RateMinor: 40000, Currency: "EUR", RateUnit: "video",
		Handles: []store.CreatorHandle{{Platform: "youtube", Handle: "ravithrows"}}}, DemoActor)
	spring, err := s.SaveCampaign(ctx, store.Campaign{Name: "Spring Glaze", Brief: "Show the new speckled glaze in daily use.",
		StartsAt: day(28, 0).UnixMilli(), EndsAt: day(-14, 0).UnixMilli(), Deliverables: "2 reels, 3 stories", BudgetMinor: 120000,
		Currency: "EUR", Compensation: "Fee plus 10% of code sales", Stage: store.StageContentLive}, DemoActor)
	if err != nil {
		return err
	}
	if _, err := s.SaveCampaign(ctx, store.Campaign{Name: "Holiday Mugs", Brief: "Gift guide content for the holiday mug set.",
		StartsAt: day(-30, 0).UnixMilli(), Deliverables: "1 video", BudgetMinor: 80000, Currency: "EUR", Compensation: "Fee", Stage: store.StageBrief}, DemoActor); err != nil {
		return err
	}
	for _, c := range []struct {
		id  int64
		fee int64
	}{{ana.ID, 25000}, {mei.ID, 30000}, {ravi.ID, 40000}} {
		if err := s.SetCampaignCreator(ctx, spring.ID, c.id, c.fee, DemoActor); err != nil {
			return err
		}
	}
	for _, c := range []NewCode{{Code: "ANA10", CreatorID: ana.ID, CampaignID: spring.ID, Percent: 10},
		{Code: "MEI15", CreatorID: mei.ID, CampaignID: spring.ID, Percent: 15}, {Code: "RAVI10", CreatorID: ravi.ID, CampaignID: spring.ID, Percent: 10}} {
		if _, err := s.AddCode(ctx, c, DemoActor); err != nil {
			return err
		}
	}
	link, err := s.BuildLink(ctx, NewLink{BaseURL: "https://glaze.example/spring", CreatorID: ana.ID, CampaignID: spring.ID, Platform: "instagram"}, DemoActor)
	if err != nil {
		return err
	}
	if _, err := s.BuildLink(ctx, NewLink{BaseURL: "https://glaze.example/spring", CreatorID: ravi.ID, CampaignID: spring.ID, Platform: "youtube"}, DemoActor); err != nil {
		return err
	}
	dmRefs, err := s.demoShares(ctx, at)
	if err != nil {
		return err
	}
	landing := "/spring?utm_source=instagram&utm_medium=creator&utm_campaign=" + link.UTMCampaign + "&utm_content=" + link.UTMContent
	orders := []store.Order{
		{ExternalID: "#1041", TotalMinor: 4850, DiscountCodes: "ANA10", OrderedAt: day(20, 10).UnixMilli()},
		{ExternalID: "#1042", TotalMinor: 7200, LandingSite: landing, OrderedAt: day(18, 15).UnixMilli()},
		{ExternalID: "#1043", TotalMinor: 3900, DiscountCodes: "MEI15", OrderedAt: day(15, 9).UnixMilli()},
		{ExternalID: "#1044", TotalMinor: 12900, DiscountCodes: "MEI15", LandingSite: landing, OrderedAt: day(12, 20).UnixMilli()},
		{ExternalID: "#1045", TotalMinor: 5600, DiscountCodes: "RAVI10", OrderedAt: day(9, 11).UnixMilli()},
		{ExternalID: "#1046", TotalMinor: 2450, OrderedAt: day(7, 14).UnixMilli()},
		{ExternalID: "#1047", TotalMinor: 8800, DiscountCodes: "ANA10", OrderedAt: day(4, 16).UnixMilli()},
		{ExternalID: "#1048", TotalMinor: 6100, LandingSite: landing, OrderedAt: day(2, 12).UnixMilli()},
	}
	for i, ref := range dmRefs {
		orders = append(orders, store.Order{ExternalID: fmt.Sprintf("#105%d", i), TotalMinor: 5400 + int64(i)*1500, CustomerRef: ref,
			OrderedAt: at.Add(-time.Duration(6+i*20) * time.Hour).UnixMilli()})
	}
	for i := range orders {
		orders[i].Source, orders[i].Currency, orders[i].Name = store.OrderSourceCSV, "EUR", orders[i].ExternalID
		orders[i].ImportFile = "demo-orders.csv"
	}
	if _, err := s.Store.UpsertOrders(ctx, orders, false); err != nil {
		return err
	}
	if _, err = s.Reattribute(ctx); err != nil {
		return err
	}
	if err := s.seedDemoReleases(ctx, at, map[string]int64{"Ana Pop": ana.ID, "Mei Lin": mei.ID, "Ravi Kumar": ravi.ID}); err != nil {
		return err
	}
	return s.seedDemoExperiment(ctx)
}

// demoShares writes, in two demo DM threads, a reply of ours giving Mei's code,
// and returns those customers' handles (their orders follow).
func (s *Service) demoShares(ctx context.Context, at time.Time) ([]string, error) {
	refs, err := s.Store.ContactRefs(ctx)
	if err != nil {
		return nil, err
	}
	handleOf := map[int64]string{}
	for h, id := range refs {
		if _, ok := handleOf[id]; !ok || h < handleOf[id] {
			handleOf[id] = h
		}
	}
	convs, _, err := s.Store.Conversations(ctx, store.ConversationFilter{Kind: "dm"}, store.ConversationCursor{}, 50)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range convs {
		if len(out) == 2 {
			break
		}
		if c.ContactID == nil || handleOf[*c.ContactID] == "" {
			continue
		}
		msg := platforms.Message{ExternalID: fmt.Sprintf("demo-campaigns-%d", c.ID), ThreadExternalID: c.ExternalID,
			ThreadKind: platforms.ThreadDM, ThreadTitle: c.Title, Direction: platforms.DirectionOut,
			Author: platforms.Person{ExternalID: "demo-brand", DisplayName: "Glaze & Co."},
			Text:   "Thanks for asking! Mei's code MEI15 gives you 15% off the spring glaze set.", SentAt: at.Add(-time.Duration(30+len(out)*20) * time.Hour)}
		acc, err := s.Store.AccountByID(ctx, c.AccountID)
		if err != nil {
			return nil, err
		}
		// Keep the account's sync cursor as it is.
		if _, err := s.Store.IngestPage(ctx, c.AccountID, []platforms.Message{msg}, acc.SyncCursor); err != nil {
			return nil, err
		}
		out = append(out, handleOf[*c.ContactID])
	}
	return out, nil
}
