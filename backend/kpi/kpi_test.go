package kpi

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"
	"time"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/sla"
)

// near compares floats computed from minutes and ratios.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// expect checks a figure's value and previous value (nil = no value).
func expect(t *testing.T, f Figure, value, prev *float64) {
	t.Helper()
	if (value == nil) == f.HasValue || (value != nil && !near(f.Value, *value)) {
		t.Errorf("%s value = %v (has %v), want %v", f.Name, f.Value, f.HasValue, deref(value))
	}
	if (prev == nil) == f.HasPrev || (prev != nil && !near(f.Previous, *prev)) {
		t.Errorf("%s previous = %v (has %v), want %v", f.Name, f.Previous, f.HasPrev, deref(prev))
	}
}

func deref(p *float64) any {
	if p == nil {
		return "none"
	}
	return *p
}

func num(v float64) *float64 { return &v }

func utcCalendar(t *testing.T, zone string) *sla.Calendar {
	t.Helper()
	cal, err := sla.NewCalendar(sla.DefaultCalendar(zone))
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

func TestFiguresOnHandComputedFixture(t *testing.T) {
	st := openFixture(t)
	svc := newService(st, utcCalendar(t, "UTC"))
	d := dashboard(t, svc, fixWeek)
	if d.Previous.From != fixFrom.AddDate(0, 0, -7) || d.Previous.To != fixFrom {
		t.Fatalf("previous period = %v", d.Previous)
	}

	frt := figure(t, d, FirstResponse)
	// c1 30 min, c2 3870 min: median 1950; previous c4 10 min.
	expect(t, frt, num(1950), num(10))
	if !near(frt.Details["p90"], 3870) || !near(frt.Details["businessMedian"], 60) || !near(frt.Details["businessP90"], 90) {
		t.Errorf("first response details = %v", frt.Details)
	}
	if !frt.HasChange || !near(frt.Change, 194) {
		t.Errorf("first response change = %v %v, want +19400%%", frt.Change, frt.HasChange)
	}
	expect(t, figure(t, d, ResolutionTime), num(2), nil)
	rr := figure(t, d, ResponseRate)
	expect(t, rr, num(2.0/3), num(1))
	if !near(rr.Change, -1.0/3) {
		t.Errorf("response rate change = %v", rr.Change)
	}
	expect(t, figure(t, d, SLAAttainment), num(0.5), nil)
	vol := figure(t, d, Volume)
	expect(t, vol, num(3), num(1))
	if got := splitOf(t, vol, DimKind); len(got) != 2 || got[0].Key != "dm" || got[0].Count != 2 || got[1].Key != "comment" {
		t.Errorf("volume by kind = %+v", got)
	}
	if got := splitOf(t, vol, DimMember); got[0].Key != "" || got[0].Count != 2 || got[1].Label != "Ana" {
		t.Errorf("volume by member = %+v", got)
	}
	expect(t, figure(t, d, DMConversion), num(0.5), num(0))
	rev := figure(t, d, OrderRevenue)
	expect(t, rev, num(8000), num(0))
	if rev.Currency != "EUR" || rev.Count != 2 {
		t.Errorf("revenue currency %q count %d", rev.Currency, rev.Count)
	}
	if got := splitOf(t, rev, DimCreator); len(got) != 1 || got[0].Label != "Mara" || got[0].Value != 5000 {
		t.Errorf("revenue by creator = %+v", got)
	}
	if got := splitOf(t, rev, DimCode); len(got) != 1 || got[0].Label != "MARA10" {
		t.Errorf("revenue by code = %+v", got)
	}
	expect(t, figure(t, d, AverageOrder), num(4000), nil)
	expect(t, figure(t, d, ModerationFalsePos), num(2.0/3), nil)
	auto := figure(t, d, AutomationShare)
	expect(t, auto, num(0.5), nil)
	if !near(auto.Details["hoursSaved"], 3.0/60) || auto.Details["automated"] != 1 {
		t.Errorf("automation details = %v", auto.Details)
	}
	best := figure(t, d, BestTime)
	expect(t, best, num(1), num(1))
	if best.Details["weekday"] != 1 || best.Details["hour"] != 10 {
		t.Errorf("best time = %v", best.Details)
	}
	if d.Heatmap[1][10] != 1 || d.Heatmap[5][17] != 1 || d.Heatmap[6][20] != 1 {
		t.Errorf("heat map misses the inbound messages")
	}
}

// splitOf finds a figure's split.
func splitOf(t *testing.T, f Figure, dim string) []SplitRow {
	t.Helper()
	for _, s := range f.Splits {
		if s.Dimension == dim {
			return s.Rows
		}
	}
	t.Fatalf("%s has no %s split", f.Name, dim)
	return nil
}

func TestSplitsByPlatformAccountAndTag(t *testing.T) {
	svc := newService(openFixture(t), nil)
	rr := figure(t, dashboard(t, svc, fixWeek), ResponseRate)
	byPlatform := splitOf(t, rr, DimPlatform)
	if byPlatform[0].Key != "telegram" || !near(byPlatform[0].Value, 0.5) || byPlatform[1].Key != "instagram" || byPlatform[1].Value != 1 {
		t.Errorf("response rate by platform = %+v", byPlatform)
	}
	if got := splitOf(t, rr, DimAccount); got[0].Key != "1" || got[0].Label != "Shop bot" {
		t.Errorf("by account = %+v", got)
	}
	if got := splitOf(t, rr, DimTag); len(got) != 1 || got[0].Key != "sales" || got[0].Count != 1 {
		t.Errorf("by tag = %+v", got)
	}
}

func TestWallClockWithoutCalendar(t *testing.T) {
	frt := figure(t, dashboard(t, newService(openFixture(t), nil), fixWeek), FirstResponse)
	if _, ok := frt.Details["businessMedian"]; ok {
		t.Error("business-hours figures without a calendar")
	}
}

func TestTimeZoneMovesTheHeatMapAndBusinessHours(t *testing.T) {
	svc := newService(openFixture(t), utcCalendar(t, "Asia/Tokyo"))
	d := dashboard(t, svc, fixWeek)
	if d.Zone != "Asia/Tokyo" {
		t.Fatalf("zone = %s", d.Zone)
	}
	// Sat 20:00 UTC is Sun 05:00 in Tokyo; Mon 10:00 UTC is Mon 19:00.
	if d.Heatmap[0][5] != 1 || d.Heatmap[1][19] != 1 || d.Heatmap[1][10] != 0 {
		t.Errorf("heat map not in Tokyo time")
	}
	best := figure(t, d, BestTime)
	if best.Details["weekday"] != 0 || best.Details["hour"] != 5 {
		t.Errorf("best time = %v", best.Details)
	}
	// Tokyo business hours are 00:00–09:00 UTC Mon–Fri: c1 (Mon 10:00→10:30 UTC) is closed time: 0;
	// c2 (Fri 17:00 UTC → Mon 09:30 UTC) = Mon 00:00–09:00 UTC: 540 min.
	frt := figure(t, d, FirstResponse)
	if !near(frt.Details["businessMedian"], 270) || !near(frt.Details["businessP90"], 540) {
		t.Errorf("Tokyo business minutes = %v", frt.Details)
	}
}

func TestEmptyPeriod(t *testing.T) {
	svc := newService(openFixture(t), nil)
	empty := Period{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 1, 8, 0, 0, 0, 0, time.UTC)}
	d := dashboard(t, svc, empty)
	for _, f := range d.Figures {
		switch f.Unit {
		case UnitCount, UnitMoney:
			if f.Value != 0 || f.Count != 0 {
				t.Errorf("%s = %v over %d rows in an empty period", f.Name, f.Value, f.Count)
			}
		default:
			if f.HasValue || f.HasChange || f.Count != 0 {
				t.Errorf("%s has a value in an empty period", f.Name)
			}
		}
		ids := drillIDs(t, svc, empty, f.Name, "", "")
		if len(ids) != 0 {
			t.Errorf("%s drills to %v in an empty period", f.Name, ids)
		}
	}
}

func TestDrillDownsReturnExactlyTheCountedRows(t *testing.T) {
	svc := newService(openFixture(t), nil)
	d := dashboard(t, svc, fixWeek)
	for _, tc := range []struct {
		name, dim, key string
		want           []int64
	}{
		{FirstResponse, "", "", []int64{1, 2}},
		{ResolutionTime, "", "", []int64{1}},
		{ResponseRate, "", "", []int64{1, 2, 3}},
		{ResponseRate, DimPlatform, "telegram", []int64{1, 3}},
		{SLAAttainment, "", "", []int64{1, 2}},
		{Volume, DimKind, "comment", []int64{2}},
		{Volume, DimMember, "Ana", []int64{1}},
		{DMConversion, "", "", []int64{1, 3}},
		{OrderRevenue, "", "", []int64{1, 2}},
		{OrderRevenue, DimCreator, "1", []int64{1}},
		{ModerationFalsePos, "", "", []int64{2, 3, 3}},
		{AutomationShare, "", "", []int64{1, 1}},
		{BestTime, "", "", []int64{1}},
		{BestTime, DimSlot, "6-20", []int64{3}},
	} {
		got := drillIDs(t, svc, fixWeek, tc.name, tc.dim, tc.key)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("drill %s %s=%s = %v, want %v", tc.name, tc.dim, tc.key, got, tc.want)
		}
		if tc.dim == "" && tc.name != BestTime {
			if f := figure(t, d, tc.name); f.Count != len(got) {
				t.Errorf("%s counts %d rows but drills to %d", tc.name, f.Count, len(got))
			}
		}
	}
	if _, err := svc.Drill(context.Background(), fixWeek, "nope", "", ""); !errors.As(err, new(UnknownMetricError)) {
		t.Errorf("unknown metric: %v", err)
	}
	if _, err := svc.Dashboard(context.Background(), Period{From: fixTo, To: fixFrom}); !errors.Is(err, ErrBadPeriod) {
		t.Errorf("reversed period: %v", err)
	}
}

func TestAgreesWithStoreAndCampaignFigures(t *testing.T) {
	st := openFixture(t)
	d := dashboard(t, newService(st, nil), fixWeek)
	ctx := context.Background()
	mq, err := st.ModerationFalsePositiveRate(ctx, fixFrom, fixTo)
	if err != nil {
		t.Fatal(err)
	}
	if mod := figure(t, d, ModerationFalsePos); mod.Count != mq.Reviewed || !near(mod.Value, mq.FalsePositiveRate) {
		t.Errorf("moderation %v/%d, store %v/%d", mod.Value, mod.Count, mq.FalsePositiveRate, mq.Reviewed)
	}
	share, err := st.AutomatedReplyShare(ctx, fixFrom, fixTo)
	if err != nil {
		t.Fatal(err)
	}
	if auto := figure(t, d, AutomationShare); auto.Count != share.Total || auto.Details["automated"] != float64(share.Automated) {
		t.Errorf("automation %v, store %+v", auto.Details, share)
	}
	rows, err := (&campaigns.Service{Store: st}).Results(ctx, "creator", campaigns.Range{From: fixFrom.UnixMilli(), To: fixTo.UnixMilli()})
	if err != nil {
		t.Fatal(err)
	}
	byCreator := splitOf(t, figure(t, d, OrderRevenue), DimCreator)
	if len(rows) != 1 || rows[0].RevenueMinor != int64(byCreator[0].Value) || rows[0].Orders != int64(byCreator[0].Count) {
		t.Errorf("campaign results %+v, kpi %+v", rows, byCreator)
	}
}

func TestStats(t *testing.T) {
	if v, ok := median([]float64{5, 1, 3}); !ok || v != 3 {
		t.Errorf("median odd = %v", v)
	}
	if v, _ := percentile([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90); v != 9 {
		t.Errorf("p90 = %v", v)
	}
	if _, ok := median(nil); ok {
		t.Error("median of nothing")
	}
	if _, ok := change(1, 0, true, true); ok {
		t.Error("change from zero")
	}
}
