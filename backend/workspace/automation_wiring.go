package workspace

import (
	"context"
	"time"

	"creatordesk/backend/automation"
	"creatordesk/backend/automation/classify"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// automationTemplates gives the rules engine and the offline drafter the
// workspace's saved replies. Modules start in file order (automation before
// templates), so the templates service is looked up at each call.
type automationTemplates struct{ w *Workspace }

// Render implements automation.Templates: the template filled for the
// conversation; a template with an unfilled token is an error (the send gate
// would refuse it anyway).
func (t automationTemplates) Render(ctx context.Context, templateID int64, conv store.Conversation) (string, error) {
	svc := Templates(t.w)
	if svc == nil {
		return "", store.ErrNotFound
	}
	res, err := svc.RenderFor(ctx, templates.RenderRequest{TemplateID: templateID, ConversationID: conv.ID, Actor: "automation"})
	if err != nil {
		return "", err
	}
	if len(res.Missing) > 0 {
		return "", &templates.UnfilledError{Tokens: res.Missing}
	}
	return res.Text, nil
}

// intentShortcuts maps a classifier label to the saved replies that answer it,
// best first (the starter set's shortcuts; a team's own template with the same
// shortcut takes their place).
var intentShortcuts = map[string][]string{
	classify.KindProductInquiry: {"price", "shipping"},
	classify.KindOrderIssue:     {"order", "returns"},
	classify.KindCollaboration:  {"collab"},
	classify.KindComplaint:      {"sorry"},
	classify.KindPraise:         {"thanks"},
	classify.IntentSales:        {"price"},
	classify.IntentSupport:      {"order"},
}

// ForIntent implements automation.Templates.
func (t automationTemplates) ForIntent(ctx context.Context, intent, kind, _ string) (int64, bool, error) {
	list, err := t.w.Store.Templates(ctx, store.TemplateFilter{})
	if err != nil {
		return 0, false, err
	}
	byShortcut := make(map[string]store.Template, len(list))
	for _, tpl := range list {
		byShortcut[tpl.Shortcut] = tpl
	}
	for _, label := range []string{kind, intent} {
		for _, sc := range intentShortcuts[label] {
			if tpl, ok := byShortcut[sc]; ok {
				return tpl.ID, true, nil
			}
		}
	}
	return 0, false, nil
}

// wireAutomation connects the rules engine to the areas that start after it.
func wireAutomation(w *Workspace, svc *AutomationServices) {
	tpl := automationTemplates{w}
	svc.Engine.Templates = tpl
	svc.Drafts.Provider = automation.OfflineDrafter{Templates: tpl}
	svc.Engine.InBusinessHours = func(at time.Time) bool {
		sla := w.SLA()
		if sla == nil {
			return true
		}
		_, cal := sla.Calendar()
		return cal == nil || cal.IsOpen(at)
	}
}
