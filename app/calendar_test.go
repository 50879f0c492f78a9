package app

import (
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
)

func TestCalendarFacadeCreateMoveRangeExport(t *testing.T) {
	s, _, _, _ := newSession(t)
	cal := NewCalendar(s)
	start := time.Now().UTC().Add(48 * time.Hour).Truncate(time.Hour)
	item, err := cal.Create(CalendarItemInput{Kind: "post", Platform: "bluesky", Status: "draft", Title: "Linen care reel",
		Caption: "Wash cold", Start: start.Format(time.RFC3339), TimeZone: "Europe/Bucharest", Pillar: "education"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cal.Create(CalendarItemInput{Kind: "post", Platform: "bluesky", Status: "scheduled", Caption: strings.Repeat("x", 301),
		Start: start.Format(time.RFC3339)}); err == nil || ToAppError(err).Key != "errors.calendar.captionTooLong" {
		t.Fatalf("too long caption: %v", err)
	}
	moved, err := cal.Move(MoveRequest{ID: item.ID, OccurrenceAt: item.Start, Start: start.Add(24 * time.Hour).Format(time.RFC3339)})
	if err != nil || moved.Start != start.Add(24*time.Hour).Format(time.RFC3339) {
		t.Fatalf("moved %+v %v", moved, err)
	}
	if _, err := cal.SetCadence("education", 3); err != nil {
		t.Fatal(err)
	}
	r, err := cal.Range(start.Add(-7*24*time.Hour).Format(time.RFC3339), start.Add(7*24*time.Hour).Format(time.RFC3339), "Europe/Bucharest")
	if err != nil || len(r.Events) != 1 || r.Events[0].Item.Title != "Linen care reel" || len(r.Cadence) == 0 {
		t.Fatalf("range %+v %v", r, err)
	}
	text, err := cal.ExportICS("", "")
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := ical.NewDecoder(strings.NewReader(text)).Decode()
	if err != nil || len(parsed.Events()) != 1 {
		t.Fatalf("ics: %v\n%s", err, text)
	}
	if _, err := cal.Range("yesterday", "", ""); ToAppError(err).Key != "errors.invalidInput" {
		t.Fatalf("bad range: %v", err)
	}
}

func TestChecklistFacadeWeekAndComplete(t *testing.T) {
	s, _, _, _ := newSession(t)
	cl := NewChecklist(s)
	w, err := cl.Week("2026-03-02")
	if err != nil || len(w.Tasks) == 0 {
		t.Fatalf("week %+v %v", w, err)
	}
	var inbox ChecklistTaskDTO
	for _, task := range w.Tasks {
		if task.TitleKey == "clearWaitingDms" {
			inbox = task
			break
		}
	}
	if inbox.Link != "#/inbox?status=open&waiting=24h" {
		t.Fatalf("inbox task %+v", inbox)
	}
	done, err := cl.Complete(inbox.ID, true, "12 answered")
	if err != nil || !done.Done || done.ResultNote != "12 answered" || done.DoneBy != s.Actor() {
		t.Fatalf("done %+v %v", done, err)
	}
	if _, err := cl.Week("2026-03-03"); ToAppError(err).Key != "errors.checklist.invalid" {
		t.Fatalf("tuesday: %v", err)
	}
}
