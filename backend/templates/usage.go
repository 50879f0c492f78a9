package templates

import (
	"context"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// RecordUse is an inbox.SentHook: a delivered message sent from a template
// counts one use of it. Failed sends count nothing.
func (s *Service) RecordUse(ctx context.Context, _ store.Conversation, req inbox.SendRequest, m store.Message) {
	if req.TemplateID == 0 || m.State != store.StateSent {
		return
	}
	at := m.SentAt
	if at == 0 {
		at = s.Store.Now().UnixMilli()
	}
	_ = s.Store.RecordTemplateUse(ctx, req.TemplateID, at)
}

var _ inbox.SentHook = (*Service)(nil).RecordUse
