package workspace

import (
	"context"
	"time"

	"creatordesk/backend/kpi"
	"creatordesk/backend/templates"
)

// kpiModule names the KPI area's rating-request worker in the workspace.
const kpiModule = "kpi"

// KpiTickInterval is how often rating requests are sent and answers read.
// Tests and the app may change it before opening a workspace.
var KpiTickInterval = time.Minute

func init() {
	registerModule(Module{Name: kpiModule, Start: startKpi})
}

// startKpi starts the CSAT worker: after each resolution of a DM (when rating
// requests are switched on) it asks for a 1–5 rating through the send gate and
// reads the answer from the contact's next messages.
func startKpi(w *Workspace) (func(), error) {
	svc := &kpi.CSAT{Store: w.Store, Send: w.Inbox.Send,
		Render: func(ctx context.Context, templateID, conversationID int64) (string, error) {
			tpl := Templates(w)
			if tpl == nil {
				tpl = templates.NewService(w.Store)
			}
			res, err := tpl.RenderFor(ctx, templates.RenderRequest{TemplateID: templateID, ConversationID: conversationID})
			return res.Text, err
		}}
	w.SetService(kpiModule, svc)
	ctx, cancel := context.WithCancel(w.Context())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(KpiTickInterval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := svc.Tick(ctx); err != nil && ctx.Err() == nil {
					w.Log.Warn("kpi: rating requests", "err", err)
				}
			}
		}
	}()
	return func() { cancel(); <-done }, nil
}

// CSAT returns the workspace's rating-request worker.
func (w *Workspace) CSAT() *kpi.CSAT {
	svc, _ := w.Service(kpiModule).(*kpi.CSAT)
	return svc
}
