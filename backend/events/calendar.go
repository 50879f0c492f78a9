package events

// Topics of the calendar area.
const (
	// CalendarChanged carries CalendarChangedPayload when an item or one of its
	// publish jobs changed (published, failed, retried, rescheduled).
	CalendarChanged = "calendar.changed"
	// CalendarReminder carries CalendarReminderPayload when an item's time came
	// and a person has to act (post by hand, announce a live, start a live).
	CalendarReminder = "calendar.reminder"
)

// CalendarChangedPayload names the item (and job, when one) that changed.
type CalendarChangedPayload struct {
	ItemID int64
	JobID  int64
}

// CalendarReminderPayload names the item whose occurrence is due.
type CalendarReminderPayload struct {
	ItemID       int64
	OccurrenceAt int64
	Kind         string
}
