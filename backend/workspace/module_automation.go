package workspace

import (
	"context"
	"time"

	"creatordesk/backend/automation"
	"creatordesk/backend/events"
	"creatordesk/backend/governance"
)

// automationModule names the automation services in the workspace.
const automationModule = "automation"

// AutomationServices are the automation and governance area's services.
type AutomationServices struct {
	Classifier *automation.Classifier
	Engine     *automation.Engine
	Drafts     *automation.Drafts
	Gate       *governance.Gate
	Ledger     *governance.Ledger
	Retention  *governance.Retention
	Requests   *governance.Requests
}

func init() {
	registerModule(Module{Name: automationModule, Start: startAutomation})
}

// startAutomation registers the governance policies on the send gate, then
// handles every stored page in order on one goroutine: STOP/START go to the
// ledger first, then messages are classified and the rules run. A daily
// purge applies the retention policies (all off until a person enables one).
func startAutomation(w *Workspace) (func(), error) {
	ctx, cancel := context.WithCancel(w.Context())
	cl := &automation.Classifier{Store: w.Store}
	if err := cl.Load(ctx); err != nil {
		cancel()
		return nil, err
	}
	gate := &governance.Gate{Store: w.Store}
	w.Inbox.Policies = append(w.Inbox.Policies, gate.Policies()...)
	w.Inbox.AfterSend = append(w.Inbox.AfterSend, gate.AfterSend)
	drafts := &automation.Drafts{Store: w.Store, Provider: automation.OfflineDrafter{}, Sender: w.Inbox}
	svc := &AutomationServices{
		Classifier: cl, Gate: gate, Drafts: drafts,
		Engine: &automation.Engine{Store: w.Store, Classifier: cl, Sender: w.Inbox, Connectors: w.Engine, Drafts: drafts},
		Ledger: &governance.Ledger{Store: w.Store}, Retention: &governance.Retention{Store: w.Store},
		Requests: &governance.Requests{Store: w.Store},
	}
	wireAutomation(w, svc)
	w.SetService(automationModule, svc)

	queue := make(chan []int64, 256)
	done := make(chan struct{})
	unsub := w.Bus.Subscribe(events.MessagesStored, func(p any) {
		ids := p.(events.MessagesStoredPayload).MessageIDs
		if len(ids) == 0 {
			return
		}
		select {
		case queue <- ids:
		case <-ctx.Done():
		}
	})
	go func() {
		defer close(done)
		purge := time.NewTicker(24 * time.Hour)
		defer purge.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case ids := <-queue:
				if _, err := svc.Ledger.HandleInbound(ctx, ids); err != nil {
					w.Log.Warn("automation: opt-out ledger", "err", err)
				}
				if err := svc.Engine.HandleStored(ctx, ids); err != nil {
					w.Log.Warn("automation: rules", "err", err)
				}
			case <-purge.C:
				if _, _, err := svc.Retention.Purge(ctx, "retention"); err != nil {
					w.Log.Warn("automation: retention purge", "err", err)
				}
			}
		}
	}()
	return func() {
		unsub()
		cancel()
		<-done
	}, nil
}

// Automation returns the workspace's automation services.
func Automation(w *Workspace) *AutomationServices {
	svc, _ := w.Service(automationModule).(*AutomationServices)
	return svc
}
