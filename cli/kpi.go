package cli

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"creatordesk/app"
	"creatordesk/backend/campaigns/money"
	"creatordesk/backend/kpi"
)

// The KPI dashboard's figures (and "all") join the metrics before the usage line is built.
func init() {
	kpiMetrics["all"] = kpiAll
	for _, name := range kpi.Names() {
		kpiMetrics[name] = kpiFigure(name)
	}
}

func init() {
	registerCommand("kpi", "  creatordesk [--data-dir DIR] kpi <metric> [--json] [--from YYYY-MM-DD] [--to YYYY-MM-DD]   metrics: "+
		strings.Join(kpiNames(), ", ")+"\n"+
		"  creatordesk [--data-dir DIR] kpi report --out FILE.html [--from YYYY-MM-DD] [--to YYYY-MM-DD]   (default: the last 7 days)\n", kpiCmd)
}

// kpiMetric computes and prints one KPI for a range; the KPI area adds its metrics to kpiMetrics.
type kpiMetric func(s *app.Session, from, to string, asJSON bool, env Env) error

// kpiMetrics are the metrics `kpi` knows, by name.
var kpiMetrics = map[string]kpiMetric{
	"revenue": kpiRevenue,
}

// kpiAll prints every dashboard figure: the KPI view's numbers (app.Kpis.Dashboard).
func kpiAll(s *app.Session, from, to string, asJSON bool, env Env) error {
	d, err := app.NewKpis(s).Dashboard(from, to)
	if err != nil {
		return err
	}
	if asJSON {
		return printJSON(env.Stdout, d)
	}
	fmt.Fprintf(env.Stdout, "%s to %s (previous: %s to %s, zone %s)\n", d.From, d.To, d.PreviousFrom, d.PreviousTo, d.Zone)
	for _, f := range d.Figures {
		printKpiFigure(env, f)
	}
	return nil
}

// kpiFigure prints one dashboard figure, taken from the same dashboard as `kpi all`.
func kpiFigure(name string) kpiMetric {
	return func(s *app.Session, from, to string, asJSON bool, env Env) error {
		d, err := app.NewKpis(s).Dashboard(from, to)
		if err != nil {
			return err
		}
		for _, f := range d.Figures {
			if f.Name != name {
				continue
			}
			if asJSON {
				return printJSON(env.Stdout, f)
			}
			printKpiFigure(env, f)
			return nil
		}
		return fmt.Errorf("kpi: no figure %s", name)
	}
}

// printKpiFigure prints a figure on one line: value, previous value and change.
func printKpiFigure(env Env, f app.KpiFigureDTO) {
	show := func(v *float64) string {
		switch {
		case v == nil:
			return "-"
		case f.Unit == kpi.UnitRatio:
			return fmt.Sprintf("%.1f%%", *v*100)
		case f.Unit == kpi.UnitMoney:
			return money.Format(int64(*v), f.Currency) + " " + f.Currency
		case f.Unit == kpi.UnitCount:
			return fmt.Sprintf("%.0f", *v)
		case f.Unit == kpi.UnitScore:
			return fmt.Sprintf("%.2f / 5", *v)
		}
		return fmt.Sprintf("%.1f %s", *v, f.Unit)
	}
	change := ""
	if f.Change != nil {
		change = fmt.Sprintf(" (%+.1f%%)", *f.Change*100)
	}
	fmt.Fprintf(env.Stdout, "%-28s %16s  previous %16s%s  [%d counted]\n", f.Name, show(f.Value), show(f.Previous), change, f.Count)
}

// kpiNames lists the metric names, sorted.
func kpiNames() []string {
	var out []string
	for name := range kpiMetrics {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// kpiCmd: kpi <metric> [--json] [--from DATE] [--to DATE] (--to includes its day).
func kpiCmd(_ context.Context, s *app.Session, args []string, env Env) error {
	if len(args) > 0 && args[0] == "report" {
		return kpiReport(s, args[1:], env)
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") || kpiMetrics[args[0]] == nil {
		fmt.Fprintln(env.Stderr, "creatordesk: kpi <metric>, metric one of: "+strings.Join(kpiNames(), ", "))
		return errUsage
	}
	name := args[0]
	f := newFlags("kpi "+name, env)
	from := f.String("from", "", "first day (YYYY-MM-DD, UTC) or an RFC 3339 time")
	to := f.String("to", "", "last day, included (YYYY-MM-DD, UTC) or an RFC 3339 time")
	asJSON := f.Bool("json", false, "print JSON")
	if err := parse(f, args[1:]); err != nil {
		return err
	}
	return kpiMetrics[name](s, *from, *to, *asJSON, env)
}

// kpiRevenue prints revenue and orders per creator and per code (the Results tab's numbers).
func kpiRevenue(s *app.Session, from, to string, asJSON bool, env Env) error {
	rev, err := app.NewCampaigns(s).Revenue(from, to)
	if err != nil {
		return err
	}
	if asJSON {
		return printJSON(env.Stdout, rev)
	}
	for _, t := range rev.Totals {
		fmt.Fprintf(env.Stdout, "all orders: %d, %s %s (%d credited to creators)\n", t.Orders, money.Format(t.RevenueMinor, t.Currency), t.Currency, t.Credited)
	}
	fmt.Fprintln(env.Stdout, "by creator:")
	for _, r := range rev.ByCreator {
		fmt.Fprintf(env.Stdout, "  %-24s %4d orders  %12s %s\n", r.Label, r.Orders, money.Format(r.RevenueMinor, r.Currency), r.Currency)
	}
	fmt.Fprintln(env.Stdout, "by code:")
	for _, r := range rev.ByCode {
		fmt.Fprintf(env.Stdout, "  %-24s %4d orders  %12s %s\n", r.Label, r.Orders, money.Format(r.RevenueMinor, r.Currency), r.Currency)
	}
	return nil
}

// kpiReport writes the shareable HTML report (the UI's "Weekly report") to --out.
func kpiReport(s *app.Session, args []string, env Env) error {
	f := newFlags("kpi report", env)
	from := f.String("from", "", "first day (YYYY-MM-DD, UTC) or an RFC 3339 time; default 7 days ago")
	to := f.String("to", "", "last day, included (YYYY-MM-DD, UTC) or an RFC 3339 time; default now")
	out := f.String("out", "", "the HTML file to write")
	if err := parse(f, args); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(env.Stderr, "creatordesk: kpi report needs --out FILE.html")
		return errUsage
	}
	r, err := app.NewKpis(s).Report(*from, *to, app.KpiReportTextDTO{})
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, []byte(r.HTML), 0o600); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%d bytes)\n", *out, len(r.HTML))
	return nil
}
