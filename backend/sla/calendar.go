// Package sla is the arithmetic of response-time targets: a business calendar
// (weekly hours, split shifts, holidays, an IANA time zone), business-time
// addition and measurement, response-time policies and the rules of a
// conversation's timer. It is pure Go: no SQL, no clock of its own.
//
// Business time is real elapsed time during which the business is open. On a
// daylight-saving day an opening hour that does not exist on the wall clock
// (spring forward) simply is not there, and one that repeats (fall back) is
// counted twice, because it really passes twice. A wall-clock time that does
// not exist resolves to the instant the clocks jump; one that exists twice
// resolves to its first occurrence.
package sla

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// MinutesPerDay is the end of a day in minutes (24:00).
const MinutesPerDay = 24 * 60

// Shift is one opening interval of a day, in minutes after local midnight:
// open from Start (inclusive) to End (exclusive). End may be 1440 (24:00).
type Shift struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Holiday replaces one date's hours: closed all day when Shifts is empty,
// otherwise open only during Shifts (a half day).
type Holiday struct {
	// Date is the local date, YYYY-MM-DD.
	Date string `json:"date"`
	// Name is the user's label for it (may be empty).
	Name   string  `json:"name"`
	Shifts []Shift `json:"shifts"`
}

// CalendarConfig is a business calendar as it is stored and edited.
type CalendarConfig struct {
	// TimeZone is an IANA name such as Europe/Bucharest.
	TimeZone string `json:"timeZone"`
	// Week holds the shifts of each weekday, indexed by time.Weekday (0 = Sunday).
	Week [7][]Shift `json:"week"`
	// Holidays are dates with other hours than their weekday.
	Holidays []Holiday `json:"holidays"`
}

// DefaultCalendar is Monday to Friday, 09:00–18:00, in the given zone.
func DefaultCalendar(zone string) CalendarConfig {
	c := CalendarConfig{TimeZone: zone}
	for d := time.Monday; d <= time.Friday; d++ {
		c.Week[d] = []Shift{{Start: 9 * 60, End: 18 * 60}}
	}
	return c
}

// Calendar is a validated calendar ready for arithmetic. Build it with NewCalendar.
type Calendar struct {
	loc      *time.Location
	week     [7][]Shift
	holidays map[civilDate][]Shift
}

// civilDate is a date on the calendar's wall clock.
type civilDate struct {
	y int
	m time.Month
	d int
}

// NewCalendar validates cfg and builds its calendar. Errors are *ValidationError.
func NewCalendar(cfg CalendarConfig) (*Calendar, error) {
	if strings.TrimSpace(cfg.TimeZone) == "" {
		return nil, &ValidationError{Reason: ReasonUnknownZone, Field: "timeZone"}
	}
	loc, err := time.LoadLocation(cfg.TimeZone)
	if err != nil {
		return nil, &ValidationError{Reason: ReasonUnknownZone, Field: "timeZone", Value: cfg.TimeZone}
	}
	c := &Calendar{loc: loc, holidays: map[civilDate][]Shift{}}
	open := false
	for day, shifts := range cfg.Week {
		norm, err := normalizeShifts(shifts, fmt.Sprintf("week.%d", day))
		if err != nil {
			return nil, err
		}
		c.week[day] = norm
		open = open || len(norm) > 0
	}
	if !open {
		return nil, &ValidationError{Reason: ReasonNoHours, Field: "week"}
	}
	for _, h := range cfg.Holidays {
		t, err := time.Parse(time.DateOnly, h.Date)
		if err != nil {
			return nil, &ValidationError{Reason: ReasonBadDate, Field: "holidays", Value: h.Date}
		}
		d := civilDate{t.Year(), t.Month(), t.Day()}
		if _, dup := c.holidays[d]; dup {
			return nil, &ValidationError{Reason: ReasonDuplicateHoliday, Field: "holidays", Value: h.Date}
		}
		norm, err := normalizeShifts(h.Shifts, h.Date)
		if err != nil {
			return nil, err
		}
		c.holidays[d] = norm
	}
	return c, nil
}

// MustCalendar is NewCalendar for configurations known to be valid (tests, defaults).
func MustCalendar(cfg CalendarConfig) *Calendar {
	c, err := NewCalendar(cfg)
	if err != nil {
		panic(err)
	}
	return c
}

// normalizeShifts checks one day's shifts and returns them sorted.
func normalizeShifts(shifts []Shift, where string) ([]Shift, error) {
	out := slices.Clone(shifts)
	for _, s := range out {
		if s.Start < 0 || s.End > MinutesPerDay || s.Start >= MinutesPerDay || s.End <= 0 {
			return nil, &ValidationError{Reason: ReasonBadTime, Field: where, Value: fmt.Sprintf("%s–%s", FormatClock(s.Start), FormatClock(s.End))}
		}
		if s.End <= s.Start {
			return nil, &ValidationError{Reason: ReasonClosesBeforeOpens, Field: where, Value: fmt.Sprintf("%s–%s", FormatClock(s.Start), FormatClock(s.End))}
		}
	}
	slices.SortFunc(out, func(a, b Shift) int { return a.Start - b.Start })
	for i := 1; i < len(out); i++ {
		if out[i].Start < out[i-1].End {
			return nil, &ValidationError{Reason: ReasonOverlap, Field: where,
				Value: fmt.Sprintf("%s–%s / %s–%s", FormatClock(out[i-1].Start), FormatClock(out[i-1].End), FormatClock(out[i].Start), FormatClock(out[i].End))}
		}
	}
	return out, nil
}

// FormatClock writes minutes after midnight as HH:MM (1440 is 24:00).
func FormatClock(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

// ParseClock reads HH:MM into minutes after midnight (24:00 allowed).
func ParseClock(s string) (int, error) {
	var h, m int
	if n, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil || n != 2 || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) || len(s) != 5 {
		return 0, &ValidationError{Reason: ReasonBadTime, Field: "time", Value: s}
	}
	return h*60 + m, nil
}

// Location is the calendar's time zone.
func (c *Calendar) Location() *time.Location { return c.loc }

// shiftsOn returns the opening shifts of a local date (a holiday's, else its weekday's).
func (c *Calendar) shiftsOn(d civilDate) []Shift {
	if h, ok := c.holidays[d]; ok {
		return h
	}
	wd := time.Date(d.y, d.m, d.d, 12, 0, 0, 0, time.UTC).Weekday()
	return c.week[wd]
}
