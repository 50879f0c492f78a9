package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"creatordesk/app"
	"creatordesk/backend/secrets"
)

// `kpi all` prints the dashboard the KPI view shows; `kpi <name>` prints the same figure from it.
func TestCLIKpiAllAndOneFigureAgree(t *testing.T) {
	vault := secrets.NewMemory()
	data := filepath.Join(t.TempDir(), "ws")
	var all app.KpiDashboardDTO
	decode(t, mustRun(t, vault, "", "--data-dir", data, "kpi", "all", "--json", "--from", "2026-03-02", "--to", "2026-03-08"), &all)
	if all.From != "2026-03-02T00:00:00Z" || all.To != "2026-03-09T00:00:00Z" || all.PreviousFrom != "2026-02-23T00:00:00Z" {
		t.Fatalf("period %s – %s (previous from %s)", all.From, all.To, all.PreviousFrom)
	}
	if len(all.Figures) == 0 || len(all.Heatmap) != 7 {
		t.Fatalf("dashboard %+v", all)
	}
	for _, f := range all.Figures {
		var one app.KpiFigureDTO
		decode(t, mustRun(t, vault, "", "--data-dir", data, "kpi", f.Name, "--json", "--from", "2026-03-02", "--to", "2026-03-08"), &one)
		if !reflect.DeepEqual(one, f) {
			t.Errorf("kpi %s = %+v, kpi all has %+v", f.Name, one, f)
		}
	}
	text := mustRun(t, vault, "", "--data-dir", data, "kpi", "response-rate", "--from", "2026-03-02", "--to", "2026-03-08")
	if !strings.HasPrefix(text, "response-rate") || !strings.Contains(text, "[0 counted]") {
		t.Errorf("text output %q", text)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", data, "kpi", "all", "--from", "2026-03-08", "--to", "2026-03-01"); code == 0 {
		t.Error("a reversed range was accepted")
	}
}

// `kpi report` writes the standalone HTML report of the period.
func TestCLIKpiReportWritesHTML(t *testing.T) {
	vault := secrets.NewMemory()
	dir := t.TempDir()
	out := filepath.Join(dir, "week.html")
	text := mustRun(t, vault, "", "--data-dir", filepath.Join(dir, "ws"), "kpi", "report", "--from", "2026-03-02", "--to", "2026-03-08", "--out", out)
	if !strings.Contains(text, "wrote "+out) {
		t.Errorf("output %q", text)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	if !strings.HasPrefix(html, "<!doctype html>") || !strings.Contains(html, "2026-03-02 – 2026-03-08") || strings.Contains(html, "<script") {
		t.Errorf("report %.300s", html)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", filepath.Join(dir, "ws"), "kpi", "report"); code == 0 {
		t.Error("a report without --out was accepted")
	}
}
