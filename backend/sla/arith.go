package sla

import "time"

// maxDays bounds every search for open time (a calendar always has weekly hours,
// so only an absurd list of holidays could exhaust it).
const maxDays = 3 * 366

// interval is one absolute opening [from, to).
type interval struct{ from, to time.Time }

// dateOf is t's local date in the calendar's zone.
func (c *Calendar) dateOf(t time.Time) civilDate {
	l := t.In(c.loc)
	return civilDate{l.Year(), l.Month(), l.Day()}
}

// next is the following local date.
func (d civilDate) next() civilDate {
	t := time.Date(d.y, d.m, d.d+1, 12, 0, 0, 0, time.UTC)
	return civilDate{t.Year(), t.Month(), t.Day()}
}

// wallInstant is the first instant the calendar's wall clock shows date d at
// minute min. A wall time skipped by a daylight-saving jump resolves to the
// instant of the jump; a repeated one to its first occurrence.
func (c *Calendar) wallInstant(d civilDate, min int) time.Time {
	if min >= MinutesPerDay {
		return c.wallInstant(d.next(), min-MinutesPerDay)
	}
	guess := time.Date(d.y, d.m, d.d, min/60, min%60, 0, 0, c.loc)
	naive := time.Date(d.y, d.m, d.d, min/60, min%60, 0, 0, time.UTC)
	var best time.Time
	var latest time.Time
	seen := map[int]bool{}
	// Every offset in effect within half a day of the guess (transitions are months apart).
	for _, probe := range []time.Time{guess.Add(-12 * time.Hour), guess, guess.Add(12 * time.Hour)} {
		_, off := probe.In(c.loc).Zone()
		if seen[off] {
			continue
		}
		seen[off] = true
		u := naive.Add(-time.Duration(off) * time.Second)
		if latest.IsZero() || u.After(latest) {
			latest = u
		}
		if _, o := u.In(c.loc).Zone(); o == off && (best.IsZero() || u.Before(best)) {
			best = u
		}
	}
	if !best.IsZero() {
		return best.In(c.loc)
	}
	// In a gap: the wall clock jumped over this time; it opens when the jump happens.
	start, _ := latest.In(c.loc).ZoneBounds()
	return start.In(c.loc)
}

// intervals are date d's openings as absolute instants, in order.
func (c *Calendar) intervals(d civilDate) []interval {
	shifts := c.shiftsOn(d)
	out := make([]interval, 0, len(shifts))
	for _, s := range shifts {
		from, to := c.wallInstant(d, s.Start), c.wallInstant(d, s.End)
		if to.After(from) {
			out = append(out, interval{from, to})
		}
	}
	return out
}

// IsOpen reports whether the business is open at t.
func (c *Calendar) IsOpen(t time.Time) bool {
	for _, iv := range c.intervals(c.dateOf(t)) {
		if !t.Before(iv.from) && t.Before(iv.to) {
			return true
		}
	}
	return false
}

// NextOpen is t when the business is open at t, else the next opening after t
// (in the calendar's zone). It returns the zero time only for a calendar that
// never opens again within three years.
func (c *Calendar) NextOpen(t time.Time) time.Time {
	d := c.dateOf(t)
	for i := 0; i < maxDays; i++ {
		for _, iv := range c.intervals(d) {
			if t.Before(iv.to) {
				if t.Before(iv.from) {
					return iv.from
				}
				return t.In(c.loc)
			}
		}
		d = d.next()
	}
	return time.Time{}
}

// NextClose is the end of the opening t is in (t itself when closed).
func (c *Calendar) NextClose(t time.Time) time.Time {
	for _, iv := range c.intervals(c.dateOf(t)) {
		if !t.Before(iv.from) && t.Before(iv.to) {
			return iv.to
		}
	}
	return t.In(c.loc)
}

// AddBusinessDuration is the instant at which d of business time has passed
// after start: the due time of a target of d for a message arriving at start.
// Time while closed does not count; a target that runs out exactly at closing
// time is due at closing time. A zero or negative d gives NextOpen(start).
func (c *Calendar) AddBusinessDuration(start time.Time, d time.Duration) time.Time {
	if d < 0 {
		d = 0
	}
	day := c.dateOf(start)
	for i := 0; i < maxDays; i++ {
		for _, iv := range c.intervals(day) {
			if !start.Before(iv.to) {
				continue
			}
			from := iv.from
			if start.After(from) {
				from = start
			}
			if avail := iv.to.Sub(from); d <= avail {
				return from.Add(d).In(c.loc)
			} else {
				d -= avail
			}
		}
		day = day.next()
	}
	return time.Time{}
}

// BusinessDuration is the business time between from and to: how long the
// business was open in [from, to). It is zero when to is not after from.
// First-response KPIs use it.
func (c *Calendar) BusinessDuration(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	var total time.Duration
	last := c.dateOf(to)
	for day, i := c.dateOf(from), 0; i < 100*366; day, i = day.next(), i+1 {
		for _, iv := range c.intervals(day) {
			a, b := iv.from, iv.to
			if a.Before(from) {
				a = from
			}
			if b.After(to) {
				b = to
			}
			if b.After(a) {
				total += b.Sub(a)
			}
		}
		if day == last {
			break
		}
	}
	return total
}
