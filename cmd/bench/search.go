package main

import (
	"context"
	"fmt"
	"strings"

	"creatordesk/backend/inbox"
)

const (
	// searchGoal is the p99 target of a search, in milliseconds.
	searchGoal = 20.0
	// searchLimit is the frontend's result count (SEARCH_LIMIT in frontend/src/stores/inbox.ts).
	searchLimit = 50
)

// searchProbes time the newest-50 searches of each language group through
// inbox.Service.Search (the store's query plus highlighting).
func searchProbes() []readProbe {
	out := make([]readProbe, len(searchGroups))
	for i, group := range searchGroups {
		out[i] = readProbe{name: "search " + group, goal: searchGoal, runs: func(sc scale) int { return sc.searchRuns },
			run: func(ctx context.Context, svc *inbox.Service, runs int) (timings, string, error) {
				return measureSearchGroup(ctx, svc, group, runs)
			}}
	}
	return out
}

// measureSearchGroup runs each of the group's queries runs times; the detail
// gives every query's hit count and p99.
func measureSearchGroup(ctx context.Context, svc *inbox.Service, group string, runs int) (timings, string, error) {
	var all timings
	var notes []string
	for _, q := range searchQueries {
		if q.group != group {
			continue
		}
		hits := 0
		t, err := sample(runs, func(int) error {
			res, err := svc.Search(ctx, q.text, searchLimit)
			hits = len(res)
			return err
		})
		if err != nil {
			return timings{}, "", fmt.Errorf("%q: %w", q.text, err)
		}
		all.add(t)
		notes = append(notes, fmt.Sprintf("%q %d hits p50 %.2f p99 %.2f ms", q.text, hits, ms(t.percentile(50)), ms(t.percentile(99))))
	}
	return all, "inbox.Service.Search, newest 50: " + strings.Join(notes, ", "), nil
}
