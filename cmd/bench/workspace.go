package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"creatordesk/backend/store"
)

// datasetVersion changes whenever the generator changes what it writes, so that
// an older benchmark workspace is rebuilt instead of reused.
const datasetVersion = 3 // 3: rebuilt once the area schemas (steps 5-10) gained their tables

// workspaceSeed seeds the benchmark workspace's generator.
const workspaceSeed = 2026

// markerKey is the settings key under which a benchmark workspace records what built it.
const markerKey = "bench.dataset"

// marker describes the workspace a run needs; a stored workspace is reused only if its marker matches.
func marker(sc scale) string {
	return fmt.Sprintf("dataset v%d, schema %d, seed %d, %d conversations, %d messages",
		datasetVersion, store.SchemaVersion(), workspaceSeed, sc.conversations, sc.messages)
}

// prepareWorkspace makes sure the database at path holds the benchmark workspace
// for sc, building it unless a matching one is there (or fresh asks for a rebuild).
// It reports what it did.
func prepareWorkspace(ctx context.Context, path string, sc scale, fresh bool) (string, error) {
	want := marker(sc)
	if !fresh {
		if have, err := storedMarker(path); err == nil && have == want {
			return "reused " + path + " (" + want + ")", nil
		}
	}
	start := time.Now()
	facts, err := buildWorkspace(ctx, path, sc)
	if err != nil {
		return "workspace build failed: " + err.Error(), fmt.Errorf("bench: build workspace: %w", err)
	}
	return fmt.Sprintf("built %s in %.1f s (%s), of which %.1f s computing the KPI facts (the backfill of schema step 19)",
		path, time.Since(start).Seconds(), want, facts.Seconds()), nil
}

// storedMarker returns the marker of the workspace at path, or an error if there is none.
func storedMarker(path string) (string, error) {
	if _, err := os.Stat(path); err != nil {
		return "", err
	}
	st, err := store.Open(path, store.Options{SkipBackup: true})
	if err != nil {
		return "", err
	}
	defer st.Close()
	return st.Setting(context.Background(), markerKey, "")
}

// buildWorkspace replaces the database at path with a newly generated workspace
// and returns how long computing its KPI facts took.
// The marker is written last, so an interrupted build is never reused.
func buildWorkspace(ctx context.Context, path string, sc scale) (time.Duration, error) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return 0, err
		}
	}
	d, err := generate(workspaceSeed, sc.conversations, sc.messages, workspaceProfile)
	if err != nil {
		return 0, err
	}
	st, err := store.Open(path, store.Options{SkipBackup: true, Now: func() time.Time { return refNow }})
	if err != nil {
		return 0, err
	}
	defer st.Close()
	ids, err := createAccounts(ctx, st, d.accounts)
	if err != nil {
		return 0, err
	}
	if err := loadRaw(ctx, st, d, ids, asTriaged, bulkTransaction); err != nil {
		return 0, err
	}
	// The raw loader writes around the store: compute the KPI facts as the migration's backfill does.
	start := time.Now()
	if err := st.RebuildKpiFacts(ctx); err != nil {
		return 0, err
	}
	facts := time.Since(start)
	return facts, st.SetSetting(ctx, markerKey, marker(sc))
}

// createAccounts records the dataset's accounts through the store and returns their ids.
func createAccounts(ctx context.Context, st *store.Store, specs []accountSpec) ([]int64, error) {
	ids := make([]int64, len(specs))
	for i, s := range specs {
		a := store.Account{Platform: s.platform, Name: s.name, ExternalID: s.externalID}
		if err := st.CreateAccount(ctx, &a); err != nil {
			return nil, err
		}
		ids[i] = a.ID
	}
	return ids, nil
}
