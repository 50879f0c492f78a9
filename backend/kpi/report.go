package kpi

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"time"

	"creatordesk/backend/campaigns/money"
)

// ReportText is the wording of the shareable report: the UI passes its own
// language's strings; DefaultReportText is English (the CLI's).
type ReportText struct {
	Title, Period, Previous, Figure, Value, PreviousValue, Change, Counted, Busiest, Footer string
	// Figures names each metric ("first-response" → "First response").
	Figures map[string]string
	// Weekdays are Sunday first.
	Weekdays [7]string
}

// DefaultReportText is the English wording.
var DefaultReportText = ReportText{
	Title: "CreatorDesk weekly report", Period: "Period", Previous: "Compared with", Figure: "Figure",
	Value: "This period", PreviousValue: "Previous period", Change: "Change", Counted: "Counted",
	Busiest: "Busiest hour for incoming messages", Footer: "Made by CreatorDesk from the workspace's own data. Times in",
	Figures: map[string]string{
		FirstResponse: "First response (median)", ResolutionTime: "Resolution time (median)", ResponseRate: "Response rate",
		SLAAttainment: "SLA attainment", Volume: "Conversations", MeaningfulComments: "Meaningful comments", DMLead: "DM to lead",
		DMConversion: "DM to order", OrderRevenue: "Revenue", AverageOrder: "Average order", AssistedOrders: "Assisted conversions",
		Satisfaction: "Satisfaction (CSAT)", ModerationFalsePos: "Moderation mistakes", AutomationShare: "Handled by automation",
		BestTime: "Busiest hour", LiveSessions: "Live sessions",
	},
	Weekdays: [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
}

// reportTemplate is the report: inline CSS, no scripts, no remote resources;
// html/template escapes every value.
var reportTemplate = template.Must(template.New("report").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.T.Title}}</title>
<style>
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Devanagari","Noto Sans CJK SC",sans-serif;color:#1c2541;margin:32px auto;max-width:860px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}p.meta{color:#5c6783;margin:0 0 20px}
table{border-collapse:collapse;width:100%}th,td{padding:8px 10px;border-bottom:1px solid #e3e7f0;text-align:left}
th{font-size:12px;color:#5c6783;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.good{color:#2b8a3e}.bad{color:#c92a2a}footer{margin-top:24px;color:#8a93a8;font-size:12px}
</style></head><body>
<h1>{{.T.Title}}</h1>
<p class="meta">{{.T.Period}}: {{.From}} – {{.To}} · {{.T.Previous}}: {{.PrevFrom}} – {{.PrevTo}}</p>
<table><thead><tr><th>{{.T.Figure}}</th><th class="num">{{.T.Value}}</th><th class="num">{{.T.PreviousValue}}</th><th class="num">{{.T.Change}}</th><th class="num">{{.T.Counted}}</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{.Name}}</td><td class="num">{{.Value}}</td><td class="num">{{.Previous}}</td><td class="num {{.Tone}}">{{.Change}}</td><td class="num">{{.Count}}</td></tr>
{{end}}</tbody></table>
{{if .Busiest}}<p>{{.T.Busiest}}: {{.Busiest}}</p>{{end}}
<footer>{{.T.Footer}} {{.Zone}}.</footer>
</body></html>
`))

// reportRow is one figure of the report, already formatted.
type reportRow struct{ Name, Value, Previous, Change, Tone, Count string }

// lowerIsBetter are the figures where a fall is good news.
var lowerIsBetter = map[string]bool{FirstResponse: true, ResolutionTime: true, ModerationFalsePos: true}

// Report renders the dashboard of p and its previous period as a standalone
// HTML page to share (the weekly report is p = the last 7 days).
func (s *Service) Report(ctx context.Context, p Period, text ReportText) (string, error) {
	d, err := s.Dashboard(ctx, p)
	if err != nil {
		return "", err
	}
	loc, err := time.LoadLocation(d.Zone)
	if err != nil {
		loc = time.UTC
	}
	day := func(t time.Time) string { return t.In(loc).Format("2006-01-02") }
	last := func(t time.Time) string { return day(t.Add(-time.Millisecond)) }
	data := struct {
		T                          ReportText
		From, To, PrevFrom, PrevTo string
		Zone, Busiest              string
		Rows                       []reportRow
	}{T: text, From: day(d.Period.From), To: last(d.Period.To), PrevFrom: day(d.Previous.From), PrevTo: last(d.Previous.To), Zone: d.Zone}
	for _, f := range d.Figures {
		name := text.Figures[f.Name]
		if name == "" {
			name = f.Name
		}
		row := reportRow{Name: name, Value: FormatValue(f.Unit, f.Value, f.HasValue, f.Currency),
			Previous: FormatValue(f.Unit, f.Previous, f.HasPrev, f.Currency), Change: "–", Count: fmt.Sprint(f.Count)}
		if f.HasChange {
			row.Change = fmt.Sprintf("%+.1f%%", f.Change*100)
			if (f.Change > 0) != lowerIsBetter[f.Name] {
				row.Tone = "good"
			} else if f.Change != 0 {
				row.Tone = "bad"
			}
		}
		if f.Name == BestTime {
			if wd, ok := f.Details["weekday"]; ok {
				data.Busiest = fmt.Sprintf("%s %02d:00", text.Weekdays[int(wd)%7], int(f.Details["hour"]))
			}
		}
		data.Rows = append(data.Rows, row)
	}
	var buf bytes.Buffer
	if err := reportTemplate.Execute(&buf, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// FormatValue writes a figure's value in plain English-neutral notation ("–" when none).
func FormatValue(unit string, v float64, ok bool, currency string) string {
	if !ok {
		return "–"
	}
	switch unit {
	case UnitRatio:
		return fmt.Sprintf("%.1f%%", v*100)
	case UnitMoney:
		if currency == "" {
			return "–"
		}
		return money.Format(int64(v), currency) + " " + currency
	case UnitCount:
		return fmt.Sprintf("%.0f", v)
	case UnitScore:
		return fmt.Sprintf("%.2f / 5", v)
	case UnitMinutes:
		if v >= 90 {
			return fmt.Sprintf("%.1f h", v/60)
		}
		return fmt.Sprintf("%.0f min", v)
	case UnitHours:
		return fmt.Sprintf("%.1f h", v)
	}
	return fmt.Sprintf("%.1f", v)
}
