package workspace

import "time"

// SnoozeCheckInterval is how often snoozed conversations whose time has come
// are reopened (the inbox list also wakes them whenever it is read).
var SnoozeCheckInterval = time.Minute

func init() {
	registerModule(Module{Name: "triage", Start: startTriage})
}

// startTriage reopens snoozed conversations on time, so counters and SLA
// timers see them even while nobody looks at the list.
func startTriage(w *Workspace) (func(), error) {
	ticker := time.NewTicker(SnoozeCheckInterval)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-w.Context().Done():
				return
			case <-ticker.C:
				if _, err := w.Store.WakeSnoozed(w.Context()); err != nil {
					w.Log.Warn("triage: wake snoozed conversations", "err", err)
				}
			}
		}
	}()
	return func() {
		ticker.Stop()
		<-done
	}, nil
}
