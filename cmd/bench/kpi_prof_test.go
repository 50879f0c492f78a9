package main

import (
	"context"
	"os"
	"testing"
	"time"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/kpi"
	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// BenchmarkKpiDashboardWorkspace times the dashboard over KPI_BENCH_DAYS (90
// when unset) on the workspace at KPI_BENCH_WORKSPACE (skipped when unset), so
// that it can be profiled with -cpuprofile.
func BenchmarkKpiDashboardWorkspace(b *testing.B) {
	path := os.Getenv("KPI_BENCH_WORKSPACE")
	if path == "" {
		b.Skip("KPI_BENCH_WORKSPACE is not set")
	}
	days := 90
	if os.Getenv("KPI_BENCH_DAYS") == "30" {
		days = 30
	}
	ctx := context.Background()
	st, err := store.Open(path, store.Options{Now: func() time.Time { return refNow }})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	cal := sla.MustCalendar(sla.DefaultCalendar("UTC"))
	svc := &kpi.Service{Store: st, Campaigns: &campaigns.Service{Store: st}, Calendar: func() *sla.Calendar { return cal }}
	p := kpi.Period{From: refNow.AddDate(0, 0, -days), To: refNow}
	b.ResetTimer()
	for b.Loop() {
		if _, err := svc.Dashboard(ctx, p); err != nil {
			b.Fatal(err)
		}
	}
}
