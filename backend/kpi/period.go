// Package kpi computes CreatorDesk's key figures over a date range: response
// and resolution times, response rate, SLA attainment, volume, DM-to-order
// conversion, revenue and average order value, moderation quality, automation
// share and the busiest hours. Each figure comes with the previous period of
// equal length, splits by platform, account, member and tag (creator and code
// for orders), and a drill-down listing exactly the rows it counted: the
// figure, its splits and its drill-down are all derived from the same rows.
package kpi

import (
	"errors"
	"time"

	"creatordesk/backend/store"
)

// Period is the half-open window [From, To).
type Period struct{ From, To time.Time }

// ErrBadPeriod is returned for a period whose end is not after its start.
var ErrBadPeriod = errors.New("kpi: the period must end after it starts")

// Previous is the period of equal length that ends where p starts.
func (p Period) Previous() Period {
	return Period{From: p.From.Add(-p.To.Sub(p.From)), To: p.From}
}

// contains reports whether the Unix-ms instant ms is in p.
func (p Period) contains(ms int64) bool {
	return ms >= p.From.UnixMilli() && ms < p.To.UnixMilli()
}

// quarterAligned reports whether p starts and ends on a quarter hour (Unix
// time), so that its inbound messages are whole buckets of the precomputed counts.
func (p Period) quarterAligned() bool {
	return p.From.UnixMilli()%store.KpiQuarterMillis == 0 && p.To.UnixMilli()%store.KpiQuarterMillis == 0
}

// valid reports whether p is a non-empty window.
func (p Period) valid() bool { return p.To.After(p.From) }
