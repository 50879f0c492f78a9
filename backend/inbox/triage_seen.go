package inbox

import (
	"context"
	"errors"
	"strconv"

	"creatordesk/backend/store"
)

// Optimistic locking of status and assignment: in team mode two members work
// the same inbox from two machines, so a change a member makes carries what
// they saw (Seen). If the conversation changed meanwhile the change is refused
// for that conversation with a ConflictError naming who changed it and to
// what, and the member's screen refreshes; nothing is overwritten silently.
// The same path runs on SQLite (one machine, several windows or the CLI).

// Seen is what the member saw of one conversation when choosing an action.
type Seen struct {
	ID int64
	// Status seen ("" = not checked).
	Status string
	// Assignee seen (nil = not checked; "" = unassigned; else a member id).
	Assignee *string
}

// ConflictError: a conversation's status or assignee changed since the member
// saw it. It is translated with who made the change and the current value.
type ConflictError struct {
	ConversationID int64
	// Field is "status" or "assignee".
	Field string
	// Current is the status, or the assignee's member id ("" = unassigned).
	Current string
	// CurrentName is the assignee's name (assignee conflicts).
	CurrentName string
	// By is who made the change, from the audit trail ("" when unknown).
	By string
}

func (e *ConflictError) Error() string {
	return "inbox: conversation " + strconv.FormatInt(e.ConversationID, 10) + ": " + e.Field + " changed meanwhile (now " + e.Current + ")"
}

// ErrorKey names the translation: errors.teamdb.conflictBy.<what> when the
// audit trail says who changed it, errors.teamdb.conflict.<field> otherwise.
func (e *ConflictError) ErrorKey() (code, key string, args map[string]string) {
	args = map[string]string{"by": e.By, "assignee": e.CurrentName, "status": e.Current,
		"conversationId": strconv.FormatInt(e.ConversationID, 10)}
	what := e.Current // a status
	if e.Field == "assignee" {
		switch {
		case e.Current == "":
			what = "unassigned"
		case e.By != "" && e.By == e.CurrentName:
			what = "self" // "Dana already took this conversation"
		default:
			what = "assignee"
		}
	}
	if e.By == "" {
		return "conflict", "errors.teamdb.conflictAnon." + what, args
	}
	return "conflict", "errors.teamdb.conflictBy." + what, args
}

// SeenResult is the outcome of a checked action on a selection.
type SeenResult struct {
	// Changed counts the conversations that changed.
	Changed int
	// Conflicts lists the conversations left alone because they changed meanwhile.
	Conflicts []*ConflictError
}

// ApplySeen runs a status or assignment change on each conversation the member
// saw, but only where it is still as they saw it. Each conversation is checked
// and changed in its own transaction: the unchanged ones are changed, the
// others come back as Conflicts. With one conversation a conflict is returned
// as the error.
func (t *Triage) ApplySeen(ctx context.Context, seen []Seen, ch store.ConversationChange) (SeenResult, error) {
	if len(seen) == 0 || len(seen) > MaxSelection {
		return SeenResult{}, ErrSelection
	}
	actor, _, err := t.editor(ctx)
	if err != nil {
		return SeenResult{}, err
	}
	if ch.Kind == store.ChangeStatus && ch.Status == store.StatusSnoozed && ch.SnoozedUntil <= t.Store.Now().UnixMilli() {
		return SeenResult{}, ErrSnoozeTime
	}
	var res SeenResult
	for _, s := range seen {
		changed, err := t.Store.ApplyChangeIfUnchanged(ctx, actor, s.ID,
			store.ConversationExpect{Status: s.Status, Assignee: s.Assignee}, ch)
		var ce *store.ConflictError
		if errors.As(err, &ce) {
			res.Conflicts = append(res.Conflicts, t.explain(ctx, ce))
			continue
		}
		if err != nil {
			return res, err
		}
		if changed {
			res.Changed++
		}
	}
	if len(seen) == 1 && len(res.Conflicts) == 1 {
		return res, res.Conflicts[0]
	}
	return res, nil
}

// explain names who made the conflicting change and the assignee.
func (t *Triage) explain(ctx context.Context, ce *store.ConflictError) *ConflictError {
	out := &ConflictError{ConversationID: ce.ConversationID, Field: ce.Field, Current: ce.Current}
	if ce.Field == "assignee" && ce.Current != "" {
		out.CurrentName = ce.Current
		if id, err := strconv.ParseInt(ce.Current, 10, 64); err == nil {
			if m, err := t.Store.MemberByID(ctx, id); err == nil {
				out.CurrentName = m.Name
			}
		}
	}
	if evs, err := t.Store.AuditEvents(ctx, "conversation", strconv.FormatInt(ce.ConversationID, 10), 1); err == nil && len(evs) == 1 {
		out.By = evs[0].Actor
	}
	return out
}

// SetStatusSeen sets open, pending or resolved where the status is still as seen.
func (t *Triage) SetStatusSeen(ctx context.Context, seen []Seen, status string) (SeenResult, error) {
	return t.ApplySeen(ctx, seen, store.ConversationChange{Kind: store.ChangeStatus, Status: status})
}

// AssignSeen gives conversations to a member (0 unassigns) where the assignee
// is still as seen; handoff is kept as in Assign.
func (t *Triage) AssignSeen(ctx context.Context, seen []Seen, memberID int64, handoff string) (SeenResult, error) {
	ch, err := t.assignChange(ctx, memberID, handoff)
	if err != nil {
		return SeenResult{}, err
	}
	return t.ApplySeen(ctx, seen, ch)
}
