package automation

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"

	"creatordesk/backend/store"
)

// Rules is how a person manages rules: every change is validated and written
// to the audit trail with the rule before and after.
type Rules struct {
	Store *store.Store
}

// List returns the rules in order (a rule that cannot be decoded comes back
// with its name and no conditions, so it can still be fixed or deleted).
func (m *Rules) List(ctx context.Context) ([]Rule, []int, error) {
	rows, err := m.Store.AutomationRules(ctx)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Rule, 0, len(rows))
	pos := make([]int, 0, len(rows))
	for _, row := range rows {
		r, _ := DecodeRule(row)
		out = append(out, r)
		pos = append(pos, row.Position)
	}
	return out, pos, nil
}

// Save validates and stores a rule (ID 0 creates it, placed last).
func (m *Rules) Save(ctx context.Context, actor string, r Rule) (Rule, error) {
	if err := r.Validate(); err != nil {
		return r, err
	}
	var before string
	if r.ID != 0 {
		old, err := m.Store.AutomationRuleByID(ctx, r.ID)
		if err != nil {
			return r, err
		}
		before = ruleJSON(old)
	}
	row := r.Encode()
	if err := m.Store.SaveAutomationRule(ctx, &row); err != nil {
		return r, err
	}
	saved, err := m.Store.AutomationRuleByID(ctx, row.ID)
	if err != nil {
		return r, err
	}
	_, err = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "rule.saved", TargetType: "rule",
		TargetID: strconv.FormatInt(saved.ID, 10), Reason: saved.Name, BeforeJSON: before, AfterJSON: ruleJSON(saved)})
	out, derr := DecodeRule(saved)
	return out, errors.Join(err, derr)
}

// SetEnabled switches a rule on or off.
func (m *Rules) SetEnabled(ctx context.Context, actor string, id int64, on bool) error {
	if err := m.Store.SetAutomationRuleEnabled(ctx, id, on); err != nil {
		return err
	}
	action := "rule.disabled"
	if on {
		action = "rule.enabled"
	}
	_, err := m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: action, TargetType: "rule", TargetID: strconv.FormatInt(id, 10)})
	return err
}

// Delete removes a rule.
func (m *Rules) Delete(ctx context.Context, actor string, id int64) error {
	old, err := m.Store.AutomationRuleByID(ctx, id)
	if err != nil {
		return err
	}
	if err := m.Store.DeleteAutomationRule(ctx, id); err != nil {
		return err
	}
	_, err = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "rule.deleted", TargetType: "rule",
		TargetID: strconv.FormatInt(id, 10), Reason: old.Name, BeforeJSON: ruleJSON(old)})
	return err
}

// Reorder sets the order rules run in; ids must name every rule exactly once.
func (m *Rules) Reorder(ctx context.Context, actor string, ids []int64) error {
	rows, err := m.Store.AutomationRules(ctx)
	if err != nil {
		return err
	}
	known := make(map[int64]bool, len(rows))
	before := make([]int64, 0, len(rows))
	for _, r := range rows {
		known[r.ID] = true
		before = append(before, r.ID)
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		if !known[id] || seen[id] {
			return invalid("order")
		}
		seen[id] = true
	}
	if len(seen) != len(known) {
		return invalid("order")
	}
	if err := m.Store.ReorderAutomationRules(ctx, ids); err != nil {
		return err
	}
	bj, _ := json.Marshal(before)
	aj, _ := json.Marshal(ids)
	_, err = m.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "rule.reordered", TargetType: "rule",
		BeforeJSON: string(bj), AfterJSON: string(aj)})
	return err
}

// ruleJSON is a stored rule as the audit trail keeps it.
func ruleJSON(r store.AutomationRule) string {
	b, _ := json.Marshal(map[string]any{"name": r.Name, "enabled": r.Enabled, "conditions": json.RawMessage(orEmpty(r.ConditionsJSON)),
		"actions": json.RawMessage(orEmpty(r.ActionsJSON))})
	return string(b)
}

// orEmpty keeps json.RawMessage valid for an empty column.
func orEmpty(s string) string {
	if s == "" {
		return "null"
	}
	return s
}
