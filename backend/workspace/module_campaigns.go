package workspace

import (
	"context"
	"time"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/shopify"
	"creatordesk/backend/store"
)

// campaignsModule is the module name of the campaigns area.
const campaignsModule = "campaigns"

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
	svc := &campaigns.Service{Store: w.Store, Bus: w.Bus, Sources: engineOrderSources{w}}
	w.SetService(campaignsModule, svc)
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
	go func() {
		defer close(done)
		runOrdersLoop(ctx, w, svc, CampaignsSyncInterval)
	}()
	return func() { cancel(); <-done }, nil
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

// seedCampaignsDemo adds the demo's creators, codes, links and orders.
func seedCampaignsDemo(w *Workspace) error {
	return w.Campaigns().SeedDemo(w.Context())
}
