package calendar

import (
	"testing"
	"time"

	"creatordesk/backend/store"
)

var newYork = LoadZone("America/New_York")

func TestWallTimeInTheSpringGapMovesForward(t *testing.T) {
	// 8 March 2026: New York skips from 02:00 EST to 03:00 EDT.
	got := WallTime(2026, time.March, 8, 2, 30, 0, newYork)
	want := time.Date(2026, time.March, 8, 7, 30, 0, 0, time.UTC) // 03:30 EDT
	if !got.Equal(want) {
		t.Fatalf("02:30 on the spring-forward day = %v, want %v", got.UTC(), want)
	}
}

func TestWallTimeInTheRepeatedHourTakesTheFirst(t *testing.T) {
	// 1 November 2026: 01:00-02:00 happens twice (EDT, then EST).
	got := WallTime(2026, time.November, 1, 1, 30, 0, newYork)
	want := time.Date(2026, time.November, 1, 5, 30, 0, 0, time.UTC) // 01:30 EDT
	if !got.Equal(want) {
		t.Fatalf("01:30 on the fall-back day = %v, want %v", got.UTC(), want)
	}
}

func TestWeeklyRuleKeepsWallClockAcrossDST(t *testing.T) {
	rule, ok, err := ParseRule("RRULE:FREQ=WEEKLY;BYDAY=SU")
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	start := WallTime(2026, time.March, 1, 18, 0, 0, newYork)
	occ := rule.Occurrences(start, newYork, start, start.Add(15*24*time.Hour))
	if len(occ) != 3 {
		t.Fatalf("occurrences = %v", occ)
	}
	for _, o := range occ {
		if l := o.In(newYork); l.Hour() != 18 || l.Minute() != 0 || l.Weekday() != time.Sunday {
			t.Errorf("occurrence at %v local", l)
		}
	}
	if d := occ[1].Sub(occ[0]); d != 167*time.Hour {
		t.Errorf("the week across the change lasts %v, want 167h", d)
	}
}

func TestDailyRuleAcrossBothChanges(t *testing.T) {
	rule, _, _ := ParseRule("FREQ=DAILY")
	start := WallTime(2026, time.March, 7, 2, 30, 0, newYork)
	occ := rule.Occurrences(start, newYork, start, start.Add(70*time.Hour))
	want := []time.Time{
		time.Date(2026, 3, 7, 7, 30, 0, 0, time.UTC), // 02:30 EST
		time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC), // 02:30 does not exist: 03:30 EDT
		time.Date(2026, 3, 9, 6, 30, 0, 0, time.UTC), // 02:30 EDT
	}
	if len(occ) != len(want) {
		t.Fatalf("occ = %v", occ)
	}
	for i := range want {
		if !occ[i].Equal(want[i]) {
			t.Errorf("occurrence %d = %v, want %v", i, occ[i].UTC(), want[i])
		}
	}
	autumn := WallTime(2026, time.October, 31, 1, 30, 0, newYork)
	occ = rule.Occurrences(autumn, newYork, autumn, autumn.Add(3*24*time.Hour))
	if len(occ) != 3 || !occ[1].Equal(time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC)) {
		t.Fatalf("autumn occurrences = %v (01:30 must happen once, the first time)", occ)
	}
}

func TestRuleParsingAndLimits(t *testing.T) {
	for _, bad := range []string{"FREQ=HOURLY", "FREQ=DAILY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;INTERVAL=0", "nonsense"} {
		if _, _, err := ParseRule(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	r, _, _ := ParseRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5")
	if r.String() != "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5" {
		t.Errorf("String = %q", r.String())
	}
	start := time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC) // a Tuesday
	occ := r.Occurrences(start, time.UTC, start, start.AddDate(1, 0, 0))
	if len(occ) != 5 || occ[2].Day() != 17 || occ[4].Day() != 31 {
		t.Errorf("every other week Tue/Thu ×5 = %v", occ)
	}
	m, _, _ := ParseRule("FREQ=MONTHLY;UNTIL=20260801T000000Z")
	mstart := time.Date(2026, 1, 31, 9, 0, 0, 0, time.UTC)
	occ = m.Occurrences(mstart, time.UTC, mstart, mstart.AddDate(2, 0, 0))
	if len(occ) != 4 { // Jan, Mar, May, Jul have a 31st
		t.Errorf("monthly on the 31st = %v", occ)
	}
}

func TestSchedulerPublishesRecurringItemAcrossSpringForward(t *testing.T) {
	h := newHarness(t)
	h.clock.Set(time.Date(2026, 3, 6, 12, 0, 0, 0, time.UTC))
	start := WallTime(2026, time.March, 7, 2, 30, 0, newYork)
	it := h.schedule(h.mAcc, "Night owl tip", start, "FREQ=DAILY;COUNT=3", "America/New_York")
	var publishedAt []time.Time
	for h.clock.Now().Before(time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)) {
		h.clock.Advance(15 * time.Minute)
		before := len(h.masto.Sent())
		h.tick()
		if len(h.masto.Sent()) > before {
			publishedAt = append(publishedAt, h.clock.Now())
		}
	}
	want := []time.Time{
		time.Date(2026, 3, 7, 7, 30, 0, 0, time.UTC),
		time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC),
		time.Date(2026, 3, 9, 6, 30, 0, 0, time.UTC),
	}
	if len(publishedAt) != 3 {
		t.Fatalf("published at %v", publishedAt)
	}
	for i := range want {
		if !publishedAt[i].Equal(want[i]) {
			t.Errorf("post %d at %v, want %v", i, publishedAt[i], want[i])
		}
	}
	if got := h.item(it.ID); got.Status != store.ItemScheduled {
		t.Errorf("a series stays scheduled, got %q", got.Status)
	}
}

func TestSchedulerPublishesRepeatedHourOnce(t *testing.T) {
	h := newHarness(t)
	h.clock.Set(time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC))
	start := WallTime(2026, time.November, 1, 1, 30, 0, newYork)
	h.schedule(h.mAcc, "Once in the repeated hour", start, "", "America/New_York")
	for h.clock.Now().Before(time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)) {
		h.clock.Advance(10 * time.Minute)
		h.tick()
	}
	sent := h.masto.Sent()
	if len(sent) != 1 {
		t.Fatalf("posted %d times", len(sent))
	}
}

func TestExceptionReplacesOneOccurrence(t *testing.T) {
	h := newHarness(t)
	series := h.schedule(h.mAcc, "Weekly tip", t0.Add(time.Hour), "FREQ=DAILY;COUNT=3", "UTC")
	pid := series.ID
	second := t0.Add(25 * time.Hour).UnixMilli()
	ex := store.CalendarItem{Kind: store.ItemPost, ParentID: &pid, OriginalStartAt: second, Cancelled: true,
		Status: store.ItemScheduled, StartAt: second, ScheduledAt: t0.UnixMilli(), AccountID: series.AccountID}
	if err := h.st.CreateCalendarItem(h.ctx, &ex); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 4*24; i++ {
		h.clock.Advance(time.Hour)
		h.tick()
	}
	if n := len(h.masto.Sent()); n != 2 {
		t.Fatalf("posted %d, want 2 (one occurrence cancelled)", n)
	}
}
