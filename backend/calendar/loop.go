package calendar

import (
	"context"
	"log/slog"
	"time"
)

// runLoop calls tick, then sleeps on clock until next() says something is
// due (capped by maxSleep) or wake fires, until ctx ends. It is the shared
// wake-up-timer loop of the scheduler and the messenger.
func runLoop(ctx context.Context, clock Clock, wake <-chan struct{}, maxSleep time.Duration, log *slog.Logger, name string,
	tick func(context.Context) error, next func(context.Context) (time.Time, bool)) {
	for {
		if err := tick(ctx); err != nil && ctx.Err() == nil {
			log.Warn("calendar: "+name, "err", err)
		}
		wait := maxSleep
		if at, ok := next(ctx); ok {
			if d := at.Sub(clock.Now()); d < wait {
				wait = d
			}
		}
		if wait < 0 {
			wait = 0
		}
		timer := clock.After(wait)
		select {
		case <-ctx.Done():
			return
		case <-wake:
		case <-timer:
		}
	}
}
