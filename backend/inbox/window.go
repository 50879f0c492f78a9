package inbox

import (
	"context"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// WindowDeadline returns when conv's messaging window closes for its account
// (ok false when the platform has none). It is the platform's standard window
// (WindowClosesAt) until that has passed; then the account's connector is
// asked whether it may still answer longer (platforms.WindowReporter: Meta's
// Human Agent permission keeps a DM open for 7 days), so the gate does not
// refuse what the platform accepts. The connector is built only on that path.
func (s *Service) WindowDeadline(ctx context.Context, conv store.Conversation) (time.Time, bool) {
	closes, ok := WindowClosesAt(conv)
	if !ok || conv.LastInboundAt == 0 || s.Store.Now().Before(closes) || s.Connectors == nil {
		return closes, ok
	}
	conn, _, err := s.Connectors.Connector(ctx, conv.AccountID)
	if err != nil {
		return closes, ok
	}
	wr, isReporter := conn.(platforms.WindowReporter)
	if !isReporter {
		return closes, ok
	}
	if ext, has := wr.MessagingWindow(platforms.ThreadKind(conv.Kind)).Deadline(time.UnixMilli(conv.LastInboundAt)); has && ext.After(closes) {
		return ext, true
	}
	return closes, ok
}
