package kpi

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/store"
)

func TestGoalProgressOverTheWeekSoFar(t *testing.T) {
	st := openFixture(t)
	svc := newService(st, nil)
	ctx := context.Background()
	for _, g := range []store.KpiGoal{
		{Metric: Volume, Mode: GoalChange, Target: 0.15, Span: SpanWeek},
		{Metric: FirstResponse, Mode: GoalAtMost, Target: 60, Span: SpanWeek},
		{Metric: ResponseRate, Mode: GoalAtLeast, Target: 0.9, Span: SpanWeek},
	} {
		if _, err := svc.SaveGoal(ctx, g, "Ana"); err != nil {
			t.Fatal(err)
		}
	}
	// Sunday 8 March 23:00: the week so far is Mon 2 00:00 – Sun 8 23:00 (UTC), the
	// period before it Mon 23 Feb 01:00 – Mon 2 00:00 (c4 only).
	got, err := svc.Goals(ctx, time.UnixMilli(at(8, 23, 0)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Period.From != fixFrom || got[0].Previous.From != time.UnixMilli(feb(23, 1, 0)).UTC() {
		t.Fatalf("goals = %+v", got)
	}
	// Volume 3 against 1: +200% ≥ +15%.
	if g := got[0]; !g.Met || g.Progress != 1 || !near(g.Change, 2) {
		t.Errorf("volume goal = %+v", g)
	}
	// First response median 1950 min (c1 30, c2 3870) against at most 60.
	if g := got[1]; g.Met || !near(g.Progress, 60.0/1950) {
		t.Errorf("first response goal = %+v", g)
	}
	// Response rate 2/3 against at least 90%.
	if g := got[2]; g.Met || !near(g.Progress, (2.0/3)/0.9) {
		t.Errorf("response rate goal = %+v", g)
	}
	for _, bad := range []store.KpiGoal{
		{Metric: "nope", Mode: GoalAtMost, Target: 1, Span: SpanWeek},
		{Metric: Volume, Mode: "more", Target: 1, Span: SpanWeek},
		{Metric: Volume, Mode: GoalChange, Target: 0, Span: SpanWeek},
		{Metric: Volume, Mode: GoalAtLeast, Target: 5, Span: "year"},
	} {
		if _, err := svc.SaveGoal(ctx, bad, "Ana"); !errors.As(err, new(InvalidGoalError)) {
			t.Errorf("SaveGoal(%+v) = %v", bad, err)
		}
	}
	if err := svc.DeleteGoal(ctx, got[0].Goal.ID, "Ana"); err != nil {
		t.Fatal(err)
	}
	if left, _ := st.KpiGoals(ctx); len(left) != 2 {
		t.Errorf("%d goals after a delete", len(left))
	}
}

func TestGoalSpansFollowTheWorkspaceZone(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	// Sunday 8 March 20:00 UTC is Monday 9 March 05:00 in Tokyo: the week began at Tokyo midnight.
	now := time.UnixMilli(at(8, 20, 0))
	if p := spanPeriod(SpanWeek, now, tokyo); p.From != time.UnixMilli(at(8, 15, 0)).UTC() || p.To != now.UTC() {
		t.Errorf("Tokyo week = %v", p)
	}
	if p := spanPeriod(SpanWeek, now, time.UTC); p.From != fixFrom {
		t.Errorf("UTC week = %v", p)
	}
	if p := spanPeriod(SpanMonth, now, tokyo); p.From != time.Date(2026, 2, 28, 15, 0, 0, 0, time.UTC) {
		t.Errorf("Tokyo month = %v", p)
	}
}

func TestReportIsStandaloneAndEscaped(t *testing.T) {
	svc := newService(openFixture(t), nil)
	text := DefaultReportText
	text.Title = `<script>alert("x")</script> & co`
	html, err := svc.Report(context.Background(), fixWeek, text)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"&lt;script&gt;", "&amp; co", "2026-03-02 – 2026-03-08", "2026-02-23 – 2026-03-01",
		"<td>Response rate</td><td class=\"num\">66.7%</td><td class=\"num\">100.0%</td><td class=\"num bad\">-33.3%</td>",
		"80.00 EUR", "40.00 EUR", "Monday 10:00"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, banned := range []string{"<script", "src=", "href=", "@import", "url("} {
		if strings.Contains(strings.ToLower(html), banned) {
			t.Errorf("report contains %q", banned)
		}
	}
}
