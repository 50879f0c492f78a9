package engine

import (
	"context"
	"encoding/json"
	"time"

	"creatordesk/backend/notify"
	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// Load reads the calendar, policies, away and notification settings. A missing
// or unreadable document falls back to the defaults (Monday to Friday
// 09:00–18:00 in DefaultZone, away off, notifications for danger and high
// intent with quiet hours 22:00–08:00).
func (s *Service) Load(ctx context.Context) error {
	zone := s.DefaultZone
	if zone == "" {
		zone = "UTC"
	}
	calCfg := sla.DefaultCalendar(zone)
	if err := s.readJSON(ctx, store.SettingSLACalendar, &calCfg); err != nil {
		return err
	}
	cal, err := sla.NewCalendar(calCfg)
	if err != nil {
		s.log().Warn("sla: stored calendar is invalid; using the default", "err", err)
		calCfg = sla.DefaultCalendar(zone)
		if cal, err = sla.NewCalendar(calCfg); err != nil {
			calCfg = sla.DefaultCalendar("UTC")
			cal = sla.MustCalendar(calCfg)
		}
	}
	var away sla.AwaySettings
	if err := s.readJSON(ctx, store.SettingSLAAway, &away); err != nil {
		return err
	}
	ns := notify.DefaultSettings()
	if err := s.readJSON(ctx, store.SettingNotifySettings, &ns); err != nil {
		return err
	}
	rows, err := s.Store.SLAPolicies(ctx)
	if err != nil {
		return err
	}
	var held notify.Held
	if err := s.readJSON(ctx, settingQuietHeld, &held); err != nil {
		return err
	}
	s.quiet.Restore(held)
	s.quiet.Save = s.saveQuietHeld
	s.mu.Lock()
	s.cfg = config{calCfg: calCfg, cal: cal, policies: fromRows(rows), away: away, notify: ns}
	s.mu.Unlock()
	return nil
}

// settingQuietHeld keeps what quiet hours held across a restart.
const settingQuietHeld = "notify_quiet_held"

// saveQuietHeld stores the held state (the quiet gate calls it on every change).
func (s *Service) saveQuietHeld(h notify.Held) {
	raw, err := json.Marshal(h)
	if err == nil {
		err = s.Store.SetSetting(context.Background(), settingQuietHeld, string(raw))
	}
	if err != nil {
		s.log().Warn("sla: quiet-hours summary state not saved", "err", err)
	}
}

// readJSON decodes the setting key into v, leaving v alone when it is absent or unreadable.
func (s *Service) readJSON(ctx context.Context, key string, v any) error {
	raw, err := s.Store.Setting(ctx, key, "")
	if err != nil || raw == "" {
		return err
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		s.log().Warn("sla: unreadable setting; using the default", "key", key, "err", err)
	}
	return nil
}

// writeJSON stores v under key and audits the change.
func (s *Service) writeJSON(ctx context.Context, key string, before, after any, actor, action string) error {
	b, err := json.Marshal(after)
	if err != nil {
		return err
	}
	if err := s.Store.SetSetting(ctx, key, string(b)); err != nil {
		return err
	}
	prev, _ := json.Marshal(before)
	_, err = s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: action, TargetType: "settings", TargetID: key,
		BeforeJSON: string(prev), AfterJSON: string(b)})
	return err
}

// Calendar returns the calendar as configured and built.
func (s *Service) Calendar() (sla.CalendarConfig, *sla.Calendar) {
	c := s.snapshot()
	return c.calCfg, c.cal
}

// SetCalendar validates and stores a new calendar, then recomputes every timer.
func (s *Service) SetCalendar(ctx context.Context, cfg sla.CalendarConfig, actor string) (sla.CalendarConfig, error) {
	cal, err := sla.NewCalendar(cfg)
	if err != nil {
		return sla.CalendarConfig{}, err
	}
	before := s.snapshot().calCfg
	if err := s.writeJSON(ctx, store.SettingSLACalendar, before, cfg, actor, "sla.calendar.updated"); err != nil {
		return sla.CalendarConfig{}, err
	}
	s.mu.Lock()
	s.cfg.calCfg, s.cfg.cal = cfg, cal
	s.mu.Unlock()
	return cfg, s.RecomputeAll(ctx)
}

// Policies returns the policies in matching order.
func (s *Service) Policies() []sla.Policy {
	return append([]sla.Policy(nil), s.snapshot().policies...)
}

// SetPolicies validates and stores the whole list (in matching order), then
// recomputes every timer.
func (s *Service) SetPolicies(ctx context.Context, list []sla.Policy, actor string) ([]sla.Policy, error) {
	for _, p := range list {
		if err := p.Validate(); err != nil {
			return nil, err
		}
	}
	before := s.Policies()
	rows, err := s.Store.ReplaceSLAPolicies(ctx, toRows(list))
	if err != nil {
		return nil, err
	}
	saved := fromRows(rows)
	prev, _ := json.Marshal(before)
	next, _ := json.Marshal(saved)
	if _, err := s.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "sla.policies.updated", TargetType: "sla_policies",
		BeforeJSON: string(prev), AfterJSON: string(next)}); err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.cfg.policies = saved
	s.mu.Unlock()
	return saved, s.RecomputeAll(ctx)
}

// Away returns the away acknowledgement settings.
func (s *Service) Away() sla.AwaySettings { return s.snapshot().away }

// SetAway validates and stores the away settings.
func (s *Service) SetAway(ctx context.Context, a sla.AwaySettings, actor string) (sla.AwaySettings, error) {
	if err := a.Validate(); err != nil {
		return sla.AwaySettings{}, err
	}
	if err := s.writeJSON(ctx, store.SettingSLAAway, s.Away(), a, actor, "sla.away.updated"); err != nil {
		return sla.AwaySettings{}, err
	}
	s.mu.Lock()
	s.cfg.away = a
	s.mu.Unlock()
	return a, nil
}

// NotifySettings returns the notification settings.
func (s *Service) NotifySettings() notify.Settings { return s.snapshot().notify }

// SetNotifySettings validates and stores the notification settings.
func (s *Service) SetNotifySettings(ctx context.Context, n notify.Settings, actor string) (notify.Settings, error) {
	if err := n.Validate(); err != nil {
		return notify.Settings{}, err
	}
	if err := s.writeJSON(ctx, store.SettingNotifySettings, s.NotifySettings(), n, actor, "notify.settings.updated"); err != nil {
		return notify.Settings{}, err
	}
	s.mu.Lock()
	s.cfg.notify = n
	s.mu.Unlock()
	return n, nil
}

// Preview is what a message arriving at a given time would get.
type Preview struct {
	Policy  sla.Policy
	Matched bool
	WarnAt  time.Time
	DueAt   time.Time
	// OpenNow says whether the business is open at the arrival time; NextOpen is when it opens.
	OpenNow  bool
	NextOpen time.Time
}

// PreviewAt says which policy a conversation like subject would get for a
// message arriving at at, and when the reply would be due.
func (s *Service) PreviewAt(subject sla.Subject, at time.Time) Preview {
	c := s.snapshot()
	p := Preview{OpenNow: c.cal.IsOpen(at), NextOpen: c.cal.NextOpen(at)}
	if pol, ok := sla.Match(c.policies, subject); ok {
		p.Policy, p.Matched = pol, true
		p.WarnAt, p.DueAt = pol.Deadlines(c.cal, at)
	}
	return p
}

// fromRows converts stored policies.
func fromRows(rows []store.SLAPolicy) []sla.Policy {
	out := make([]sla.Policy, 0, len(rows))
	for _, r := range rows {
		out = append(out, sla.Policy{ID: r.ID, Name: r.Name, Preset: r.Preset, Kind: r.Kind, Intent: r.Intent, Tag: r.Tag,
			MinPriority: r.MinPriority, Target: time.Duration(r.TargetMinutes) * time.Minute, BusinessHours: r.BusinessHours,
			WarnPercent: r.WarnPercent, Enabled: r.Enabled})
	}
	return out
}

// toRows converts policies for storage.
func toRows(list []sla.Policy) []store.SLAPolicy {
	out := make([]store.SLAPolicy, 0, len(list))
	for _, p := range list {
		out = append(out, store.SLAPolicy{ID: p.ID, Name: p.Name, Preset: p.Preset, Kind: p.Kind, Intent: p.Intent, Tag: p.Tag,
			MinPriority: p.MinPriority, TargetMinutes: int(p.Target / time.Minute), BusinessHours: p.BusinessHours,
			WarnPercent: p.WarnPercent, Enabled: p.Enabled})
	}
	return out
}
