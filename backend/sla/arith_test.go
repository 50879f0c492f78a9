package sla

import (
	"math/rand/v2"
	"testing"
	"time"
)

// wall parses "2006-01-02 15:04" on zone's wall clock.
func wall(t *testing.T, zone, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// utc parses an RFC 3339 instant.
func utc(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func hm(h, m int) int { return h*60 + m }

// weekdays builds a calendar open the same shifts on the listed weekdays.
func weekdays(zone string, days []time.Weekday, shifts ...Shift) CalendarConfig {
	c := CalendarConfig{TimeZone: zone}
	for _, d := range days {
		c.Week[d] = shifts
	}
	return c
}

var (
	monFri   = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	monSat   = append(monFri[:5:5], time.Saturday)
	everyDay = []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
)

// calendars used by the tables.
func testCalendars() map[string]*Calendar {
	bucharest := DefaultCalendar("Europe/Bucharest")
	bucharest.Holidays = []Holiday{
		{Date: "2026-12-24", Name: "Christmas Eve", Shifts: []Shift{{hm(9, 0), hm(13, 0)}}},
		{Date: "2026-12-25", Name: "Christmas"},
	}
	// A weekend night shift that straddles both daylight-saving changes (Sundays 02:00–06:00).
	bucharestNight := weekdays("Europe/Bucharest", []time.Weekday{time.Sunday}, Shift{hm(2, 0), hm(6, 0)})
	bucharestSunday := weekdays("Europe/Bucharest", []time.Weekday{time.Sunday}, Shift{0, MinutesPerDay})
	nyNight := weekdays("America/New_York", []time.Weekday{time.Sunday}, Shift{hm(1, 0), hm(3, 0)})
	nyGap := weekdays("America/New_York", []time.Weekday{time.Sunday}, Shift{hm(2, 30), hm(5, 0)})
	return map[string]*Calendar{
		"bucharest":       MustCalendar(bucharest),
		"bucharestNight":  MustCalendar(bucharestNight),
		"bucharestSunday": MustCalendar(bucharestSunday),
		"newYork":         MustCalendar(DefaultCalendar("America/New_York")),
		"newYorkNight":    MustCalendar(nyNight),
		"newYorkGap":      MustCalendar(nyGap),
		"kolkata":         MustCalendar(weekdays("Asia/Kolkata", monSat, Shift{hm(10, 0), hm(19, 0)})),
		"shanghai":        MustCalendar(weekdays("Asia/Shanghai", monFri, Shift{hm(9, 0), hm(12, 0)}, Shift{hm(13, 30), hm(18, 0)})),
		"overnight":       MustCalendar(weekdays("Europe/Bucharest", everyDay, Shift{0, hm(2, 0)}, Shift{hm(20, 0), MinutesPerDay})),
		"losAngeles":      MustCalendar(DefaultCalendar("America/Los_Angeles")),
	}
}

func TestAddBusinessDuration(t *testing.T) {
	cals := testCalendars()
	B, NY, K, SH := "Europe/Bucharest", "America/New_York", "Asia/Kolkata", "Asia/Shanghai"
	cases := []struct {
		name  string
		cal   string
		start time.Time
		d     time.Duration
		want  time.Time
	}{
		{"inside hours", "bucharest", wall(t, B, "2026-03-03 10:00"), time.Hour, wall(t, B, "2026-03-03 11:00")},
		{"23:30 message waits for the morning", "bucharest", wall(t, B, "2026-03-03 23:30"), time.Hour, wall(t, B, "2026-03-04 10:00")},
		{"before opening", "bucharest", wall(t, B, "2026-03-02 07:00"), time.Hour, wall(t, B, "2026-03-02 10:00")},
		{"due exactly at closing", "bucharest", wall(t, B, "2026-03-02 17:00"), time.Hour, wall(t, B, "2026-03-02 18:00")},
		{"weekend skipped", "bucharest", wall(t, B, "2026-03-06 17:30"), time.Hour, wall(t, B, "2026-03-09 09:30")},
		{"Saturday message", "bucharest", wall(t, B, "2026-03-07 12:00"), 2 * time.Hour, wall(t, B, "2026-03-09 11:00")},
		{"24 business hours span three days", "bucharest", wall(t, B, "2026-03-02 10:00"), 24 * time.Hour, wall(t, B, "2026-03-04 16:00")},
		{"half-day holiday then a closed holiday and a weekend", "bucharest", wall(t, B, "2026-12-24 12:00"), 2 * time.Hour, wall(t, B, "2026-12-28 10:00")},
		{"on a closed holiday", "bucharest", wall(t, B, "2026-12-25 10:00"), time.Hour, wall(t, B, "2026-12-28 10:00")},
		{"weekend with the spring change (EET→EEST)", "bucharest", wall(t, B, "2026-03-27 17:00"), 2 * time.Hour, utc(t, "2026-03-30T07:00:00Z")},
		{"weekend with the autumn change (EEST→EET)", "bucharest", wall(t, B, "2026-10-23 17:00"), 2 * time.Hour, utc(t, "2026-10-26T08:00:00Z")},
		{"spring night shift loses the missing hour", "bucharestNight", utc(t, "2026-03-29T00:00:00Z"), 3 * time.Hour, utc(t, "2026-03-29T03:00:00Z")},
		{"spring night shift, due after the jump", "bucharestNight", utc(t, "2026-03-29T00:00:00Z"), 2 * time.Hour, utc(t, "2026-03-29T02:00:00Z")},
		{"spring night shift: the fourth hour moves to next Sunday", "bucharestNight", utc(t, "2026-03-29T00:00:00Z"), 4 * time.Hour, utc(t, "2026-04-04T23:00:00Z").Add(time.Hour)},
		{"autumn night shift counts the repeated hour", "bucharestNight", utc(t, "2026-10-24T23:00:00Z"), 5 * time.Hour, utc(t, "2026-10-25T04:00:00Z")},
		{"autumn night shift: due in the first 03:00", "bucharestNight", utc(t, "2026-10-24T23:00:00Z"), 2 * time.Hour, utc(t, "2026-10-25T01:00:00Z")},
		{"autumn night shift: due in the second 03:30", "bucharestNight", utc(t, "2026-10-24T23:00:00Z"), 3*time.Hour + 30*time.Minute, utc(t, "2026-10-25T02:30:00Z")},
		{"New York weekend with the spring change", "newYork", wall(t, NY, "2026-03-06 17:00"), 2 * time.Hour, utc(t, "2026-03-09T14:00:00Z")},
		{"New York weekend with the autumn change", "newYork", wall(t, NY, "2026-10-30 17:00"), 2 * time.Hour, utc(t, "2026-11-02T15:00:00Z")},
		{"New York evening is already Saturday in UTC", "newYork", wall(t, NY, "2026-03-13 20:00"), time.Hour, wall(t, NY, "2026-03-16 10:00")},
		{"New York repeated 01:00 hour counts twice", "newYorkNight", utc(t, "2026-11-01T05:00:00Z"), 3 * time.Hour, utc(t, "2026-11-01T08:00:00Z")},
		{"New York due in the repeated hour", "newYorkNight", utc(t, "2026-11-01T05:00:00Z"), 90 * time.Minute, utc(t, "2026-11-01T06:30:00Z")},
		{"New York shift opening in the skipped hour opens at the jump", "newYorkGap", wall(t, NY, "2026-03-08 00:00"), time.Hour, utc(t, "2026-03-08T08:00:00Z")},
		{"Kolkata (+05:30) Saturday evening to Monday", "kolkata", wall(t, K, "2026-03-07 18:30"), time.Hour, utc(t, "2026-03-09T05:00:00Z")},
		{"Kolkata Sunday", "kolkata", wall(t, K, "2026-03-08 09:00"), 30 * time.Minute, wall(t, K, "2026-03-09 10:30")},
		{"Shanghai split shift skips lunch", "shanghai", wall(t, SH, "2026-03-02 11:30"), time.Hour, wall(t, SH, "2026-03-02 14:00")},
		{"Shanghai message during lunch", "shanghai", wall(t, SH, "2026-03-02 12:15"), time.Hour, wall(t, SH, "2026-03-02 14:30")},
		{"Shanghai after closing", "shanghai", wall(t, SH, "2026-03-02 17:30"), time.Hour, wall(t, SH, "2026-03-03 09:30")},
		{"across midnight in an overnight schedule", "overnight", wall(t, B, "2026-03-03 23:30"), time.Hour, wall(t, B, "2026-03-04 00:30")},
		{"zero target while closed is the next opening", "bucharest", wall(t, B, "2026-03-07 12:00"), 0, wall(t, B, "2026-03-09 09:00")},
		{"Los Angeles Friday", "losAngeles", wall(t, "America/Los_Angeles", "2026-03-06 17:59"), 2 * time.Minute, wall(t, "America/Los_Angeles", "2026-03-09 09:01")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := cals[tc.cal].AddBusinessDuration(tc.start, tc.d)
			if !got.Equal(tc.want) {
				t.Fatalf("AddBusinessDuration(%s, %s) = %s, want %s", tc.start, tc.d, got, tc.want.In(cals[tc.cal].Location()))
			}
			if tc.d > 0 {
				if back := cals[tc.cal].BusinessDuration(tc.start, got); back != tc.d {
					t.Fatalf("BusinessDuration back = %s, want %s", back, tc.d)
				}
			}
		})
	}
}

func TestBusinessDuration(t *testing.T) {
	cals := testCalendars()
	B, NY, K, SH := "Europe/Bucharest", "America/New_York", "Asia/Kolkata", "Asia/Shanghai"
	cases := []struct {
		name     string
		cal      string
		from, to time.Time
		want     time.Duration
	}{
		{"within one opening", "bucharest", wall(t, B, "2026-03-02 10:00"), wall(t, B, "2026-03-02 10:45"), 45 * time.Minute},
		{"over a weekend", "bucharest", wall(t, B, "2026-03-06 17:30"), wall(t, B, "2026-03-09 09:30"), time.Hour},
		{"entirely closed", "bucharest", wall(t, B, "2026-03-07 08:00"), wall(t, B, "2026-03-08 20:00"), 0},
		{"23:30 to the next noon", "bucharest", wall(t, B, "2026-03-03 23:30"), wall(t, B, "2026-03-04 12:00"), 3 * time.Hour},
		{"holidays", "bucharest", wall(t, B, "2026-12-24 08:00"), wall(t, B, "2026-12-28 10:00"), 5 * time.Hour},
		{"reversed range", "bucharest", wall(t, B, "2026-03-02 12:00"), wall(t, B, "2026-03-02 11:00"), 0},
		{"the spring-forward Sunday has 23 hours", "bucharestSunday", wall(t, B, "2026-03-29 00:00"), wall(t, B, "2026-03-30 00:00"), 23 * time.Hour},
		{"the fall-back Sunday has 25 hours", "bucharestSunday", wall(t, B, "2026-10-25 00:00"), wall(t, B, "2026-10-26 00:00"), 25 * time.Hour},
		{"spring night shift is 3 real hours", "bucharestNight", wall(t, B, "2026-03-28 12:00"), wall(t, B, "2026-03-30 12:00"), 3 * time.Hour},
		{"autumn night shift is 5 real hours", "bucharestNight", wall(t, B, "2026-10-24 12:00"), wall(t, B, "2026-10-26 12:00"), 5 * time.Hour},
		{"New York across the spring change", "newYork", wall(t, NY, "2026-03-06 17:00"), wall(t, NY, "2026-03-09 10:00"), 2 * time.Hour},
		{"New York repeated hour", "newYorkNight", wall(t, NY, "2026-10-31 12:00"), wall(t, NY, "2026-11-02 12:00"), 3 * time.Hour},
		{"New York skipped opening", "newYorkGap", wall(t, NY, "2026-03-07 12:00"), wall(t, NY, "2026-03-09 12:00"), 2 * time.Hour},
		{"Kolkata weekend", "kolkata", wall(t, K, "2026-03-07 18:30"), wall(t, K, "2026-03-09 10:30"), time.Hour},
		{"Shanghai lunch is not counted", "shanghai", wall(t, SH, "2026-03-02 11:00"), wall(t, SH, "2026-03-02 14:00"), 90 * time.Minute},
		{"a whole week in Shanghai", "shanghai", wall(t, SH, "2026-03-02 00:00"), wall(t, SH, "2026-03-09 00:00"), 5 * (7*time.Hour + 30*time.Minute)},
		{"the instants may be in any zone", "kolkata", utc(t, "2026-03-09T04:30:00Z"), utc(t, "2026-03-09T05:30:00Z"), time.Hour},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := cals[tc.cal].BusinessDuration(tc.from, tc.to); got != tc.want {
				t.Fatalf("BusinessDuration(%s, %s) = %s, want %s", tc.from, tc.to, got, tc.want)
			}
		})
	}
}

func TestIsOpenAndNextOpen(t *testing.T) {
	cals := testCalendars()
	B, NY, K := "Europe/Bucharest", "America/New_York", "Asia/Kolkata"
	cases := []struct {
		name string
		cal  string
		at   time.Time
		open bool
		next time.Time
	}{
		{"opening minute is open", "bucharest", wall(t, B, "2026-03-02 09:00"), true, wall(t, B, "2026-03-02 09:00")},
		{"closing minute is closed", "bucharest", wall(t, B, "2026-03-06 18:00"), false, wall(t, B, "2026-03-09 09:00")},
		{"last open minute", "bucharest", wall(t, B, "2026-03-06 17:59"), true, wall(t, B, "2026-03-06 17:59")},
		{"23:30", "bucharest", wall(t, B, "2026-03-03 23:30"), false, wall(t, B, "2026-03-04 09:00")},
		{"Saturday", "bucharest", wall(t, B, "2026-03-07 12:00"), false, wall(t, B, "2026-03-09 09:00")},
		{"closed holiday", "bucharest", wall(t, B, "2026-12-25 11:00"), false, wall(t, B, "2026-12-28 09:00")},
		{"half-day holiday morning", "bucharest", wall(t, B, "2026-12-24 12:59"), true, wall(t, B, "2026-12-24 12:59")},
		{"half-day holiday afternoon", "bucharest", wall(t, B, "2026-12-24 14:00"), false, wall(t, B, "2026-12-28 09:00")},
		{"Monday after the spring change opens at 09:00 EEST", "bucharest", wall(t, B, "2026-03-28 10:00"), false, utc(t, "2026-03-30T06:00:00Z")},
		{"skipped opening resolves to the jump", "newYorkGap", wall(t, NY, "2026-03-08 00:30"), false, utc(t, "2026-03-08T07:00:00Z")},
		{"inside the repeated hour (second pass)", "newYorkNight", utc(t, "2026-11-01T06:30:00Z"), true, utc(t, "2026-11-01T06:30:00Z")},
		{"New York Friday night is Saturday in UTC", "newYork", wall(t, NY, "2026-03-13 20:00"), false, wall(t, NY, "2026-03-16 09:00")},
		{"Kolkata Saturday is open", "kolkata", wall(t, K, "2026-03-07 10:30"), true, wall(t, K, "2026-03-07 10:30")},
		{"Kolkata early morning in UTC terms", "kolkata", utc(t, "2026-03-09T04:29:00Z"), false, utc(t, "2026-03-09T04:30:00Z")},
		{"overnight: just after midnight", "overnight", wall(t, B, "2026-03-04 00:10"), true, wall(t, B, "2026-03-04 00:10")},
		{"overnight: mid-morning", "overnight", wall(t, B, "2026-03-04 09:00"), false, wall(t, B, "2026-03-04 20:00")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := cals[tc.cal]
			if got := c.IsOpen(tc.at); got != tc.open {
				t.Fatalf("IsOpen(%s) = %v", tc.at, got)
			}
			if got := c.NextOpen(tc.at); !got.Equal(tc.next) {
				t.Fatalf("NextOpen(%s) = %s, want %s", tc.at, got, tc.next)
			}
		})
	}
}

// TestAddThenMeasureRoundTrips checks, on many random starts and targets in
// every test calendar, that the time AddBusinessDuration gives is exactly the
// target when measured back, and that it never lands while closed (except at
// a closing instant).
func TestAddThenMeasureRoundTrips(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2))
	base := utc(t, "2026-01-01T00:00:00Z")
	for name, c := range testCalendars() {
		for i := 0; i < 400; i++ {
			start := base.Add(time.Duration(rng.Int64N(int64(365 * 24 * time.Hour)))).Truncate(time.Minute)
			d := time.Duration(1+rng.IntN(48*60)) * time.Minute
			due := c.AddBusinessDuration(start, d)
			if got := c.BusinessDuration(start, due); got != d {
				t.Fatalf("%s: start %s + %s = %s, measured back %s", name, start, d, due, got)
			}
			if !c.IsOpen(due.Add(-time.Minute)) && !c.IsOpen(due) {
				t.Fatalf("%s: due %s is not at or just after open time", name, due)
			}
		}
	}
}

func BenchmarkBusinessDurationOneDay(b *testing.B) {
	c := MustCalendar(DefaultCalendar("Europe/Bucharest"))
	from := time.Date(2026, 3, 6, 15, 30, 0, 0, time.UTC)
	to := from.Add(70 * time.Hour)
	for b.Loop() {
		_ = c.BusinessDuration(from, to)
	}
}
