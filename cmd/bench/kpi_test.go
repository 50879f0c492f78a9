package main

import (
	"context"
	"os"
	"path/filepath"
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
