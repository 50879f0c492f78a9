// Package engine runs the SLA area inside an open workspace: it keeps each
// conversation's response timer current as messages arrive and time passes,
// sends the out-of-hours acknowledgement through the send gate, and raises
// desktop notifications. The arithmetic and the rules are in package sla; this
// package connects them to the store, the event bus and the inbox.
package engine

import (
	"context"
	"log/slog"
	gosync "sync"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/notify"
	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// Actor is the audit actor of everything the SLA engine does by itself.
const Actor = "sla"

// AwayMaxAge is how recent a customer message must be to get an away
// acknowledgement (history arriving in a first sync gets none).
const AwayMaxAge = 30 * time.Minute

// Service is the SLA engine of one workspace.
type Service struct {
	Store *store.Store
	Bus   *events.Bus
	Inbox *inbox.Service
	Log   *slog.Logger
	// Now is the clock (the store's clock when nil).
	Now func() time.Time
	// DefaultZone is the calendar's zone until the user chooses one.
	DefaultZone string

	mu       gosync.RWMutex
	cfg      config
	notifier notify.Notifier
	// quiet holds the urgent messages quiet hours silenced, for one summary when they end.
	quiet    notify.QuietGate
	inflight map[int64]bool // conversations with an away acknowledgement being sent

	pendingMu gosync.Mutex
	pending   []int64       // inbound message ids waiting for the away/notify worker
	wake      chan struct{} // signals the worker (capacity 1)
	idle      *gosync.Cond  // broadcast when the worker has nothing left
	busy      bool
}

// config is the loaded settings, replaced whole on every change.
type config struct {
	calCfg   sla.CalendarConfig
	cal      *sla.Calendar
	policies []sla.Policy
	away     sla.AwaySettings
	notify   notify.Settings
}

// now reads the clock.
func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return s.Store.Now()
}

// log is the logger (discarding when unset).
func (s *Service) log() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}

// snapshot returns the current settings.
func (s *Service) snapshot() config {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.cfg
}

// SetNotifier chooses how desktop notifications are shown (the app passes the
// GUI runtime's; without one the system's D-Bus service is tried on first use).
func (s *Service) SetNotifier(n notify.Notifier) {
	s.mu.Lock()
	s.notifier = n
	s.mu.Unlock()
}

// Notifier returns the notifier in use, connecting the default one on first use.
func (s *Service) Notifier() notify.Notifier {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.notifier == nil {
		s.notifier = notify.System("CreatorDesk")
	}
	return s.notifier
}

// Start loads the settings, subscribes to the bus and starts the ticker and the
// worker; both stop when ctx is done. tick is the ticker's interval. The
// returned function unsubscribes and waits for the background work to end.
func (s *Service) Start(ctx context.Context, tick time.Duration) (stop func(), err error) {
	if err := s.Load(ctx); err != nil {
		return nil, err
	}
	s.inflight = map[int64]bool{}
	s.wake = make(chan struct{}, 1)
	s.idle = gosync.NewCond(&s.pendingMu)
	unsubs := []func(){
		s.Bus.Subscribe(events.MessagesStored, func(p any) {
			ev := p.(events.MessagesStoredPayload)
			s.OnMessagesStored(ctx, ev.ConversationIDs, ev.MessageIDs)
		}),
		s.Bus.Subscribe(events.MessageStateChanged, func(p any) {
			ev := p.(events.MessageStatePayload)
			s.recomputeLogged(ctx, []int64{ev.ConversationID})
		}),
	}
	done := make(chan struct{})
	go s.run(ctx, tick, done)
	return func() {
		for _, u := range unsubs {
			u()
		}
		<-done
	}, nil
}

// run is the ticker and the away/notify worker.
func (s *Service) run(ctx context.Context, tick time.Duration, done chan struct{}) {
	defer close(done)
	if tick <= 0 {
		tick = 30 * time.Second
	}
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			s.pendingMu.Lock()
			s.pending, s.busy = nil, false
			s.idle.Broadcast()
			s.pendingMu.Unlock()
			return
		case <-t.C:
			if err := s.Tick(ctx); err != nil && ctx.Err() == nil {
				s.log().Warn("sla: tick", "err", err)
			}
		case <-s.wake:
			s.drain(ctx)
		}
	}
}

// OnMessagesStored updates the timers of the conversations a sync page touched
// (one read and one write for the page) and queues the new messages for the
// away acknowledgement and notifications.
func (s *Service) OnMessagesStored(ctx context.Context, conversationIDs, messageIDs []int64) {
	s.recomputeLogged(ctx, conversationIDs)
	if len(messageIDs) == 0 || s.wake == nil {
		return
	}
	s.pendingMu.Lock()
	s.pending = append(s.pending, messageIDs...)
	s.busy = true
	s.pendingMu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// drain handles every queued message.
func (s *Service) drain(ctx context.Context) {
	for {
		s.pendingMu.Lock()
		ids := s.pending
		s.pending = nil
		if len(ids) == 0 {
			s.busy = false
			s.idle.Broadcast()
			s.pendingMu.Unlock()
			return
		}
		s.pendingMu.Unlock()
		if err := s.handleInbound(ctx, ids); err != nil && ctx.Err() == nil {
			s.log().Warn("sla: away and notifications", "err", err)
		}
	}
}

// WaitIdle blocks until the worker has handled everything queued so far (tests
// and the CLI use it; the app never needs to).
func (s *Service) WaitIdle() {
	if s.idle == nil {
		return
	}
	s.pendingMu.Lock()
	defer s.pendingMu.Unlock()
	for s.busy {
		s.idle.Wait()
	}
}

// recomputeLogged is Recompute for bus handlers, which cannot return errors.
func (s *Service) recomputeLogged(ctx context.Context, ids []int64) {
	if _, err := s.Recompute(ctx, ids); err != nil && ctx.Err() == nil {
		s.log().Warn("sla: update timers", "err", err)
	}
}
