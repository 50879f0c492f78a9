package app

import (
	"strings"
	"testing"
)

func init() {
	for name, v := range map[string]any{
		"CreatorHandle": CreatorHandleDTO{}, "Creator": CreatorDTO{}, "Campaign": CampaignDTO{}, "DiscountCode": CodeDTO{},
		"NewCodeRequest": NewCodeRequest{}, "UtmLink": LinkDTO{}, "NewLinkRequest": NewLinkRequest{},
		"AttributionPart": ExplanationPartDTO{}, "CampaignOrder": OrderDTO{}, "OrderImportRequest": OrderImportRequest{},
		"OrderImportBadRow": BadRowDTO{}, "OrderImportPreview": OrderImportPreviewDTO{}, "OrderImportResult": OrderImportResultDTO{},
		"CampaignResultRow": ResultRowDTO{}, "OrderCurrencyTotal": CurrencyTotalDTO{}, "RevenueKpi": RevenueDTO{}, "CampaignCreator": CampaignCreatorDTO{},
		"UgcRelease": ReleaseDTO{}, "UgcReleaseInput": ReleaseInputDTO{}, "ReleaseRequestPreview": ReleaseRequestPreviewDTO{},
		"ReplyExperiment": ExperimentDTO{}, "ExperimentVariant": ExperimentVariantDTO{}, "ExperimentInput": ExperimentInputDTO{},
		"ExperimentVariantInput": ExperimentVariantInputDTO{}, "RateInterval": RateIntervalDTO{}, "VariantRevenue": VariantRevenueDTO{},
		"VariantResult": VariantResultDTO{}, "GuardrailBreach": GuardrailBreachDTO{}, "ExperimentResults": ExperimentResultsDTO{},
	} {
		contractPairs[name] = v
	}
}

// The campaign editor's creators: added with a fee, listed, removed; removing twice is refused.
func TestCampaignsFacadeCampaignCreators(t *testing.T) {
	s, _, _, _ := newSession(t)
	c := NewCampaigns(s)
	cr, err := c.SaveCreator(CreatorDTO{Name: "Ana Pop", Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	camp, err := c.SaveCampaign(CampaignDTO{Name: "Spring Glaze", Currency: "EUR", StartsAt: "2026-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SetCampaignCreator(camp.ID, cr.ID, 25000); err != nil {
		t.Fatal(err)
	}
	rows, err := c.ListCampaignCreators()
	if err != nil || len(rows) != 1 || rows[0] != (CampaignCreatorDTO{CampaignID: camp.ID, CreatorID: cr.ID, FeeMinor: 25000}) {
		t.Fatalf("after set: %+v %v", rows, err)
	}
	if err := c.SetCampaignCreator(camp.ID, cr.ID, -1); err == nil {
		t.Fatal("a negative fee was accepted")
	}
	if err := c.RemoveCampaignCreator(camp.ID, cr.ID); err != nil {
		t.Fatal(err)
	}
	if rows, _ := c.ListCampaignCreators(); len(rows) != 0 {
		t.Fatalf("after remove: %+v", rows)
	}
	if err := c.RemoveCampaignCreator(camp.ID, cr.ID); err == nil {
		t.Fatal("removing a creator who is not on the campaign succeeded")
	}
}

// A file with unknown columns still previews its headers and rows for the mapping step;
// once mapped it previews its orders; a mapping without a required column says which.
func TestCampaignsFacadePreviewNeedsMapping(t *testing.T) {
	s, _, _, _ := newSession(t)
	c := NewCampaigns(s)
	csv := "Ref;When;Paid;Coupon\nA-1;2026-03-02;12,50;ANA10\nA-2;2026-03-03;oops;\n"
	p, err := c.PreviewOrderImport(OrderImportRequest{Content: csv, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	if p.MappingProblem == nil || p.MappingProblem.Key != "errors.campaigns.importFile.unknown_format" {
		t.Fatalf("problem %+v", p.MappingProblem)
	}
	if strings.Join(p.Headers, "|") != "Ref|When|Paid|Coupon" || len(p.Sample) != 2 || p.Delimiter != ";" || p.Valid != 0 {
		t.Fatalf("preview %+v", p)
	}
	cols := map[string]string{"id": "Ref", "date": "When", "total": "Paid", "codes": "Coupon"}
	p, err = c.PreviewOrderImport(OrderImportRequest{Content: csv, Format: "custom", Columns: cols, Currency: "EUR"})
	if err != nil || p.MappingProblem != nil || p.Valid != 1 || len(p.BadRows) != 1 || p.BadRows[0].Line != 3 || p.BadRows[0].Problem != "bad_amount" {
		t.Fatalf("mapped preview %+v %v", p, err)
	}
	p, err = c.PreviewOrderImport(OrderImportRequest{Content: csv, Format: "custom", Columns: map[string]string{"id": "Ref"}, Currency: "EUR"})
	if err != nil || p.MappingProblem == nil || p.MappingProblem.Key != "errors.campaigns.importFile.missing_columns" ||
		p.MappingProblem.Args["columns"] != "date, total" {
		t.Fatalf("missing columns %+v %v", p.MappingProblem, err)
	}
	if _, err := c.PreviewOrderImport(OrderImportRequest{Content: "  \n"}); err == nil || ToAppError(err).Key != "errors.campaigns.importFile.empty" {
		t.Fatalf("empty file: %v", err)
	}
}

// Releases through the facade: saved with the form's day strings, badges from the
// workspace clock, status changes, and the register exported as CSV.
func TestCampaignsFacadeReleases(t *testing.T) {
	s, _, _, _ := newSession(t)
	c := NewCampaigns(s)
	now := s.Workspace().Store.Now()
	r, err := c.SaveRelease(ReleaseInputDTO{Author: "Ana", ContentURL: "https://instagram.example/p/1", Channels: []string{"instagram"},
		ExpiresAt: now.AddDate(0, 0, 10).Format("2006-01-02")})
	if err != nil || r.Status != "requested" || r.Expiry != "none" || len(r.Territories) != 0 {
		t.Fatalf("saved %+v %v", r, err)
	}
	if r, err = c.SetReleaseStatus(r.ID, "granted", 0, "yes in DM"); err != nil || r.Expiry != "soon" || r.DaysLeft < 9 || r.DaysLeft > 10 {
		t.Fatalf("granted %+v %v", r, err)
	}
	if _, err := c.SaveRelease(ReleaseInputDTO{Author: "Ana", ContentURL: "https://x.example/1", ExpiresAt: "soon"}); err == nil {
		t.Fatal("a bad date was accepted")
	}
	if _, err := c.SaveRelease(ReleaseInputDTO{ContentURL: "https://x.example/1"}); err == nil || ToAppError(err).Key != "errors.campaigns.required" {
		t.Fatalf("no author: %v", err)
	}
	csv, err := c.ExportReleases("csv")
	if err != nil || !strings.HasPrefix(csv, "id,status,creator") || !strings.Contains(csv, "https://instagram.example/p/1") {
		t.Fatalf("export %q %v", csv, err)
	}
	if _, err := c.PreviewReleaseRequest(r.ID); err == nil || ToAppError(err).Key != "errors.campaigns.releaseNoConversation" {
		t.Fatalf("preview without a conversation: %v", err)
	}
	list, err := c.ListReleases()
	if err != nil || len(list) != 1 || list[0].Status != "granted" {
		t.Fatalf("list %+v %v", list, err)
	}
}
