package app

import (
	"context"
	"strings"
	"time"

	"creatordesk/backend/sla"
	"creatordesk/backend/sla/engine"
)

// Sla is the bound facade for response-time policies, business hours and the
// away acknowledgement.
type Sla struct{ s *Session }

// NewSla binds the facade to a session.
func NewSla(s *Session) *Sla { return &Sla{s: s} }

func init() { registerFacade(func(s *Session) any { return NewSla(s) }) }

// svc is the open workspace's SLA engine.
func (a *Sla) svc() *engine.Service { return a.s.Workspace().SLA() }

// GetSettings returns the calendar, the policies and the zones to pick from.
func (a *Sla) GetSettings() (SlaSettingsDTO, error) {
	svc := a.svc()
	cfg, cal := svc.Calendar()
	now := svc.Store.Now()
	open := cal.IsOpen(now)
	change := cal.NextOpen(now)
	if open {
		change = cal.NextClose(now)
	}
	return SlaSettingsDTO{Calendar: slaCalendarToDTO(cfg), Policies: slaPoliciesToDTO(svc.Policies()), Zones: slaZoneChoices(cfg.TimeZone),
		OpenNow: open, NextChange: slaTime(change)}, nil
}

// SaveCalendar validates and stores the business calendar; every timer is recomputed.
func (a *Sla) SaveCalendar(dto SlaCalendarDTO) (SlaCalendarDTO, error) {
	cfg, err := slaCalendarFromDTO(dto)
	if err != nil {
		return SlaCalendarDTO{}, err
	}
	saved, err := a.svc().SetCalendar(context.Background(), cfg, a.s.Actor())
	if err != nil {
		return SlaCalendarDTO{}, err
	}
	return slaCalendarToDTO(saved), nil
}

// SavePolicies stores the whole list of policies in matching order; every timer is recomputed.
func (a *Sla) SavePolicies(list []SlaPolicyDTO) ([]SlaPolicyDTO, error) {
	if len(list) > 50 {
		return nil, invalidInput("at most 50 policies")
	}
	pols := make([]sla.Policy, 0, len(list))
	for _, p := range list {
		pols = append(pols, sla.Policy{ID: p.ID, Name: strings.TrimSpace(p.Name), Preset: p.Preset, Kind: p.Kind, Intent: p.Intent,
			Tag: strings.TrimSpace(p.Tag), MinPriority: p.MinPriority, Target: time.Duration(p.TargetMinutes) * time.Minute,
			BusinessHours: p.BusinessHours, WarnPercent: p.WarnPercent, Enabled: p.Enabled})
	}
	saved, err := a.svc().SetPolicies(context.Background(), pols, a.s.Actor())
	if err != nil {
		return nil, err
	}
	return slaPoliciesToDTO(saved), nil
}

// Preview says which policy a message arriving at req.At would fall under and
// when its reply would be due, with the current settings.
func (a *Sla) Preview(req SlaPreviewRequest) (SlaPreviewDTO, error) {
	svc := a.svc()
	cfg, cal := svc.Calendar()
	at, err := slaParseWallTime(req.At, cal.Location())
	if err != nil {
		return SlaPreviewDTO{}, err
	}
	kind := req.Kind
	if kind == "" {
		kind = sla.KindDM
	}
	var tags []string
	if req.Tag != "" {
		tags = []string{req.Tag}
	}
	p := svc.PreviewAt(sla.Subject{Kind: kind, Intent: req.Intent, Priority: req.Priority, Tags: tags}, at)
	out := SlaPreviewDTO{Matched: p.Matched, TimeZone: cfg.TimeZone, At: slaTime(at.In(cal.Location())), OpenAt: p.OpenNow, NextOpen: slaTime(p.NextOpen)}
	if p.Matched {
		out.PolicyID, out.PolicyName, out.PolicyPreset = p.Policy.ID, p.Policy.Name, p.Policy.Preset
		out.TargetMinutes, out.BusinessHours = int(p.Policy.Target/time.Minute), p.Policy.BusinessHours
		out.WarnAt, out.DueAt = slaTime(p.WarnAt.In(cal.Location())), slaTime(p.DueAt.In(cal.Location()))
	}
	return out, nil
}

// GetAway returns the away acknowledgement settings and the default texts.
func (a *Sla) GetAway() (SlaAwayDTO, error) {
	return slaAwayToDTO(a.svc().Away()), nil
}

// SaveAway validates and stores the away acknowledgement settings.
func (a *Sla) SaveAway(dto SlaAwayDTO) (SlaAwayDTO, error) {
	texts := map[string]string{}
	for lang, text := range dto.Texts {
		if t := strings.TrimSpace(text); t != "" && t != sla.DefaultAwayTexts[lang] {
			texts[lang] = t
		}
	}
	saved, err := a.svc().SetAway(context.Background(), sla.AwaySettings{Enabled: dto.Enabled, Texts: texts}, a.s.Actor())
	if err != nil {
		return SlaAwayDTO{}, err
	}
	return slaAwayToDTO(saved), nil
}

// PreviewAway writes the acknowledgement a customer writing now in lang would
// get, using text when given (the unsaved draft) or the saved text.
func (a *Sla) PreviewAway(lang, text string) (SlaAwayPreviewDTO, error) {
	svc := a.svc()
	_, cal := svc.Calendar()
	lang = sla.PickLanguage(lang)
	away := svc.Away()
	if strings.TrimSpace(text) != "" {
		draft := sla.AwaySettings{Texts: map[string]string{lang: text}}
		if err := draft.Validate(); err != nil {
			return SlaAwayPreviewDTO{}, err
		}
		away = draft
	}
	next := cal.NextOpen(svc.Store.Now())
	return SlaAwayPreviewDTO{Language: lang, Text: away.Text(lang, next), NextOpen: slaTime(next)}, nil
}

// States returns the response timers of the listed conversations (those
// without one come back as state "none").
func (a *Sla) States(ids []int64) ([]SlaStateDTO, error) {
	if len(ids) > 500 {
		return nil, invalidInput("at most 500 ids")
	}
	rows, err := a.s.Workspace().Store.ConversationSLAs(context.Background(), ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]SlaStateDTO, len(rows))
	for _, r := range rows {
		d := SlaStateDTO{ConversationID: r.ConversationID, PolicyID: r.PolicyID, State: r.State}
		if r.DueAt != 0 {
			d.DueAt = time.UnixMilli(r.DueAt).UTC().Format(time.RFC3339)
		}
		byID[r.ConversationID] = d
	}
	out := make([]SlaStateDTO, 0, len(ids))
	for _, id := range ids {
		d, ok := byID[id]
		if !ok {
			d = SlaStateDTO{ConversationID: id, State: sla.StateNone}
		}
		out = append(out, d)
	}
	return out, nil
}

// slaParseWallTime reads "YYYY-MM-DDTHH:MM" on loc's wall clock, or RFC 3339.
func slaParseWallTime(s string, loc *time.Location) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, invalidInput("time " + s)
}

// slaTime formats a time in its own zone ("" for the zero time).
func slaTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// slaZoneChoices are the common zones, plus the current one when it is not among them.
func slaZoneChoices(current string) []string {
	out := append([]string(nil), sla.CommonZones...)
	for _, z := range out {
		if z == current {
			return out
		}
	}
	return append([]string{current}, out...)
}

// slaCalendarToDTO converts a calendar for the UI.
func slaCalendarToDTO(c sla.CalendarConfig) SlaCalendarDTO {
	out := SlaCalendarDTO{TimeZone: c.TimeZone, Week: make([][]SlaShiftDTO, 7), Holidays: []SlaHolidayDTO{}}
	for d := range c.Week {
		out.Week[d] = slaShiftsToDTO(c.Week[d])
	}
	for _, h := range c.Holidays {
		out.Holidays = append(out.Holidays, SlaHolidayDTO{Date: h.Date, Name: h.Name, Shifts: slaShiftsToDTO(h.Shifts)})
	}
	return out
}

func slaShiftsToDTO(shifts []sla.Shift) []SlaShiftDTO {
	out := make([]SlaShiftDTO, 0, len(shifts))
	for _, s := range shifts {
		out = append(out, SlaShiftDTO{Start: sla.FormatClock(s.Start), End: sla.FormatClock(s.End)})
	}
	return out
}

// slaCalendarFromDTO parses the UI's calendar (validation happens in sla.NewCalendar).
func slaCalendarFromDTO(dto SlaCalendarDTO) (sla.CalendarConfig, error) {
	if len(dto.Week) != 7 {
		return sla.CalendarConfig{}, invalidInput("week must have 7 days")
	}
	if len(dto.Holidays) > 400 {
		return sla.CalendarConfig{}, invalidInput("at most 400 holidays")
	}
	cfg := sla.CalendarConfig{TimeZone: strings.TrimSpace(dto.TimeZone)}
	for d, shifts := range dto.Week {
		parsed, err := slaShiftsFromDTO(shifts)
		if err != nil {
			return cfg, err
		}
		cfg.Week[d] = parsed
	}
	for _, h := range dto.Holidays {
		parsed, err := slaShiftsFromDTO(h.Shifts)
		if err != nil {
			return cfg, err
		}
		cfg.Holidays = append(cfg.Holidays, sla.Holiday{Date: strings.TrimSpace(h.Date), Name: strings.TrimSpace(h.Name), Shifts: parsed})
	}
	return cfg, nil
}

func slaShiftsFromDTO(in []SlaShiftDTO) ([]sla.Shift, error) {
	out := make([]sla.Shift, 0, len(in))
	for _, s := range in {
		start, err := sla.ParseClock(s.Start)
		if err != nil {
			return nil, err
		}
		end, err := sla.ParseClock(s.End)
		if err != nil {
			return nil, err
		}
		out = append(out, sla.Shift{Start: start, End: end})
	}
	return out, nil
}

// slaPoliciesToDTO converts policies for the UI.
func slaPoliciesToDTO(list []sla.Policy) []SlaPolicyDTO {
	out := make([]SlaPolicyDTO, 0, len(list))
	for _, p := range list {
		out = append(out, SlaPolicyDTO{ID: p.ID, Name: p.Name, Preset: p.Preset, Kind: p.Kind, Intent: p.Intent, Tag: p.Tag,
			MinPriority: p.MinPriority, TargetMinutes: int(p.Target / time.Minute), BusinessHours: p.BusinessHours,
			WarnPercent: p.WarnPercent, Enabled: p.Enabled})
	}
	return out
}

// slaAwayToDTO converts the away settings for the UI.
func slaAwayToDTO(a sla.AwaySettings) SlaAwayDTO {
	texts := map[string]string{}
	for _, l := range sla.Languages {
		texts[l] = a.Texts[l]
	}
	return SlaAwayDTO{Enabled: a.Enabled, Texts: texts, Defaults: sla.DefaultAwayTexts}
}
