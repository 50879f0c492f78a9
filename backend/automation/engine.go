package automation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"strconv"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/governance"
	"creatordesk/backend/inbox"
	"creatordesk/backend/moderation"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// Engine runs the rules on new messages.
type Engine struct {
	Store      *store.Store
	Classifier *Classifier
	Sender     Sender
	// Templates renders saved replies (nil until wired).
	Templates Templates
	// Connectors gives connectors for hiding comments (nil: hiding fails).
	Connectors ConnectorSource
	// InBusinessHours says whether a time is inside business hours (nil: always).
	InBusinessHours func(time.Time) bool
	// Notify is told about notify and escalate actions (nil: audit trail only).
	Notify func(Notification)
	// Drafts writes drafts for approval.
	Drafts *Drafts
	// Bus, when set, hears about comments a rule hid (moderation.Changed), so an open inbox refreshes.
	Bus *events.Bus
	// MaxMessageAge is how old a message may be for rules to act on it
	// (DefaultMaxMessageAge when zero). Older messages, such as the history a
	// first sync brings in, are classified but never answered or acted on.
	MaxMessageAge time.Duration
}

// DefaultMaxMessageAge keeps automation away from history: a rule acts on
// messages received in the last day only.
const DefaultMaxMessageAge = 24 * time.Hour

// fresh reports whether a message is recent enough for rules to act on it.
func (e *Engine) fresh(m store.Message) bool {
	limit := e.MaxMessageAge
	if limit <= 0 {
		limit = DefaultMaxMessageAge
	}
	return e.Store.Now().Sub(time.UnixMilli(m.SentAt)) <= limit
}

// Outcome is what one action did (or would do in a dry run).
type Outcome struct {
	Action Action `json:"action"`
	// Result is "done", "would", "skipped" or "failed".
	Result string `json:"result"`
	Detail string `json:"detail,omitempty"`
}

// HandleStored classifies newly stored messages and, unless the kill switch
// is on, runs the enabled rules on the inbound ones that are fresh (see
// MaxMessageAge), in order.
func (e *Engine) HandleStored(ctx context.Context, messageIDs []int64) error {
	msgs, err := e.Store.InboundMessagesByIDs(ctx, messageIDs)
	if err != nil {
		return err
	}
	return e.HandleStoredMessages(ctx, msgs)
}

// HandleStoredMessages is HandleStored for inbound messages already read
// (store.InboundMessagesByIDs), oldest first.
func (e *Engine) HandleStoredMessages(ctx context.Context, msgs []store.InboundMessage) error {
	rules, err := e.enabledRules(ctx)
	if err != nil {
		return err
	}
	var errs []error
	// The whole page is classified and saved in one transaction (the rules below read the verdicts).
	if _, err := e.Classifier.ClassifyMessages(ctx, msgs); err != nil {
		return err
	}
	for _, m := range msgs {
		if !e.fresh(m.Message) || governance.Paused(ctx, e.Store) || governance.ConversationPaused(ctx, e.Store, m.ConversationID) {
			continue
		}
		s, err := e.subject(ctx, m, false)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, r := range rules {
			if !r.Conditions.Matches(s, e.InBusinessHours) {
				continue
			}
			if governance.ConversationPaused(ctx, e.Store, m.ConversationID) {
				break // an earlier rule handed the conversation over to a person
			}
			outcomes := e.apply(ctx, r, s)
			oj, _ := json.Marshal(outcomes)
			mid, cid := m.ID, m.ConversationID
			if err := e.Store.RecordAutomationRun(ctx, store.AutomationRun{RuleID: r.ID, MessageID: &mid, ConversationID: &cid,
				ActionsJSON: string(oj), Outcome: summarize(outcomes)}); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// enabledRules decodes the enabled rules in order (undecodable rules are skipped).
func (e *Engine) enabledRules(ctx context.Context) ([]Rule, error) {
	rows, err := e.Store.AutomationRules(ctx)
	if err != nil {
		return nil, err
	}
	var out []Rule
	for _, row := range rows {
		if r, err := DecodeRule(row); err == nil && r.Enabled {
			out = append(out, r)
		}
	}
	return out, nil
}

// summarize is a run's one-word outcome.
func summarize(outs []Outcome) string {
	for _, o := range outs {
		if o.Result == "failed" {
			return "failed"
		}
	}
	return "done"
}

// apply runs a rule's actions for a subject, each recorded in the audit trail.
func (e *Engine) apply(ctx context.Context, r Rule, s Subject) []Outcome {
	out := make([]Outcome, 0, len(r.Actions))
	for _, a := range r.Actions {
		detail, err := e.do(ctx, r, s, a)
		o := Outcome{Action: a, Result: "done", Detail: detail}
		if err != nil {
			o.Result, o.Detail = "failed", err.Error()
			var refusedErr *governance.RefusedError
			if errors.As(err, &refusedErr) {
				o.Result, o.Detail = "skipped", refusedErr.Reason
			}
		}
		out = append(out, o)
		after, _ := json.Marshal(map[string]any{"action": a, "result": o.Result, "detail": o.Detail, "messageId": s.Message.ID})
		_, _ = e.Store.AppendAudit(ctx, store.AuditEvent{Actor: r.Actor(), Action: "automation." + a.Type,
			TargetType: "conversation", TargetID: strconv.FormatInt(s.Message.ConversationID, 10), Reason: r.Name, AfterJSON: string(after)})
	}
	return out
}

// do performs one action.
func (e *Engine) do(ctx context.Context, r Rule, s Subject, a Action) (string, error) {
	convID := s.Message.ConversationID
	switch a.Type {
	case ActionTag:
		_, err := e.Store.RuleTagConversation(ctx, convID, a.Tag)
		return a.Tag, err
	case ActionAssign:
		return a.Assignee, e.Store.RuleAssignConversation(ctx, convID, a.Assignee)
	case ActionPriority:
		return strconv.Itoa(a.Priority), e.Store.RuleSetPriority(ctx, convID, a.Priority)
	case ActionReply:
		return e.replyWithTemplate(ctx, r, s, a.TemplateID)
	case ActionDraft:
		if e.Drafts == nil {
			return "", errors.New("automation: no drafter")
		}
		d, err := e.Drafts.Create(ctx, r.ID, s)
		return fmt.Sprintf("draft %d", d.ID), err
	case ActionHide:
		return e.hide(ctx, r, s)
	case ActionEscalate:
		return e.escalate(ctx, r, s, a)
	case ActionNotify:
		e.notify(Notification{RuleID: r.ID, ConversationID: convID, MessageID: s.Message.ID, Kind: "notify", Note: a.Note})
		return a.Note, nil
	case ActionLiveQuestion:
		rid := r.ID
		q, err := e.Store.AddLiveQuestion(ctx, store.LiveQuestion{ConversationID: convID, MessageID: s.Message.ID, RuleID: &rid, Text: s.Message.Text})
		return fmt.Sprintf("question %d", q.ID), err
	}
	return "", fmt.Errorf("automation: unknown action %q", a.Type)
}

// notify tells the notifier, if any.
func (e *Engine) notify(n Notification) {
	if e.Notify != nil {
		e.Notify(n)
	}
}

// replyWithTemplate renders a template and sends it through the gate as an automated reply.
func (e *Engine) replyWithTemplate(ctx context.Context, r Rule, s Subject, templateID int64) (string, error) {
	if e.Templates == nil {
		return "", ErrNoTemplates
	}
	conv, err := e.Store.ConversationByID(ctx, s.Message.ConversationID)
	if err != nil {
		return "", err
	}
	text, err := e.Templates.Render(ctx, templateID, conv)
	if err != nil {
		return "", err
	}
	m, err := e.Sender.Send(ctx, inbox.SendRequest{ConversationID: conv.ID, Text: text, Actor: r.Actor(),
		Origin: inbox.OriginAutomation, TemplateID: templateID})
	if err != nil {
		return "", err
	}
	e.sampleForReview(ctx, store.ReviewReply, "message", m.ID, conv.ID, r.ID, text)
	return fmt.Sprintf("message %d", m.ID), nil
}

// hide hides a comment through the connector when it can moderate.
func (e *Engine) hide(ctx context.Context, r Rule, s Subject) (string, error) {
	if s.Message.Kind != "comment" {
		return "", ErrNotAComment
	}
	if e.Connectors == nil {
		return "", ErrCannotModerate
	}
	conn, _, err := e.Connectors.Connector(ctx, s.Message.AccountID)
	if err != nil {
		return "", err
	}
	mod, ok := conn.(platforms.Moderator)
	if !ok {
		return "", ErrCannotModerate
	}
	conv, err := e.Store.ConversationByID(ctx, s.Message.ConversationID)
	if err != nil {
		return "", err
	}
	err = mod.Moderate(ctx, platforms.ModerationAction{Kind: platforms.ModerateHide, TargetExternalID: s.Message.ExternalID,
		ThreadExternalID: conv.ExternalID})
	// Recorded like a person's action: the message's hidden state, the moderation log, the audit trail.
	rec := store.ModerationRecord{MessageID: s.Message.ID, Action: string(platforms.ModerateHide), Actor: r.Actor(),
		Origin: store.ModerationByAutomation, Reason: fmt.Sprintf("rule %d", r.ID)}
	if err != nil {
		rec.Outcome, rec.ErrorKind, rec.ErrorDetail = store.ModerationFailed, string(platforms.KindOf(err)), err.Error()
	}
	if recorded, recErr := e.Store.RecordModeration(context.WithoutCancel(ctx), rec); recErr == nil {
		moderation.Announce(e.Bus, recorded, err == nil)
	}
	if err != nil {
		return "", err
	}
	e.sampleForReview(ctx, store.ReviewModeration, "message", s.Message.ID, conv.ID, r.ID, s.Message.Text)
	return "hidden", nil
}

// sampleForReview puts the configured share of automated work in the review
// queue. The pick depends only on the item's id, so it is reproducible.
func (e *Engine) sampleForReview(ctx context.Context, kind, targetType string, targetID, convID, ruleID int64, summary string) {
	share := governance.ReviewShare(ctx, e.Store)
	h := fnv.New32a()
	fmt.Fprintf(h, "%s:%d", kind, targetID)
	if int(h.Sum32()%100) >= share {
		return
	}
	rid, cid := ruleID, convID
	_, _ = e.Store.AddReviewItem(ctx, store.ReviewItem{Kind: kind, TargetType: targetType, TargetID: strconv.FormatInt(targetID, 10),
		ConversationID: &cid, RuleID: &rid, Summary: summary})
}

// DryRunHit is one past message a rule would have acted on.
type DryRunHit struct {
	MessageID      int64    `json:"messageId"`
	ConversationID int64    `json:"conversationId"`
	Text           string   `json:"text"`
	SentAt         int64    `json:"sentAt"`
	Intent         string   `json:"intent"`
	Sentiment      string   `json:"sentiment"`
	Actions        []Action `json:"actions"`
}

// DryRun replays a rule (saved or not, enabled or not) against the inbound
// messages since a time and lists what it would have done. It changes nothing.
func (e *Engine) DryRun(ctx context.Context, r Rule, since time.Time, limit int) ([]DryRunHit, error) {
	msgs, err := e.Store.InboundMessagesSince(ctx, since.UnixMilli(), limit)
	if err != nil {
		return nil, err
	}
	var out []DryRunHit
	for _, m := range msgs {
		s, err := e.subject(ctx, m, false)
		if err != nil {
			return nil, err
		}
		if r.Conditions.Matches(s, e.InBusinessHours) {
			out = append(out, DryRunHit{MessageID: m.ID, ConversationID: m.ConversationID, Text: m.Text, SentAt: m.SentAt,
				Intent: s.Result.Intent, Sentiment: s.Result.Sentiment, Actions: r.Actions})
		}
	}
	return out, nil
}

// Errors an action can fail with.
var (
	ErrNoTemplates    = errors.New("automation: saved replies are not available")
	ErrNotAComment    = errors.New("automation: only comments can be hidden")
	ErrCannotModerate = errors.New("automation: this platform cannot hide comments from CreatorDesk")
)
