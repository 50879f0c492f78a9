package calendar

import (
	"context"
	"time"

	"creatordesk/backend/store"
)

// PillarWeek is one content pillar's count in one week against its target.
type PillarWeek struct {
	WeekStart time.Time
	Pillar    string
	Target    int
	Count     int
}

// Short reports that the week falls short of the target.
func (p PillarWeek) Short() bool { return p.Count < p.Target }

// WeekStart returns the Monday 00:00 of t's week in loc.
func WeekStart(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	d := (int(l.Weekday()) + 6) % 7
	return WallTime(l.Year(), l.Month(), l.Day()-d, 0, 0, 0, loc)
}

// Cadence counts, for each week (Monday to Sunday in loc) overlapping
// [from, to) and each pillar with a target, the items planned for that
// pillar (reminders and failed items do not count).
func (s *Service) Cadence(ctx context.Context, from, to time.Time, loc *time.Location) ([]PillarWeek, error) {
	targets, err := s.Store.CadenceTargets(ctx)
	if err != nil || len(targets) == 0 {
		return nil, err
	}
	first := WeekStart(from, loc)
	var weeks []time.Time
	for w := first; w.Before(to); {
		weeks = append(weeks, w)
		l := w.In(loc)
		w = WallTime(l.Year(), l.Month(), l.Day()+7, 0, 0, 0, loc)
	}
	if len(weeks) == 0 {
		return nil, nil
	}
	end := weeks[len(weeks)-1]
	el := end.In(loc)
	occs, err := s.Range(ctx, first, WallTime(el.Year(), el.Month(), el.Day()+7, 0, 0, 0, loc))
	if err != nil {
		return nil, err
	}
	counts := map[time.Time]map[string]int{}
	for _, o := range occs {
		if o.Item.Kind == store.ItemReminder || o.Item.Status == store.ItemFailed || o.Item.Pillar == "" {
			continue
		}
		w := WeekStart(o.Start, loc)
		if counts[w] == nil {
			counts[w] = map[string]int{}
		}
		counts[w][o.Item.Pillar]++
	}
	var out []PillarWeek
	for _, w := range weeks {
		for _, t := range targets {
			out = append(out, PillarWeek{WeekStart: w, Pillar: t.Pillar, Target: t.PerWeek, Count: counts[w][t.Pillar]})
		}
	}
	return out, nil
}

// SetCadence sets (or with perWeek <= 0 removes) a pillar's weekly target.
func (s *Service) SetCadence(ctx context.Context, actor, pillar string, perWeek int) error {
	if pillar == "" || len(pillar) > 80 || perWeek > 100 {
		return &InvalidError{Field: "cadence"}
	}
	if err := s.Store.SetCadenceTarget(ctx, pillar, perWeek); err != nil {
		return err
	}
	s.audit(ctx, actor, "calendar.cadence_set", 0, nil, map[string]any{"pillar": pillar, "perWeek": perWeek})
	return nil
}
