package whatsapp

import (
	"fmt"
	"time"

	"creatordesk/backend/importers/archive"
)

// evidence is what the file's own dates say about day/month order.
type evidence struct {
	dayFirstLine   int // first line whose first number is above 12 (0: none)
	monthFirstLine int // first line whose second number is above 12
	slashMeridiem  bool
}

// gather looks at one header.
func (e *evidence) gather(h header, line int) {
	if h.yearFirst() {
		return
	}
	if h.sep == '/' && h.meridiem != 0 {
		e.slashMeridiem = true
	}
	if h.f1 > 12 && e.dayFirstLine == 0 {
		e.dayFirstLine = line
	}
	if h.f2 > 12 && e.monthFirstLine == 0 {
		e.monthFirstLine = line
	}
}

// decideOrder picks the day/month order for the whole file: the file's own
// dates decide when any of them can only be read one way; else the option;
// else the locale the file name is written in; else month-first for "/" dates
// with AM/PM (the US layout) and day-first for everything else. It returns the
// order and a note saying why.
func decideOrder(e evidence, opt archive.DateOrder, hint archive.DateOrder, hintWhy string, name string) (archive.DateOrder, string, error) {
	switch {
	case e.dayFirstLine > 0 && e.monthFirstLine > 0:
		if opt != archive.DateOrderAuto {
			return opt, fmt.Sprintf("dates are read %s as asked, although the file mixes both orders (lines %d and %d)", orderWords(opt), e.dayFirstLine, e.monthFirstLine), nil
		}
		return "", "", archive.Errorf(name, fmt.Sprintf("lines %d and %d", e.dayFirstLine, e.monthFirstLine),
			"the dates contradict each other: one can only be day-first, the other only month-first; is this several chats joined together? (to import anyway, give the date order)")
	case e.dayFirstLine > 0:
		return archive.DayFirst, fmt.Sprintf("dates are read day-first: line %d has a first number above 12", e.dayFirstLine), nil
	case e.monthFirstLine > 0:
		return archive.MonthFirst, fmt.Sprintf("dates are read month-first: line %d has a second number above 12", e.monthFirstLine), nil
	case opt != archive.DateOrderAuto:
		return opt, fmt.Sprintf("no date in the file tells day from month; read %s as asked", orderWords(opt)), nil
	case hint != archive.DateOrderAuto:
		return hint, fmt.Sprintf("no date in the file tells day from month; read %s because %s (give the date order if that is wrong)", orderWords(hint), hintWhy), nil
	case e.slashMeridiem:
		return archive.MonthFirst, "no date in the file tells day from month; read month-first, as the US layout (M/D/YY with AM/PM) is (give the date order if that is wrong)", nil
	}
	return archive.DayFirst, "no date in the file tells day from month; read day-first, as every layout but the US one is (give the date order if that is wrong)", nil
}

// orderWords names an order in notes.
func orderWords(o archive.DateOrder) string {
	if o == archive.MonthFirst {
		return "month-first (M/D/Y)"
	}
	return "day-first (D/M/Y)"
}

// wallClock turns a header into a local date and time, validating every field.
func wallClock(h header, order archive.DateOrder) (y, mo, d, hh, mi, ss int, ok bool) {
	switch {
	case h.yearFirst():
		y, mo, d = h.f1, h.f2, h.f3
	case order == archive.MonthFirst:
		mo, d, y = h.f1, h.f2, h.f3
	default:
		d, mo, y = h.f1, h.f2, h.f3
	}
	if !h.yearFirst() && h.len3 == 2 {
		y += 2000
	}
	hh, mi, ss = h.hour, h.min, h.sec
	switch h.meridiem {
	case 'a', 'p':
		if hh > 12 {
			return 0, 0, 0, 0, 0, 0, false
		}
		if hh == 12 {
			hh = 0
		}
		if h.meridiem == 'p' {
			hh += 12
		}
	}
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || hh > 23 || mi > 59 || ss > 59 || y < 2000 {
		return 0, 0, 0, 0, 0, 0, false
	}
	return y, mo, d, hh, mi, ss, true
}

// daysIn is the length of a month.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
