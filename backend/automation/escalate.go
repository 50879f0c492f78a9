package automation

import (
	"context"
	"strconv"
	"strings"

	"creatordesk/backend/governance"
	"creatordesk/backend/store"
)

// DefaultHandoverTag is the tag a hand-over puts on the conversation when the rule names none.
const DefaultHandoverTag = "needs-person"

// escalate hands a conversation over to a person: it is assigned (to the
// member the action names, else to the team's owner), tagged, raised to the
// highest priority and reopened, the team is notified, and automation is
// paused for it until a person resumes it. The detail lists what was done.
func (e *Engine) escalate(ctx context.Context, r Rule, s Subject, a Action) (string, error) {
	convID := s.Message.ConversationID
	done := []string{}
	assignee := strings.TrimSpace(a.Assignee)
	if assignee == "" {
		if id, ok, err := e.Store.OwnerMemberID(ctx); err != nil {
			return "", err
		} else if ok {
			assignee = strconv.FormatInt(id, 10)
		}
	}
	if assignee != "" {
		if err := e.Store.RuleAssignConversation(ctx, convID, assignee); err != nil {
			return "", err
		}
		done = append(done, "assigned "+assignee)
	}
	tag := strings.TrimSpace(a.Tag)
	if tag == "" {
		tag = DefaultHandoverTag
	}
	if _, err := e.Store.RuleTagConversation(ctx, convID, tag); err != nil {
		return "", err
	}
	if err := e.Store.RuleSetPriority(ctx, convID, 3); err != nil {
		return "", err
	}
	if err := e.Store.SetConversationStatus(ctx, convID, store.StatusOpen); err != nil {
		return "", err
	}
	if _, err := governance.PauseConversation(ctx, e.Store, r.Actor(), convID, r.Name); err != nil {
		return "", err
	}
	e.notify(Notification{RuleID: r.ID, ConversationID: convID, MessageID: s.Message.ID, Kind: "escalate", Note: a.Note, Assignee: assignee})
	done = append(done, "tagged "+tag, "priority 3", "automation paused")
	return strings.Join(done, ", "), nil
}
