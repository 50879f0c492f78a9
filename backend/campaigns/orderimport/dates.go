package orderimport

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// errDate: the text is not a date this importer knows.
var errDate = errors.New("orderimport: not a date")

// Date orders for numeric dates such as 03/04/2026.
const (
	DMY = "dmy"
	MDY = "mdy"
)

// textLayouts are the spelled-out and ISO layouts tried in order.
var textLayouts = []string{
	time.RFC3339, "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00", "2006-01-02 15:04:05 MST",
	"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02",
	"Jan 2, 2006", "January 2, 2006", "Jan 2, 2006 3:04 PM", "January 2, 2006 3:04 PM", "Jan 2, 2006 15:04",
	"2 Jan 2006", "2 January 2006", "2 Jan 2006 15:04", "Mon, 02 Jan 2006 15:04:05 -0700",
}

// numericDate matches 03/04/2026, 3.4.26, 03-04-2026 14:05, 3/4/2026 2:05 PM.
var numericDate = regexp.MustCompile(`^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$`)

// numericParts returns the first two numbers of a numeric date (0, 0 when it is not one).
func numericParts(s string) (a, b int) {
	m := numericDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, 0
	}
	a, _ = strconv.Atoi(m[1])
	b, _ = strconv.Atoi(m[2])
	return a, b
}

// parseDate reads s in loc; numeric dates follow order (DMY or MDY).
func parseDate(s, order string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errDate
	}
	for _, layout := range textLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	if ms, err := strconv.ParseInt(s, 10, 64); err == nil && ms > 1e9 {
		if ms > 1e12 {
			return time.UnixMilli(ms), nil
		}
		return time.Unix(ms, 0), nil
	}
	m := numericDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, errDate
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	if len(m[3]) == 2 {
		year += 2000
	}
	day, month := a, b
	if order == MDY {
		day, month = b, a
	}
	hour, min, sec := 0, 0, 0
	if m[4] != "" {
		hour, _ = strconv.Atoi(m[4])
		min, _ = strconv.Atoi(m[5])
		if m[6] != "" {
			sec, _ = strconv.Atoi(m[6])
		}
		switch strings.ToLower(m[7]) {
		case "pm":
			if hour < 12 {
				hour += 12
			}
		case "am":
			if hour == 12 {
				hour = 0
			}
		}
	}
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 59 {
		return time.Time{}, errDate
	}
	t := time.Date(year, time.Month(month), day, hour, min, sec, 0, loc)
	if t.Day() != day { // 31 April and the like
		return time.Time{}, errDate
	}
	return t, nil
}
