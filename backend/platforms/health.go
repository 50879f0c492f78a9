package platforms

import "time"

// Headroom is how much of a platform's rate limit or daily quota an account has left.
type Headroom struct {
	Kind     string // "quota" (units per day) or "rate" (calls per window)
	Used     int64
	Limit    int64
	ResetsAt time.Time
}

// HeadroomReporter is implemented by connectors that track their platform's limits.
type HeadroomReporter interface{ Headroom() (Headroom, bool) }
