package app

import "creatordesk/backend/kpi"

// KpiDashboardDTO is every KPI figure of a period (`creatordesk kpi all --json` prints exactly this).
type KpiDashboardDTO struct {
	From         string `json:"from"`
	To           string `json:"to"`
	PreviousFrom string `json:"previousFrom"`
	PreviousTo   string `json:"previousTo"`
	// Zone is the time zone of the heat map and of business hours.
	Zone            string         `json:"zone"`
	BusinessHours   bool           `json:"businessHours"`
	MinutesPerReply float64        `json:"minutesPerReply"`
	Figures         []KpiFigureDTO `json:"figures"`
	// Heatmap counts inbound messages by weekday (0 = Sunday) then hour, in Zone.
	Heatmap [][]int `json:"heatmap"`
}

// KpiFigureDTO is one metric; nil values mean "nothing to measure".
type KpiFigureDTO struct {
	Name string `json:"name"`
	// Unit is minutes, hours, ratio, count or money (minor units of Currency).
	Unit     string   `json:"unit"`
	Drill    string   `json:"drill"`
	Currency string   `json:"currency"`
	Value    *float64 `json:"value"`
	Previous *float64 `json:"previous"`
	// Change is relative: 0.25 = +25% (nil without a previous value).
	Change        *float64           `json:"change"`
	Count         int                `json:"count"`
	PreviousCount int                `json:"previousCount"`
	Details       map[string]float64 `json:"details"`
	Splits        []KpiSplitDTO      `json:"splits"`
}

// KpiSplitDTO is a figure broken down along one dimension.
type KpiSplitDTO struct {
	Dimension string           `json:"dimension"`
	Rows      []KpiSplitRowDTO `json:"rows"`
}

// KpiSplitRowDTO is one key of a split.
type KpiSplitRowDTO struct {
	Key   string   `json:"key"`
	Label string   `json:"label"`
	Value *float64 `json:"value"`
	Count int      `json:"count"`
}

// KpiDrillDTO lists exactly the conversations or orders behind a figure.
type KpiDrillDTO struct {
	Metric string           `json:"metric"`
	Kind   string           `json:"kind"`
	Rows   []KpiDrillRowDTO `json:"rows"`
}

// KpiDrillRowDTO is one counted conversation or order.
type KpiDrillRowDTO struct {
	ID    int64   `json:"id"`
	Label string  `json:"label"`
	At    string  `json:"at"`
	Value float64 `json:"value"`
	Hit   bool    `json:"hit"`
}

// optional is v when ok, nil otherwise.
func optional(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &v
}

// toKpiDashboardDTO converts a dashboard.
func toKpiDashboardDTO(d kpi.Dashboard) KpiDashboardDTO {
	out := KpiDashboardDTO{From: rfc3339(d.Period.From.UnixMilli()), To: rfc3339(d.Period.To.UnixMilli()),
		PreviousFrom: rfc3339(d.Previous.From.UnixMilli()), PreviousTo: rfc3339(d.Previous.To.UnixMilli()),
		Zone: d.Zone, BusinessHours: d.BusinessHours, MinutesPerReply: d.MinutesPerReply,
		Figures: make([]KpiFigureDTO, 0, len(d.Figures)), Heatmap: make([][]int, 7)}
	for day := range d.Heatmap {
		out.Heatmap[day] = append([]int(nil), d.Heatmap[day][:]...)
	}
	for _, f := range d.Figures {
		out.Figures = append(out.Figures, toKpiFigureDTO(f))
	}
	return out
}

// toKpiFigureDTO converts a figure.
func toKpiFigureDTO(f kpi.Figure) KpiFigureDTO {
	out := KpiFigureDTO{Name: f.Name, Unit: f.Unit, Drill: f.Drill, Currency: f.Currency,
		Value: optional(f.Value, f.HasValue), Previous: optional(f.Previous, f.HasPrev), Change: optional(f.Change, f.HasChange),
		Count: f.Count, PreviousCount: f.PreviousCount, Details: f.Details, Splits: make([]KpiSplitDTO, 0, len(f.Splits))}
	for _, s := range f.Splits {
		sd := KpiSplitDTO{Dimension: s.Dimension, Rows: make([]KpiSplitRowDTO, 0, len(s.Rows))}
		for _, r := range s.Rows {
			sd.Rows = append(sd.Rows, KpiSplitRowDTO{Key: r.Key, Label: r.Label, Value: optional(r.Value, r.HasValue), Count: r.Count})
		}
		out.Splits = append(out.Splits, sd)
	}
	return out
}

// toKpiDrillDTO converts a drill-down.
func toKpiDrillDTO(d kpi.DrillDown) KpiDrillDTO {
	out := KpiDrillDTO{Metric: d.Metric, Kind: d.Kind, Rows: make([]KpiDrillRowDTO, 0, len(d.Rows))}
	for _, r := range d.Rows {
		out.Rows = append(out.Rows, KpiDrillRowDTO{ID: r.ID, Label: r.Label, At: rfc3339(r.At), Value: r.Value, Hit: r.Hit})
	}
	return out
}

// KpiSettingsDTO are the KPI settings.
type KpiSettingsDTO struct {
	// CsatEnabled sends a 1–5 rating request after each resolution of a DM (off by default).
	CsatEnabled bool `json:"csatEnabled"`
	// CsatTemplateID is the saved reply that asks (0 = CreatorDesk writes one when switched on).
	CsatTemplateID int64 `json:"csatTemplateId"`
	// MinutesPerReply is the "hours saved" assumption: minutes a person needs per reply.
	MinutesPerReply float64 `json:"minutesPerReply"`
}

// KpiGoalInputDTO is a goal as the team sets it.
type KpiGoalInputDTO struct {
	ID     int64  `json:"id"`
	Metric string `json:"metric"`
	// Mode is change (Target 0.15 = +15% against the previous period), atMost or atLeast (Target in the figure's unit).
	Mode   string  `json:"mode"`
	Target float64 `json:"target"`
	// Span is week or month (so far, in the workspace's zone).
	Span string `json:"span"`
	Note string `json:"note"`
}

// KpiGoalDTO is a goal with its progress.
type KpiGoalDTO struct {
	Goal         KpiGoalInputDTO `json:"goal"`
	From         string          `json:"from"`
	To           string          `json:"to"`
	PreviousFrom string          `json:"previousFrom"`
	PreviousTo   string          `json:"previousTo"`
	Unit         string          `json:"unit"`
	Currency     string          `json:"currency"`
	Value        *float64        `json:"value"`
	Previous     *float64        `json:"previous"`
	Change       *float64        `json:"change"`
	// Progress is 0 to 1; Met says the goal is reached.
	Progress float64 `json:"progress"`
	Met      bool    `json:"met"`
}

// KpiReportTextDTO is the report's wording in the reader's language ("" = English).
type KpiReportTextDTO struct {
	Title         string            `json:"title"`
	Period        string            `json:"period"`
	Previous      string            `json:"previous"`
	Figure        string            `json:"figure"`
	Value         string            `json:"value"`
	PreviousValue string            `json:"previousValue"`
	Change        string            `json:"change"`
	Counted       string            `json:"counted"`
	Busiest       string            `json:"busiest"`
	Footer        string            `json:"footer"`
	Figures       map[string]string `json:"figures"`
	// Weekdays are Sunday first.
	Weekdays []string `json:"weekdays"`
}

// KpiReportDTO is the shareable HTML report and a file name for it.
type KpiReportDTO struct {
	Filename string `json:"filename"`
	HTML     string `json:"html"`
}

// toKpiSettingsDTO converts the settings.
func toKpiSettingsDTO(s kpi.Settings) KpiSettingsDTO {
	return KpiSettingsDTO{CsatEnabled: s.CSATEnabled, CsatTemplateID: s.CSATTemplateID, MinutesPerReply: s.MinutesPerReply}
}

// toKpiGoalDTO converts a goal's progress.
func toKpiGoalDTO(g kpi.GoalProgress) KpiGoalDTO {
	return KpiGoalDTO{Goal: KpiGoalInputDTO{ID: g.Goal.ID, Metric: g.Goal.Metric, Mode: g.Goal.Mode, Target: g.Goal.Target,
		Span: g.Goal.Span, Note: g.Goal.Note},
		From: rfc3339(g.Period.From.UnixMilli()), To: rfc3339(g.Period.To.UnixMilli()),
		PreviousFrom: rfc3339(g.Previous.From.UnixMilli()), PreviousTo: rfc3339(g.Previous.To.UnixMilli()),
		Unit: g.Unit, Currency: g.Currency, Value: optional(g.Value, g.HasValue), Previous: optional(g.Prev, g.HasPrev),
		Change: optional(g.Change, g.HasChange), Progress: g.Progress, Met: g.Met}
}
