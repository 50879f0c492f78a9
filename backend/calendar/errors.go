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
