package calendar

import "time"

// WallTime resolves a wall-clock time in loc to an instant, the way RFC 5545
// asks for recurring events:
//
//   - a time that does not exist (skipped by a spring-forward change, such as
//     02:30 on the night clocks go from 02:00 to 03:00) is read with the UTC
//     offset in force before the gap, so it lands the length of the gap later
//     (03:30 local);
//   - a time that happens twice (the repeated hour of an autumn change) means
//     its first occurrence, so a post at 01:30 goes out once, at the earlier 01:30.
func WallTime(y int, mo time.Month, d, h, mi, s int, loc *time.Location) time.Time {
	wall := time.Date(y, mo, d, h, mi, s, 0, time.UTC)
	probe := time.Date(y, mo, d, h, mi, s, 0, loc)
	var best time.Time
	for _, ref := range []time.Time{probe.Add(-3 * time.Hour), probe, probe.Add(3 * time.Hour)} {
		_, off := ref.Zone()
		c := wall.Add(-time.Duration(off) * time.Second).In(loc)
		if c.Year() == y && c.Month() == mo && c.Day() == d && c.Hour() == h && c.Minute() == mi && c.Second() == s {
			if best.IsZero() || c.Before(best) {
				best = c
			}
		}
	}
	if !best.IsZero() {
		return best
	}
	// In a gap: use the offset in force before it.
	_, before := probe.Add(-3 * time.Hour).Zone()
	return wall.Add(-time.Duration(before) * time.Second).In(loc)
}

// LoadZone returns the named IANA zone, or UTC for "" or an unknown name.
func LoadZone(name string) *time.Location {
	if name == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}
