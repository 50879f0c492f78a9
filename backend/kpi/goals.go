package kpi

import (
	"context"
	"encoding/json"
	"math"
	"strconv"
	"time"

	"creatordesk/backend/store"
)

// Goal modes.
const (
	// GoalChange: the figure should change by Target (0.15 = +15%, -0.2 = −20%) against the previous period.
	GoalChange = "change"
	// GoalAtMost: the figure should be at most Target (in its unit), e.g. first response ≤ 60 minutes.
	GoalAtMost = "atMost"
	// GoalAtLeast: the figure should be at least Target, e.g. CSAT ≥ 4.5.
	GoalAtLeast = "atLeast"
)

// Goal spans: the calendar week (from Monday) or month so far, in the workspace's zone.
const (
	SpanWeek  = "week"
	SpanMonth = "month"
)

// GoalProgress is a goal measured over its span so far and the period of equal length before.
type GoalProgress struct {
	Goal             store.KpiGoal
	Period, Previous Period
	Unit, Currency   string
	Value, Prev      float64
	HasValue         bool
	HasPrev          bool
	Change           float64
	HasChange        bool
	// Progress is how far along the goal is, 0 to 1; Met says it is reached.
	Progress float64
	Met      bool
}

// spanPeriod is the span so far at now: [start of week or month in loc, now).
func spanPeriod(span string, now time.Time, loc *time.Location) Period {
	t := now.In(loc)
	start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
	if span == SpanWeek {
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		start = time.Date(t.Year(), t.Month(), t.Day()-back, 0, 0, 0, 0, loc)
	}
	if !now.After(start) {
		now = start.Add(time.Minute)
	}
	return Period{From: start.UTC(), To: now.UTC()}
}

// Goals measures every goal at now.
func (s *Service) Goals(ctx context.Context, now time.Time) ([]GoalProgress, error) {
	goals, err := s.Store.KpiGoals(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]GoalProgress, 0, len(goals))
	inputs := map[string]*input{}
	for _, g := range goals {
		m, ok := metricByName(g.Metric)
		if !ok {
			continue
		}
		in := inputs[g.Span]
		loc := time.UTC
		if s.Calendar != nil {
			if cal := s.Calendar(); cal != nil {
				loc = cal.Location()
			}
		}
		p := spanPeriod(g.Span, now, loc)
		if in == nil {
			if in, err = s.prepare(ctx, p, noMessages, false); err != nil {
				return nil, err
			}
			inputs[g.Span] = in
		}
		f := in.figure(m, p, nil)
		gp := GoalProgress{Goal: g, Period: p, Previous: p.Previous(), Unit: f.Unit, Currency: f.Currency,
			Value: f.Value, Prev: f.Previous, HasValue: f.HasValue, HasPrev: f.HasPrev, Change: f.Change, HasChange: f.HasChange}
		gp.Progress, gp.Met = progress(g, f)
		out = append(out, gp)
	}
	return out, nil
}

// progress is how far a figure is toward a goal (0–1) and whether it is met.
func progress(g store.KpiGoal, f Figure) (float64, bool) {
	clamp := func(v float64) float64 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0
		}
		return math.Max(0, math.Min(1, v))
	}
	switch g.Mode {
	case GoalChange:
		if !f.HasChange || g.Target == 0 {
			return 0, false
		}
		met := f.Change >= g.Target
		if g.Target < 0 {
			met = f.Change <= g.Target
		}
		return clamp(f.Change / g.Target), met
	case GoalAtMost:
		if !f.HasValue {
			return 0, false
		}
		if f.Value <= g.Target {
			return 1, true
		}
		return clamp(g.Target / f.Value), false
	case GoalAtLeast:
		if !f.HasValue {
			return 0, false
		}
		return clamp(f.Value / g.Target), f.Value >= g.Target
	}
	return 0, false
}

// SaveGoal validates and stores a goal (ID 0 adds one) and audits it.
func (s *Service) SaveGoal(ctx context.Context, g store.KpiGoal, actor string) (store.KpiGoal, error) {
	if _, ok := metricByName(g.Metric); !ok {
		return g, InvalidGoalError{Field: "metric"}
	}
	switch {
	case g.Mode != GoalChange && g.Mode != GoalAtMost && g.Mode != GoalAtLeast:
		return g, InvalidGoalError{Field: "mode"}
	case g.Span != SpanWeek && g.Span != SpanMonth:
		return g, InvalidGoalError{Field: "span"}
	case math.IsNaN(g.Target) || math.IsInf(g.Target, 0) || (g.Mode == GoalChange && g.Target == 0) || (g.Mode != GoalChange && g.Target <= 0):
		return g, InvalidGoalError{Field: "target"}
	}
	before := ""
	if g.ID != 0 {
		old, err := s.Store.KpiGoalByID(ctx, g.ID)
		if err != nil {
			return g, err
		}
		b, _ := json.Marshal(old)
		before = string(b)
	} else {
		g.CreatedBy = actor
	}
	if err := s.Store.SaveKpiGoal(ctx, &g); err != nil {
		return g, err
	}
	after, _ := json.Marshal(g)
	_, err := s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "kpi.goal.save", TargetType: "kpi_goal",
		TargetID: strconv.FormatInt(g.ID, 10), BeforeJSON: before, AfterJSON: string(after)})
	return g, err
}

// DeleteGoal removes a goal and audits it.
func (s *Service) DeleteGoal(ctx context.Context, id int64, actor string) error {
	old, err := s.Store.KpiGoalByID(ctx, id)
	if err != nil {
		return err
	}
	if err := s.Store.DeleteKpiGoal(ctx, id); err != nil {
		return err
	}
	b, _ := json.Marshal(old)
	_, err = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "kpi.goal.delete", TargetType: "kpi_goal",
		TargetID: strconv.FormatInt(id, 10), BeforeJSON: string(b)})
	return err
}
