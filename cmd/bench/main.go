// Command bench is CreatorDesk's benchmark report (make bench).
//
// It builds a realistic workspace (100,000 conversations, 1,000,000 messages in
// English, Simplified and Traditional Chinese, Romanian and Hindi, over six
// accounts), or reuses the one at bench/workspace.db when it was built by the
// same generator and schema, then measures in one run: ingest through the store
// against raw inserts, end-to-end sync through the Telegram connector and its
// fake server, inbox, thread, search and counter latencies through the store and
// inbox service, and memory after paging the inbox. It prints a table and writes
// bench/results.json, each figure with its target. Targets whose features do not
// exist yet are listed as missing. It exits 0 when targets are missed: it is a
// report, not a test.
//
// Usage:
//
//	go run ./cmd/bench [-fresh] [-quick] [-only kpi|ingest|reads|browser] [-out bench/results.json] [-workspace bench/workspace.db]
//
// -only kpi builds (or reuses) the workspace and measures only the KPI
// dashboards; -only ingest measures only the ingest comparison and the
// end-to-end sync; -only reads the inbox, search and count reads; -only
// browser first paint and scrolling: for working on one part without the full run.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// scale sizes one run.
type scale struct {
	// conversations and messages size the measured workspace.
	conversations, messages int
	// ingestMessages is the ingest comparison's sample; syncMessages the end-to-end sync's.
	ingestMessages, syncMessages int
	// runs, searchRuns and countRuns are how often each read is timed (search runs are per query).
	runs, searchRuns, countRuns int
}

var (
	// fullScale is the workspace.
	fullScale = scale{conversations: 100_000, messages: 1_000_000, ingestMessages: 200_000, syncMessages: 200_000,
		runs: 1000, searchRuns: 100, countRuns: 100}
	// quickScale is ten times smaller, for a smoke run in seconds.
	quickScale = scale{conversations: 10_000, messages: 100_000, ingestMessages: 10_000, syncMessages: 10_000,
		runs: 100, searchRuns: 10, countRuns: 20}
)

// options are the command line's settings.
type options struct {
	// fresh rebuilds the workspace even when a matching one exists; quick uses quickScale.
	fresh, quick bool
	// out is the JSON report; workspace the benchmark database; binary the built app.
	out, workspace, binary string
	// log receives progress lines.
	log io.Writer
	// scale, when set, replaces the scale the flags chose (tests run smaller under the race detector).
	scale *scale
	// browser runs the Chromium figures (off in tests: they start the app and a browser).
	browser bool
	// only limits the run to one part ("" = everything; "kpi" = the KPI dashboards).
	only string
}

// The parts -only runs alone.
const (
	// OnlyKPI measures the KPI dashboards on the workspace.
	OnlyKPI = "kpi"
	// OnlyIngest measures the ingest comparison and the end-to-end sync.
	OnlyIngest = "ingest"
	// OnlyReads measures the inbox, search and count reads on the workspace.
	OnlyReads = "reads"
	// OnlyBrowser measures first paint and scrolling in Chromium on the workspace.
	OnlyBrowser = "browser"
)

// onlyParts lists the parts -only accepts.
var onlyParts = []string{OnlyKPI, OnlyIngest, OnlyReads, OnlyBrowser}

func main() {
	if path := os.Getenv(memProbeEnv); path != "" {
		if err := runMemProbe(context.Background(), path, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "bench: memory probe:", err)
			os.Exit(1)
		}
		return
	}
	opts, err := parseFlags(os.Args[1:])
	if err != nil {
		os.Exit(2)
	}
	if err := run(context.Background(), opts, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// parseFlags reads the command line.
func parseFlags(args []string) (options, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	opts := options{log: os.Stderr}
	fs.BoolVar(&opts.fresh, "fresh", false, "rebuild the benchmark workspace even if a matching one exists")
	fs.BoolVar(&opts.quick, "quick", false, "a 10x smaller workspace and fewer runs: a smoke run of the harness")
	fs.StringVar(&opts.out, "out", "", "the JSON report (default bench/results.json, bench/results-quick.json with -quick)")
	fs.StringVar(&opts.workspace, "workspace", "", "the benchmark database (default bench/workspace.db, bench/workspace-quick.db with -quick)")
	fs.StringVar(&opts.binary, "binary", "build/bin/creatordesk", "the built desktop app whose size is reported")
	fs.BoolVar(&opts.browser, "browser", true, "measure first paint and scrolling in Chromium against the dev build")
	fs.StringVar(&opts.only, "only", "", "measure only one part: kpi (the KPI dashboards on the workspace), ingest (ingest and sync throughput), "+
		"reads (inbox, search and counts on the workspace) or browser (first paint and scrolling in Chromium)")
	if err := fs.Parse(args); err != nil {
		return opts, err
	}
	if opts.only != "" && !slices.Contains(onlyParts, opts.only) {
		err := fmt.Errorf("bench: -only %q: the parts that run alone are %s", opts.only, strings.Join(onlyParts, ", "))
		fmt.Fprintln(fs.Output(), err)
		return opts, err
	}
	suffix := ""
	if opts.quick {
		suffix = "-quick"
	}
	if opts.out == "" {
		opts.out = filepath.Join("bench", "results"+suffix+".json")
	}
	if opts.workspace == "" {
		opts.workspace = filepath.Join("bench", "workspace"+suffix+".db")
	}
	return opts, nil
}

// run measures everything, prints the table to stdout and writes the JSON report.
// Figures that could not be measured are reported as missing; run fails only when
// the report itself cannot be made.
func run(ctx context.Context, opts options, stdout io.Writer) error {
	sc := fullScale
	switch {
	case opts.scale != nil:
		sc = *opts.scale
	case opts.quick:
		sc = quickScale
	}
	if opts.log == nil {
		opts.log = io.Discard
	}
	// store.Open builds a file: URI from its path, which must be absolute
	// (a relative one reads as a URI authority and fails).
	workspacePath, err := filepath.Abs(opts.workspace)
	if err != nil {
		return err
	}
	opts.workspace = workspacePath
	if err := os.MkdirAll(filepath.Dir(opts.workspace), 0o755); err != nil {
		return err
	}
	// Scratch databases live next to the workspace, on the same disk.
	tmp, err := os.MkdirTemp(filepath.Dir(opts.workspace), "bench-tmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	res := Results{Machine: machine(), Date: today(), Scale: map[string]int{
		"conversations": sc.conversations, "messages": sc.messages,
		"ingest_sample_messages": sc.ingestMessages, "sync_messages": sc.syncMessages}}
	timed := func(name string, f func()) {
		fmt.Fprintf(opts.log, "bench: %s...\n", name)
		start := time.Now()
		f()
		res.Setup = append(res.Setup, fmt.Sprintf("%s took %.1f s", name, time.Since(start).Seconds()))
	}
	var ingest, sync, reads, memory, browser, kpis []Figure
	var prepErr error
	workspace := func() {
		var how string
		how, prepErr = prepareWorkspace(ctx, opts.workspace, sc, opts.fresh)
		fmt.Fprintf(opts.log, "bench: %s\n", how)
		res.Setup = append(res.Setup, how)
	}
	browse := func() {
		if !opts.browser {
			browser = browserMissing("not measured in this run (-browser=false)")
			return
		}
		browser = browserFigures(ctx, opts.workspace, prepErr)
	}
	switch opts.only {
	case OnlyKPI:
		timed("workspace", workspace)
		timed("kpi", func() { kpis = kpiFigures(ctx, opts.workspace, prepErr) })
		return report(opts, stdout, res, kpis)
	case OnlyReads:
		timed("workspace", workspace)
		timed("reads", func() { reads = openAndMeasureReads(ctx, opts.workspace, prepErr, sc) })
		return report(opts, stdout, res, reads)
	case OnlyBrowser:
		timed("workspace", workspace)
		timed("browser", browse)
		return report(opts, stdout, res, browser)
	}
	timed("ingest comparison", func() { ingest = measureIngest(ctx, tmp, sc.ingestMessages) })
	timed("end-to-end sync", func() { sync = []Figure{measureSync(ctx, tmp, sc.syncMessages)} })
	if opts.only == OnlyIngest {
		return report(opts, stdout, res, ingest, sync)
	}
	timed("workspace", workspace)
	timed("reads", func() { reads = openAndMeasureReads(ctx, opts.workspace, prepErr, sc) })
	timed("memory", func() {
		if prepErr != nil {
			memory = missingAll(prepErr, "MB", target(memoryGoal), AtMost, memoryFigures[:]...)
			return
		}
		memory = measureMemory(ctx, opts.workspace)
	})

	timed("browser", browse)

	timed("kpi", func() { kpis = kpiFigures(ctx, opts.workspace, prepErr) })
	return report(opts, stdout, res, ingest, sync, reads, memory, kpis, browser, []Figure{binaryFigure(opts.binary)},
		classifierFigures(), unbuiltFigures())
}

// report collects the figures into res, prints the table and writes the JSON report.
func report(opts options, stdout io.Writer, res Results, groups ...[]Figure) error {
	for _, figs := range groups {
		res.Figures = append(res.Figures, figs...)
	}
	if err := writeTable(stdout, res); err != nil {
		return err
	}
	if err := writeJSON(opts.out, res); err != nil {
		return err
	}
	fmt.Fprintf(opts.log, "bench: wrote %s\n", opts.out)
	return nil
}

// openAndMeasureReads opens the workspace as the app does and times every read probe.
func openAndMeasureReads(ctx context.Context, path string, prepErr error, sc scale) []Figure {
	if prepErr != nil {
		return measureReads(ctx, nil, prepErr, sc)
	}
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return measureReads(ctx, nil, err, sc)
	}
	defer st.Close()
	return measureReads(ctx, &inbox.Service{Store: st}, nil, sc)
}
