package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Optimistic locking for team mode: two members working the same inbox from
// two app instances must not silently overwrite each other's status or
// assignment. A change made from what a member saw carries what they saw
// (ConversationExpect); if the conversation changed meanwhile the change is
// refused with a ConflictError naming the current value, instead of winning
// by being last. It works on both dialects: the row is locked (FOR UPDATE on
// PostgreSQL; SQLite's single writer already serializes) before comparing.

// ConversationExpect is what a member saw when deciding a change.
type ConversationExpect struct {
	// Status the member saw ("" = do not check).
	Status string
	// Assignee the member saw (nil = do not check; "" = unassigned).
	Assignee *string
}

// ConflictError says a conversation changed since the member saw it.
type ConflictError struct {
	ConversationID int64
	// Field is "status" or "assignee".
	Field string
	// Expected is what the member saw; Current is what it is now.
	Expected, Current string
}

// Error describes the conflict.
func (e *ConflictError) Error() string {
	return fmt.Sprintf("store: conversation %d: %s changed meanwhile (%q, expected %q)", e.ConversationID, e.Field, e.Current, e.Expected)
}

// ErrorKey names the translated message (see app.KeyedError).
func (e *ConflictError) ErrorKey() (string, string, map[string]string) {
	return "conflict", "errors.teamdb.conflict." + e.Field, map[string]string{"current": e.Current}
}

// ApplyChangeIfUnchanged applies a status or assignment change to one
// conversation, audited like ApplyChange, but only if its status and assignee
// are still what expect says; otherwise it returns a *ConflictError and changes
// nothing. It reports whether the conversation changed.
func (s *Store) ApplyChangeIfUnchanged(ctx context.Context, actor string, id int64, expect ConversationExpect, ch ConversationChange) (bool, error) {
	switch {
	case ch.Kind == ChangeAssign:
	case ch.Kind == ChangeStatus && ch.Status == StatusSnoozed:
		if ch.SnoozedUntil <= s.nowMillis() {
			return false, fmt.Errorf("store: snooze time must be in the future")
		}
	case ch.Kind == ChangeStatus && (ch.Status == StatusOpen || ch.Status == StatusPending || ch.Status == StatusResolved):
		ch.SnoozedUntil = 0
	default:
		return false, fmt.Errorf("store: %s %q cannot be applied with a conflict check", ch.Kind, ch.Status)
	}
	var changed bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var status, assignee string
		if err := tx.QueryRowContext(ctx, `SELECT status, assignee FROM conversations WHERE id = ?`+s.dialect.forUpdate(), id).
			Scan(&status, &assignee); err != nil {
			return notFoundOr(err)
		}
		if expect.Status != "" && expect.Status != status {
			return &ConflictError{ConversationID: id, Field: "status", Expected: expect.Status, Current: status}
		}
		if expect.Assignee != nil && *expect.Assignee != assignee {
			return &ConflictError{ConversationID: id, Field: "assignee", Expected: *expect.Assignee, Current: assignee}
		}
		var err error
		changed, err = s.applyOne(ctx, tx, actor, id, ch)
		return err
	})
	return changed && err == nil, err
}
