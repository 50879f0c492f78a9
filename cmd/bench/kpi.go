package main

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"time"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/kpi"
	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// kpiGoal is the target of a KPI dashboard's backend time, in milliseconds.
const kpiGoal = 300.0

// kpiRuns is how often each KPI read is timed (sample stops earlier when its budget runs out).
const kpiRuns = 30

// kpiProbe is one timed KPI read over a period ending at the workspace's "now".
type kpiProbe struct {
	name string
	days int
	run  func(ctx context.Context, svc *kpi.Service, p kpi.Period) (int, error)
	// what names run's count in the figure's detail ("conversations counted" when empty).
	what string
}

// kpiProbes are the dashboard over the default 30 days and a quarter (every
// figure, including meaningful comments, leads, CSAT and live sessions),
// drill-downs (the busiest hour's lists individual messages: the one figure
// that still reads the messages table), the weekly report and the goals.
var kpiProbes = []kpiProbe{
	{"KPI dashboard, 30 days", 30, dashboardRows, ""},
	{"KPI dashboard, 90 days", 90, dashboardRows, ""},
	{"KPI drill-down (conversations, 30 days)", 30, drillRows(kpi.Volume), "rows listed"},
	{"KPI drill-down (meaningful comments, 30 days)", 30, drillRows(kpi.MeaningfulComments), "rows listed"},
	{"KPI drill-down (first response, 30 days)", 30, drillRows(kpi.FirstResponse), "rows listed"},
	{"KPI drill-down (busiest hour, 30 days)", 30, drillRows(kpi.BestTime), "rows listed"},
	{"KPI weekly report (HTML, 7 days)", 7, func(ctx context.Context, svc *kpi.Service, p kpi.Period) (int, error) {
		html, err := svc.Report(ctx, p, kpi.DefaultReportText)
		return len(html), err
	}, "bytes of HTML"},
	{"KPI goals (three goals, month so far)", 30, func(ctx context.Context, svc *kpi.Service, p kpi.Period) (int, error) {
		g, err := svc.Goals(ctx, p.To)
		return len(g), err
	}, "goals measured"},
}

// drillRows times the drill-down of one figure.
func drillRows(name string) func(ctx context.Context, svc *kpi.Service, p kpi.Period) (int, error) {
	return func(ctx context.Context, svc *kpi.Service, p kpi.Period) (int, error) {
		d, err := svc.Drill(ctx, p, name, "", "")
		return len(d.Rows), err
	}
}

// kpiBenchGoals are the goals the goals probe measures (added once to the benchmark workspace).
var kpiBenchGoals = []store.KpiGoal{
	{Metric: kpi.Volume, Mode: kpi.GoalChange, Target: 0.15, Span: kpi.SpanMonth},
	{Metric: kpi.FirstResponse, Mode: kpi.GoalAtMost, Target: 60, Span: kpi.SpanMonth},
	{Metric: kpi.ResponseRate, Mode: kpi.GoalAtLeast, Target: 0.9, Span: kpi.SpanMonth},
}

// dashboardRows computes every figure and returns how many conversations the volume figure counted.
func dashboardRows(ctx context.Context, svc *kpi.Service, p kpi.Period) (int, error) {
	d, err := svc.Dashboard(ctx, p)
	for _, f := range d.Figures {
		if f.Name == kpi.Volume {
			return f.Count, err
		}
	}
	return 0, err
}

// kpiFigures times the KPI area's backend (kpi.Service, as app.Kpis calls it) on
// the benchmark workspace, with business hours on (Monday to Friday 09–18 UTC,
// the default calendar) so the business-time arithmetic is included.
func kpiFigures(ctx context.Context, path string, prepErr error) []Figure {
	var out []Figure
	st, err := (*store.Store)(nil), prepErr
	if err == nil {
		st, err = store.Open(path, store.Options{Now: func() time.Time { return refNow }})
	}
	if err == nil {
		defer st.Close()
	}
	cal := sla.MustCalendar(sla.DefaultCalendar("UTC"))
	if err == nil {
		err = ensureBenchGoals(ctx, st)
	}
	for _, p := range kpiProbes {
		if err != nil {
			out = append(out, latencyOrMissing(p.name, kpiGoal, timings{}, err, "")...)
			continue
		}
		svc := &kpi.Service{Store: st, Campaigns: &campaigns.Service{Store: st}, Calendar: func() *sla.Calendar { return cal }}
		period := kpi.Period{From: refNow.AddDate(0, 0, -p.days), To: refNow}
		runtime.GC()
		var counted int
		t, runErr := sample(kpiRuns, func(int) error {
			var e error
			counted, e = p.run(ctx, svc, period)
			return e
		})
		out = append(out, latencyOrMissing(p.name, kpiGoal, t, runErr,
			fmt.Sprintf("kpi.Service over %s – %s and the period before it (%d %s)",
				period.From.Format("2006-01-02"), period.To.Format("2006-01-02"), counted, cmp.Or(p.what, "conversations counted")))...)
	}
	return out
}

// ensureBenchGoals adds the goals probe's goals unless the workspace has goals already.
func ensureBenchGoals(ctx context.Context, st *store.Store) error {
	have, err := st.KpiGoals(ctx)
	if err != nil || len(have) > 0 {
		return err
	}
	for _, g := range kpiBenchGoals {
		if err := st.SaveKpiGoal(ctx, &g); err != nil {
			return err
		}
	}
	return nil
}
