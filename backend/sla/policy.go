package sla

import (
	"slices"
	"strings"
	"time"
)

// Conversation kinds a policy can target ("" targets both).
const (
	KindDM      = "dm"
	KindComment = "comment"
)

// IntentHigh is the policy condition "high intent": see Subject.HighIntent.
const IntentHigh = "high"

// HighIntentLabels are the conversations.intent values that count as high
// intent (the automation classifier's labels for someone ready to buy or with
// an order at stake).
var HighIntentLabels = []string{"purchase", "buy", "sales", "order", "high"}

// HighPriority is the conversations.priority from which a conversation counts
// as high intent even without a classifier label.
const HighPriority = 2

// Policy is one response-time target.
type Policy struct {
	ID int64
	// Name is the user's label; Preset names a built-in policy ("" for the user's own).
	Name   string
	Preset string
	// Kind restricts the policy to dm or comment ("" = both).
	Kind string
	// Intent restricts it to an intent label, or IntentHigh ("" = any).
	Intent string
	// Tag restricts it to conversations carrying this triage tag ("" = any).
	Tag string
	// MinPriority restricts it to conversations of at least this priority (0 = any).
	MinPriority int
	// Target is the time allowed for the first reply.
	Target time.Duration
	// BusinessHours counts only open time when true, calendar time when false.
	BusinessHours bool
	// WarnPercent is when the timer turns to warning, in percent of Target (1–99).
	WarnPercent int
	Enabled     bool
}

// Subject is what policies match a conversation on.
type Subject struct {
	Kind     string
	Priority int
	// Intent is the classifier's label ("" when unknown or not classified).
	Intent string
	Tags   []string
}

// HighIntent reports the signals of a conversation worth answering first: a
// high-intent label, the sales tag, or a priority of at least HighPriority.
func (s Subject) HighIntent() bool {
	return s.Priority >= HighPriority || s.HighIntentSignal()
}

// HighIntentSignal is HighIntent without the priority: a classifier label or the sales tag.
func (s Subject) HighIntentSignal() bool {
	return slices.Contains(HighIntentLabels, strings.ToLower(s.Intent)) || s.HasTag("sales")
}

// Danger reports a conversation tagged or labelled danger.
func (s Subject) Danger() bool {
	return s.HasTag("danger") || strings.EqualFold(s.Intent, "danger")
}

// HasTag reports whether the conversation carries tag (case-insensitive).
func (s Subject) HasTag(tag string) bool {
	return slices.ContainsFunc(s.Tags, func(t string) bool { return strings.EqualFold(t, tag) })
}

// Matches reports whether p applies to s (every condition set must hold).
func (p Policy) Matches(s Subject) bool {
	if !p.Enabled {
		return false
	}
	if p.Kind != "" && p.Kind != s.Kind {
		return false
	}
	switch {
	case p.Intent == IntentHigh:
		if !s.HighIntent() {
			return false
		}
	case p.Intent != "" && !strings.EqualFold(p.Intent, s.Intent):
		return false
	}
	if p.Tag != "" && !s.HasTag(p.Tag) {
		return false
	}
	return s.Priority >= p.MinPriority
}

// Match returns the first policy, in list order, that applies to s.
func Match(policies []Policy, s Subject) (Policy, bool) {
	for _, p := range policies {
		if p.Matches(s) {
			return p, true
		}
	}
	return Policy{}, false
}

// Validate checks a policy the user entered.
func (p Policy) Validate() error {
	switch {
	case p.Kind != "" && p.Kind != KindDM && p.Kind != KindComment:
		return &ValidationError{Reason: ReasonBadKind, Field: "kind", Value: p.Kind}
	case p.Target < time.Minute || p.Target > 90*24*time.Hour:
		return &ValidationError{Reason: ReasonBadTarget, Field: p.Name, Value: p.Target.String()}
	case p.WarnPercent < 1 || p.WarnPercent > 99:
		return &ValidationError{Reason: ReasonBadWarn, Field: p.Name, Value: p.Target.String()}
	}
	return nil
}

// Deadlines are when a timer started at a given instant warns and is due.
func (p Policy) Deadlines(cal *Calendar, start time.Time) (warnAt, dueAt time.Time) {
	warn := p.Target * time.Duration(p.WarnPercent) / 100
	if !p.BusinessHours || cal == nil {
		return start.Add(warn), start.Add(p.Target)
	}
	return cal.AddBusinessDuration(start, warn), cal.AddBusinessDuration(start, p.Target)
}

// DefaultPolicies are the presets a new workspace starts with: one hour for
// high-intent DMs, two hours for comments, a day for every other DM, all in
// business hours with a warning at 75 %.
func DefaultPolicies() []Policy {
	return []Policy{
		{Preset: "highIntentDm", Kind: KindDM, Intent: IntentHigh, Target: time.Hour, BusinessHours: true, WarnPercent: 75, Enabled: true},
		{Preset: "comments", Kind: KindComment, Target: 2 * time.Hour, BusinessHours: true, WarnPercent: 75, Enabled: true},
		{Preset: "otherDm", Kind: KindDM, Target: 24 * time.Hour, BusinessHours: true, WarnPercent: 75, Enabled: true},
	}
}
