package kpi

import (
	"math"
	"sort"
)

// median is the middle value (the mean of the two middle values for an even
// count); ok is false for no values.
func median(values []float64) (float64, bool) {
	n := len(values)
	if n == 0 {
		return 0, false
	}
	v := sortedCopy(values)
	if n%2 == 1 {
		return v[n/2], true
	}
	return (v[n/2-1] + v[n/2]) / 2, true
}

// percentile is the nearest-rank percentile q (0 < q <= 100): the smallest
// value with at least q% of the values at or below it.
func percentile(values []float64, q float64) (float64, bool) {
	n := len(values)
	if n == 0 {
		return 0, false
	}
	v := sortedCopy(values)
	rank := int(math.Ceil(q / 100 * float64(n)))
	rank = min(max(rank, 1), n)
	return v[rank-1], true
}

// sortedCopy returns values sorted ascending without touching the input.
func sortedCopy(values []float64) []float64 {
	v := append([]float64(nil), values...)
	sort.Float64s(v)
	return v
}

// change is the relative change from prev to cur (0.25 = +25%); ok is false
// when either is missing or prev is zero.
func change(cur, prev float64, hasCur, hasPrev bool) (float64, bool) {
	if !hasCur || !hasPrev || prev == 0 {
		return 0, false
	}
	return (cur - prev) / prev, true
}
