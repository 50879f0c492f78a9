package sla

import "time"

// Timer states, as stored in conversation_sla.state.
const (
	// StateNone: no timer (nothing waits for a reply, no policy applies, or the
	// conversation is resolved or snoozed).
	StateNone = "none"
	// StateOK: a customer waits and the reply is not due soon.
	StateOK = "ok"
	// StateWarning: the warning threshold has passed.
	StateWarning = "warning"
	// StateBreached: the reply is overdue.
	StateBreached = "breached"
	// StateMet: we replied; the timer stopped (DueAt says whether in time).
	StateMet = "met"
)

// Facts are what the timer rules need to know about one conversation.
type Facts struct {
	// Status is the conversation's status (open, pending, snoozed, resolved).
	Status string
	// Archived marks an imported, read-only conversation (never timed).
	Archived bool
	// WaitingSince is the first customer message after the last reply and the
	// last stop (zero when nothing waits).
	WaitingSince time.Time
	// LastReplyAt is our newest real reply (away acknowledgements are not replies).
	LastReplyAt time.Time
	// Previous is the timer as stored before this evaluation.
	Previous Timer
}

// Timer is a conversation's response timer.
type Timer struct {
	State     string
	PolicyID  int64
	StartedAt time.Time
	WarnAt    time.Time
	DueAt     time.Time
	// AnsweredAt is when the reply that stopped it was sent (StateMet only).
	AnsweredAt time.Time
}

// Running reports whether the timer counts down (ok, warning or breached).
func (t Timer) Running() bool {
	return t.State == StateOK || t.State == StateWarning || t.State == StateBreached
}

// MaxWait is how old an unanswered message may be and still start a timer:
// history synced when an account is first connected is not a breach to chase.
const MaxWait = 7 * 24 * time.Hour

// Evaluate applies the timer rules at now:
//   - a timer starts when a customer's message arrives and no timer is running
//     (it starts at that first unanswered message);
//   - it stops, met, when we reply (an away acknowledgement is not a reply);
//   - it turns to warning at the policy's threshold and to breached when the due
//     time passes unanswered;
//   - resolving a conversation stops its timer (state none) and only a new
//     customer message starts a new one; snoozing hides it (state none) until
//     the conversation wakes up, when it resumes from the customer's first
//     unanswered message, because the customer's wait went on (the engine keeps
//     the start while snoozed);
//   - imported archives, conversations no policy matches, and messages older
//     than MaxWait have no timer.
//
// policy is nil when no policy applies.
func Evaluate(now time.Time, f Facts, policy *Policy, cal *Calendar) Timer {
	if f.Archived || f.Status == "resolved" || f.Status == "snoozed" {
		return Timer{State: StateNone}
	}
	if f.WaitingSince.IsZero() {
		if f.Previous.Running() && f.LastReplyAt.After(f.Previous.StartedAt.Add(-time.Millisecond)) {
			met := f.Previous
			met.State, met.AnsweredAt = StateMet, f.LastReplyAt
			return met
		}
		if f.Previous.State == StateMet {
			return f.Previous
		}
		return Timer{State: StateNone}
	}
	if policy == nil || now.Sub(f.WaitingSince) > MaxWait {
		return Timer{State: StateNone}
	}
	warnAt, dueAt := policy.Deadlines(cal, f.WaitingSince)
	t := Timer{PolicyID: policy.ID, StartedAt: f.WaitingSince, WarnAt: warnAt, DueAt: dueAt}
	t.State = StateAt(now, warnAt, dueAt)
	return t
}

// StateAt is a running timer's state at now.
func StateAt(now, warnAt, dueAt time.Time) string {
	switch {
	case !now.Before(dueAt):
		return StateBreached
	case !now.Before(warnAt):
		return StateWarning
	}
	return StateOK
}
