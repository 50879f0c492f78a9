package calendar

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// Sender is the send gate (inbox.Service): the only way a scheduled message leaves.
type Sender interface {
	Send(ctx context.Context, req inbox.SendRequest) (store.Message, error)
}

// DefaultPacePerHour caps how many scheduled messages go out per hour.
const DefaultPacePerHour = 30

// ReasonReplied is the refusal of a sequence step whose contact wrote back
// after it was queued (a person answers them now).
const ReasonReplied = "replied"

// Messenger sends scheduled messages when due, at a limited pace, through the
// send gate as marketing messages: the gate's policies (consent, opt-out,
// messaging windows) decide, and a refusal is recorded, never bypassed.
type Messenger struct {
	Store  *store.Store
	Sender Sender
	Clock  Clock
	Log    *slog.Logger
	// PacePerHour is the most scheduled messages sent in any hour.
	PacePerHour int
	// MaxSleep caps one sleep of the loop.
	MaxSleep time.Duration
	// Render gathers token values when a conversation is enrolled in a
	// sequence (nil = the saved-reply service's built-in sources).
	Render Renderer

	once  sync.Once
	runMu sync.Mutex
	wake  chan struct{}
}

func (m *Messenger) init() {
	m.once.Do(func() {
		m.wake = make(chan struct{}, 1)
		if m.Clock == nil {
			m.Clock = RealClock{}
		}
		if m.Log == nil {
			m.Log = slog.New(slog.DiscardHandler)
		}
		if m.PacePerHour <= 0 {
			m.PacePerHour = DefaultPacePerHour
		}
		if m.MaxSleep <= 0 {
			m.MaxSleep = DefaultMaxSleep
		}
	})
}

// Pace is the most scheduled messages sent in any hour.
func (m *Messenger) Pace() int {
	m.init()
	return m.PacePerHour
}

// Poke wakes the loop early.
func (m *Messenger) Poke() {
	m.init()
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// Start runs the loop until ctx ends; the returned function stops it.
func (m *Messenger) Start(ctx context.Context) func() {
	m.init()
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		runLoop(ctx, m.Clock, m.wake, m.MaxSleep, m.Log, "messenger", m.Tick, func(ctx context.Context) (time.Time, bool) {
			at, ok, err := m.Store.NextScheduledMessageDue(ctx)
			return time.UnixMilli(at), ok && err == nil
		})
	}()
	return func() { cancel(); <-done }
}

// Tick sends the due messages the hourly pace allows.
func (m *Messenger) Tick(ctx context.Context) error {
	m.init()
	m.runMu.Lock()
	defer m.runMu.Unlock()
	now := m.Clock.Now()
	sent, err := m.Store.CountSentScheduledSince(ctx, now.Add(-time.Hour).UnixMilli())
	if err != nil {
		return err
	}
	budget := m.PacePerHour - sent
	if budget <= 0 {
		return nil
	}
	due, err := m.Store.DueScheduledMessages(ctx, now.UnixMilli(), budget)
	if err != nil {
		return err
	}
	for _, sm := range due {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := m.send(ctx, sm, now); err != nil {
			return err
		}
	}
	return nil
}

// send claims one message and offers it to the gate.
func (m *Messenger) send(ctx context.Context, sm store.ScheduledMessage, now time.Time) error {
	ok, err := m.Store.ClaimScheduledMessage(ctx, sm.ID, now.UnixMilli())
	if err != nil || !ok {
		return err
	}
	sm.DoneAt = now.UnixMilli()
	if sm.Kind != store.SeqLiveFollowup {
		conv, err := m.Store.ConversationByID(ctx, sm.ConversationID)
		if err == nil && conv.LastInboundAt > sm.CreatedAt {
			sm.State, sm.Refusal = store.MsgCancelled, ReasonReplied
			return m.record(ctx, sm, "calendar.message_cancelled")
		}
	}
	msg, err := m.Sender.Send(ctx, inbox.SendRequest{ConversationID: sm.ConversationID, Text: sm.Text, Actor: Actor,
		Origin: inbox.OriginScheduled, Marketing: true})
	switch {
	case err != nil:
		sm.State, sm.Refusal = store.MsgRefused, refusalOf(err)
		return m.record(ctx, sm, "calendar.message_refused")
	case msg.State == store.StateFailed:
		sm.State, sm.Refusal, sm.MessageID = store.MsgFailed, msg.ErrorKind, &msg.ID
		return m.record(ctx, sm, "calendar.message_failed")
	}
	sm.State, sm.MessageID = store.MsgSent, &msg.ID
	return m.record(ctx, sm, "calendar.message_sent")
}

// refusalOf is the gate's reason: a translated error's key, else its text.
func refusalOf(err error) string {
	var keyed interface {
		ErrorKey() (string, string, map[string]string)
	}
	if errors.As(err, &keyed) {
		_, key, _ := keyed.ErrorKey()
		return key
	}
	s := err.Error()
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

func (m *Messenger) record(ctx context.Context, sm store.ScheduledMessage, action string) error {
	if err := m.Store.FinishScheduledMessage(ctx, sm); err != nil {
		return err
	}
	after, _ := json.Marshal(map[string]any{"scheduledMessage": sm.ID, "kind": sm.Kind, "step": sm.Step, "state": sm.State})
	_, err := m.Store.AppendAudit(context.WithoutCancel(ctx), store.AuditEvent{Actor: Actor, Action: action,
		TargetType: "conversation", TargetID: fmt.Sprint(sm.ConversationID), Reason: sm.Refusal, AfterJSON: string(after)})
	return err
}

// Step is one step of a sequence: sent Delay after enrolment (or after the previous step).
type Step struct {
	DelayHours int    `json:"delayHours"`
	Text       string `json:"text"`
}

// MaxSteps and MaxStepDelayHours bound a sequence: at most 10 steps, each
// at most 60 days after the one before.
const (
	MaxSteps          = 10
	MaxStepDelayHours = 24 * 60
)

// SaveSequence creates (id 0) or updates a follow-up or cart-recovery sequence.
func (m *Messenger) SaveSequence(ctx context.Context, actor string, id int64, name, kind string, steps []Step) (store.MessageSequence, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 120 {
		return store.MessageSequence{}, &InvalidError{Field: "name"}
	}
	if kind != store.SeqFollowup && kind != store.SeqCartRecovery {
		return store.MessageSequence{}, &InvalidError{Field: "kind"}
	}
	if len(steps) == 0 || len(steps) > MaxSteps {
		return store.MessageSequence{}, &InvalidError{Field: "steps"}
	}
	for _, st := range steps {
		if strings.TrimSpace(st.Text) == "" || len(st.Text) > 4000 || st.DelayHours < 0 || st.DelayHours > MaxStepDelayHours {
			return store.MessageSequence{}, &InvalidError{Field: "steps"}
		}
		if problems := templates.Validate(st.Text); len(problems) > 0 {
			return store.MessageSequence{}, problems[0]
		}
	}
	raw, _ := json.Marshal(steps)
	q := store.MessageSequence{ID: id, Name: name, Kind: kind, StepsJSON: string(raw)}
	if err := m.Store.SaveMessageSequence(ctx, &q); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return q, &NotFoundError{What: "sequence"}
		}
		return q, err
	}
	_, _ = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "calendar.sequence_saved", TargetType: "sequence",
		TargetID: fmt.Sprint(q.ID), AfterJSON: string(raw)})
	return q, nil
}

// Enroll queues every step of a sequence for a conversation (see EnrollWith),
// with no hand-typed token values.
func (m *Messenger) Enroll(ctx context.Context, actor string, sequenceID, conversationID int64) (int, error) {
	return m.EnrollWith(ctx, actor, sequenceID, conversationID, nil)
}

// Cancel stops a conversation's pending scheduled messages.
func (m *Messenger) Cancel(ctx context.Context, actor string, conversationID int64) (int64, error) {
	n, err := m.Store.CancelScheduledMessages(ctx, conversationID, "")
	if err == nil && n > 0 {
		_, _ = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "calendar.messages_cancelled", TargetType: "conversation",
			TargetID: fmt.Sprint(conversationID), Reason: fmt.Sprint(n)})
	}
	return n, err
}
