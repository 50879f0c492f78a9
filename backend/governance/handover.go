package governance

import (
	"context"
	"strconv"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// RefusedHandedOver: a person took the conversation over; automation waits until it is resumed.
const RefusedHandedOver = "handedOver"

// PauseConversation hands a conversation over to a person: no rule acts on
// it and no automated or scheduled message is sent to it until
// ResumeConversation. Pausing a paused conversation changes nothing.
func PauseConversation(ctx context.Context, st *store.Store, actor string, conversationID int64, reason string) (bool, error) {
	added, err := st.PauseConversationAutomation(ctx, conversationID, actor, reason)
	if err != nil || !added {
		return added, err
	}
	return true, audit(ctx, st, actor, "automation.conversation_paused", "conversation", conversationID, reason, nil, map[string]any{"paused": true})
}

// ResumeConversation lets automation act on a conversation again.
func ResumeConversation(ctx context.Context, st *store.Store, actor string, conversationID int64) (bool, error) {
	lifted, err := st.ResumeConversationAutomation(ctx, conversationID)
	if err != nil || !lifted {
		return lifted, err
	}
	return true, audit(ctx, st, actor, "automation.conversation_resumed", "conversation", conversationID, "",
		map[string]any{"paused": true}, map[string]any{"paused": false})
}

// ConversationPaused reports whether automation is paused for a conversation.
func ConversationPaused(ctx context.Context, st *store.Store, conversationID int64) bool {
	_, ok, _ := st.ConversationAutomationPause(ctx, conversationID)
	return ok
}

// checkHandedOver refuses automated sends to a conversation a person took over.
func (g *Gate) checkHandedOver(ctx context.Context, conv store.Conversation, req *inbox.SendRequest) error {
	if !Automated(*req) {
		return nil
	}
	p, ok, err := g.Store.ConversationAutomationPause(ctx, conv.ID)
	if err != nil {
		return err
	}
	if ok {
		return refused(RefusedHandedOver, map[string]string{"by": p.Actor, "conversation": strconv.FormatInt(conv.ID, 10)})
	}
	return nil
}
