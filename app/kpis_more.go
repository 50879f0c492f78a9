package app

import (
	"context"
	"time"

	"creatordesk/backend/kpi"
	"creatordesk/backend/store"
)

// Settings returns the KPI settings: rating requests after resolution (off by
// default), their saved reply, and the minutes-per-reply assumption.
func (k *Kpis) Settings() (KpiSettingsDTO, error) {
	set, err := kpi.LoadSettings(context.Background(), k.s.Workspace().Store)
	return toKpiSettingsDTO(set), err
}

// SaveSettings stores the KPI settings (audited).
func (k *Kpis) SaveSettings(in KpiSettingsDTO) (KpiSettingsDTO, error) {
	set, err := kpi.SaveSettings(context.Background(), k.s.Workspace().Store, kpi.Settings{CSATEnabled: in.CsatEnabled,
		CSATTemplateID: in.CsatTemplateID, MinutesPerReply: in.MinutesPerReply}, k.s.Actor())
	return toKpiSettingsDTO(set), err
}

// Goals measures every goal over its week or month so far.
func (k *Kpis) Goals() ([]KpiGoalDTO, error) {
	svc := k.svc()
	gs, err := svc.Goals(context.Background(), svc.Store.Now())
	if err != nil {
		return nil, err
	}
	out := make([]KpiGoalDTO, 0, len(gs))
	for _, g := range gs {
		out = append(out, toKpiGoalDTO(g))
	}
	return out, nil
}

// SaveGoal adds a goal (id 0) or changes one (audited).
func (k *Kpis) SaveGoal(in KpiGoalInputDTO) (KpiGoalInputDTO, error) {
	g, err := k.svc().SaveGoal(context.Background(), store.KpiGoal{ID: in.ID, Metric: in.Metric, Mode: in.Mode,
		Target: in.Target, Span: in.Span, Note: in.Note}, k.s.Actor())
	if err != nil {
		return in, err
	}
	return KpiGoalInputDTO{ID: g.ID, Metric: g.Metric, Mode: g.Mode, Target: g.Target, Span: g.Span, Note: g.Note}, nil
}

// DeleteGoal removes a goal (audited).
func (k *Kpis) DeleteGoal(id int64) error {
	return k.svc().DeleteGoal(context.Background(), id, k.s.Actor())
}

// Report renders the figures of [from, to) and the period before as a
// standalone HTML page (inline CSS, no scripts) in the wording given (English
// for any label left empty). With no dates it is the weekly report: the last 7 days.
func (k *Kpis) Report(from, to string, text KpiReportTextDTO) (KpiReportDTO, error) {
	p, err := k.reportPeriod(from, to)
	if err != nil {
		return KpiReportDTO{}, err
	}
	html, err := k.svc().Report(context.Background(), p, text.merge())
	if err != nil {
		return KpiReportDTO{}, err
	}
	name := "creatordesk-report-" + p.From.Format("2006-01-02") + "-" + p.To.Add(-time.Millisecond).Format("2006-01-02") + ".html"
	return KpiReportDTO{Filename: name, HTML: html}, nil
}

// reportPeriod is the given range, or the 7 days up to now.
func (k *Kpis) reportPeriod(from, to string) (kpi.Period, error) {
	if from == "" && to == "" {
		now := k.s.Workspace().Store.Now().UTC()
		return kpi.Period{From: now.AddDate(0, 0, -7), To: now}, nil
	}
	return k.period(from, to)
}

// merge fills the empty labels of t from the English wording.
func (t KpiReportTextDTO) merge() kpi.ReportText {
	out := kpi.DefaultReportText
	pick := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	pick(&out.Title, t.Title)
	pick(&out.Period, t.Period)
	pick(&out.Previous, t.Previous)
	pick(&out.Figure, t.Figure)
	pick(&out.Value, t.Value)
	pick(&out.PreviousValue, t.PreviousValue)
	pick(&out.Change, t.Change)
	pick(&out.Counted, t.Counted)
	pick(&out.Busiest, t.Busiest)
	pick(&out.Footer, t.Footer)
	figures := map[string]string{}
	for k, v := range out.Figures {
		figures[k] = v
	}
	for k, v := range t.Figures {
		if v != "" {
			figures[k] = v
		}
	}
	out.Figures = figures
	for i := 0; i < 7 && i < len(t.Weekdays); i++ {
		pick(&out.Weekdays[i], t.Weekdays[i])
	}
	return out
}
