package calendar

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// Why a queued sequence step was cancelled (stored as its refusal).
const (
	// ReasonCancelledByPerson: someone cancelled the step or the enrolment.
	ReasonCancelledByPerson = "cancelled"
	// ReasonSequenceEdited: the sequence was edited and its queue cancelled.
	ReasonSequenceEdited = "sequence_edited"
	// ReasonSequenceArchived: the sequence was archived and its queue cancelled.
	ReasonSequenceArchived = "sequence_archived"
)

// archivedSetting holds the ids of archived sequences (a JSON list).
const archivedSetting = "calendar.sequences.archived"

// PurposeMarketing is the consent purpose a sequence needs (the governance
// area's purpose of the same name).
const PurposeMarketing = "marketing"

// Renderer gathers the token values of a conversation (templates.Service).
type Renderer interface {
	Values(ctx context.Context, conversationID int64, manual map[string]string, actor string) (map[string]string, error)
}

// renderer is the messenger's Renderer: the one set, else the saved-reply
// service's built-in sources (contact, thread, brand).
func (m *Messenger) renderer() Renderer {
	if m.Render != nil {
		return m.Render
	}
	return templates.NewService(m.Store)
}

// ConsentState is what the send gate will think of a conversation's contact.
type ConsentState struct {
	// HasContact is false for a conversation without a known person.
	HasContact bool
	ContactID  int64
	// Consented: a standing consent to marketing messages.
	Consented bool
	// OptedOut: the contact said STOP (to marketing or automated messages).
	OptedOut   bool
	OptedOutAt int64
	Channel    string
	// PublicThread: the conversation is a public comment thread, where
	// planned offers are never posted (sequences are for direct messages).
	PublicThread bool
}

// Allowed reports whether sequence messages may be queued for the contact.
func (c ConsentState) Allowed() bool {
	return c.HasContact && c.Consented && !c.OptedOut && !c.PublicThread
}

// refusal is the EnrollRefusedError the state calls for (nil when allowed).
func (c ConsentState) refusal() error {
	switch {
	case !c.HasContact:
		return &EnrollRefusedError{Reason: "noContact"}
	case c.PublicThread:
		return &EnrollRefusedError{Reason: "notDirect"}
	case c.OptedOut:
		return &EnrollRefusedError{Reason: "optedOut", Args: map[string]string{
			"at": time.UnixMilli(c.OptedOutAt).UTC().Format("2006-01-02"), "channel": c.Channel}}
	case !c.Consented:
		return &EnrollRefusedError{Reason: "noConsent"}
	}
	return nil
}

// Consent reads a conversation's consent and opt-out state, as the send gate does.
func (m *Messenger) Consent(ctx context.Context, conversationID int64) (ConsentState, error) {
	conv, err := m.Store.ConversationByID(ctx, conversationID)
	if errors.Is(err, store.ErrNotFound) {
		return ConsentState{}, &NotFoundError{What: "conversation"}
	}
	if err != nil || conv.ContactID == nil {
		return ConsentState{}, err
	}
	st := ConsentState{HasContact: true, ContactID: *conv.ContactID, PublicThread: conv.Kind != "dm"}
	if st.Consented, err = m.Store.HasConsent(ctx, st.ContactID, PurposeMarketing); err != nil {
		return st, err
	}
	for _, scope := range []string{store.ScopeMarketing, store.ScopeAutomated} {
		out, entry, err := m.Store.OptedOut(ctx, st.ContactID, scope)
		if err != nil {
			return st, err
		}
		if out {
			st.OptedOut, st.OptedOutAt, st.Channel = true, entry.At, entry.Channel
			break
		}
	}
	return st, nil
}

// PlannedStep is one step as it would be queued for a conversation.
type PlannedStep struct {
	Step  int
	DueAt time.Time
	// Text is the step filled for the conversation's contact; Missing lists
	// the tokens still without a value (left in Text as {name}).
	Text    string
	Missing []string
}

// EnrollPlan is what enrolling a conversation would do.
type EnrollPlan struct {
	Sequence store.MessageSequence
	Archived bool
	Consent  ConsentState
	Steps    []PlannedStep
	// Missing is every token still without a value, once each.
	Missing []string
	// Queued is how many of this sequence's steps already wait for the conversation.
	Queued int
}

// Plan renders a sequence for a conversation (values fill the tokens typed
// by hand, such as {discount_code}) without queueing anything.
func (m *Messenger) Plan(ctx context.Context, actor string, sequenceID, conversationID int64, values map[string]string) (EnrollPlan, error) {
	m.init()
	q, err := m.Store.MessageSequenceByID(ctx, sequenceID)
	if errors.Is(err, store.ErrNotFound) {
		return EnrollPlan{}, &NotFoundError{What: "sequence"}
	}
	if err != nil {
		return EnrollPlan{}, err
	}
	plan := EnrollPlan{Sequence: q}
	if plan.Consent, err = m.Consent(ctx, conversationID); err != nil {
		return plan, err
	}
	archived, err := m.Archived(ctx)
	if err != nil {
		return plan, err
	}
	plan.Archived = archived[q.ID]
	steps, err := decodeSteps(q.StepsJSON)
	if err != nil {
		return plan, err
	}
	vals, err := m.renderer().Values(ctx, conversationID, values, actor)
	if err != nil {
		return plan, err
	}
	seen := map[string]bool{}
	at := m.Clock.Now()
	for i, st := range steps {
		at = at.Add(time.Duration(st.DelayHours) * time.Hour)
		r, err := templates.RenderBody(st.Text, vals)
		if err != nil {
			return plan, err
		}
		plan.Steps = append(plan.Steps, PlannedStep{Step: i + 1, DueAt: at, Text: r.Text, Missing: r.Missing})
		for _, name := range r.Missing {
			if !seen[name] {
				seen[name] = true
				plan.Missing = append(plan.Missing, name)
			}
		}
	}
	queued, err := m.Store.ScheduledOutbox(ctx, store.ScheduledFilter{SequenceID: q.ID, ConversationID: conversationID,
		States: []string{store.MsgPending, store.MsgSending}})
	plan.Queued = len(queued)
	return plan, err
}

// EnrollWith queues every step of a sequence for a conversation, each filled
// for its contact and due its cumulative delay from now. It refuses an
// archived sequence, a contact without marketing consent or opted out, and
// steps whose tokens have no value. Enrolling twice queues nothing new.
func (m *Messenger) EnrollWith(ctx context.Context, actor string, sequenceID, conversationID int64, values map[string]string) (int, error) {
	plan, err := m.Plan(ctx, actor, sequenceID, conversationID, values)
	if err != nil {
		return 0, err
	}
	if plan.Archived {
		return 0, &EnrollRefusedError{Reason: "archived"}
	}
	if err := plan.Consent.refusal(); err != nil {
		_, _ = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "calendar.sequence_enroll_refused", TargetType: "conversation",
			TargetID: fmt.Sprint(conversationID), Reason: plan.Sequence.Name + ": " + err.(*EnrollRefusedError).Reason})
		return 0, err
	}
	if len(plan.Missing) > 0 {
		return 0, &EnrollRefusedError{Reason: "missingTokens", Args: map[string]string{"tokens": strings.Join(plan.Missing, ", ")}}
	}
	q := plan.Sequence
	n := 0
	for _, st := range plan.Steps {
		sid, cid := q.ID, plan.Consent.ContactID
		sm := store.ScheduledMessage{SequenceID: &sid, Kind: q.Kind, ConversationID: conversationID, ContactID: &cid, Step: st.Step,
			Text: st.Text, DueAt: st.DueAt.UnixMilli(), CreatedBy: actor, DedupeKey: m.dedupeKey(ctx, q.ID, conversationID, st.Step)}
		added, err := m.Store.AddScheduledMessage(ctx, &sm)
		if err != nil {
			return n, err
		}
		if added {
			n++
		}
	}
	after, _ := json.Marshal(map[string]any{"sequence": q.ID, "queued": n})
	_, _ = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "calendar.sequence_enrolled", TargetType: "conversation",
		TargetID: fmt.Sprint(conversationID), Reason: q.Name, AfterJSON: string(after)})
	m.Poke()
	return n, nil
}

// dedupeKey keeps one enrolment of a conversation in a sequence at a time: a
// step already queued (or sent) for the same enrolment is not queued again.
// Once the enrolment is over (nothing waiting), enrolling again starts a new one.
func (m *Messenger) dedupeKey(ctx context.Context, sequenceID, conversationID int64, step int) string {
	return fmt.Sprintf("seq:%d:conv:%d:step:%d:at:%d", sequenceID, conversationID, step, m.enrolmentEpoch(ctx, sequenceID, conversationID))
}

// enrolmentEpoch numbers enrolments: the count of this conversation's
// finished (not waiting) step-1 messages of the sequence, so a new enrolment
// after the last one ended gets fresh keys while a double click does not.
func (m *Messenger) enrolmentEpoch(ctx context.Context, sequenceID, conversationID int64) int {
	rows, err := m.Store.ScheduledOutbox(ctx, store.ScheduledFilter{SequenceID: sequenceID, ConversationID: conversationID, Limit: 1000})
	if err != nil {
		return 0
	}
	epoch, waiting := 0, false
	for _, r := range rows {
		if r.State == store.MsgPending || r.State == store.MsgSending {
			waiting = true
		}
		if r.Step == 1 {
			epoch++
		}
	}
	if waiting && epoch > 0 {
		epoch-- // the enrolment in progress keeps its keys
	}
	return epoch
}

// CancelStep cancels one queued message.
func (m *Messenger) CancelStep(ctx context.Context, actor string, id int64) error {
	sm, err := m.Store.ScheduledMessageByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return &NotFoundError{What: "message"}
	}
	if err != nil {
		return err
	}
	n, err := m.Store.CancelPendingScheduled(ctx, id, 0, 0, ReasonCancelledByPerson)
	if err != nil {
		return err
	}
	if n == 0 {
		return &NotPendingError{State: sm.State}
	}
	_, _ = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "calendar.message_cancelled", TargetType: "conversation",
		TargetID: fmt.Sprint(sm.ConversationID), Reason: ReasonCancelledByPerson,
		AfterJSON: fmt.Sprintf(`{"scheduledMessage":%d,"step":%d}`, sm.ID, sm.Step)})
	return nil
}

// CancelEnrollment cancels the queued steps of a sequence for one
// conversation (conversationID > 0) or for everyone; it returns how many.
func (m *Messenger) CancelEnrollment(ctx context.Context, actor string, sequenceID, conversationID int64, reason string) (int64, error) {
	if reason == "" {
		reason = ReasonCancelledByPerson
	}
	n, err := m.Store.CancelPendingScheduled(ctx, 0, sequenceID, conversationID, reason)
	if err != nil || n == 0 {
		return n, err
	}
	target, id := "sequence", fmt.Sprint(sequenceID)
	if conversationID > 0 {
		target, id = "conversation", fmt.Sprint(conversationID)
	}
	after, _ := json.Marshal(map[string]any{"sequence": sequenceID, "cancelled": n})
	_, _ = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "calendar.sequence_queue_cancelled", TargetType: target,
		TargetID: id, Reason: reason, AfterJSON: string(after)})
	return n, nil
}

// EditSequence saves a sequence. Messages already queued keep the text and
// time they were queued with, unless cancelQueued, which cancels them (and
// says how many).
func (m *Messenger) EditSequence(ctx context.Context, actor string, id int64, name, kind string, steps []Step, cancelQueued bool) (store.MessageSequence, int64, error) {
	q, err := m.SaveSequence(ctx, actor, id, name, kind, steps)
	if err != nil || id == 0 || !cancelQueued {
		return q, 0, err
	}
	n, err := m.CancelEnrollment(ctx, actor, id, 0, ReasonSequenceEdited)
	return q, n, err
}

// Archived returns the ids of archived sequences.
func (m *Messenger) Archived(ctx context.Context) (map[int64]bool, error) {
	raw, err := m.Store.Setting(ctx, archivedSetting, "[]")
	if err != nil {
		return nil, err
	}
	var ids []int64
	_ = json.Unmarshal([]byte(raw), &ids)
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// SetArchived archives a sequence (no new enrolments) or restores it. When
// archiving, cancelQueued cancels the steps still waiting; otherwise they are
// still sent. It returns how many were cancelled.
func (m *Messenger) SetArchived(ctx context.Context, actor string, id int64, archived, cancelQueued bool) (int64, error) {
	if _, err := m.Store.MessageSequenceByID(ctx, id); errors.Is(err, store.ErrNotFound) {
		return 0, &NotFoundError{What: "sequence"}
	} else if err != nil {
		return 0, err
	}
	set, err := m.Archived(ctx)
	if err != nil {
		return 0, err
	}
	if archived {
		set[id] = true
	} else {
		delete(set, id)
	}
	if err := m.saveArchived(ctx, set); err != nil {
		return 0, err
	}
	action := map[bool]string{true: "calendar.sequence_archived", false: "calendar.sequence_restored"}[archived]
	_, _ = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: action, TargetType: "sequence", TargetID: fmt.Sprint(id),
		Reason: map[bool]string{true: "queue cancelled", false: "queue kept"}[archived && cancelQueued]})
	if !archived || !cancelQueued {
		return 0, nil
	}
	return m.CancelEnrollment(ctx, actor, id, 0, ReasonSequenceArchived)
}

func (m *Messenger) saveArchived(ctx context.Context, set map[int64]bool) error {
	ids := make([]int64, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	raw, _ := json.Marshal(ids)
	return m.Store.SetSetting(ctx, archivedSetting, string(raw))
}

// DeleteSequence cancels a sequence's waiting steps (audited with their
// count), then removes the sequence and its schedule history. Messages
// already sent stay in their conversations.
func (m *Messenger) DeleteSequence(ctx context.Context, actor string, id int64) (int64, error) {
	q, err := m.Store.MessageSequenceByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return 0, &NotFoundError{What: "sequence"}
	}
	if err != nil {
		return 0, err
	}
	n, err := m.CancelEnrollment(ctx, actor, id, 0, ReasonCancelledByPerson)
	if err != nil {
		return n, err
	}
	if err := m.Store.DeleteMessageSequence(ctx, id); err != nil {
		return n, err
	}
	set, err := m.Archived(ctx)
	if err == nil && set[id] {
		delete(set, id)
		_ = m.saveArchived(ctx, set)
	}
	before, _ := json.Marshal(map[string]any{"name": q.Name, "kind": q.Kind, "steps": json.RawMessage(q.StepsJSON), "cancelled": n})
	_, _ = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "calendar.sequence_deleted", TargetType: "sequence",
		TargetID: fmt.Sprint(id), Reason: q.Name, BeforeJSON: string(before)})
	return n, nil
}

// decodeSteps reads a sequence's stored steps.
func decodeSteps(raw string) ([]Step, error) {
	var steps []Step
	if err := json.Unmarshal([]byte(raw), &steps); err != nil {
		return nil, err
	}
	return steps, nil
}
