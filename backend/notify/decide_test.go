package notify

import (
	"testing"
	"time"
)

func TestDecide(t *testing.T) {
	bucharest, _ := time.LoadLocation("Europe/Bucharest")
	kolkata, _ := time.LoadLocation("Asia/Kolkata")
	at := func(loc *time.Location, s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	def := DefaultSettings() // DND 22:00–08:00
	off := def
	off.Enabled = false
	noDND := def
	noDND.DND = false
	dangerOnly := def
	dangerOnly.HighIntent = false
	day := DefaultSettings()
	day.DNDStart, day.DNDEnd = 12*60, 13*60
	noon := at(bucharest, "2026-03-02 14:00")
	cases := []struct {
		name   string
		s      Settings
		c      Candidate
		now    time.Time
		loc    *time.Location
		reason string
	}{
		{"danger in the afternoon", def, Candidate{Inbound: true, SentAt: noon, Danger: true}, noon, bucharest, ReasonDanger},
		{"high intent", def, Candidate{Inbound: true, SentAt: noon, HighIntent: true}, noon, bucharest, ReasonHighIntent},
		{"priority threshold", def, Candidate{Inbound: true, SentAt: noon, Priority: 2}, noon, bucharest, ReasonHighIntent},
		{"below the threshold", def, Candidate{Inbound: true, SentAt: noon, Priority: 1}, noon, bucharest, ""},
		{"ordinary message", def, Candidate{Inbound: true, SentAt: noon}, noon, bucharest, ""},
		{"our own message", def, Candidate{SentAt: noon, Danger: true}, noon, bucharest, ""},
		{"switched off", off, Candidate{Inbound: true, SentAt: noon, Danger: true}, noon, bucharest, ""},
		{"high intent not wanted", dangerOnly, Candidate{Inbound: true, SentAt: noon, HighIntent: true}, noon, bucharest, ""},
		{"old history", def, Candidate{Inbound: true, SentAt: noon.Add(-time.Hour), Danger: true}, noon, bucharest, ""},
		{"DND late evening", def, Candidate{Inbound: true, SentAt: at(bucharest, "2026-03-02 23:10"), Danger: true}, at(bucharest, "2026-03-02 23:10"), bucharest, ""},
		{"DND after midnight", def, Candidate{Inbound: true, SentAt: at(bucharest, "2026-03-03 07:59"), Danger: true}, at(bucharest, "2026-03-03 07:59"), bucharest, ""},
		{"DND ends at 08:00", def, Candidate{Inbound: true, SentAt: at(bucharest, "2026-03-03 08:00"), Danger: true}, at(bucharest, "2026-03-03 08:00"), bucharest, ReasonDanger},
		{"just before DND", def, Candidate{Inbound: true, SentAt: at(bucharest, "2026-03-02 21:59"), Danger: true}, at(bucharest, "2026-03-02 21:59"), bucharest, ReasonDanger},
		{"DND off", noDND, Candidate{Inbound: true, SentAt: at(bucharest, "2026-03-02 23:10"), Danger: true}, at(bucharest, "2026-03-02 23:10"), bucharest, ReasonDanger},
		{"daytime DND", day, Candidate{Inbound: true, SentAt: at(bucharest, "2026-03-02 12:30"), Danger: true}, at(bucharest, "2026-03-02 12:30"), bucharest, ""},
		// 17:00 UTC is 22:30 in Kolkata (quiet) but 19:00 in Bucharest (not quiet).
		{"quiet hours follow the zone (Kolkata)", def, Candidate{Inbound: true, SentAt: time.Date(2026, 3, 2, 17, 0, 0, 0, time.UTC), Danger: true}, time.Date(2026, 3, 2, 17, 0, 0, 0, time.UTC), kolkata, ""},
		{"quiet hours follow the zone (Bucharest)", def, Candidate{Inbound: true, SentAt: time.Date(2026, 3, 2, 17, 0, 0, 0, time.UTC), Danger: true}, time.Date(2026, 3, 2, 17, 0, 0, 0, time.UTC), bucharest, ReasonDanger},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			reason, ok := Decide(tc.s, tc.c, tc.now, tc.loc)
			if ok != (tc.reason != "") || reason != tc.reason {
				t.Fatalf("Decide = %q, %v; want %q", reason, ok, tc.reason)
			}
		})
	}
	same := def
	same.DNDStart, same.DNDEnd = 600, 600
	if InQuietHours(same, noon, bucharest) {
		t.Fatal("equal start and end means no quiet hours")
	}
	if err := (Settings{DNDStart: -1}).Validate(); err == nil {
		t.Fatal("negative start accepted")
	}
}
