package automation

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"creatordesk/backend/store"
)

// ApprovalCategories returns the sensitive categories whose drafts always wait for a person.
func ApprovalCategories(ctx context.Context, st *store.Store) []string {
	return (&Drafts{Store: st}).approvalCategories(ctx)
}

// keyNoApprovalCategories marks an explicitly empty list (the setting's blank value means the defaults).
const keyNoApprovalCategories = "none"

// SaveApprovalCategories stores which categories always need approval (a
// subset of DefaultApprovalCategories; an empty list means none) and records
// the change.
func SaveApprovalCategories(ctx context.Context, st *store.Store, actor string, cats []string) ([]string, error) {
	clean := []string{}
	for _, c := range cats {
		c = strings.TrimSpace(c)
		if !slices.Contains(DefaultApprovalCategories, c) {
			return nil, invalid("category")
		}
		if !slices.Contains(clean, c) {
			clean = append(clean, c)
		}
	}
	before := ApprovalCategories(ctx, st)
	v := strings.Join(clean, ",")
	if v == "" {
		v = keyNoApprovalCategories
	}
	if err := st.SetSetting(ctx, KeyApprovalCategories, v); err != nil {
		return before, err
	}
	after := ApprovalCategories(ctx, st)
	bj, _ := json.Marshal(before)
	aj, _ := json.Marshal(after)
	_, err := st.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "automation.approval_categories_saved", TargetType: "automation",
		BeforeJSON: string(bj), AfterJSON: string(aj)})
	return after, err
}
