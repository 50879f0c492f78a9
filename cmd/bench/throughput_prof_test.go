package main

import (
	"context"
	"os"
	"strconv"
	"testing"
)

// TestSyncEndToEndProfile runs the end-to-end sync figure once with
// SYNC_PROF_MESSAGES messages (skipped when unset), so that it can be
// profiled with -cpuprofile.
func TestSyncEndToEndProfile(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SYNC_PROF_MESSAGES"))
	if n == 0 {
		t.Skip("SYNC_PROF_MESSAGES is not set")
	}
	f, err := syncEndToEnd(context.Background(), t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%.0f %s: %s", *f.Value, f.Unit, f.Detail)
}

// TestIngestProfile runs the ingest comparison once with INGEST_PROF_MESSAGES
// messages (skipped when unset), for profiling.
func TestIngestProfile(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("INGEST_PROF_MESSAGES"))
	if n == 0 {
		t.Skip("INGEST_PROF_MESSAGES is not set")
	}
	figs, err := compareIngest(context.Background(), t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		t.Logf("%s: %.3f %s: %s", f.Name, *f.Value, f.Unit, f.Detail)
	}
}
