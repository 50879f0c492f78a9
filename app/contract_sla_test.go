package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"creatordesk/backend/notify"
	"creatordesk/backend/sla"
)

func init() {
	for ts, dto := range map[string]any{
		"SlaShift": SlaShiftDTO{}, "SlaHoliday": SlaHolidayDTO{}, "SlaCalendar": SlaCalendarDTO{}, "SlaPolicy": SlaPolicyDTO{},
		"SlaSettings": SlaSettingsDTO{}, "SlaPreviewRequest": SlaPreviewRequest{}, "SlaPreview": SlaPreviewDTO{},
		"SlaAway": SlaAwayDTO{}, "SlaAwayPreview": SlaAwayPreviewDTO{}, "SlaStateInfo": SlaStateDTO{},
		"NotificationSettings": NotificationSettingsDTO{}, "NotificationTest": NotificationTestDTO{},
	} {
		contractPairs[ts] = dto
	}
}

// TestSlaFacadeRoundTrips drives the Response times tab's calls on a real workspace.
func TestSlaFacadeRoundTrips(t *testing.T) {
	s, _, _, _ := newSession(t)
	api := NewSla(s)
	got, err := api.GetSettings()
	if err != nil || len(got.Calendar.Week) != 7 || len(got.Policies) != 3 || got.Policies[0].Preset != "highIntentDm" || len(got.Zones) < 20 {
		t.Fatalf("settings %+v %v", got, err)
	}

	cal := SlaCalendarDTO{TimeZone: "America/New_York", Week: make([][]SlaShiftDTO, 7),
		Holidays: []SlaHolidayDTO{{Date: "2026-11-26", Name: "Thanksgiving"}}}
	for d := 1; d <= 5; d++ {
		cal.Week[d] = []SlaShiftDTO{{Start: "09:00", End: "12:00"}, {Start: "13:00", End: "17:00"}}
	}
	saved, err := api.SaveCalendar(cal)
	if err != nil || saved.TimeZone != "America/New_York" || len(saved.Week[1]) != 2 || saved.Holidays[0].Name != "Thanksgiving" {
		t.Fatalf("save calendar %+v %v", saved, err)
	}

	// A Friday 16:30 DM under "Other DMs" (24 business hours, 7 h a day): half an hour on Friday, 21 h
	// Monday to Wednesday, and the last 2.5 h on Thursday morning: due Thursday 11:30.
	p, err := api.Preview(SlaPreviewRequest{Kind: "dm", At: "2026-03-06T16:30"})
	if err != nil || !p.Matched || p.PolicyPreset != "otherDm" || p.DueAt != "2026-03-12T11:30:00-04:00" || !p.OpenAt {
		t.Fatalf("preview %+v %v", p, err)
	}
	p, _ = api.Preview(SlaPreviewRequest{Kind: "dm", Intent: "high", At: "2026-03-06T23:30"})
	if p.PolicyPreset != "highIntentDm" || p.OpenAt || p.NextOpen != "2026-03-09T09:00:00-04:00" || p.DueAt != "2026-03-09T10:00:00-04:00" {
		t.Fatalf("high-intent preview %+v", p)
	}

	// Translated refusals.
	bad := cal
	bad.Week = append([][]SlaShiftDTO(nil), cal.Week...)
	bad.Week[2] = []SlaShiftDTO{{Start: "09:00", End: "13:00"}, {Start: "12:00", End: "17:00"}}
	for name, c := range map[string]SlaCalendarDTO{
		"errors.sla.overlap":           bad,
		"errors.sla.unknownZone":       {TimeZone: "Atlantis/Capital", Week: cal.Week},
		"errors.sla.closesBeforeOpens": {TimeZone: "UTC", Week: [][]SlaShiftDTO{{}, {{Start: "18:00", End: "09:00"}}, {}, {}, {}, {}, {}}},
		"errors.sla.badTime":           {TimeZone: "UTC", Week: [][]SlaShiftDTO{{}, {{Start: "9am", End: "17:00"}}, {}, {}, {}, {}, {}}},
	} {
		if _, err := api.SaveCalendar(c); ToAppError(err).Key != name {
			t.Errorf("%s: got %v", name, err)
		}
	}
	if _, err := api.SaveCalendar(SlaCalendarDTO{TimeZone: "UTC", Week: [][]SlaShiftDTO{{}}}); ToAppError(err).Key != "errors.invalidInput" {
		t.Errorf("short week: %v", err)
	}

	pols := got.Policies
	pols[2].TargetMinutes = 0
	if _, err := api.SavePolicies(pols); ToAppError(err).Key != "errors.sla.badTarget" {
		t.Fatalf("bad target: %v", err)
	}
	pols[2].TargetMinutes = 480
	pols = append(pols, SlaPolicyDTO{Name: "Danger", Tag: "danger", TargetMinutes: 15, WarnPercent: 50, BusinessHours: false, Enabled: true})
	out, err := api.SavePolicies(pols)
	if err != nil || len(out) != 4 || out[2].TargetMinutes != 480 || out[3].Name != "Danger" || out[3].ID == 0 {
		t.Fatalf("save policies %+v %v", out, err)
	}

	away, _ := api.GetAway()
	if away.Enabled || away.Defaults["ro"] == "" || len(away.Texts) != 5 {
		t.Fatalf("away defaults %+v", away)
	}
	if _, err := api.SaveAway(SlaAwayDTO{Enabled: true, Texts: map[string]string{"en": "Back soon."}}); ToAppError(err).Key != "errors.sla.missingPlaceholder" {
		t.Fatalf("placeholder: %v", err)
	}
	away, err = api.SaveAway(SlaAwayDTO{Enabled: true, Texts: map[string]string{"en": "Back {next}!", "ro": sla.DefaultAwayTexts["ro"]}})
	if err != nil || !away.Enabled || away.Texts["en"] != "Back {next}!" || away.Texts["ro"] != "" {
		t.Fatalf("save away %+v %v", away, err)
	}
	pv, err := api.PreviewAway("hi", "")
	if err != nil || pv.Language != "hi" || !strings.Contains(pv.Text, "UTC-") || strings.Contains(pv.Text, "{next}") {
		t.Fatalf("away preview %+v %v", pv, err)
	}
	if pv, _ := api.PreviewAway("en", "Draft {next}"); !strings.HasPrefix(pv.Text, "Draft ") {
		t.Fatalf("draft preview %+v", pv)
	}

	states, err := api.States([]int64{12345})
	if err != nil || len(states) != 1 || states[0].State != sla.StateNone || states[0].DueAt != "" {
		t.Fatalf("states %+v %v", states, err)
	}
}

func TestNotificationsFacade(t *testing.T) {
	s, _, _, _ := newSession(t)
	api := NewNotifications(s)
	var shown []notify.Notification
	s.Workspace().SLA().SetNotifier(notify.Func{Label: "wails", Send: func(_ context.Context, n notify.Notification) error {
		shown = append(shown, n)
		return nil
	}})
	got, err := api.Get()
	if err != nil || !got.Enabled || got.DndStart != "22:00" || got.DndEnd != "08:00" || got.Mechanism != "wails" {
		t.Fatalf("defaults %+v %v", got, err)
	}
	got.DndStart, got.DndEnd, got.HighIntent = "23:30", "07:15", false
	saved, err := api.Save(got)
	if err != nil || saved.DndStart != "23:30" || saved.DndEnd != "07:15" || saved.HighIntent {
		t.Fatalf("save %+v %v", saved, err)
	}
	got.DndStart = "25:00"
	if _, err := api.Save(got); ToAppError(err).Key != "errors.sla.badTime" {
		t.Fatalf("bad hours: %v", err)
	}
	if res, err := api.Test(); err != nil || !res.Delivered || len(shown) != 1 {
		t.Fatalf("test %+v %v", res, err)
	}
	s.Workspace().SLA().SetNotifier(notify.Unsupported{})
	_, err = api.Test()
	if ae := ToAppError(err); ae.Key != "errors.notify.unsupported" || !errors.Is(err, notify.ErrUnsupported) {
		t.Fatalf("unsupported: %+v", ae)
	}
}
