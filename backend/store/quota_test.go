package store

import (
	"context"
	"testing"
	"time"
)

func TestQuotaUsageSaveLoadAndPrune(t *testing.T) {
	now := fixedNow
	s := openTestClock(t, func() time.Time { return now })
	ctx := context.Background()
	if _, ok, err := s.QuotaUsageOn(ctx, "youtube", "client-1", "2026-03-29"); err != nil || ok {
		t.Fatalf("empty table: ok=%v err=%v", ok, err)
	}
	if err := s.SaveQuotaUsage(ctx, QuotaUsage{Platform: "youtube", Project: "", Day: "2026-03-29"}); err == nil {
		t.Fatal("a row without a project was saved")
	}
	reset := time.Date(2026, 3, 30, 7, 0, 0, 0, time.UTC).UnixMilli()
	for _, units := range []int64{3, 53, 104} {
		if err := s.SaveQuotaUsage(ctx, QuotaUsage{Platform: "youtube", Project: "client-1", Day: "2026-03-29", Units: units, Budget: 10000, ResetsAt: reset}); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := s.QuotaUsageOn(ctx, "youtube", "client-1", "2026-03-29")
	if err != nil || !ok || got.Units != 104 || got.Budget != 10000 || got.ResetsAt != reset || got.UpdatedAt != now.UnixMilli() {
		t.Fatalf("got %+v ok=%v err=%v", got, ok, err)
	}
	if _, ok, _ := s.QuotaUsageOn(ctx, "youtube", "client-2", "2026-03-29"); ok {
		t.Fatal("another project sees the count")
	}
	// Six weeks later a new day's save prunes the old row.
	now = now.Add(42 * 24 * time.Hour)
	if err := s.SaveQuotaUsage(ctx, QuotaUsage{Platform: "youtube", Project: "client-1", Day: "2026-05-10", Units: 1, Budget: 10000}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.QuotaUsageOn(ctx, "youtube", "client-1", "2026-03-29"); ok {
		t.Fatal("a six-week-old day was kept")
	}
	if u, ok, _ := s.QuotaUsageOn(ctx, "youtube", "client-1", "2026-05-10"); !ok || u.Units != 1 {
		t.Fatalf("today's row: %+v %v", u, ok)
	}
}
