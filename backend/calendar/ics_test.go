package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"creatordesk/backend/store"
)

func TestExportParsesBackWithZonesRecurrenceAndExceptions(t *testing.T) {
	h := newHarness(t)
	svc := newService(h)
	one, _ := svc.Create(h.ctx, "Mara", ItemInput{Title: "Reel: linen care", Caption: "Wash cold, dry flat.", Pillar: "education",
		Start: t0.Add(2 * time.Hour), End: t0.Add(3 * time.Hour), TimeZone: "Europe/Bucharest", Status: store.ItemScheduled})
	start := WallTime(2026, time.March, 1, 18, 0, 0, newYork)
	series, err := svc.Create(h.ctx, "Mara", ItemInput{Title: "Sunday tip", Start: start, TimeZone: "America/New_York",
		RRule: "FREQ=WEEKLY;BYDAY=SU;COUNT=6"})
	if err != nil {
		t.Fatal(err)
	}
	third := start.AddDate(0, 0, 14)
	if _, err := svc.Move(h.ctx, "Mara", series.ID, third, third.Add(2*time.Hour), time.Time{}); err != nil {
		t.Fatal(err)
	}
	pid := series.ID
	fifth := WallTime(2026, time.March, 29, 18, 0, 0, newYork)
	_ = h.st.CreateCalendarItem(h.ctx, &store.CalendarItem{Kind: store.ItemPost, ParentID: &pid, OriginalStartAt: fifth.UnixMilli(),
		StartAt: fifth.UnixMilli(), Cancelled: true, TimeZone: "America/New_York"})

	var buf bytes.Buffer
	from, to := t0.AddDate(0, -1, 0), t0.AddDate(0, 2, 0)
	if err := svc.Export(h.ctx, &buf, from, to, "ws1"); err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(buf.Bytes())).Decode()
	if err != nil {
		t.Fatalf("does not parse: %v\n%s", err, buf.String())
	}
	events := cal.Events()
	if len(events) != 3 {
		t.Fatalf("events = %d\n%s", len(events), buf.String())
	}
	byUID := map[string][]ical.Event{}
	for _, e := range events {
		u, _ := e.Props.Text(ical.PropUID)
		byUID[u] = append(byUID[u], e)
	}
	oneEv := byUID[uid(one.ID, "ws1")]
	if len(oneEv) != 1 {
		t.Fatalf("one-off not found by its UID: %v", byUID)
	}
	got, err := oneEv[0].DateTimeStart(nil)
	if err != nil || !got.Equal(t0.Add(2*time.Hour)) || oneEv[0].Props.Get(ical.PropDateTimeStart).Params.Get("TZID") != "Europe/Bucharest" {
		t.Fatalf("start %v %v", got, err)
	}
	if d, _ := oneEv[0].Props.Text(ical.PropDescription); d != "Wash cold, dry flat." {
		t.Fatalf("description %q", d)
	}
	seriesEv := byUID[uid(series.ID, "ws1")]
	if len(seriesEv) != 2 {
		t.Fatalf("series and its moved occurrence share a UID: %d", len(seriesEv))
	}
	var master, moved ical.Event
	for _, e := range seriesEv {
		if e.Props.Get(ical.PropRecurrenceID) != nil {
			moved = e
		} else {
			master = e
		}
	}
	set, err := master.RecurrenceSet(nil)
	if err != nil || set == nil {
		t.Fatalf("rrule: %v", err)
	}
	occ := set.All()
	ours, _, _ := ParseRule("FREQ=WEEKLY;BYDAY=SU;COUNT=6")
	want := ours.Occurrences(start, newYork, start, start.AddDate(1, 0, 0))
	if len(occ) != 5 || len(want) != 6 { // one cancelled by EXDATE
		t.Fatalf("occurrences %v (ours %v)", occ, want)
	}
	for _, o := range occ {
		if l := o.In(newYork); l.Hour() != 18 || l.Weekday() != time.Sunday {
			t.Errorf("occurrence at %v local (DST must keep 18:00)", l)
		}
		if o.Equal(fifth) {
			t.Error("cancelled occurrence still in the set")
		}
	}
	rid, _ := moved.Props.DateTime(ical.PropRecurrenceID, nil)
	mstart, _ := moved.DateTimeStart(nil)
	if !rid.Equal(third) || !mstart.Equal(third.Add(2*time.Hour)) {
		t.Fatalf("moved occurrence rid %v start %v", rid, mstart)
	}
	tzs := 0
	for _, c := range cal.Children {
		if c.Name == ical.CompTimezone {
			tzs++
			if len(c.Children) < 2 {
				t.Errorf("%s has no transitions", c.Props.Get(ical.PropTimezoneID).Value)
			}
		}
	}
	if tzs != 2 {
		t.Fatalf("VTIMEZONEs = %d", tzs)
	}

	// Stable: the same data exports to the same text.
	var again bytes.Buffer
	_ = svc.Export(h.ctx, &again, from, to, "ws1")
	if again.String() != buf.String() {
		t.Fatal("export is not stable")
	}
	if !strings.Contains(buf.String(), "RRULE:FREQ=WEEKLY;BYDAY=SU;COUNT=6") {
		t.Fatal("rrule text missing")
	}
}

func TestExportEmpty(t *testing.T) {
	h := newHarness(t)
	var buf bytes.Buffer
	if err := newService(h).Export(h.ctx, &buf, t0, t0.Add(time.Hour), "ws"); err != nil {
		t.Fatal(err)
	}
	if _, err := ical.NewDecoder(&buf).Decode(); err != nil {
		t.Fatal(err)
	}
}
