package workspace

import (
	"context"
	"fmt"
	"time"

	"creatordesk/backend/automation"
	"creatordesk/backend/automation/classify"
	"creatordesk/backend/notify"
	"creatordesk/backend/sla"
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
	svc.Drafts.Provider = &automation.SwitchingProvider{AI: svc.AI, Offline: automation.OfflineDrafter{Templates: tpl}}
	svc.Engine.Notify = func(n automation.Notification) { notifyHandover(w, n) }
	svc.Engine.InBusinessHours = func(at time.Time) bool {
		sla := w.SLA()
		if sla == nil {
			return true
		}
		_, cal := sla.Calendar()
		return cal == nil || cal.IsOpen(at)
	}
}

// handoverTitles are the desktop notification titles of the notify and
// escalate actions, per language ({id} is the conversation).
var handoverTitles = map[string]map[string]string{
	"escalate": {"en": "A conversation needs a person (#%d)", "zh-Hans": "有一个对话需要人工处理（#%d）",
		"zh-Hant": "有一則對話需要真人處理（#%d）", "ro": "O conversație are nevoie de un om (#%d)", "hi": "एक बातचीत को किसी व्यक्ति की ज़रूरत है (#%d)"},
	"notify": {"en": "An automation rule flagged a conversation (#%d)", "zh-Hans": "自动化规则标记了一个对话（#%d）",
		"zh-Hant": "自動化規則標記了一則對話（#%d）", "ro": "O regulă automată a semnalat o conversație (#%d)", "hi": "एक ऑटोमेशन नियम ने बातचीत चिह्नित की (#%d)"},
}

// notifyHandover shows the notify and escalate actions as a desktop
// notification, when notifications are on and it is not quiet time (a
// hand-over is urgent). The audit trail records the action either way.
func notifyHandover(w *Workspace, n automation.Notification) {
	s := w.SLA()
	if s == nil {
		return
	}
	set := s.NotifySettings()
	_, cal := s.Calendar()
	var loc *time.Location
	if cal != nil {
		loc = cal.Location()
	}
	if !set.Enabled || (set.DND && notify.InQuietHours(set, w.Store.Now(), loc)) {
		return
	}
	ctx := w.Context()
	lang, _ := w.Store.Setting(ctx, "language", "")
	lang = sla.PickLanguage(lang)
	titles := handoverTitles[n.Kind]
	title, ok := titles[lang]
	if !ok {
		title = titles["en"]
	}
	if err := s.Notifier().Notify(ctx, notify.Notification{Title: fmt.Sprintf(title, n.ConversationID), Body: n.Note,
		Urgent: n.Kind == "escalate"}); err != nil {
		w.Log.Info("automation: notification not shown", "err", err)
	}
}
