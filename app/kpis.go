package app

import (
	"context"
	"time"

	"creatordesk/backend/kpi"
	"creatordesk/backend/sla"
)

func init() {
	registerFacade(func(s *Session) any { return NewKpis(s) })
}

// Kpis is the bound facade of the KPI dashboards. The CLI's `kpi` command calls
// the same methods, so both show the same numbers.
type Kpis struct{ s *Session }

// NewKpis binds the facade to a session.
func NewKpis(s *Session) *Kpis { return &Kpis{s: s} }

// defaultKpiDays is the period shown when no start is given.
const defaultKpiDays = 30

// svc builds the KPI service over the open workspace, with the stored
// minutes-per-reply assumption (the default when it cannot be read).
func (k *Kpis) svc() *kpi.Service {
	w := k.s.Workspace()
	set, _ := kpi.LoadSettings(context.Background(), w.Store)
	return &kpi.Service{Store: w.Store, Campaigns: w.Campaigns(), MinutesPerReply: set.MinutesPerReply, Calendar: func() *sla.Calendar {
		if w.SLA() == nil {
			return nil
		}
		_, cal := w.SLA().Calendar()
		return cal
	}}
}

// period reads a from/to pair like ParseRange (YYYY-MM-DD days in UTC, "to"
// included, or RFC 3339 times). A missing end is now; a missing start is 30
// days before the end.
func (k *Kpis) period(from, to string) (kpi.Period, error) {
	r, err := ParseRange(from, to)
	if err != nil {
		return kpi.Period{}, err
	}
	p := kpi.Period{To: time.UnixMilli(r.To).UTC()}
	if r.To == 0 {
		p.To = k.s.Workspace().Store.Now().UTC()
	}
	p.From = p.To.AddDate(0, 0, -defaultKpiDays)
	if r.From != 0 {
		p.From = time.UnixMilli(r.From).UTC()
	}
	if !p.To.After(p.From) {
		return p, invalidInput("to is before from")
	}
	return p, nil
}

// Dashboard computes every figure for [from, to) and the previous period of equal length.
func (k *Kpis) Dashboard(from, to string) (KpiDashboardDTO, error) {
	p, err := k.period(from, to)
	if err != nil {
		return KpiDashboardDTO{}, err
	}
	d, err := k.svc().Dashboard(context.Background(), p)
	if err != nil {
		return KpiDashboardDTO{}, err
	}
	return toKpiDashboardDTO(d), nil
}

// Drill lists exactly the conversations or orders metric counted over
// [from, to), or those of one split key (dimension "" = the whole figure).
func (k *Kpis) Drill(metric, from, to, dimension, key string) (KpiDrillDTO, error) {
	p, err := k.period(from, to)
	if err != nil {
		return KpiDrillDTO{}, err
	}
	d, err := k.svc().Drill(context.Background(), p, metric, dimension, key)
	if err != nil {
		return KpiDrillDTO{}, err
	}
	return toKpiDrillDTO(d), nil
}

// Names lists the metric names in dashboard order.
func (k *Kpis) Names() []string { return kpi.Names() }
