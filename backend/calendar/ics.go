package calendar

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/emersion/go-ical"

	"creatordesk/backend/store"
)

// icsLocal is the iCalendar date-time layout of a local (TZID) time.
const icsLocal = "20060102T150405"

// Export writes the calendar's items that start in [from, to) (and every
// series that started before to) as an iCalendar file. Each item's UID is
// stable ("item-<id>-<salt>@creatordesk"), so a calendar app that subscribes
// updates events instead of duplicating them. Times keep their time zone
// (TZID with a VTIMEZONE built from the zone's transitions), series carry
// their RRULE, a moved occurrence is a VEVENT with RECURRENCE-ID and a
// cancelled one an EXDATE.
func (s *Service) Export(ctx context.Context, w io.Writer, from, to time.Time, salt string) error {
	rows, err := s.Store.CalendarItemsBetween(ctx, from.UnixMilli(), to.UnixMilli())
	if err != nil {
		return err
	}
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//CreatorDesk//Content calendar//EN")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText("X-WR-CALNAME", "CreatorDesk")

	parents := map[int64]*ical.Component{}
	zones := map[string]*time.Location{}
	var exceptions []store.CalendarItem
	for _, it := range rows {
		if it.ParentID != nil {
			exceptions = append(exceptions, it)
			continue
		}
		ev := s.event(it, salt, zones)
		parents[it.ID] = ev
		cal.Children = append(cal.Children, ev)
	}
	for _, ex := range exceptions {
		parent, ok := parents[*ex.ParentID]
		if !ok {
			p, err := s.Store.CalendarItemByID(ctx, *ex.ParentID)
			if err != nil {
				continue
			}
			parent = s.event(p, salt, zones)
			parents[p.ID] = parent
			cal.Children = append(cal.Children, parent)
		}
		loc := LoadZone(ex.TimeZone)
		orig := time.UnixMilli(ex.OriginalStartAt)
		if ex.Cancelled {
			exdate := ical.NewProp(ical.PropExceptionDates)
			setTime(exdate, orig, loc, zones)
			parent.Props.Add(exdate)
			continue
		}
		ev := s.event(ex, salt, zones)
		ev.Props.Del(ical.PropRecurrenceRule)
		ev.Props.SetText(ical.PropUID, uid(*ex.ParentID, salt))
		rid := ical.NewProp(ical.PropRecurrenceID)
		setTime(rid, orig, loc, zones)
		ev.Props.Set(rid)
		cal.Children = append(cal.Children, ev)
	}
	if len(cal.Children) == 0 {
		// go-ical refuses an empty calendar; an empty export is still a valid file.
		_, err := io.WriteString(w, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CreatorDesk//Content calendar//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n")
		return err
	}
	names := make([]string, 0, len(zones))
	for name := range zones {
		names = append(names, name)
	}
	sort.Strings(names)
	var tzs []*ical.Component
	for _, name := range names {
		tzs = append(tzs, vtimezone(name, zones[name], from, to))
	}
	cal.Children = append(tzs, cal.Children...)
	return ical.NewEncoder(w).Encode(cal)
}

func uid(id int64, salt string) string {
	return fmt.Sprintf("item-%d-%s@creatordesk", id, salt)
}

// event builds the VEVENT of one item.
func (s *Service) event(it store.CalendarItem, salt string, zones map[string]*time.Location) *ical.Component {
	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, uid(it.ID, salt))
	ev.Props.SetDateTime(ical.PropDateTimeStamp, time.UnixMilli(it.UpdatedAt).UTC())
	ev.Props.SetDateTime(ical.PropLastModified, time.UnixMilli(it.UpdatedAt).UTC())
	loc := LoadZone(it.TimeZone)
	start := ical.NewProp(ical.PropDateTimeStart)
	if it.AllDay {
		start.SetDate(time.UnixMilli(it.StartAt).In(loc))
	} else {
		setTime(start, time.UnixMilli(it.StartAt), loc, zones)
	}
	ev.Props.Set(start)
	if it.EndAt > it.StartAt && !it.AllDay {
		end := ical.NewProp(ical.PropDateTimeEnd)
		setTime(end, time.UnixMilli(it.EndAt), loc, zones)
		ev.Props.Set(end)
	}
	summary := it.Title
	if summary == "" {
		summary = strings.TrimSpace(strings.Join([]string{it.Kind, it.Platform, it.Format}, " "))
	}
	ev.Props.SetText(ical.PropSummary, summary)
	var desc []string
	if it.Caption != "" {
		desc = append(desc, it.Caption)
	}
	if it.Notes != "" {
		desc = append(desc, it.Notes)
	}
	if len(desc) > 0 {
		ev.Props.SetText(ical.PropDescription, strings.Join(desc, "\n\n"))
	}
	var cats []string
	for _, c := range []string{it.Kind, it.Platform, it.Pillar} {
		if c != "" {
			cats = append(cats, c)
		}
	}
	cat := ical.NewProp(ical.PropCategories)
	cat.SetTextList(cats)
	ev.Props.Set(cat)
	status := "TENTATIVE"
	switch it.Status {
	case store.ItemScheduled, store.ItemPublished, store.ItemLate:
		status = "CONFIRMED"
	case store.ItemFailed:
		status = "CANCELLED"
	}
	ev.Props.SetText(ical.PropStatus, status)
	if it.RRule != "" {
		ev.Props.Set(&ical.Prop{Name: ical.PropRecurrenceRule, Params: ical.Params{}, Value: it.RRule})
	}
	return ev.Component
}

// setTime writes t as a UTC date-time, or as a local one with its TZID.
func setTime(p *ical.Prop, t time.Time, loc *time.Location, zones map[string]*time.Location) {
	if loc == time.UTC || loc.String() == "UTC" {
		p.SetDateTime(t.UTC())
		return
	}
	zones[loc.String()] = loc
	p.SetValueType(ical.ValueDateTime)
	p.Params.Set(ical.PropTimezoneID, loc.String())
	p.Value = t.In(loc).Format(icsLocal)
}

// vtimezone describes a zone by its actual transitions from a year before
// from to a year after to (at most 30 years), one observance each.
func vtimezone(name string, loc *time.Location, from, to time.Time) *ical.Component {
	tz := ical.NewComponent(ical.CompTimezone)
	tz.Props.SetText(ical.PropTimezoneID, name)
	start, end := from.AddDate(-1, 0, 0), to.AddDate(1, 0, 0)
	if start.Year() < 1971 {
		start = time.Date(1971, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if end.Sub(start) > 30*365*24*time.Hour {
		end = start.AddDate(30, 0, 0)
	}
	_, prevOff := start.In(loc).Zone()
	first := observance(start.In(loc), prevOff)
	tz.Children = append(tz.Children, first)
	for day := start; day.Before(end); day = day.Add(24 * time.Hour) {
		next := day.Add(24 * time.Hour)
		_, o1 := day.In(loc).Zone()
		_, o2 := next.In(loc).Zone()
		if o1 == o2 {
			continue
		}
		lo, hi := day, next // binary search the second the offset changes
		for hi.Sub(lo) > time.Second {
			mid := lo.Add(hi.Sub(lo) / 2)
			if _, o := mid.In(loc).Zone(); o == o1 {
				lo = mid
			} else {
				hi = mid
			}
		}
		tz.Children = append(tz.Children, observance(hi.In(loc), o1))
	}
	return tz
}

// observance is one STANDARD or DAYLIGHT block starting at t (given in the
// offset before it, as RFC 5545 wants).
func observance(t time.Time, fromOff int) *ical.Component {
	abbr, toOff := t.Zone()
	kind := ical.CompTimezoneStandard
	if t.IsDST() {
		kind = ical.CompTimezoneDaylight
	}
	c := ical.NewComponent(kind)
	c.Props.SetText(ical.PropDateTimeStart, t.UTC().Add(time.Duration(fromOff)*time.Second).Format(icsLocal))
	c.Props.Get(ical.PropDateTimeStart).SetValueType(ical.ValueDateTime)
	c.Props.Set(&ical.Prop{Name: ical.PropTimezoneOffsetFrom, Params: ical.Params{}, Value: offset(fromOff)})
	c.Props.Set(&ical.Prop{Name: ical.PropTimezoneOffsetTo, Params: ical.Params{}, Value: offset(toOff)})
	c.Props.SetText(ical.PropTimezoneName, abbr)
	return c
}

func offset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	return fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
}
