package workspace

import (
	"context"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/automation"
	"creatordesk/backend/events"
	"creatordesk/backend/governance"
	"creatordesk/backend/store"
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
	Rules      *automation.Rules
	Appeals    *governance.Appeals
	// AI is the optional OpenAI-compatible endpoint (its key in the keyring).
	AI *automation.AISettings
}

func init() {
	registerModule(Module{Name: automationModule, Start: startAutomation, SeedDemo: seedAutomationDemo})
}

// startAutomation registers the governance policies on the send gate, then
// handles stored messages in order on one goroutine, in batches of what has
// piled up (storedQueue: a sync never waits for it): STOP/START go to the
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
		Engine: &automation.Engine{Store: w.Store, Classifier: cl, Sender: w.Inbox, Connectors: w.Engine, Drafts: drafts, Bus: w.Bus},
		Ledger: &governance.Ledger{Store: w.Store}, Retention: &governance.Retention{Store: w.Store},
		Requests: &governance.Requests{Store: w.Store},
		Rules:    &automation.Rules{Store: w.Store}, Appeals: &governance.Appeals{Store: w.Store},
		AI: &automation.AISettings{Store: w.Store, Vault: w.Vault, KeyName: automation.APIKeyName(w.ID)},
	}
	wireAutomation(w, svc)
	w.SetService(automationModule, svc)

	queue := newStoredQueue()
	unsub := w.Bus.Subscribe(events.MessagesStored, func(p any) {
		queue.add(p.(events.MessagesStoredPayload).MessageIDs)
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		purge := time.NewTicker(24 * time.Hour)
		defer purge.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-queue.wake:
				if ids := queue.take(automationBatch); ids != nil {
					handleStoredBatch(ctx, w, svc, ids)
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

// automationBatch caps how many stored messages the automation worker takes
// at once (a first sync queues many pages while the worker is busy).
const automationBatch = 2000

// handleStoredBatch reads a batch of stored messages once, then sends
// STOP/START to the opt-out ledger and the rest through classification and
// the rules, in that order.
func handleStoredBatch(ctx context.Context, w *Workspace, svc *AutomationServices, ids []int64) {
	msgs, err := w.Store.InboundMessagesByIDs(ctx, ids)
	if err != nil {
		w.Log.Warn("automation: read stored messages", "err", err)
		return
	}
	if _, err := svc.Ledger.HandleInboundMessages(ctx, msgs); err != nil {
		w.Log.Warn("automation: opt-out ledger", "err", err)
	}
	if err := svc.Engine.HandleStoredMessages(ctx, msgs); err != nil {
		w.Log.Warn("automation: rules", "err", err)
	}
}

// Automation returns the workspace's automation services.
func Automation(w *Workspace) *AutomationServices {
	svc, _ := w.Service(automationModule).(*AutomationServices)
	return svc
}

// seedAutomationDemo gives the demo's Automation and Privacy screens
// something to show: two rules (switched off, so the demo inbox is not
// changed behind the user's back), a price reply drafted for approval in an
// English Telegram DM, a reply waiting for review, a retention policy (off)
// and an open appeal.
func seedAutomationDemo(w *Workspace) error {
	ctx := context.Background()
	svc := Automation(w)
	if svc == nil {
		return nil
	}
	rules := []automation.Rule{
		{Name: "Price questions: draft a reply for approval", Conditions: automation.Conditions{Kinds: []string{"dm"},
			Keywords: []string{"price", "how much", "cost"}}, Actions: []automation.Action{{Type: automation.ActionDraft}}},
		{Name: "Danger: escalate to a person", Conditions: automation.Conditions{Intents: []string{"danger"}},
			Actions: []automation.Action{{Type: automation.ActionEscalate, Note: "Check this one now"}, {Type: automation.ActionTag, Tag: "urgent"}}},
	}
	for _, r := range rules {
		if _, err := svc.Rules.Save(ctx, DemoActor, r); err != nil {
			return err
		}
	}
	convs, _, err := w.Store.Conversations(ctx, store.ConversationFilter{Platform: "telegram", Kind: "dm"}, store.ConversationCursor{}, 50)
	if err != nil {
		return err
	}
	var conv *store.Conversation
	for i := range convs {
		if convs[i].ContactID != nil && (conv == nil || strings.HasPrefix(convs[i].Language, "en")) {
			conv = &convs[i]
			if strings.HasPrefix(conv.Language, "en") {
				break
			}
		}
	}
	if conv != nil {
		d := store.AutomationDraft{ConversationID: conv.ID, Provider: "offline", Intent: "sales", Categories: automation.CategoryPrice,
			NeedsApproval: true, Text: "Thanks for asking! The small size is 24 EUR and ships within two working days."}
		if err := w.Store.CreateDraft(ctx, &d); err != nil {
			return err
		}
		cid := conv.ID
		if _, err := w.Store.AddReviewItem(ctx, store.ReviewItem{Kind: store.ReviewReply, TargetType: "conversation",
			TargetID: strconv.FormatInt(conv.ID, 10), ConversationID: &cid, Summary: "Thanks! We are open again on Monday at 9:00."}); err != nil {
			return err
		}
	}
	if _, err := svc.Retention.SavePolicy(ctx, DemoActor, store.RetentionPolicy{Name: "General chat", MatchType: store.RetentionKind,
		MatchValue: "dm", KeepDays: 180}); err != nil {
		return err
	}
	_, err = svc.Appeals.Create(ctx, DemoActor, store.Appeal{TargetType: "message", TargetID: "demo-hidden-comment",
		Reason: "My comment was hidden but it was a real question about sizes."}, time.Time{})
	return err
}
