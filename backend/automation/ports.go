package automation

import (
	"context"

	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// Templates is how automation reaches saved replies. The lead wires it to
// backend/templates; until then rules that reply with a template record a
// failed run and the offline drafter has nothing to pick.
type Templates interface {
	// Render fills a template's tokens for a conversation and returns the text.
	Render(ctx context.Context, templateID int64, conv store.Conversation) (string, error)
	// ForIntent picks the best template for an intent or kind in a language (ok false when none fits).
	ForIntent(ctx context.Context, intent, kind, language string) (templateID int64, ok bool, err error)
}

// Sender is the send gate.
type Sender interface {
	Send(ctx context.Context, req inbox.SendRequest) (store.Message, error)
}

// ConnectorSource gives an account's connector (the sync engine).
type ConnectorSource interface {
	Connector(ctx context.Context, accountID int64) (platforms.Connector, store.Account, error)
}

// Notification is what the notify and escalate actions announce.
type Notification struct {
	RuleID         int64
	ConversationID int64
	MessageID      int64
	Kind           string // notify | escalate
	Note           string
	// Assignee is the member a hand-over assigned the conversation to ("" when none).
	Assignee string
}
