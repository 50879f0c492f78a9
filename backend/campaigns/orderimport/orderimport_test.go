package orderimport

import (
	"os"
	"strings"
	"testing"
	"time"
)

func parseFile(t *testing.T, name string, opts Options) Preview {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := Parse(f, opts)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

func TestShopifyExportWithBOMLineItemsAndQuotes(t *testing.T) {
	p := parseFile(t, "shopify.csv", Options{})
	if p.Format != FormatShopify || p.Delimiter != "," || len(p.BadRows) != 0 || len(p.Orders) != 2 {
		t.Fatalf("preview %+v", p)
	}
	o := p.Orders[0]
	if o.ExternalID != "#1001" || o.TotalMinor != 4550 || o.Currency != "EUR" || o.DiscountCodes != "ANA10" || o.CustomerRef != "ana.buyer@example.com" {
		t.Fatalf("order %+v", o)
	}
	if want := time.Date(2026, 5, 2, 8, 22, 33, 0, time.UTC).UnixMilli(); o.OrderedAt != want {
		t.Fatalf("time %d want %d", o.OrderedAt, want)
	}
	if p.Orders[1].TotalMinor != 123456 || p.Sample[2][9] != `Big "family" bowl` {
		t.Fatalf("second order %+v / %v", p.Orders[1], p.Sample)
	}
}

func TestWooCommerceSemicolonsDecimalCommaAndAttribution(t *testing.T) {
	p := parseFile(t, "woocommerce.csv", Options{Currency: "RON"})
	if p.Format != FormatWooCommerce || p.Delimiter != ";" || len(p.BadRows) != 0 || len(p.Orders) != 2 {
		t.Fatalf("preview %+v", p)
	}
	o := p.Orders[0]
	if o.TotalMinor != 123450 || o.Currency != "RON" || o.DiscountCodes != "BEN15" || o.UTMSource != "tiktok" || o.UTMContent != "ben" {
		t.Fatalf("order %+v", o)
	}
	// 13/05 settles day-first for the whole file, so 03/05 is the 3rd of May.
	if p.DateOrder != DMY || p.DateOrderGuessed || time.UnixMilli(o.OrderedAt).UTC().Day() != 3 {
		t.Fatalf("date order %s guessed=%v, %v", p.DateOrder, p.DateOrderGuessed, time.UnixMilli(o.OrderedAt).UTC())
	}
	if p.Orders[1].Currency != "EUR" || p.Orders[1].TotalMinor != 8990 {
		t.Fatalf("symbol currency %+v", p.Orders[1])
	}
}

func TestCustomMappingWithTabsAndLandingUTMs(t *testing.T) {
	m, err := ParseMappingJSON([]byte(`{"id":"Ref","date":"When","total":"Amount","landing":"Landing"}`))
	if err != nil {
		t.Fatal(err)
	}
	p := parseFile(t, "custom.tsv", Options{Mapping: m})
	if p.Delimiter != "\t" || len(p.Orders) != 1 || len(p.BadRows) != 0 {
		t.Fatalf("preview %+v", p)
	}
	o := p.Orders[0]
	if o.ExternalID != "A-1" || o.Currency != "USD" || o.TotalMinor != 1200 || o.UTMCampaign != "spring" || o.UTMContent != "ana" {
		t.Fatalf("order %+v", o)
	}
	if _, err := ParseMappingJSON([]byte(`{"id":"Ref","colour":"x"}`)); err == nil {
		t.Fatal("unknown field accepted")
	}
}

func TestBrokenFileListsEveryBadRow(t *testing.T) {
	p := parseFile(t, "broken.csv", Options{})
	want := []struct {
		line    int
		problem Problem
	}{{3, ProblemMissingID}, {4, ProblemBadAmount}, {5, ProblemBadDate}, {6, ProblemDuplicate}, {7, ProblemColumnCount}, {8, ProblemMissingTotal}}
	if len(p.BadRows) != len(want) {
		t.Fatalf("bad rows %+v", p.BadRows)
	}
	for i, w := range want {
		if p.BadRows[i].Line != w.line || p.BadRows[i].Problem != w.problem {
			t.Fatalf("bad row %d: %+v want %+v", i, p.BadRows[i], w)
		}
	}
	if p.BadRows[1].Value != "twelve" || !strings.Contains(p.BadRows[1].Message(), "twelve") {
		t.Fatalf("message %q", p.BadRows[1].Message())
	}
	if len(p.Orders) != 1 {
		t.Fatalf("good orders %+v", p.Orders)
	}
}

func TestFileLevelProblems(t *testing.T) {
	cases := map[string]string{
		"":                                "empty",
		"a,b\n1,2\n":                      "unknown_format",
		"Name,Total,Created at\n\"#1,2\n": "bad_quotes",
		"Name,Created at,Total\xff\n":     "not_text",
	}
	for in, reason := range cases {
		_, err := Parse(strings.NewReader(in), Options{})
		fe, ok := err.(*FileError)
		if !ok || fe.Reason != reason {
			t.Errorf("%q: %v, want %s", in, err, reason)
		}
	}
	_, err := Parse(strings.NewReader("Ref,When\n1,2026-01-01\n"), Options{Format: FormatCustom, Mapping: Mapping{Columns: map[Field]string{FieldID: "Ref", FieldDate: "When", FieldTotal: "Amount"}}})
	if fe, ok := err.(*FileError); !ok || fe.Reason != "missing_columns" || fe.Columns[0] != "total" {
		t.Fatalf("missing column: %v", err)
	}
}

func TestDates(t *testing.T) {
	cases := map[string]string{
		"2026-05-04":                "2026-05-04 00:00",
		"2026-05-04T10:11:12Z":      "2026-05-04 10:11",
		"04.05.2026 10:11":          "2026-05-04 10:11",
		"4/5/26 3:05 PM":            "2026-05-04 15:05",
		"May 4, 2026":               "2026-05-04 00:00",
		"4 May 2026":                "2026-05-04 00:00",
		"2026-05-04 10:11:12 +0200": "2026-05-04 08:11",
	}
	for in, want := range cases {
		got, err := parseDate(in, DMY, time.UTC)
		if err != nil || got.UTC().Format("2006-01-02 15:04") != want {
			t.Errorf("%q: %v %v want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"31/04/2026", "yesterday", "2026-13-01", "13/13/2026"} {
		if _, err := parseDate(bad, DMY, time.UTC); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
