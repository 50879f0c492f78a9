package app

import (
	"context"
	"sort"
	"strings"
	"time"

	"creatordesk/backend/automation"
	"creatordesk/backend/automation/classify"
	"creatordesk/backend/governance"
	"creatordesk/backend/store"
	"creatordesk/backend/workspace"
)

// Automation is the bound facade for rules, the dry run, the kill switch,
// drafts awaiting approval, the review queue and the classifier.
type Automation struct{ s *Session }

// NewAutomation binds the facade to a session.
func NewAutomation(s *Session) *Automation { return &Automation{s: s} }

func init() { registerFacade(func(s *Session) any { return NewAutomation(s) }) }

// svc is the open workspace's automation services.
func (a *Automation) svc() (*workspace.AutomationServices, error) {
	svc := workspace.Automation(a.s.Workspace())
	if svc == nil {
		return nil, invalidInput("automation is not running")
	}
	return svc, nil
}

// Options returns the choices the rule editor offers.
func (a *Automation) Options() (AutomationOptionsDTO, error) {
	return AutomationOptionsDTO{Intents: classify.Intents(), Kinds: classify.Kinds(),
		Sentiments: []string{classify.SentimentPositive, classify.SentimentNeutral, classify.SentimentNegative},
		Actions: []string{automation.ActionTag, automation.ActionAssign, automation.ActionPriority, automation.ActionReply,
			automation.ActionDraft, automation.ActionHide, automation.ActionEscalate, automation.ActionNotify, automation.ActionLiveQuestion}}, nil
}

// Rules lists the rules in the order they run.
func (a *Automation) Rules() ([]AutomationRuleDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return nil, err
	}
	rules, pos, err := svc.Rules.List(context.Background())
	if err != nil {
		return nil, err
	}
	out := make([]AutomationRuleDTO, len(rules))
	for i, r := range rules {
		out[i] = toRuleDTO(r, pos[i])
	}
	return out, nil
}

// SaveRule validates and stores a rule (id 0 creates it, placed last).
func (a *Automation) SaveRule(dto AutomationRuleDTO) (AutomationRuleDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return AutomationRuleDTO{}, err
	}
	saved, err := svc.Rules.Save(context.Background(), a.s.Actor(), ruleFromDTO(dto))
	if err != nil {
		return AutomationRuleDTO{}, err
	}
	return a.ruleByID(saved.ID)
}

// ruleByID returns one rule as listed (with its position).
func (a *Automation) ruleByID(id int64) (AutomationRuleDTO, error) {
	list, err := a.Rules()
	if err != nil {
		return AutomationRuleDTO{}, err
	}
	for _, r := range list {
		if r.ID == id {
			return r, nil
		}
	}
	return AutomationRuleDTO{}, store.ErrNotFound
}

// SetRuleEnabled switches one rule on or off.
func (a *Automation) SetRuleEnabled(id int64, enabled bool) (AutomationRuleDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return AutomationRuleDTO{}, err
	}
	if err := svc.Rules.SetEnabled(context.Background(), a.s.Actor(), id, enabled); err != nil {
		return AutomationRuleDTO{}, err
	}
	return a.ruleByID(id)
}

// DeleteRule removes a rule.
func (a *Automation) DeleteRule(id int64) error {
	svc, err := a.svc()
	if err != nil {
		return err
	}
	return svc.Rules.Delete(context.Background(), a.s.Actor(), id)
}

// ReorderRules sets the run order; ids must list every rule once.
func (a *Automation) ReorderRules(ids []int64) ([]AutomationRuleDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return nil, err
	}
	if err := svc.Rules.Reorder(context.Background(), a.s.Actor(), ids); err != nil {
		return nil, err
	}
	return a.Rules()
}

// maxDryRunMessages bounds how many past messages one dry run looks at.
const maxDryRunMessages = 2000

// DryRun shows what a rule (saved or not) would have done on the inbound
// messages of the last days (1 to 90). It changes nothing.
func (a *Automation) DryRun(dto AutomationRuleDTO, days int) (AutomationDryRunDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return AutomationDryRunDTO{}, err
	}
	if days < 1 || days > 90 {
		return AutomationDryRunDTO{}, invalidInput("days")
	}
	r := ruleFromDTO(dto)
	if len(r.Actions) == 0 {
		return AutomationDryRunDTO{}, &automation.InvalidRuleError{Field: "actions"}
	}
	since := svc.Engine.Store.Now().Add(-time.Duration(days) * 24 * time.Hour)
	ctx := context.Background()
	checked, err := svc.Engine.Store.InboundMessagesSince(ctx, since.UnixMilli(), maxDryRunMessages)
	if err != nil {
		return AutomationDryRunDTO{}, err
	}
	hits, err := svc.Engine.DryRun(ctx, r, since, maxDryRunMessages)
	if err != nil {
		return AutomationDryRunDTO{}, err
	}
	out := AutomationDryRunDTO{Since: rfc3339(since.UnixMilli()), Checked: len(checked), Hits: make([]AutomationDryRunHitDTO, 0, len(hits))}
	for _, h := range hits {
		out.Hits = append(out.Hits, AutomationDryRunHitDTO{MessageID: h.MessageID, ConversationID: h.ConversationID, Text: h.Text,
			SentAt: rfc3339(h.SentAt), Intent: h.Intent, Sentiment: h.Sentiment, Actions: actionsToDTO(h.Actions)})
	}
	return out, nil
}

// Status returns the kill switch and the caps.
func (a *Automation) Status() (AutomationStatusDTO, error) {
	st := a.s.Workspace().Store
	ctx := context.Background()
	l := governance.ReadLimits(ctx, st)
	return AutomationStatusDTO{Paused: governance.Paused(ctx, st), ContactHourlyCap: l.ContactHourly, AccountDailyCap: l.AccountDaily,
		LoopCap: l.LoopPerTenMinutes, ReviewSharePercent: governance.ReviewShare(ctx, st)}, nil
}

// SetPaused turns the global kill switch on (every automation stops) or off.
func (a *Automation) SetPaused(paused bool) (AutomationStatusDTO, error) {
	if err := governance.SetPaused(context.Background(), a.s.Workspace().Store, a.s.Actor(), paused); err != nil {
		return AutomationStatusDTO{}, err
	}
	return a.Status()
}

// Drafts lists the drafts waiting for a person, newest first.
func (a *Automation) Drafts() ([]AutomationDraftDTO, error) {
	rows, err := a.s.Workspace().Store.Drafts(context.Background(), store.DraftPending, 200)
	if err != nil {
		return nil, err
	}
	out := make([]AutomationDraftDTO, 0, len(rows))
	for _, d := range rows {
		out = append(out, toDraftDTO(d))
	}
	return out, nil
}

// ApproveDraft sends a draft (text "" = as drafted, else the edited text)
// through the send gate as an AI-assisted automated message. A refusal
// (opt-out, caps, kill switch) comes back translated.
func (a *Automation) ApproveDraft(id int64, text string) (MessageDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return MessageDTO{}, err
	}
	m, err := svc.Drafts.Approve(context.Background(), id, a.s.Actor(), strings.TrimSpace(text))
	if err != nil {
		return MessageDTO{}, err
	}
	return toMessageDTO(m), nil
}

// RejectDraft discards a draft with an optional note.
func (a *Automation) RejectDraft(id int64, note string) error {
	svc, err := a.svc()
	if err != nil {
		return err
	}
	return svc.Drafts.Reject(context.Background(), id, a.s.Actor(), strings.TrimSpace(note))
}

// ReviewQueue lists sampled automated work: waiting items only, or all.
func (a *Automation) ReviewQueue(pendingOnly bool) ([]ReviewItemDTO, error) {
	rows, err := a.s.Workspace().Store.ReviewItems(context.Background(), pendingOnly, 200)
	if err != nil {
		return nil, err
	}
	out := make([]ReviewItemDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, toReviewDTO(r))
	}
	return out, nil
}

// MarkReview records a verdict: "right" or "wrong".
func (a *Automation) MarkReview(id int64, verdict string) (ReviewItemDTO, error) {
	it, err := automation.MarkReview(context.Background(), a.s.Workspace().Store, a.s.Actor(), id, verdict)
	if err != nil {
		return ReviewItemDTO{}, err
	}
	return toReviewDTO(it), nil
}

// Quality reports the classifier's held-out figures and the moderation false-positive rate.
func (a *Automation) Quality() (ClassifierQualityDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return ClassifierQualityDTO{}, err
	}
	return a.quality(svc.Classifier.Quality())
}

// Retrain learns from the team's labels and reports the new figures.
func (a *Automation) Retrain() (ClassifierQualityDTO, error) {
	svc, err := a.svc()
	if err != nil {
		return ClassifierQualityDTO{}, err
	}
	q, err := svc.Classifier.Retrain(context.Background(), a.s.Actor())
	if err != nil {
		return ClassifierQualityDTO{}, err
	}
	return a.quality(&q)
}

// quality converts figures (nil before the first training) and adds the moderation rate.
func (a *Automation) quality(q *classify.Quality) (ClassifierQualityDTO, error) {
	st := a.s.Workspace().Store
	out := ClassifierQualityDTO{Intents: []IntentQualityDTO{}}
	if q != nil {
		out.Trained, out.HeldOut, out.Accuracy = true, q.Examples, q.Accuracy
		for intent, iq := range q.PerIntent {
			out.Intents = append(out.Intents, IntentQualityDTO{Intent: intent, Precision: iq.Precision, Recall: iq.Recall, Support: iq.Support})
		}
		order := map[string]int{}
		for i, in := range classify.Intents() {
			order[in] = i
		}
		sort.Slice(out.Intents, func(i, j int) bool { return order[out.Intents[i].Intent] < order[out.Intents[j].Intent] })
	}
	ctx := context.Background()
	if row, err := st.LatestClassifierModel(ctx); err == nil {
		out.Examples = row.Examples
	}
	now := st.Now()
	mq, err := st.ModerationFalsePositiveRate(ctx, now.Add(-90*24*time.Hour), now.Add(time.Minute))
	if err != nil {
		return out, err
	}
	out.ModerationChecked, out.FalsePositiveRate = mq.Reviewed, mq.FalsePositiveRate
	return out, nil
}

// toRuleDTO converts a rule for the UI (lists are never null).
func toRuleDTO(r automation.Rule, position int) AutomationRuleDTO {
	c := r.Conditions
	return AutomationRuleDTO{ID: r.ID, Name: r.Name, Position: position, Enabled: r.Enabled, Actions: actionsToDTO(r.Actions),
		Conditions: AutomationConditionsDTO{Kinds: autoNonNil(c.Kinds), Platforms: autoNonNil(c.Platforms), AccountIDs: autoNonNil(c.AccountIDs),
			Keywords: autoNonNil(c.Keywords), Intents: autoNonNil(c.Intents), Sentiments: autoNonNil(c.Sentiments), Contact: autoNonNilMap(c.Contact), Hours: c.Hours}}
}

// ruleFromDTO reads the UI's rule, dropping blank list entries.
func ruleFromDTO(d AutomationRuleDTO) automation.Rule {
	c := d.Conditions
	contact := map[string]string{}
	for k, v := range c.Contact {
		if k, v = strings.TrimSpace(k), strings.TrimSpace(v); k != "" && v != "" {
			contact[k] = v
		}
	}
	if len(contact) == 0 {
		contact = nil
	}
	r := automation.Rule{ID: d.ID, Name: d.Name, Enabled: d.Enabled, Conditions: automation.Conditions{Kinds: autoTrimmed(c.Kinds),
		Platforms: autoTrimmed(c.Platforms), AccountIDs: c.AccountIDs, Keywords: autoTrimmed(c.Keywords), Intents: autoTrimmed(c.Intents),
		Sentiments: autoTrimmed(c.Sentiments), Contact: contact, Hours: c.Hours}}
	for _, x := range d.Actions {
		r.Actions = append(r.Actions, automation.Action{Type: x.Type, Tag: strings.TrimSpace(x.Tag), Assignee: strings.TrimSpace(x.Assignee),
			Priority: x.Priority, TemplateID: x.TemplateID, Note: strings.TrimSpace(x.Note)})
	}
	return r
}

// actionsToDTO converts actions (never null).
func actionsToDTO(in []automation.Action) []AutomationActionDTO {
	out := make([]AutomationActionDTO, 0, len(in))
	for _, x := range in {
		out = append(out, AutomationActionDTO{Type: x.Type, Tag: x.Tag, Assignee: x.Assignee, Priority: x.Priority, TemplateID: x.TemplateID, Note: x.Note})
	}
	return out
}

// toDraftDTO converts a stored draft.
func toDraftDTO(d store.AutomationDraft) AutomationDraftDTO {
	out := AutomationDraftDTO{ID: d.ID, ConversationID: d.ConversationID, ConversationTitle: d.ConversationTitle, ContactID: d.ContactID,
		ContactName: d.ContactName, Provider: d.Provider, Text: d.Text, Intent: d.Intent, Categories: autoTrimmed(strings.Split(d.Categories, ",")),
		NeedsApproval: d.NeedsApproval, Status: d.Status, CreatedAt: rfc3339(d.CreatedAt)}
	if d.MessageID != nil {
		out.MessageID = *d.MessageID
	}
	if d.RuleID != nil {
		out.RuleID = *d.RuleID
	}
	return out
}

// toReviewDTO converts a review item.
func toReviewDTO(r store.ReviewItem) ReviewItemDTO {
	out := ReviewItemDTO{ID: r.ID, Kind: r.Kind, TargetType: r.TargetType, TargetID: r.TargetID, Summary: r.Summary, Verdict: r.Verdict,
		Reviewer: r.Reviewer, CreatedAt: rfc3339(r.CreatedAt), ReviewedAt: rfc3339(r.ReviewedAt)}
	if r.ConversationID != nil {
		out.ConversationID = *r.ConversationID
	}
	if r.RuleID != nil {
		out.RuleID = *r.RuleID
	}
	return out
}

// autoTrimmed drops blank entries and trims the rest (never null).
func autoTrimmed(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// autoNonNil returns an empty slice for nil.
func autoNonNil[T any](in []T) []T {
	if in == nil {
		return []T{}
	}
	return in
}

// autoNonNilMap returns an empty map for nil.
func autoNonNilMap(in map[string]string) map[string]string {
	if in == nil {
		return map[string]string{}
	}
	return in
}
