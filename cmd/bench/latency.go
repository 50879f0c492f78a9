package main

import (
	"fmt"
	"slices"
	"syscall"
	"time"
)

const (
	// sampleBudget bounds the time one sample spends, so a slow operation cannot stretch the run.
	sampleBudget = 20 * time.Second
	// minRuns is how many runs a sample makes even past its budget.
	minRuns = 10
)

// timings are the durations of repeated runs of one operation.
type timings struct {
	runs []time.Duration
	// preempted marks the runs during which the OS switched the process off a CPU
	// against its will: on a busy machine those runs include time spent waiting.
	preempted []bool
}

// sample runs op n times after a short warm-up (fewer times, but at least
// minRuns, when sampleBudget runs out) and returns each run's duration. op
// receives the run's number, so it can vary its input.
func sample(n int, op func(i int) error) (timings, error) {
	for i := range max(n/20, 3) {
		if err := op(i); err != nil {
			return timings{}, err
		}
	}
	var t timings
	begin := time.Now()
	for i := range n {
		if i >= minRuns && time.Since(begin) > sampleBudget {
			break
		}
		switches := involuntarySwitches()
		start := time.Now()
		err := op(i)
		t.runs = append(t.runs, time.Since(start))
		t.preempted = append(t.preempted, involuntarySwitches() != switches)
		if err != nil {
			return timings{}, err
		}
	}
	return t, nil
}

// involuntarySwitches counts the times the OS has preempted this process's threads.
func involuntarySwitches() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Nivcsw
}

// add appends another sample's runs.
func (t *timings) add(o timings) {
	t.runs = append(t.runs, o.runs...)
	t.preempted = append(t.preempted, o.preempted...)
}

// unpreempted returns the runs the OS did not interrupt.
func (t timings) unpreempted() timings {
	var out timings
	for i, d := range t.runs {
		if !t.preempted[i] {
			out.runs = append(out.runs, d)
			out.preempted = append(out.preempted, false)
		}
	}
	return out
}

// percentile returns the p-th percentile (0 < p ≤ 100) by the nearest-rank method.
func (t timings) percentile(p float64) time.Duration {
	if len(t.runs) == 0 {
		return 0
	}
	s := slices.Clone(t.runs)
	slices.Sort(s)
	rank := int(p/100*float64(len(s)) + 0.999999)
	return s[min(max(rank, 1), len(s))-1]
}

// ms converts a duration to milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// latencyFigures reports an operation's p50 and p99 in milliseconds, both against
// goal. The detail adds how many runs the OS preempted and the p99 without them,
// which tells a slow operation from a busy machine; the figures keep every run.
func latencyFigures(name string, t timings, goal float64, detail string) []Figure {
	quiet := t.unpreempted()
	others := "all of them"
	if len(quiet.runs) > 0 {
		others = fmt.Sprintf("p99 of the others %.2f ms", ms(quiet.percentile(99)))
	}
	detail = fmt.Sprintf("%d runs, %d preempted by the OS (%s); %s", len(t.runs), len(t.runs)-len(quiet.runs), others, detail)
	return []Figure{
		measured(name+" p50", ms(t.percentile(50)), "ms", target(goal), AtMost, ""),
		measured(name+" p99", ms(t.percentile(99)), "ms", target(goal), AtMost, detail),
	}
}

// latencyOrMissing reports an operation's figures, or both as missing when it could not run.
func latencyOrMissing(name string, goal float64, t timings, err error, detail string) []Figure {
	if err != nil {
		return missingAll(err, "ms", target(goal), AtMost, name+" p50", name+" p99")
	}
	return latencyFigures(name, t, goal, detail)
}
