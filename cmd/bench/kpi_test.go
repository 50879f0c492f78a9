package main

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKPIFiguresMeasureEveryProbe builds a small workspace and checks that every
// KPI probe is measured (structure only: timings are never asserted).
// KPI_BENCH_WORKSPACE=path runs it on an existing workspace instead and logs the figures.
func TestKPIFiguresMeasureEveryProbe(t *testing.T) {
	ctx := context.Background()
	path := os.Getenv("KPI_BENCH_WORKSPACE")
	if path == "" {
		path = filepath.Join(t.TempDir(), "kpi.db")
		if _, err := prepareWorkspace(ctx, path, scale{conversations: 400, messages: 4_000}, true); err != nil {
			t.Fatal(err)
		}
	}
	figs := kpiFigures(ctx, path, nil)
	if len(figs) != 2*len(kpiProbes) {
		t.Fatalf("%d figures for %d probes", len(figs), len(kpiProbes))
	}
	for _, f := range figs {
		if f.Value == nil || f.Status == "missing" {
			t.Errorf("%s missing: %s", f.Name, f.Detail)
			continue
		}
		t.Logf("%s: %.1f %s (%s) %s", f.Name, *f.Value, f.Unit, f.Status, f.Detail)
	}
}

// TestOnlyKPIRunsTheDashboardsAlone checks that -only kpi reports exactly the
// KPI figures (each with the 300 ms target) and that an unknown part is refused.
func TestOnlyKPIRunsTheDashboardsAlone(t *testing.T) {
	if _, err := parseFlags([]string{"-only", "search"}); err == nil {
		t.Error("-only search was accepted")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "results.json")
	opts, err := parseFlags([]string{"-only", "kpi", "-out", out, "-workspace", filepath.Join(dir, "workspace.db")})
	if err != nil {
		t.Fatal(err)
	}
	opts.log = io.Discard
	opts.scale = &scale{conversations: 300, messages: 3_000}
	var table strings.Builder
	if err := run(context.Background(), opts, &table); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var res Results
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Figures) != 2*len(kpiProbes) {
		t.Fatalf("%d figures, want %d (two per KPI probe)", len(res.Figures), 2*len(kpiProbes))
	}
	for _, f := range res.Figures {
		if !strings.HasPrefix(f.Name, "KPI ") || f.Target == nil || *f.Target != kpiGoal || f.Status == StatusMissing {
			t.Errorf("figure %+v: want a measured KPI figure with the %v ms target", f, kpiGoal)
		}
		if !strings.Contains(table.String(), f.Name) {
			t.Errorf("%q is not in the printed table", f.Name)
		}
	}
}
