package engine

import (
	"context"
	"fmt"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// recomputeBatch is how many conversations RecomputeAll reads at a time.
const recomputeBatch = 500

// Recompute re-applies the timer rules to the listed conversations, saves the
// timers that changed in one transaction and publishes events.SLAChanged. It
// returns the changed timers. Conversations with an away acknowledgement being
// sent are left for the worker, which recomputes them once the message is on record.
func (s *Service) Recompute(ctx context.Context, ids []int64) ([]store.SLATimer, error) {
	ids = s.withoutInflight(ids)
	if len(ids) == 0 {
		return nil, nil
	}
	now := s.now()
	facts, err := s.Store.SLAFacts(ctx, ids, now.Add(-sla.MaxWait).UnixMilli())
	if err != nil {
		return nil, err
	}
	c := s.snapshot()
	var changed []store.SLATimer
	for _, f := range facts {
		next := s.evaluate(now, f, c)
		if next != f.Previous {
			changed = append(changed, next)
		}
	}
	return changed, s.save(ctx, facts, changed)
}

// evaluate applies the rules to one conversation's facts.
func (s *Service) evaluate(now time.Time, f store.SLAFact, c config) store.SLATimer {
	subject := sla.Subject{Kind: f.Kind, Priority: f.Priority, Intent: f.Intent, Tags: f.Tags}
	var policy *sla.Policy
	if p, ok := sla.Match(c.policies, subject); ok {
		policy = &p
	}
	prev := f.Previous
	t := sla.Evaluate(now, sla.Facts{
		Status:       f.Status,
		Archived:     f.AccountStatus == store.AccountImported,
		WaitingSince: fromMillis(f.WaitingSince),
		LastReplyAt:  fromMillis(f.LastReplyAt),
		Previous: sla.Timer{State: prev.State, PolicyID: prev.PolicyID, StartedAt: fromMillis(prev.StartedAt),
			WarnAt: fromMillis(prev.WarnAt), DueAt: fromMillis(prev.DueAt), AnsweredAt: fromMillis(prev.AnsweredAt)},
	}, policy, c.cal)
	out := store.SLATimer{ConversationID: f.ConversationID, PolicyID: t.PolicyID, State: t.State,
		StartedAt: toMillis(t.StartedAt), WarnAt: toMillis(t.WarnAt), DueAt: toMillis(t.DueAt),
		AnsweredAt: toMillis(t.AnsweredAt), StoppedAt: prev.StoppedAt}
	switch {
	case f.Status == store.StatusResolved && (prev.State != sla.StateNone || f.WaitingSince != 0):
		// Resolving stops the timer for good: what waited until now never restarts one.
		out.StoppedAt = toMillis(now)
	case f.Status == store.StatusSnoozed && f.WaitingSince != 0 && policy != nil:
		// Snoozing suspends it: the start is kept, and the timer resumes from the
		// customer's first unanswered message when the conversation wakes up.
		out.StartedAt = f.WaitingSince
	}
	if out.State == "" {
		out.State = sla.StateNone
	}
	return out
}

// save writes the changed timers, audits new breaches and publishes the change.
func (s *Service) save(ctx context.Context, facts []store.SLAFact, changed []store.SLATimer) error {
	if len(changed) == 0 {
		return nil
	}
	if err := s.Store.SaveSLATimers(ctx, changed); err != nil {
		return err
	}
	prev := make(map[int64]string, len(facts))
	for _, f := range facts {
		prev[f.ConversationID] = f.Previous.State
	}
	ev := events.SLAChangedPayload{}
	for _, t := range changed {
		ev.ConversationIDs = append(ev.ConversationIDs, t.ConversationID)
		if t.State == prev[t.ConversationID] {
			continue
		}
		switch t.State {
		case sla.StateWarning:
			ev.Warning = append(ev.Warning, t.ConversationID)
		case sla.StateBreached:
			ev.Breached = append(ev.Breached, t.ConversationID)
			if _, err := s.Store.AppendAudit(ctx, store.AuditEvent{Actor: Actor, Action: "sla.breached", TargetType: "conversation",
				TargetID: fmt.Sprint(t.ConversationID), Reason: fmt.Sprintf("policy %d", t.PolicyID)}); err != nil {
				return err
			}
		}
	}
	if s.Bus != nil {
		s.Bus.Publish(events.SLAChanged, ev)
	}
	return nil
}

// RecomputeAll re-applies the rules to every conversation a policy or calendar
// change can affect (those with a timer and those that heard from a customer
// within sla.MaxWait), in batches.
func (s *Service) RecomputeAll(ctx context.Context) error {
	since := s.now().Add(-sla.MaxWait).UnixMilli()
	var after int64
	for {
		ids, err := s.Store.SLARecomputeIDs(ctx, since, after, recomputeBatch)
		if err != nil || len(ids) == 0 {
			return err
		}
		if _, err := s.Recompute(ctx, ids); err != nil {
			return err
		}
		after = ids[len(ids)-1]
	}
}

// Tick moves running timers whose warning or due time has passed, and stops
// those whose conversation was resolved or snoozed since.
func (s *Service) Tick(ctx context.Context) error {
	s.summarizeQuietHours(ctx)
	due, err := s.Store.SLATimersToAdvance(ctx, s.now().UnixMilli())
	if err != nil || len(due) == 0 {
		return err
	}
	ids := make([]int64, 0, len(due))
	for _, t := range due {
		ids = append(ids, t.ConversationID)
	}
	_, err = s.Recompute(ctx, ids)
	return err
}

// withoutInflight drops conversations whose away acknowledgement is being sent.
func (s *Service) withoutInflight(ids []int64) []int64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if len(s.inflight) == 0 {
		return ids
	}
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !s.inflight[id] {
			out = append(out, id)
		}
	}
	return out
}

// fromMillis converts Unix ms (0 = zero time).
func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

// toMillis converts a time (zero time = 0).
func toMillis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
