package calendar

import (
	"context"
	"log/slog"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/store"
)

// Area is the calendar's services for one workspace, wired together.
type Area struct {
	Calendar  *Service
	Scheduler *Scheduler
	Lives     *Lives
	Messenger *Messenger
}

// NewArea wires the calendar's services: connectors publish, sender is the
// send gate, salt makes idempotency keys and export UIDs unique per workspace.
func NewArea(st *store.Store, connectors ConnectorSource, sender Sender, bus *events.Bus, log *slog.Logger, salt string, now func() time.Time) *Area {
	clock := FuncClock(now)
	sched := &Scheduler{Store: st, Connectors: connectors, Clock: clock, Bus: bus, Log: log, KeySalt: salt}
	svc := &Service{Store: st, Scheduler: sched, Bus: bus}
	msgr := &Messenger{Store: st, Sender: sender, Clock: clock, Log: log}
	lives := &Lives{Store: st, Calendar: svc, Messages: msgr}
	svc.OnItemChanged = append(svc.OnItemChanged, lives.ItemChanged)
	return &Area{Calendar: svc, Scheduler: sched, Lives: lives, Messenger: msgr}
}

// Start runs the scheduler and the messenger until ctx ends.
func (a *Area) Start(ctx context.Context) (stop func(), err error) {
	stopSched, err := a.Scheduler.Start(ctx)
	if err != nil {
		return nil, err
	}
	stopMsgr := a.Messenger.Start(ctx)
	return func() { stopMsgr(); stopSched() }, nil
}
