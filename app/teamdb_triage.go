package app

import (
	"context"
	"errors"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

func init() { registerFacade(func(s *Session) any { return NewTeamTriage(s) }) }

// TeamTriage is the bound facade of status and assignment changes with
// optimistic locking: each carries what the member saw, and a conversation
// that changed meanwhile (another member, another machine) is left alone and
// reported as a conflict instead of being overwritten.
type TeamTriage struct{ s *Session }

// NewTeamTriage binds the facade to a session.
func NewTeamTriage(s *Session) *TeamTriage { return &TeamTriage{s: s} }

// Apply runs a status or assignment change on the conversations as seen.
func (t *TeamTriage) Apply(req CheckedActionRequest) (CheckedActionResultDTO, error) {
	ctx := context.Background()
	st := t.s.Workspace().Store
	svc := inbox.NewTriage(st, t.s.Actor())
	seen := make([]inbox.Seen, len(req.Seen))
	ids := make([]int64, len(req.Seen))
	for i, s := range req.Seen {
		seen[i] = inbox.Seen{ID: s.ID, Status: s.Status, Assignee: s.Assignee}
		ids[i] = s.ID
	}
	var res inbox.SeenResult
	var err error
	switch req.Action {
	case store.ChangeAssign:
		res, err = svc.AssignSeen(ctx, seen, req.MemberID, req.Handoff)
	case store.ChangeStatus:
		ch := store.ConversationChange{Kind: store.ChangeStatus, Status: req.Status}
		switch req.Status {
		case store.StatusOpen, store.StatusPending, store.StatusResolved:
		case store.StatusSnoozed:
			until, perr := time.Parse(time.RFC3339, req.SnoozeUntil)
			if perr != nil {
				return CheckedActionResultDTO{}, invalidInput("snoozeUntil")
			}
			ch.SnoozedUntil = until.UnixMilli()
		default:
			return CheckedActionResultDTO{}, invalidInput("status " + req.Status)
		}
		res, err = svc.ApplySeen(ctx, seen, ch)
	default:
		return CheckedActionResultDTO{}, invalidInput("action " + req.Action)
	}
	var ce *inbox.ConflictError
	if err != nil && !errors.As(err, &ce) {
		return CheckedActionResultDTO{}, err
	}
	out := CheckedActionResultDTO{Changed: res.Changed, Items: []ConversationDTO{}, Conflicts: []ConflictDTO{}}
	for _, c := range res.Conflicts {
		out.Conflicts = append(out.Conflicts, ConflictDTO{ConversationID: c.ConversationID, Error: ToAppError(c)})
	}
	rows, err := st.ConversationRowsByIDs(ctx, ids)
	for _, r := range rows {
		out.Items = append(out.Items, toRowDTO(r))
	}
	return out, err
}
