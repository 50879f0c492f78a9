package app

// SlaShiftDTO is one opening of a day, "HH:MM" to "HH:MM" (24:00 allowed as an end).
type SlaShiftDTO struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// SlaHolidayDTO is a date with other hours: closed when shifts is empty.
type SlaHolidayDTO struct {
	Date   string        `json:"date"`
	Name   string        `json:"name"`
	Shifts []SlaShiftDTO `json:"shifts"`
}

// SlaCalendarDTO is the business calendar: an IANA zone, the shifts of each
// weekday (week[0] is Sunday ... week[6] Saturday) and the holidays.
type SlaCalendarDTO struct {
	TimeZone string          `json:"timeZone"`
	Week     [][]SlaShiftDTO `json:"week"`
	Holidays []SlaHolidayDTO `json:"holidays"`
}

// SlaPolicyDTO is one response-time target. Preset names a built-in policy
// the UI shows a translated name for (name is then ""). Kind is "", "dm" or
// "comment"; intent is "", "high" or a classifier label.
type SlaPolicyDTO struct {
	ID            int64  `json:"id"`
	Name          string `json:"name"`
	Preset        string `json:"preset"`
	Kind          string `json:"kind"`
	Intent        string `json:"intent"`
	Tag           string `json:"tag"`
	MinPriority   int    `json:"minPriority"`
	TargetMinutes int    `json:"targetMinutes"`
	BusinessHours bool   `json:"businessHours"`
	WarnPercent   int    `json:"warnPercent"`
	Enabled       bool   `json:"enabled"`
}

// SlaSettingsDTO is the Response times tab's data.
type SlaSettingsDTO struct {
	Calendar SlaCalendarDTO `json:"calendar"`
	Policies []SlaPolicyDTO `json:"policies"`
	// Zones are the time zones the picker offers first.
	Zones []string `json:"zones"`
	// OpenNow says whether the business is open at this moment; NextChange is
	// when that changes (RFC 3339, in the calendar's zone).
	OpenNow    bool   `json:"openNow"`
	NextChange string `json:"nextChange"`
}

// SlaPreviewRequest asks when a message arriving at At would be due. At is
// "YYYY-MM-DDTHH:MM" on the calendar's wall clock, or RFC 3339.
type SlaPreviewRequest struct {
	Kind     string `json:"kind"`
	Intent   string `json:"intent"`
	Tag      string `json:"tag"`
	Priority int    `json:"priority"`
	At       string `json:"at"`
}

// SlaPreviewDTO is the answer: the policy that applies and when the reply is due.
type SlaPreviewDTO struct {
	Matched       bool   `json:"matched"`
	PolicyID      int64  `json:"policyId"`
	PolicyName    string `json:"policyName"`
	PolicyPreset  string `json:"policyPreset"`
	TargetMinutes int    `json:"targetMinutes"`
	BusinessHours bool   `json:"businessHours"`
	TimeZone      string `json:"timeZone"`
	At            string `json:"at"`
	OpenAt        bool   `json:"openAt"`
	NextOpen      string `json:"nextOpen"`
	WarnAt        string `json:"warnAt"`
	DueAt         string `json:"dueAt"`
}

// SlaAwayDTO is the out-of-hours acknowledgement: on or off, the user's text
// per language ("" = the default) and the defaults, with {next} for the next opening.
type SlaAwayDTO struct {
	Enabled  bool              `json:"enabled"`
	Texts    map[string]string `json:"texts"`
	Defaults map[string]string `json:"defaults"`
}

// SlaAwayPreviewDTO is the acknowledgement a customer writing now in Language would get.
type SlaAwayPreviewDTO struct {
	Language string `json:"language"`
	Text     string `json:"text"`
	NextOpen string `json:"nextOpen"`
}

// SlaStateDTO is a conversation's response timer as the inbox row shows it
// (the SlaBadge component's props): state none|ok|warning|breached|met and the
// due time ("" when none).
type SlaStateDTO struct {
	ConversationID int64  `json:"conversationId"`
	PolicyID       int64  `json:"policyId"`
	State          string `json:"state"`
	DueAt          string `json:"dueAt"`
}

// NotificationSettingsDTO are the notification preferences; quiet hours as "HH:MM".
// Mechanism says how notifications are shown here: dbus, wails or none.
type NotificationSettingsDTO struct {
	Enabled     bool   `json:"enabled"`
	Danger      bool   `json:"danger"`
	HighIntent  bool   `json:"highIntent"`
	MinPriority int    `json:"minPriority"`
	Dnd         bool   `json:"dnd"`
	DndStart    string `json:"dndStart"`
	DndEnd      string `json:"dndEnd"`
	Mechanism   string `json:"mechanism"`
}

// NotificationTestDTO reports a delivered test notification.
type NotificationTestDTO struct {
	Delivered bool   `json:"delivered"`
	Mechanism string `json:"mechanism"`
}
