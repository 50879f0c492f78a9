package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Browser figure names and targets (the performance issue).
const (
	firstRowsFigure   = "Chromium start to first rows painted"
	scrollFrameFigure = "scroll frame time p95"
	firstRowsGoal     = 1500
	scrollFrameGoal   = 20
)

// perfReport is what frontend/e2e/perf.mjs writes.
type perfReport struct {
	FirstRowsMs []float64 `json:"firstRowsMs"`
	FrameMs     []float64 `json:"frameMs"`
	RowsSeen    int       `json:"rowsSeen"`
	Runs        int       `json:"runs"`
}

// browserFigures opens the benchmark workspace in the dev build of the app and
// drives Debian's Chromium against it (scripts/e2e.sh with frontend/e2e/perf.mjs):
// a fresh browser until the first conversation rows are painted (median of the
// runs), then the frame times while the virtualized list scrolls 240 frames.
// Without a browser or a build, both figures are reported as missing with why.
func browserFigures(ctx context.Context, workspace string, prepErr error) []Figure {
	fail := func(err error) []Figure { return browserMissing(err.Error()) }
	if prepErr != nil {
		return browserMissing("measurement failed: " + prepErr.Error())
	}
	if _, err := os.Stat("scripts/e2e.sh"); err != nil {
		return fail(fmt.Errorf("scripts/e2e.sh not found: run make bench from the repository root"))
	}
	cmd := exec.CommandContext(ctx, "scripts/e2e.sh")
	cmd.Env = append(os.Environ(), "E2E_RUNNER=frontend/e2e/perf.mjs", "E2E_WORKSPACE_DB="+workspace,
		"E2E_STARTUP_TIMEOUT=180", "E2E_TIMEOUT=600")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fail(fmt.Errorf("the browser run failed: %s", lastLine(string(out))))
	}
	raw, err := os.ReadFile(filepath.Join("build", "test-output", "e2e", "perf.json"))
	if err != nil {
		return fail(err)
	}
	var r perfReport
	if err := json.Unmarshal(raw, &r); err != nil || len(r.FirstRowsMs) == 0 || len(r.FrameMs) == 0 {
		return fail(fmt.Errorf("perf.json holds no measurements (%v)", err))
	}
	first := quantile(r.FirstRowsMs, 0.5)
	frames := quantile(r.FrameMs, 0.95)
	return []Figure{
		measured(firstRowsFigure, first, "ms", target(firstRowsGoal), AtMost,
			fmt.Sprintf("median of %d fresh Chromium launches to the first painted rows (%s ms), dev build serving the benchmark workspace",
				len(r.FirstRowsMs), joinFloats(r.FirstRowsMs))),
		measured(scrollFrameFigure, frames, "ms", target(scrollFrameGoal), AtMost,
			fmt.Sprintf("%d frames scrolling the virtualized list by 240 px a frame, pages loading as it goes; %d rows in the DOM at the end; median %.1f ms",
				len(r.FrameMs), r.RowsSeen, quantile(r.FrameMs, 0.5))),
	}
}

// browserMissing reports both browser figures as missing, saying why.
func browserMissing(why string) []Figure {
	return []Figure{
		missing(firstRowsFigure, "ms", target(firstRowsGoal), AtMost, why),
		missing(scrollFrameFigure, "ms", target(scrollFrameGoal), AtMost, why),
	}
}

// quantile returns the q-quantile (nearest rank) of values.
func quantile(values []float64, q float64) float64 {
	s := append([]float64(nil), values...)
	sort.Float64s(s)
	i := int(q*float64(len(s))+0.5) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(s) {
		i = len(s) - 1
	}
	return s[i]
}

// joinFloats formats values as "12, 15, 13".
func joinFloats(values []float64) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = fmt.Sprintf("%.0f", v)
	}
	return strings.Join(parts, ", ")
}

// lastLine is the last non-empty line of out.
func lastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
