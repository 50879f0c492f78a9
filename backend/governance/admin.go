package governance

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/store"
)

// InvalidError names the part of a governance request that is wrong; the UI
// shows errors.automation.invalid.<field>.
type InvalidError struct{ Field string }

// Error implements error.
func (e *InvalidError) Error() string { return "governance: invalid " + e.Field }

// ErrorKey implements app.KeyedError.
func (e *InvalidError) ErrorKey() (code, key string, args map[string]string) {
	return "invalid_input", "errors.automation.invalid." + e.Field, nil
}

// audit appends one entry; before and after are marshalled when not nil.
func audit(ctx context.Context, st *store.Store, actor, action, targetType string, targetID int64, reason string, before, after any) error {
	e := store.AuditEvent{Actor: actor, Action: action, TargetType: targetType, TargetID: strconv.FormatInt(targetID, 10), Reason: reason}
	if before != nil {
		b, _ := json.Marshal(before)
		e.BeforeJSON = string(b)
	}
	if after != nil {
		b, _ := json.Marshal(after)
		e.AfterJSON = string(b)
	}
	_, err := st.AppendAudit(ctx, e)
	return err
}

// SavePolicy validates and stores a retention policy (ID 0 creates one).
func (r *Retention) SavePolicy(ctx context.Context, actor string, p store.RetentionPolicy) (store.RetentionPolicy, error) {
	p.Name, p.MatchValue = strings.TrimSpace(p.Name), strings.TrimSpace(p.MatchValue)
	switch {
	case p.Name == "":
		return p, &InvalidError{Field: "policyName"}
	case p.KeepDays < 1 || p.KeepDays > 36500:
		return p, &InvalidError{Field: "keepDays"}
	}
	switch p.MatchType {
	case store.RetentionAll:
		p.MatchValue = ""
	case store.RetentionKind, store.RetentionTag:
		if p.MatchValue == "" {
			return p, &InvalidError{Field: "matchValue"}
		}
	default:
		return p, &InvalidError{Field: "matchType"}
	}
	var before any
	if p.ID != 0 {
		list, err := r.Store.RetentionPolicies(ctx)
		if err != nil {
			return p, err
		}
		for _, old := range list {
			if old.ID == p.ID {
				before = old
			}
		}
	}
	if err := r.Store.SaveRetentionPolicy(ctx, &p); err != nil {
		return p, err
	}
	return p, audit(ctx, r.Store, actor, "retention.policy_saved", "retention_policy", p.ID, p.Name, before, p)
}

// DeletePolicy removes a retention policy.
func (r *Retention) DeletePolicy(ctx context.Context, actor string, id int64) error {
	if err := r.Store.DeleteRetentionPolicy(ctx, id); err != nil {
		return err
	}
	return audit(ctx, r.Store, actor, "retention.policy_deleted", "retention_policy", id, "", nil, nil)
}

// Hold places a legal hold on a contact or a conversation: a purge and an
// erasure leave it alone until the hold is released.
func (r *Retention) Hold(ctx context.Context, actor, targetType string, targetID int64, reason string) (store.LegalHold, error) {
	h := store.LegalHold{TargetType: targetType, TargetID: targetID, Reason: strings.TrimSpace(reason), Actor: actor}
	switch targetType {
	case "contact":
		if _, err := r.Store.ContactByID(ctx, targetID); err != nil {
			return h, err
		}
	case "conversation":
		if _, err := r.Store.ConversationByID(ctx, targetID); err != nil {
			return h, err
		}
	default:
		return h, &InvalidError{Field: "holdTarget"}
	}
	if h.Reason == "" {
		return h, &InvalidError{Field: "reason"}
	}
	if err := r.Store.AddLegalHold(ctx, &h); err != nil {
		return h, err
	}
	return h, audit(ctx, r.Store, actor, "legal_hold.placed", targetType, targetID, h.Reason, nil, map[string]any{"holdId": h.ID})
}

// Release lifts a legal hold.
func (r *Retention) Release(ctx context.Context, actor string, id int64) error {
	if err := r.Store.ReleaseLegalHold(ctx, id); err != nil {
		return err
	}
	return audit(ctx, r.Store, actor, "legal_hold.released", "legal_hold", id, "", nil, nil)
}

// Appeals logs and resolves objections to moderation decisions.
type Appeals struct {
	Store *store.Store
}

// DefaultAppealDays is how long a new appeal has before it is due.
const DefaultAppealDays = 7

// Create logs an appeal; a zero due date means DefaultAppealDays from now.
func (a *Appeals) Create(ctx context.Context, actor string, in store.Appeal, due time.Time) (store.Appeal, error) {
	in.Reason, in.TargetType, in.TargetID = strings.TrimSpace(in.Reason), strings.TrimSpace(in.TargetType), strings.TrimSpace(in.TargetID)
	if in.Reason == "" {
		return in, &InvalidError{Field: "reason"}
	}
	if in.TargetType == "" {
		in.TargetType = "message"
	}
	now := a.Store.Now()
	if due.IsZero() {
		due = now.Add(DefaultAppealDays * 24 * time.Hour)
	}
	if !due.After(now) {
		return in, &InvalidError{Field: "dueAt"}
	}
	in.DueAt, in.Actor, in.Status = due.UnixMilli(), actor, store.AppealOpen
	if err := a.Store.CreateAppeal(ctx, &in); err != nil {
		return in, err
	}
	return in, audit(ctx, a.Store, actor, "appeal.created", "appeal", in.ID, in.Reason, nil,
		map[string]any{"targetType": in.TargetType, "targetId": in.TargetID, "dueAt": in.DueAt})
}

// Resolve moves an appeal to reviewing, upheld (the decision stands) or
// overturned (the decision was wrong), with the resolution text.
func (a *Appeals) Resolve(ctx context.Context, actor string, id int64, status, resolution string) (store.Appeal, error) {
	switch status {
	case store.AppealReviewing, store.AppealUpheld, store.AppealOverturned:
	default:
		return store.Appeal{}, &InvalidError{Field: "appealStatus"}
	}
	resolution = strings.TrimSpace(resolution)
	if status != store.AppealReviewing && resolution == "" {
		return store.Appeal{}, &InvalidError{Field: "resolution"}
	}
	before, err := a.Store.AppealByID(ctx, id)
	if err != nil {
		return before, err
	}
	if before.Status == store.AppealUpheld || before.Status == store.AppealOverturned {
		return before, &InvalidError{Field: "appealClosed"}
	}
	if err := a.Store.UpdateAppeal(ctx, id, status, resolution); err != nil {
		return before, err
	}
	after, err := a.Store.AppealByID(ctx, id)
	if err != nil {
		return after, err
	}
	return after, audit(ctx, a.Store, actor, "appeal."+status, "appeal", id, resolution,
		map[string]any{"status": before.Status}, map[string]any{"status": after.Status})
}
