package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creatordesk/backend/automation/classify"
)

// raceEnabled is set by race_test.go when the race detector is on.
var raceEnabled bool

// raceScale is a fifth of quickScale's workspace: under the race detector (make
// test) the harness runs several times slower, and the test checks structure only.
var raceScale = scale{conversations: 2_000, messages: 20_000, ingestMessages: 5_000, syncMessages: 5_000,
	runs: 50, searchRuns: 5, countRuns: 10}

// TestMain lets this test binary serve as the memory probe, as the bench binary does.
func TestMain(m *testing.M) {
	if path := os.Getenv(memProbeEnv); path != "" {
		if err := runMemProbe(context.Background(), path, os.Stdout); err != nil {
			os.Stderr.WriteString("memory probe: " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// wantFigures are the figures the report must always contain, measured or not.
var wantFigures = []string{
	"ingest store.IngestPage / raw inserts",
	"ingest via store.IngestPage",
	"ingest via raw prepared inserts",
	"ingest via raw inserts, one page per transaction",
	"ingest via store.IngestPage, one page per transaction",
	"sync end to end (Telegram fake, loopback HTTP)",
	"inbox first page p50", "inbox first page p99",
	"inbox next page p50", "inbox next page p99",
	"inbox deep page (after 50 pages) p50", "inbox deep page (after 50 pages) p99",
	"inbox filtered: unread p50", "inbox filtered: unread p99",
	"inbox filtered: status open p50", "inbox filtered: status open p99",
	"inbox filtered: platform youtube p50", "inbox filtered: platform youtube p99",
	"inbox filtered: telegram unread p50", "inbox filtered: telegram unread p99",
	"open thread p50", "open thread p99",
	"search English p50", "search English p99",
	"search Chinese p50", "search Chinese p99",
	"search Hindi p50", "search Hindi p99",
	"inbox counts (unread messages, unread conversations, waiting) p50",
	"inbox counts (unread messages, unread conversations, waiting) p99",
	"memory RSS after paging the inbox", "memory peak RSS (VmHWM)",
	"binary size",
	"KPI dashboard, 30 days p50", "KPI dashboard, 30 days p99",
	"KPI dashboard, 90 days p50", "KPI dashboard, 90 days p99",
	"KPI drill-down (conversations, 30 days) p50", "KPI drill-down (conversations, 30 days) p99",
	"KPI drill-down (meaningful comments, 30 days) p50", "KPI drill-down (meaningful comments, 30 days) p99",
	"KPI drill-down (first response, 30 days) p50", "KPI drill-down (first response, 30 days) p99",
	"KPI drill-down (busiest hour, 30 days) p50", "KPI drill-down (busiest hour, 30 days) p99",
	"KPI weekly report (HTML, 7 days) p50", "KPI weekly report (HTML, 7 days) p99",
	"KPI goals (three goals, month so far) p50", "KPI goals (three goals, month so far) p99",
	"Chromium start to first rows painted",
	"scroll frame time p95",
}

// classifierFigureNames are the classifier's figures: precision and recall per
// intent plus accuracy, for the lexicons alone and for lexicons plus the model.
func classifierFigureNames() []string {
	var out []string
	for _, setup := range []string{"lexicon", "lexicon+model 5-fold"} {
		for _, in := range classify.Intents() {
			out = append(out, fmt.Sprintf("classifier precision %s (%s)", in, setup), fmt.Sprintf("classifier recall %s (%s)", in, setup))
		}
		out = append(out, fmt.Sprintf("classifier accuracy (%s)", setup))
	}
	return out
}

// TestQuickRunReport runs the harness in -quick mode and checks the report's
// structure: every figure present once with a valid status and a consistent
// target. It never asserts on timings.
func TestQuickRunReport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,000-message workspace")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "results.json")
	opts, err := parseFlags([]string{"-quick", "-out", out, "-workspace", filepath.Join(dir, "workspace.db"),
		"-binary", filepath.Join(dir, "no-such-binary")})
	if err != nil {
		t.Fatal(err)
	}
	opts.log = io.Discard
	if raceEnabled {
		opts.scale = &raceScale
	}
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
		t.Fatalf("results.json: %v", err)
	}
	for _, s := range res.Setup {
		t.Log(s)
	}
	if res.Machine.CPUs <= 0 || res.Machine.GoVersion == "" || res.Machine.OS == "" || res.Date == "" {
		t.Errorf("machine or date missing: %+v %q", res.Machine, res.Date)
	}
	byName := map[string]Figure{}
	for _, f := range res.Figures {
		if _, dup := byName[f.Name]; dup {
			t.Errorf("figure %q appears twice", f.Name)
		}
		byName[f.Name] = f
		checkFigure(t, f)
		if !strings.Contains(table.String(), f.Name) {
			t.Errorf("figure %q is not in the printed table", f.Name)
		}
	}
	want := append(append([]string{}, wantFigures...), classifierFigureNames()...)
	for _, name := range want {
		if _, ok := byName[name]; !ok {
			t.Errorf("figure %q is missing from results.json", name)
		}
	}
	if len(byName) != len(want) {
		t.Errorf("results.json has %d figures, want %d", len(byName), len(want))
	}
	// A quick run must measure what it can: only the unbuilt features may be missing.
	for _, name := range []string{"ingest store.IngestPage / raw inserts", "sync end to end (Telegram fake, loopback HTTP)",
		"inbox first page p99", "search Hindi p99", "memory RSS after paging the inbox"} {
		if f := byName[name]; f.Status == StatusMissing {
			t.Errorf("%q was not measured: %s", name, f.Detail)
		}
	}
	if f := byName["binary size"]; f.Status != StatusMissing {
		t.Errorf("binary size of a missing binary: status %q, want missing", f.Status)
	}
}

// checkFigure checks one figure's status agrees with its value and target.
func checkFigure(t *testing.T, f Figure) {
	t.Helper()
	switch {
	case f.Status == StatusMissing:
		if f.Value != nil || f.Detail == "" {
			t.Errorf("%q: a missing figure has no value and says why: %+v", f.Name, f)
		}
	case f.Value == nil:
		t.Errorf("%q: status %q without a value", f.Name, f.Status)
	case f.Status == StatusInfo:
		if f.Target != nil {
			t.Errorf("%q: an informational figure has no target", f.Name)
		}
	case f.Status == StatusPass || f.Status == StatusFail:
		if f.Target == nil || (f.Comparison != AtMost && f.Comparison != AtLeast) {
			t.Errorf("%q: status %q needs a target and a comparison: %+v", f.Name, f.Status, f)
			break
		}
		met := *f.Value <= *f.Target
		if f.Comparison == AtLeast {
			met = *f.Value >= *f.Target
		}
		if met != (f.Status == StatusPass) {
			t.Errorf("%q: %v %s %v is status %q", f.Name, *f.Value, f.Comparison, *f.Target, f.Status)
		}
	default:
		t.Errorf("%q: invalid status %q", f.Name, f.Status)
	}
	if f.Unit == "" {
		t.Errorf("%q: no unit", f.Name)
	}
}
