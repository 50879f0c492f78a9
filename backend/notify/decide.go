package notify

import "time"

// Settings are the user's notification preferences.
type Settings struct {
	// Enabled turns desktop notifications on.
	Enabled bool `json:"enabled"`
	// Danger notifies for conversations tagged or classified as danger.
	Danger bool `json:"danger"`
	// HighIntent notifies for high-intent conversations.
	HighIntent bool `json:"highIntent"`
	// MinPriority also counts a conversation of at least this priority as high
	// intent (0 = priority alone never notifies).
	MinPriority int `json:"minPriority"`
	// DND silences notifications daily from DNDStart to DNDEnd (minutes after
	// local midnight; a start after the end spans midnight).
	DND      bool `json:"dnd"`
	DNDStart int  `json:"dndStart"`
	DNDEnd   int  `json:"dndEnd"`
}

// DefaultSettings: on for danger and high intent, quiet from 22:00 to 08:00.
func DefaultSettings() Settings {
	return Settings{Enabled: true, Danger: true, HighIntent: true, MinPriority: 2, DND: true, DNDStart: 22 * 60, DNDEnd: 8 * 60}
}

// MaxAge is how old a message may be and still notify: history arriving in a
// first sync or after the computer slept is not news.
const MaxAge = 15 * time.Minute

// Candidate is a newly stored message and what is known of its conversation.
type Candidate struct {
	// Inbound is false for our own messages.
	Inbound bool
	// SentAt is when the customer wrote it.
	SentAt time.Time
	// Danger: the conversation carries the danger tag or label.
	Danger bool
	// HighIntent: a high-intent label or tag (see sla.Subject.HighIntent).
	HighIntent bool
	Priority   int
}

// Reasons a message notifies.
const (
	ReasonDanger     = "danger"
	ReasonHighIntent = "highIntent"
)

// Decide says whether c should notify at now, and why. loc is the zone the
// do-not-disturb hours are read in.
func Decide(s Settings, c Candidate, now time.Time, loc *time.Location) (reason string, ok bool) {
	reason, ok = urgent(s, c, now)
	if !ok || s.DND && InQuietHours(s, now, loc) {
		return "", false
	}
	return reason, true
}

// urgent says whether c deserves a notification at now, quiet hours aside.
func urgent(s Settings, c Candidate, now time.Time) (reason string, ok bool) {
	if !s.Enabled || !c.Inbound || now.Sub(c.SentAt) > MaxAge || c.SentAt.After(now.Add(MaxAge)) {
		return "", false
	}
	switch {
	case s.Danger && c.Danger:
		return ReasonDanger, true
	case s.HighIntent && (c.HighIntent || (s.MinPriority > 0 && c.Priority >= s.MinPriority)):
		return ReasonHighIntent, true
	}
	return "", false
}

// InQuietHours reports whether now falls in the do-not-disturb hours.
func InQuietHours(s Settings, now time.Time, loc *time.Location) bool {
	if loc == nil {
		loc = time.UTC
	}
	l := now.In(loc)
	m := l.Hour()*60 + l.Minute()
	switch {
	case s.DNDStart == s.DNDEnd:
		return false
	case s.DNDStart < s.DNDEnd:
		return m >= s.DNDStart && m < s.DNDEnd
	}
	return m >= s.DNDStart || m < s.DNDEnd // spans midnight
}

// Validate checks the hours.
func (s Settings) Validate() error {
	if s.DNDStart < 0 || s.DNDStart >= 24*60 || s.DNDEnd < 0 || s.DNDEnd > 24*60 || s.MinPriority < 0 {
		return errBadSettings
	}
	return nil
}

// errBadSettings: hours out of range (the UI never sends them).
var errBadSettings = &settingsError{}

type settingsError struct{}

func (*settingsError) Error() string { return "notify: do-not-disturb hours out of range" }

// ErrorKey implements app.KeyedError.
func (*settingsError) ErrorKey() (code, key string, args map[string]string) {
	return "invalid_input", "errors.notify.badHours", nil
}
