// Package app is the layer Wails binds: thin facades over the backend services
// that take and return DTOs, map errors to AppError, and forward backend events
// to the frontend through an injected Runtime. It holds no SQL and no HTTP.
package app

import (
	"context"
	"errors"
	gosync "sync"

	"creatordesk/backend/events"
	"creatordesk/backend/moderation"
	"creatordesk/backend/notify"
	"creatordesk/backend/workspace"
)

// Version is the app's version, stamped at build time with -ldflags "-X creatordesk/app.Version=...".
var Version = "0.0.0-dev"

// Event names the frontend subscribes to.
const (
	EventSyncStatus       = "sync:status"
	EventInboxChanged     = "inbox:changed"
	EventMessageState     = "message:state"
	EventWorkspaceChanged = "workspace:changed"
	// EventSLAChanged lists conversations whose response timer changed (and those that just turned to warning or breached).
	EventSLAChanged = "sla:changed"
	// EventCalendarChanged says calendar items changed (the scheduler published, a reminder came due...).
	EventCalendarChanged = "calendar:changed"
	// EventCalendarReminder carries an item whose time came and that a person must act on.
	EventCalendarReminder = "calendar:reminder"
)

// Runtime is the seam to the GUI runtime: everything that needs Wails goes
// through it, so every bound method runs under `go test` with a recorder.
type Runtime interface {
	// Emit sends an event with its payload to the frontend.
	Emit(event string, payload any)
}

// Session is the app's state: the open workspace, which can be swapped for the
// demo at run time, and the runtime to report to.
type Session struct {
	mu      gosync.RWMutex
	ws      *workspace.Workspace
	demo    bool
	base    workspace.Config
	rt      Runtime
	unsub   []func()
	keyring KeyringStatus
	// notifier shows desktop notifications (nil: each area's default).
	notifier notify.Notifier
	// actor names the person using the app, for the audit trail (see Actor).
	actor string
	// teamErr is set while the data folder's team database cannot be opened:
	// ws is then an empty placeholder and the window shows the reason (see teamdb_open.go).
	teamErr *workspace.TeamOpenError
	// placeholderDir is the placeholder workspace's temp dir, removed when it closes.
	placeholderDir string
}

// Actor names the member using the app ("who is working"), for the audit trail.
func (s *Session) Actor() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.actor
}

// SetActor changes who is working; every later action is recorded as theirs.
func (s *Session) SetActor(name string) {
	s.mu.Lock()
	s.actor = name
	s.mu.Unlock()
}

// SetNotifier gives the open workspace (and any later one, such as the demo)
// the desktop's notification mechanism.
func (s *Session) SetNotifier(n notify.Notifier) {
	s.mu.Lock()
	s.notifier = n
	ws := s.ws
	s.mu.Unlock()
	if ws != nil && n != nil && ws.SLA() != nil {
		ws.SLA().SetNotifier(n)
	}
}

// NewSession wraps an open workspace. base is the configuration new workspaces
// (the demo) are opened with; its Dir is ignored for the demo.
func NewSession(ws *workspace.Workspace, demo bool, base workspace.Config) *Session {
	s := &Session{base: base, actor: "me"}
	s.install(ws, demo)
	s.SetActor(ActorFor(s)) // the member saved as "who is working" on this machine
	return s
}

// SetRuntime connects the session to the GUI runtime (called at startup).
func (s *Session) SetRuntime(rt Runtime) {
	s.mu.Lock()
	s.rt = rt
	s.mu.Unlock()
}

// Workspace returns the open workspace.
func (s *Session) Workspace() *workspace.Workspace {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.ws
}

// CheckKeyring probes the vault once and remembers the answer for Status.
func (s *Session) CheckKeyring(ctx context.Context) KeyringStatus {
	err := s.Workspace().Vault.Check(ctx)
	st := KeyringStatus{Available: err == nil}
	if err != nil {
		st.Error = ToAppError(err)
	}
	s.mu.Lock()
	s.keyring = st
	s.mu.Unlock()
	return st
}

// SwitchToDemo replaces the open workspace with a fresh demo workspace.
func (s *Session) SwitchToDemo() error {
	cfg := s.base
	cfg.Dir = ""
	demoWS, err := workspace.OpenDemo(cfg)
	if err != nil {
		return err
	}
	s.replace(demoWS, true, nil)
	return nil
}

// replace installs ws (a team database, the local workspace, the demo or a
// placeholder while teamErr says why the team database is out of reach) and
// closes the previous workspace.
func (s *Session) replace(ws *workspace.Workspace, demo bool, teamErr *workspace.TeamOpenError) {
	s.mu.Lock()
	oldPlaceholder := s.placeholderDir
	s.teamErr, s.placeholderDir = teamErr, ""
	s.mu.Unlock()
	old := s.install(ws, demo)
	s.SetActor(ActorFor(s))
	if old != nil {
		_ = old.Close()
	}
	removePlaceholder(oldPlaceholder)
}

// Close closes the open workspace.
func (s *Session) Close() error {
	s.mu.Lock()
	ws := s.ws
	for _, u := range s.unsub {
		u()
	}
	s.unsub, s.ws = nil, nil
	placeholder := s.placeholderDir
	s.placeholderDir = ""
	s.mu.Unlock()
	if ws == nil {
		return errors.New("app: session already closed")
	}
	err := ws.Close()
	removePlaceholder(placeholder)
	return err
}

// install makes ws the open workspace, forwards its events, and returns the previous one.
func (s *Session) install(ws *workspace.Workspace, demo bool) *workspace.Workspace {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.unsub {
		u()
	}
	old := s.ws
	s.ws, s.demo = ws, demo
	if s.notifier != nil && ws.SLA() != nil {
		ws.SLA().SetNotifier(s.notifier)
	}
	s.unsub = []func(){
		ws.Bus.Subscribe(events.SLAChanged, func(p any) {
			ev := p.(events.SLAChangedPayload)
			ids := append([]int64{}, ev.ConversationIDs...)
			s.emit(EventSLAChanged, map[string]any{"conversationIds": ids,
				"warning": append([]int64{}, ev.Warning...), "breached": append([]int64{}, ev.Breached...)})
			s.emit(EventInboxChanged, map[string]any{"conversationIds": ids})
		}),
		ws.Bus.Subscribe(events.CalendarChanged, func(p any) { s.emit(EventCalendarChanged, p) }),
		ws.Bus.Subscribe(events.CalendarReminder, func(p any) { s.emit(EventCalendarReminder, p) }),
		ws.Bus.Subscribe(events.MessagesStored, func(p any) {
			s.emit(EventInboxChanged, map[string]any{"conversationIds": p.(events.MessagesStoredPayload).ConversationIDs})
		}),
		ws.Bus.Subscribe(events.AccountChanged, func(p any) {
			if a, err := ws.Store.AccountByID(context.Background(), p.(events.AccountChangedPayload).AccountID); err == nil {
				s.emit(EventSyncStatus, toAccountDTO(a))
			}
		}),
		ws.Bus.Subscribe(events.MessageStateChanged, func(p any) {
			ev := p.(events.MessageStatePayload)
			if m, err := ws.Store.MessageByID(context.Background(), ev.MessageID); err == nil {
				s.emit(EventMessageState, toMessageDTO(m))
			}
			// The conversation's row changed too (snippet, time, unread).
			s.emit(EventInboxChanged, map[string]any{"conversationIds": []int64{ev.ConversationID}})
		}),
		// A comment hidden, shown again or deleted (by a person or a rule): the open thread shows it.
		ws.Bus.Subscribe(moderation.Changed, func(p any) {
			s.emit(EventInboxChanged, map[string]any{"conversationIds": []int64{p.(moderation.ChangedPayload).ConversationID}})
		}),
	}
	s.unsub = append(s.unsub, s.forwardTeamEvents(ws)...)
	return old
}

// emit forwards an event when a runtime is attached.
func (s *Session) emit(event string, payload any) {
	s.mu.RLock()
	rt := s.rt
	s.mu.RUnlock()
	if rt != nil {
		rt.Emit(event, payload)
	}
}
