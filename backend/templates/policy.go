package templates

import (
	"context"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// UnfilledPolicy is the send-gate rule that refuses a text still holding a
// known token ({order_id}, {first_name|there}...), whatever wrote it: a saved
// reply with a gap, an automation's draft, or a person who typed the syntax.
type UnfilledPolicy struct{}

// Check implements inbox.Policy.
func (UnfilledPolicy) Check(_ context.Context, _ store.Conversation, req *inbox.SendRequest) error {
	if missing := UnfilledTokens(req.Text); len(missing) > 0 {
		return &UnfilledError{Tokens: missing}
	}
	return nil
}

var _ inbox.Policy = UnfilledPolicy{}
