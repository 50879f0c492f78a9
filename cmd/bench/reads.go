package main

import (
	"context"
	"runtime"

	"creatordesk/backend/inbox"
)

// readProbe is one timed read of the workspace, reported as p50 and p99.
type readProbe struct {
	name string
	// goal is the target of both percentiles, in milliseconds.
	goal float64
	// run times the read runs times and describes how it measured.
	run func(ctx context.Context, svc *inbox.Service, runs int) (timings, string, error)
	// runs picks the run count from the scale (searches and counts are slower, so they run fewer times).
	runs func(sc scale) int
}

// readProbes lists every timed read: inbox lists and threads, searches, counters.
func readProbes() []readProbe {
	var out []readProbe
	out = append(out, inboxProbes()...)
	out = append(out, searchProbes()...)
	return append(out, countProbes()...)
}

// measureReads runs every read probe on the workspace, or reports them all as
// missing with openErr when the workspace could not be opened.
func measureReads(ctx context.Context, svc *inbox.Service, openErr error, sc scale) []Figure {
	var out []Figure
	for _, p := range readProbes() {
		if openErr != nil {
			out = append(out, latencyOrMissing(p.name, p.goal, timings{}, openErr, "")...)
			continue
		}
		runtime.GC() // start each probe without garbage from the previous one
		t, detail, err := p.run(ctx, svc, p.runs(sc))
		out = append(out, latencyOrMissing(p.name, p.goal, t, err, detail)...)
	}
	return out
}
