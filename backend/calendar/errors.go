package calendar

import "fmt"

// InvalidError: a field of an item, live or message is missing or wrong.
type InvalidError struct {
	Field string
}

// Error implements error.
func (e *InvalidError) Error() string { return fmt.Sprintf("calendar: invalid %s", e.Field) }

// ErrorKey names the translation.
func (e *InvalidError) ErrorKey() (string, string, map[string]string) {
	return "calendar_invalid", "errors.calendar.invalid", map[string]string{"field": e.Field}
}

// CaptionTooLongError: the caption is longer than the platform allows.
type CaptionTooLongError struct {
	Platform string
	Max, Got int
}

// Error implements error.
func (e *CaptionTooLongError) Error() string {
	return fmt.Sprintf("calendar: the caption has %d characters, %s allows %d", e.Got, e.Platform, e.Max)
}

// ErrorKey names the translation.
func (e *CaptionTooLongError) ErrorKey() (string, string, map[string]string) {
	return "calendar_caption_too_long", "errors.calendar.captionTooLong",
		map[string]string{"platform": e.Platform, "max": fmt.Sprint(e.Max), "got": fmt.Sprint(e.Got)}
}

// NotFoundError: the item, live or task does not exist (any more).
type NotFoundError struct{ What string }

// Error implements error.
func (e *NotFoundError) Error() string { return "calendar: " + e.What + " not found" }

// ErrorKey names the translation.
func (e *NotFoundError) ErrorKey() (string, string, map[string]string) {
	return "calendar_not_found", "errors.calendar.notFound", map[string]string{"what": e.What}
}

// EnrollRefusedError: a conversation cannot be enrolled in a sequence
// (Reason: noContact, notDirect, noConsent, optedOut, archived or missingTokens).
type EnrollRefusedError struct {
	Reason string
	Args   map[string]string
}

// Error implements error.
func (e *EnrollRefusedError) Error() string { return "calendar: enrolment refused (" + e.Reason + ")" }

// ErrorKey names the translation: errors.calendar.enroll.<reason>.
func (e *EnrollRefusedError) ErrorKey() (string, string, map[string]string) {
	return "calendar_enroll_refused", "errors.calendar.enroll." + e.Reason, e.Args
}

// NotPendingError: a scheduled message is no longer waiting (it was sent,
// refused or cancelled meanwhile), so it cannot be cancelled.
type NotPendingError struct{ State string }

// Error implements error.
func (e *NotPendingError) Error() string {
	return "calendar: the message is " + e.State + ", not waiting"
}

// ErrorKey names the translation.
func (e *NotPendingError) ErrorKey() (string, string, map[string]string) {
	return "calendar_not_pending", "errors.calendar.notPending", map[string]string{"state": e.State}
}
