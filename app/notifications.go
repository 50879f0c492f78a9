package app

import (
	"context"

	"creatordesk/backend/notify"
	"creatordesk/backend/sla"
)

// Notifications is the bound facade for desktop notification preferences.
type Notifications struct{ s *Session }

// NewNotifications binds the facade to a session.
func NewNotifications(s *Session) *Notifications { return &Notifications{s: s} }

func init() { registerFacade(func(s *Session) any { return NewNotifications(s) }) }

// Get returns the preferences and how notifications are shown on this system.
func (a *Notifications) Get() (NotificationSettingsDTO, error) {
	svc := a.s.Workspace().SLA()
	return notifySettingsToDTO(svc.NotifySettings(), svc.Notifier().Name()), nil
}

// Save validates and stores the preferences.
func (a *Notifications) Save(dto NotificationSettingsDTO) (NotificationSettingsDTO, error) {
	start, err := sla.ParseClock(dto.DndStart)
	if err != nil {
		return NotificationSettingsDTO{}, err
	}
	end, err := sla.ParseClock(dto.DndEnd)
	if err != nil {
		return NotificationSettingsDTO{}, err
	}
	svc := a.s.Workspace().SLA()
	saved, err := svc.SetNotifySettings(context.Background(), notify.Settings{Enabled: dto.Enabled, Danger: dto.Danger,
		HighIntent: dto.HighIntent, MinPriority: dto.MinPriority, DND: dto.Dnd, DNDStart: start, DNDEnd: end % sla.MinutesPerDay}, a.s.Actor())
	if err != nil {
		return NotificationSettingsDTO{}, err
	}
	return notifySettingsToDTO(saved, svc.Notifier().Name()), nil
}

// Test shows a sample notification now, whatever the quiet hours; it fails with
// errors.notify.unsupported where this system cannot show one.
func (a *Notifications) Test() (NotificationTestDTO, error) {
	svc := a.s.Workspace().SLA()
	lang, _ := svc.Store.Setting(context.Background(), "language", "")
	if err := svc.TestNotification(context.Background(), lang); err != nil {
		return NotificationTestDTO{}, err
	}
	return NotificationTestDTO{Delivered: true, Mechanism: svc.Notifier().Name()}, nil
}

// notifySettingsToDTO converts the preferences for the UI.
func notifySettingsToDTO(s notify.Settings, mechanism string) NotificationSettingsDTO {
	return NotificationSettingsDTO{Enabled: s.Enabled, Danger: s.Danger, HighIntent: s.HighIntent, MinPriority: s.MinPriority,
		Dnd: s.DND, DndStart: sla.FormatClock(s.DNDStart), DndEnd: sla.FormatClock(s.DNDEnd), Mechanism: mechanism}
}
