package workspace

import (
	"creatordesk/backend/calendar"
	"creatordesk/backend/checklist"
)

// calendarService is the Service name of the calendar module.
const calendarService = "calendar"

// checklistService is the Service name of the weekly checklist.
const checklistService = "checklist"

func init() {
	registerModule(Module{Name: calendarService, Start: startCalendar, SeedDemo: seedCalendarDemo})
}

// startCalendar wires the content calendar, the publish scheduler, live
// sessions and scheduled messages (sent through w.Inbox, the send gate), and
// the weekly checklist; the scheduler and messenger stop with the workspace.
func startCalendar(w *Workspace) (func(), error) {
	area := calendar.NewArea(w.Store, w.Engine, w.Inbox, w.Bus, w.Log, w.ID, w.Store.Now)
	w.SetService(calendarService, area)
	w.SetService(checklistService, &checklist.Service{Store: w.Store})
	return area.Start(w.Context())
}

// Calendar returns the calendar area's services (nil before the module started).
func (w *Workspace) Calendar() *calendar.Area {
	a, _ := w.Service(calendarService).(*calendar.Area)
	return a
}

// Checklist returns the weekly checklist service.
func (w *Workspace) Checklist() *checklist.Service {
	c, _ := w.Service(checklistService).(*checklist.Service)
	return c
}
