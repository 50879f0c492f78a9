package calendar

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Rule is the subset of an RFC 5545 recurrence rule the calendar offers:
// FREQ=DAILY|WEEKLY|MONTHLY with INTERVAL, BYDAY (weekly), COUNT and UNTIL.
// It is stored as its RRULE text, which the .ics export writes unchanged.
type Rule struct {
	Freq     string // DAILY, WEEKLY or MONTHLY
	Interval int
	ByDay    []time.Weekday
	Count    int
	Until    time.Time // zero = none; inclusive
}

var dayCodes = []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// RuleError: the recurrence text is not one the calendar understands.
type RuleError struct{ Text string }

// Error implements error.
func (e *RuleError) Error() string { return fmt.Sprintf("calendar: unsupported recurrence %q", e.Text) }

// ErrorKey names the translation.
func (e *RuleError) ErrorKey() (string, string, map[string]string) {
	return "calendar_rrule", "errors.calendar.rrule", map[string]string{"rule": e.Text}
}

// ParseRule reads RRULE text ("RRULE:" prefix optional). "" is no recurrence (ok=false).
func ParseRule(text string) (Rule, bool, error) {
	text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), "RRULE:"))
	if text == "" {
		return Rule{}, false, nil
	}
	r := Rule{Interval: 1}
	for _, part := range strings.Split(text, ";") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return Rule{}, false, &RuleError{text}
		}
		switch strings.ToUpper(k) {
		case "FREQ":
			r.Freq = strings.ToUpper(v)
		case "INTERVAL":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 365 {
				return Rule{}, false, &RuleError{text}
			}
			r.Interval = n
		case "COUNT":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				return Rule{}, false, &RuleError{text}
			}
			r.Count = n
		case "UNTIL":
			t, err := parseUntil(v)
			if err != nil {
				return Rule{}, false, &RuleError{text}
			}
			r.Until = t
		case "BYDAY":
			for _, d := range strings.Split(strings.ToUpper(v), ",") {
				i := indexOf(dayCodes, d)
				if i < 0 {
					return Rule{}, false, &RuleError{text}
				}
				r.ByDay = append(r.ByDay, time.Weekday(i))
			}
		case "WKST":
		default:
			return Rule{}, false, &RuleError{text}
		}
	}
	if r.Freq != "DAILY" && r.Freq != "WEEKLY" && r.Freq != "MONTHLY" {
		return Rule{}, false, &RuleError{text}
	}
	if len(r.ByDay) > 0 && r.Freq != "WEEKLY" {
		return Rule{}, false, &RuleError{text}
	}
	return r, true, nil
}

func parseUntil(v string) (time.Time, error) {
	for _, layout := range []string{"20060102T150405Z", "20060102"} {
		if t, err := time.Parse(layout, v); err == nil {
			if layout == "20060102" {
				t = t.Add(24*time.Hour - time.Second)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad UNTIL %q", v)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// String renders the rule as RRULE text without the prefix.
func (r Rule) String() string {
	parts := []string{"FREQ=" + r.Freq}
	if r.Interval > 1 {
		parts = append(parts, "INTERVAL="+strconv.Itoa(r.Interval))
	}
	if len(r.ByDay) > 0 {
		days := make([]string, len(r.ByDay))
		for i, d := range r.ByDay {
			days[i] = dayCodes[d]
		}
		parts = append(parts, "BYDAY="+strings.Join(days, ","))
	}
	if r.Count > 0 {
		parts = append(parts, "COUNT="+strconv.Itoa(r.Count))
	}
	if !r.Until.IsZero() {
		parts = append(parts, "UNTIL="+r.Until.UTC().Format("20060102T150405Z"))
	}
	return strings.Join(parts, ";")
}

// maxSteps bounds the work of one expansion (about 27 years of daily items).
const maxSteps = 10000

// Occurrences returns the starts of a series in [from, to): start is the first
// occurrence, loc the zone its wall-clock time is kept in (see WallTime for
// daylight-saving changes).
func (r Rule) Occurrences(start time.Time, loc *time.Location, from, to time.Time) []time.Time {
	local := start.In(loc)
	h, mi, s := local.Clock()
	y, mo, d := local.Date()
	var out []time.Time
	n := 0
	emit := func(day time.Time) bool { // false stops the expansion
		t := WallTime(day.Year(), day.Month(), day.Day(), h, mi, s, loc)
		if t.Before(start) {
			return true
		}
		if (!r.Until.IsZero() && t.After(r.Until)) || !t.Before(to) {
			return false
		}
		n++
		if r.Count > 0 && n > r.Count {
			return false
		}
		if !t.Before(from) {
			out = append(out, t)
		}
		return true
	}
	// Days are walked as civil dates in UTC (no daylight saving there).
	first := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	for step := 0; step < maxSteps; step++ {
		switch r.Freq {
		case "DAILY":
			if !emit(first.AddDate(0, 0, step*r.Interval)) {
				return out
			}
		case "MONTHLY":
			m := time.Date(y, mo+time.Month(step*r.Interval), 1, 0, 0, 0, 0, time.UTC)
			if m.AddDate(0, 1, -1).Day() < d {
				continue // the month has no such day
			}
			if !emit(time.Date(m.Year(), m.Month(), d, 0, 0, 0, 0, time.UTC)) {
				return out
			}
		case "WEEKLY":
			days := r.ByDay
			if len(days) == 0 {
				days = []time.Weekday{local.Weekday()}
			}
			monday := first.AddDate(0, 0, -((int(first.Weekday())+6)%7)+7*step*r.Interval)
			for off := 0; off < 7; off++ {
				day := monday.AddDate(0, 0, off)
				if !containsDay(days, day.Weekday()) || day.Before(first) {
					continue
				}
				if !emit(day) {
					return out
				}
			}
		default:
			return out
		}
	}
	return out
}

func containsDay(days []time.Weekday, d time.Weekday) bool {
	for _, x := range days {
		if x == d {
			return true
		}
	}
	return false
}
