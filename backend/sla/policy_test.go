package sla

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCalendarValidation(t *testing.T) {
	ok := DefaultCalendar("Europe/Bucharest")
	cases := []struct {
		name   string
		edit   func(c *CalendarConfig)
		reason string
	}{
		{"unknown zone", func(c *CalendarConfig) { c.TimeZone = "Mars/Olympus" }, ReasonUnknownZone},
		{"empty zone", func(c *CalendarConfig) { c.TimeZone = "" }, ReasonUnknownZone},
		{"closing before opening", func(c *CalendarConfig) { c.Week[time.Monday] = []Shift{{hm(18, 0), hm(9, 0)}} }, ReasonClosesBeforeOpens},
		{"empty shift", func(c *CalendarConfig) { c.Week[time.Monday] = []Shift{{hm(9, 0), hm(9, 0)}} }, ReasonClosesBeforeOpens},
		{"overlapping shifts", func(c *CalendarConfig) {
			c.Week[time.Tuesday] = []Shift{{hm(13, 0), hm(18, 0)}, {hm(9, 0), hm(13, 30)}}
		}, ReasonOverlap},
		{"past midnight", func(c *CalendarConfig) { c.Week[time.Monday] = []Shift{{hm(9, 0), 25 * 60}} }, ReasonBadTime},
		{"never open", func(c *CalendarConfig) { c.Week = [7][]Shift{} }, ReasonNoHours},
		{"bad holiday date", func(c *CalendarConfig) { c.Holidays = []Holiday{{Date: "2026-02-30"}} }, ReasonBadDate},
		{"duplicate holiday", func(c *CalendarConfig) { c.Holidays = []Holiday{{Date: "2026-12-25"}, {Date: "2026-12-25"}} }, ReasonDuplicateHoliday},
		{"holiday hours overlap", func(c *CalendarConfig) {
			c.Holidays = []Holiday{{Date: "2026-12-24", Shifts: []Shift{{hm(9, 0), hm(12, 0)}, {hm(11, 0), hm(13, 0)}}}}
		}, ReasonOverlap},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ok
			c.Week = ok.Week
			tc.edit(&c)
			_, err := NewCalendar(c)
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Reason != tc.reason {
				t.Fatalf("got %v, want reason %s", err, tc.reason)
			}
			if _, key, args := ve.ErrorKey(); key != "errors.sla."+tc.reason || args == nil {
				t.Fatalf("key %s", key)
			}
		})
	}
	adjacent := DefaultCalendar("Asia/Kolkata")
	adjacent.Week[time.Monday] = []Shift{{hm(13, 0), MinutesPerDay}, {hm(9, 0), hm(13, 0)}}
	if _, err := NewCalendar(adjacent); err != nil {
		t.Fatalf("adjacent shifts refused: %v", err)
	}
}

func TestParseClock(t *testing.T) {
	for in, want := range map[string]int{"00:00": 0, "09:30": 570, "24:00": 1440, "23:59": 1439} {
		if got, err := ParseClock(in); err != nil || got != want {
			t.Errorf("ParseClock(%q) = %d, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "9:30", "24:01", "12:60", "ab:cd", "-1:00"} {
		if _, err := ParseClock(bad); err == nil {
			t.Errorf("ParseClock(%q) accepted", bad)
		}
	}
	if FormatClock(1440) != "24:00" || FormatClock(545) != "09:05" {
		t.Fatal("FormatClock")
	}
}

func TestPolicyMatching(t *testing.T) {
	policies := DefaultPolicies()
	for i := range policies {
		policies[i].ID = int64(i + 1)
	}
	danger := Policy{ID: 9, Name: "danger", Tag: "danger", Target: 15 * time.Minute, WarnPercent: 50, Enabled: true}
	list := append([]Policy{danger}, policies...)
	cases := []struct {
		name string
		s    Subject
		want int64
	}{
		{"high priority DM", Subject{Kind: KindDM, Priority: 2}, 1},
		{"purchase intent DM", Subject{Kind: KindDM, Intent: "Purchase"}, 1},
		{"sales-tagged DM", Subject{Kind: KindDM, Tags: []string{"Sales"}}, 1},
		{"plain DM", Subject{Kind: KindDM, Priority: 1}, 3},
		{"comment", Subject{Kind: KindComment, Priority: 5}, 2},
		{"danger first whatever the kind", Subject{Kind: KindComment, Tags: []string{"danger"}}, 9},
		{"unknown kind", Subject{Kind: "review"}, 0},
	}
	for _, tc := range cases {
		p, ok := Match(list, tc.s)
		if (tc.want == 0) == ok || (ok && p.ID != tc.want) {
			t.Errorf("%s: matched %d (%v), want %d", tc.name, p.ID, ok, tc.want)
		}
	}
	disabled := policies[0]
	disabled.Enabled = false
	if disabled.Matches(Subject{Kind: KindDM, Priority: 3}) {
		t.Fatal("a disabled policy matched")
	}
	onlyP3 := Policy{MinPriority: 3, Enabled: true}
	if onlyP3.Matches(Subject{Priority: 2}) || !onlyP3.Matches(Subject{Priority: 3}) {
		t.Fatal("min priority")
	}
}

func TestPolicyValidation(t *testing.T) {
	good := Policy{Kind: KindDM, Target: time.Hour, WarnPercent: 75}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]Policy{
		ReasonBadKind:   {Kind: "email", Target: time.Hour, WarnPercent: 75},
		ReasonBadTarget: {Target: 30 * time.Second, WarnPercent: 75},
		ReasonBadWarn:   {Target: time.Hour, WarnPercent: 100},
	} {
		var ve *ValidationError
		if err := p.Validate(); !errors.As(err, &ve) || ve.Reason != name {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestDeadlines(t *testing.T) {
	cal := MustCalendar(DefaultCalendar("Europe/Bucharest"))
	start := wall(t, "Europe/Bucharest", "2026-03-06 17:00")
	business := Policy{Target: 2 * time.Hour, WarnPercent: 75, BusinessHours: true}
	warn, due := business.Deadlines(cal, start)
	if !warn.Equal(wall(t, "Europe/Bucharest", "2026-03-09 09:30")) || !due.Equal(wall(t, "Europe/Bucharest", "2026-03-09 10:00")) {
		t.Fatalf("business deadlines %s %s", warn, due)
	}
	calendar := business
	calendar.BusinessHours = false
	warn, due = calendar.Deadlines(cal, start)
	if !warn.Equal(start.Add(90*time.Minute)) || !due.Equal(start.Add(2*time.Hour)) {
		t.Fatalf("calendar deadlines %s %s", warn, due)
	}
}

func TestTimerRules(t *testing.T) {
	cal := MustCalendar(DefaultCalendar("Europe/Bucharest"))
	B := "Europe/Bucharest"
	p := &Policy{ID: 7, Target: time.Hour, WarnPercent: 75, BusinessHours: true, Enabled: true}
	msg := wall(t, B, "2026-03-02 10:00")
	running := Timer{State: StateOK, PolicyID: 7, StartedAt: msg, WarnAt: msg.Add(45 * time.Minute), DueAt: msg.Add(time.Hour)}
	cases := []struct {
		name   string
		now    time.Time
		f      Facts
		policy *Policy
		want   string
		due    time.Time
	}{
		{"a customer message starts the timer", wall(t, B, "2026-03-02 10:05"), Facts{Status: "open", WaitingSince: msg}, p, StateOK, msg.Add(time.Hour)},
		{"warning at 75 %", wall(t, B, "2026-03-02 10:45"), Facts{Status: "open", WaitingSince: msg}, p, StateWarning, msg.Add(time.Hour)},
		{"breached when due passes", wall(t, B, "2026-03-02 11:00"), Facts{Status: "open", WaitingSince: msg}, p, StateBreached, msg.Add(time.Hour)},
		{"pending still counts", wall(t, B, "2026-03-02 10:05"), Facts{Status: "pending", WaitingSince: msg}, p, StateOK, msg.Add(time.Hour)},
		{"a reply stops it: met", wall(t, B, "2026-03-02 10:30"), Facts{Status: "open", LastReplyAt: wall(t, B, "2026-03-02 10:20"), Previous: running}, p, StateMet, msg.Add(time.Hour)},
		{"met stays met", wall(t, B, "2026-03-02 12:30"), Facts{Status: "open", LastReplyAt: wall(t, B, "2026-03-02 10:20"), Previous: Timer{State: StateMet, DueAt: msg.Add(time.Hour), AnsweredAt: wall(t, B, "2026-03-02 10:20")}}, p, StateMet, msg.Add(time.Hour)},
		{"resolved stops it", wall(t, B, "2026-03-02 10:30"), Facts{Status: "resolved", WaitingSince: msg, Previous: running}, p, StateNone, time.Time{}},
		{"snoozed stops it", wall(t, B, "2026-03-02 10:30"), Facts{Status: "snoozed", WaitingSince: msg, Previous: running}, p, StateNone, time.Time{}},
		{"no policy, no timer", wall(t, B, "2026-03-02 10:30"), Facts{Status: "open", WaitingSince: msg}, nil, StateNone, time.Time{}},
		{"imported archives are not timed", wall(t, B, "2026-03-02 10:30"), Facts{Status: "open", Archived: true, WaitingSince: msg}, p, StateNone, time.Time{}},
		{"history older than a week is not chased", msg.Add(MaxWait + time.Minute), Facts{Status: "open", WaitingSince: msg}, p, StateNone, time.Time{}},
		{"nothing ever waited", wall(t, B, "2026-03-02 10:30"), Facts{Status: "open"}, p, StateNone, time.Time{}},
		{"a 23:30 message is ok until the next morning", wall(t, B, "2026-03-03 08:00"), Facts{Status: "open", WaitingSince: wall(t, B, "2026-03-02 23:30")}, p, StateOK, wall(t, B, "2026-03-03 10:00")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Evaluate(tc.now, tc.f, tc.policy, cal)
			if got.State != tc.want || !got.DueAt.Equal(tc.due) {
				t.Fatalf("got %s due %s, want %s due %s", got.State, got.DueAt, tc.want, tc.due)
			}
			if got.State == StateMet && !got.AnsweredAt.Equal(tc.f.LastReplyAt) {
				t.Fatalf("answered at %s", got.AnsweredAt)
			}
		})
	}
}

func TestAwayText(t *testing.T) {
	next := wall(t, "Europe/Bucharest", "2026-03-09 09:00")
	want := map[string]string{
		"en":      "Monday 9 March, 09:00 (UTC+2)",
		"ro":      "luni, 9 martie, 09:00 (UTC+2)",
		"zh-Hans": "3月9日（星期一）09:00（UTC+2）",
		"zh-Hant": "3月9日（星期一）09:00（UTC+2）",
		"hi":      "सोमवार, 9 मार्च, 09:00 (UTC+2)",
	}
	for lang, w := range want {
		if got := FormatOpening(lang, next); got != w {
			t.Errorf("%s: %q", lang, got)
		}
		text := AwaySettings{}.Text(lang, next)
		if !strings.Contains(text, w) || strings.Contains(text, NextPlaceholder) {
			t.Errorf("%s default text %q", lang, text)
		}
	}
	if got := FormatOpening("en", wall(t, "Asia/Kolkata", "2026-03-09 10:00")); got != "Monday 9 March, 10:00 (UTC+5:30)" {
		t.Errorf("Kolkata: %q", got)
	}
	if got := FormatOpening("en", wall(t, "America/New_York", "2026-03-09 09:00")); !strings.HasSuffix(got, "(UTC-4)") {
		t.Errorf("New York: %q", got)
	}
	custom := AwaySettings{Texts: map[string]string{"ro": "Revenim {next}!"}}
	if got := custom.Text("ro-RO", next); got != "Revenim luni, 9 martie, 09:00 (UTC+2)!" {
		t.Errorf("custom: %q", got)
	}
	if got := custom.Text("xx", next); !strings.HasPrefix(got, "Thanks") {
		t.Errorf("unknown language falls back to English: %q", got)
	}
	var ve *ValidationError
	if err := (AwaySettings{Texts: map[string]string{"en": "We are away."}}).Validate(); !errors.As(err, &ve) || ve.Reason != ReasonMissingPlaceholder {
		t.Errorf("missing placeholder: %v", err)
	}
	if err := (AwaySettings{Texts: map[string]string{"fr": "{next}"}}).Validate(); !errors.As(err, &ve) || ve.Reason != ReasonBadLanguage {
		t.Errorf("bad language: %v", err)
	}
	if err := (AwaySettings{Texts: map[string]string{"en": strings.Repeat("a", MaxAwayText) + "{next}"}}).Validate(); !errors.As(err, &ve) || ve.Reason != ReasonTooLong {
		t.Errorf("too long: %v", err)
	}
	for in, out := range map[string]string{"zh-TW": "zh-Hant", "zh_CN": "zh-Hans", "zh-hans": "zh-Hans", "RO": "ro", "hi-IN": "hi", "en-GB": "en", "de": ""} {
		if got := NormalizeLanguage(in); got != out {
			t.Errorf("NormalizeLanguage(%q) = %q", in, got)
		}
	}
	if PickLanguage("", "de", "hi") != "hi" || PickLanguage() != "en" {
		t.Error("PickLanguage")
	}
}

func TestCommonZonesLoad(t *testing.T) {
	for _, z := range CommonZones {
		if !ValidZone(z) {
			t.Errorf("zone %s does not load", z)
		}
	}
	if ValidZone("Local") || ValidZone("") || ValidZone("Mars/Olympus") {
		t.Error("invalid zones accepted")
	}
}
