package automation

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"creatordesk/backend/automation/classify"
	"creatordesk/backend/store"
)

// Conditions are what must all hold for a rule to act (an empty list matches anything).
type Conditions struct {
	// Kinds are conversation kinds: "dm" (new DM) and/or "comment".
	Kinds      []string `json:"kinds,omitempty"`
	Platforms  []string `json:"platforms,omitempty"`
	AccountIDs []int64  `json:"accountIds,omitempty"`
	// Keywords match when any of them appears as whole words, folded like search
	// (so "pret" finds "preț", and 退款 finds 退款 inside a sentence).
	Keywords   []string `json:"keywords,omitempty"`
	Intents    []string `json:"intents,omitempty"`
	Sentiments []string `json:"sentiments,omitempty"`
	// Contact holds attribute = value tests on the contact (language, display_name...).
	Contact map[string]string `json:"contact,omitempty"`
	// Hours is "" (any time), "inside" or "outside" business hours.
	Hours string `json:"hours,omitempty"`
}

// Action types.
const (
	ActionTag          = "tag"
	ActionAssign       = "assign"
	ActionPriority     = "priority"
	ActionReply        = "reply_template"
	ActionDraft        = "draft"
	ActionHide         = "hide"
	ActionEscalate     = "escalate"
	ActionNotify       = "notify"
	ActionLiveQuestion = "live_question"
)

// Action is one thing a rule does.
type Action struct {
	Type       string `json:"type"`
	Tag        string `json:"tag,omitempty"`
	Assignee   string `json:"assignee,omitempty"`
	Priority   int    `json:"priority,omitempty"`
	TemplateID int64  `json:"templateId,omitempty"`
	Note       string `json:"note,omitempty"`
}

// Rule is a decoded automation rule.
type Rule struct {
	ID         int64
	Name       string
	Enabled    bool
	Conditions Conditions
	Actions    []Action
}

// Actor is the audit trail's name for the rule.
func (r Rule) Actor() string { return fmt.Sprintf("automation:%d", r.ID) }

// DecodeRule reads a stored rule.
func DecodeRule(row store.AutomationRule) (Rule, error) {
	r := Rule{ID: row.ID, Name: row.Name, Enabled: row.Enabled}
	if row.ConditionsJSON != "" {
		if err := json.Unmarshal([]byte(row.ConditionsJSON), &r.Conditions); err != nil {
			return r, fmt.Errorf("automation: rule %d conditions: %w", row.ID, err)
		}
	}
	if row.ActionsJSON != "" {
		if err := json.Unmarshal([]byte(row.ActionsJSON), &r.Actions); err != nil {
			return r, fmt.Errorf("automation: rule %d actions: %w", row.ID, err)
		}
	}
	return r, nil
}

// Validate checks a rule before it is saved.
func (r Rule) Validate() error {
	if strings.TrimSpace(r.Name) == "" {
		return invalid("name")
	}
	if len(r.Actions) == 0 {
		return invalid("actions")
	}
	for _, in := range r.Conditions.Intents {
		if !classify.ValidLabel(in) {
			return invalid("intent")
		}
	}
	switch r.Conditions.Hours {
	case "", "inside", "outside":
	default:
		return invalid("hours")
	}
	for _, a := range r.Actions {
		switch a.Type {
		case ActionTag:
			if strings.TrimSpace(a.Tag) == "" {
				return invalid("tag")
			}
		case ActionReply:
			if a.TemplateID == 0 {
				return invalid("template")
			}
		case ActionEscalate:
			if a.Assignee != "" {
				if _, err := strconv.ParseInt(a.Assignee, 10, 64); err != nil {
					return invalid("assignee")
				}
			}
		case ActionAssign, ActionPriority, ActionDraft, ActionHide, ActionNotify, ActionLiveQuestion:
		default:
			return invalid("action")
		}
	}
	return nil
}

// Encode returns the stored form of a rule.
func (r Rule) Encode() store.AutomationRule {
	cj, _ := json.Marshal(r.Conditions)
	aj, _ := json.Marshal(r.Actions)
	return store.AutomationRule{ID: r.ID, Name: strings.TrimSpace(r.Name), Enabled: r.Enabled, ConditionsJSON: string(cj), ActionsJSON: string(aj)}
}

// InvalidRuleError names the part of a rule that is wrong.
type InvalidRuleError struct{ Field string }

// Error implements error.
func (e *InvalidRuleError) Error() string { return "automation: invalid rule " + e.Field }

// ErrorKey implements app.KeyedError.
func (e *InvalidRuleError) ErrorKey() (code, key string, args map[string]string) {
	return "invalid_rule", "errors.automation.invalidRule", map[string]string{"field": e.Field}
}

// invalid builds an InvalidRuleError.
func invalid(field string) error { return &InvalidRuleError{Field: field} }
