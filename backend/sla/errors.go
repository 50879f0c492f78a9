package sla

import "fmt"

// Reasons a calendar or policy is refused; each is an i18n key under errors.sla.*.
const (
	ReasonUnknownZone        = "unknownZone"
	ReasonNoHours            = "noHours"
	ReasonBadTime            = "badTime"
	ReasonClosesBeforeOpens  = "closesBeforeOpens"
	ReasonOverlap            = "overlap"
	ReasonBadDate            = "badDate"
	ReasonDuplicateHoliday   = "duplicateHoliday"
	ReasonBadTarget          = "badTarget"
	ReasonBadWarn            = "badWarn"
	ReasonBadKind            = "badKind"
	ReasonBadLanguage        = "badLanguage"
	ReasonMissingPlaceholder = "missingPlaceholder"
	ReasonTooLong            = "tooLong"
)

// ValidationError says what is wrong with a calendar, policy or setting the
// user entered. It implements app.KeyedError (errors.sla.<reason>).
type ValidationError struct {
	Reason string
	// Field names where the problem is (a weekday, a date, a policy name...).
	Field string
	// Value is the offending input, shown to the user.
	Value string
}

// Error implements error.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("sla: %s (%s %q)", e.Reason, e.Field, e.Value)
}

// ErrorKey implements app.KeyedError.
func (e *ValidationError) ErrorKey() (code, key string, args map[string]string) {
	return "sla_invalid", "errors.sla." + e.Reason, map[string]string{"field": e.Field, "value": e.Value}
}
