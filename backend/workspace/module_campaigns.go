package workspace

import (
	"context"
	"time"

	"creatordesk/backend/calendar"
	"creatordesk/backend/campaigns"
	"creatordesk/backend/inbox"
	"creatordesk/backend/notify"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/shopify"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// campaignsModule is the module name of the campaigns area.
const campaignsModule = "campaigns"

// CampaignsJobsInterval is how often the release reminders and the experiments
// kill switch run. Tests may lower it before opening a workspace.
var CampaignsJobsInterval = 10 * time.Minute

// CampaignsSyncInterval is how often each connected Shopify account's orders and
// code usage are fetched. Tests and the demo may lower it before opening a workspace.
var CampaignsSyncInterval = 15 * time.Minute

func init() {
	registerModule(Module{Name: campaignsModule, Start: startCampaigns, SeedDemo: seedCampaignsDemo})
}

// Campaigns returns the workspace's campaigns service.
func (w *Workspace) Campaigns() *campaigns.Service {
	svc, _ := w.Service(campaignsModule).(*campaigns.Service)
	return svc
}

// engineOrderSources builds shop connectors through the sync engine (token from the vault).
type engineOrderSources struct{ w *Workspace }

// OrderSource implements campaigns.OrderSources.
func (e engineOrderSources) OrderSource(ctx context.Context, accountID int64) (platforms.OrderSource, store.Account, error) {
	conn, acc, err := e.w.Engine.Connector(ctx, accountID)
	if err != nil {
		return nil, acc, err
	}
	src, err := shopify.AsOrderSource(conn)
	return src, acc, err
}

// startCampaigns builds the service, records template and code shares after each
// send, and runs the orders loop.
func startCampaigns(w *Workspace) (func(), error) {
	svc := &campaigns.Service{Store: w.Store, Bus: w.Bus, Sources: engineOrderSources{w},
		Templates: templates.NewService(w.Store), Sender: w.Inbox, Calendar: releaseCalendar{w}, Notify: campaignsNotify(w)}
	w.SetService(campaignsModule, svc)
	if _, err := svc.EnsureReleaseTemplate(context.Background(), workspaceLanguage(w)); err != nil {
		return nil, err
	}
	w.Inbox.AfterSend = append(w.Inbox.AfterSend, svc.RecordExposure)
	w.Inbox.AfterSend = append(w.Inbox.AfterSend, func(ctx context.Context, conv store.Conversation, req inbox.SendRequest, m store.Message) {
		if m.State != store.StateSent {
			return
		}
		codes, err1 := w.Store.DiscountCodes(ctx)
		links, err2 := w.Store.Links(ctx)
		if err1 != nil || err2 != nil {
			return
		}
		out := store.OutboundMessage{ID: m.ID, ConversationID: conv.ID, ContactID: conv.ContactID, Text: m.Text, SentAt: m.SentAt}
		if err := w.Store.AddConversationShares(ctx, campaigns.SharesIn(out, req.TemplateID, codes, links)); err != nil {
			w.Log.Warn("campaigns: recording a shared code failed", "error", err.Error())
		}
	})
	ctx, cancel := context.WithCancel(w.Context())
	done := make(chan struct{})
	jobsDone := make(chan struct{})
	go func() {
		defer close(done)
		runOrdersLoop(ctx, w, svc, CampaignsSyncInterval)
	}()
	go func() {
		defer close(jobsDone)
		runCampaignJobs(ctx, w, svc, CampaignsJobsInterval)
	}()
	return func() { cancel(); <-done; <-jobsDone }, nil
}

// runOrdersLoop syncs every connected Shopify account each interval until ctx ends.
// One failing shop is logged and does not stop the others.
func runOrdersLoop(ctx context.Context, w *Workspace, svc *campaigns.Service, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		SyncShops(ctx, w, svc)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// SyncShops runs one orders and code-usage sync of every connected Shopify account.
func SyncShops(ctx context.Context, w *Workspace, svc *campaigns.Service) {
	accs, err := w.Store.Accounts(ctx, false)
	if err != nil {
		return
	}
	for _, a := range accs {
		if a.Platform != shopify.Platform || !a.Syncable() || a.Status == store.AccountNeedsReconnect || ctx.Err() != nil {
			continue
		}
		if res, err := svc.SyncOrders(ctx, a.ID); err != nil {
			if platforms.KindOf(err) == platforms.KindAuth {
				_ = w.Store.SetAccountStatus(ctx, a.ID, store.AccountNeedsReconnect, string(platforms.KindAuth), err.Error())
			}
			w.Log.Warn("campaigns: orders sync failed", "account_id", a.ID, "error", err.Error())
			continue
		} else if res.Inserted+res.Updated > 0 {
			w.Log.Info("campaigns: orders synced", "account_id", a.ID, "new", res.Inserted, "updated", res.Updated)
		}
	}
	if _, err := svc.SyncCodeUsage(ctx); err != nil {
		w.Log.Warn("campaigns: code usage sync failed", "error", err.Error())
	}
}

// runCampaignJobs runs RunCampaignJobs each interval until ctx ends.
func runCampaignJobs(ctx context.Context, w *Workspace, svc *campaigns.Service, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		RunCampaignJobs(ctx, w, svc)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// RunCampaignJobs fires the due release reminders (30 and 7 days before
// expiry), marks passed releases expired, and stops any experiment whose
// guardrail is breached. Failures are logged; the next run tries again.
func RunCampaignJobs(ctx context.Context, w *Workspace, svc *campaigns.Service) {
	lang := workspaceLanguage(w)
	if fired, err := svc.RunReleaseReminders(ctx, lang); err != nil {
		w.Log.Warn("campaigns: release reminders failed", "error", err.Error())
	} else if len(fired) > 0 {
		w.Log.Info("campaigns: release reminders", "fired", len(fired))
	}
	if killed, err := svc.CheckGuardrails(ctx, lang); err != nil {
		w.Log.Warn("campaigns: experiment guardrails failed", "error", err.Error())
	} else {
		for _, k := range killed {
			w.Log.Warn("campaigns: experiment stopped by a guardrail", "experiment_id", k.Experiment.ID, "reason", k.Breach.Reason())
		}
	}
}

// workspaceLanguage is the app language setting ("" = English).
func workspaceLanguage(w *Workspace) string {
	lang, _ := w.Store.Setting(context.Background(), "language", "")
	return lang
}

// campaignsNotify shows the campaigns area's desktop notifications through the
// SLA engine's notifier, when notifications are on and not in quiet hours.
func campaignsNotify(w *Workspace) func(ctx context.Context, title, body string) error {
	return func(ctx context.Context, title, body string) error {
		sla := w.SLA()
		if sla == nil {
			return nil
		}
		set := sla.NotifySettings()
		// Quiet hours are in the business time zone, as Settings → Notifications says.
		loc := time.Local
		if _, cal := sla.Calendar(); cal != nil {
			loc = cal.Location()
		}
		if !set.Enabled || (set.DND && notify.InQuietHours(set, w.Store.Now(), loc)) {
			return nil
		}
		return sla.Notifier().Notify(ctx, notify.Notification{Title: title, Body: body})
	}
}

// releaseCalendar puts release expiries on the content calendar as reminders.
type releaseCalendar struct{ w *Workspace }

// AddReminder implements campaigns.ReleaseCalendar.
func (c releaseCalendar) AddReminder(ctx context.Context, actor, title, notes string, day time.Time) (int64, error) {
	cal := c.w.Calendar()
	if cal == nil {
		return 0, nil
	}
	d := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	it, err := cal.Calendar.Create(ctx, actor, calendar.ItemInput{Kind: store.ItemReminder, Title: title, Notes: notes, Start: d,
		End: d.Add(24 * time.Hour), AllDay: true, TimeZone: "UTC"})
	return it.ID, err
}

// RemoveReminder implements campaigns.ReleaseCalendar.
func (c releaseCalendar) RemoveReminder(ctx context.Context, actor string, itemID int64) error {
	if cal := c.w.Calendar(); cal != nil {
		return cal.Calendar.Delete(ctx, actor, itemID)
	}
	return nil
}

// seedCampaignsDemo adds the demo's creators, codes, links and orders, a few
// UGC releases and one reply experiment.
func seedCampaignsDemo(w *Workspace) error {
	return w.Campaigns().SeedDemo(w.Context())
}
