package store

import (
	"context"
	"time"
)

// InboxCounts are the figures the navigation and the inbox header show.
type InboxCounts struct {
	// UnreadMessages is the sum of unread messages over all conversations.
	UnreadMessages int64
	// UnreadConversations counts conversations with something unread.
	UnreadConversations int64
	// Waiting counts open or pending conversations whose unread inbound message is
	// older than the wait threshold given to Counts.
	Waiting int64
}

// Counts returns the inbox counters. waitingFor is the threshold of Waiting (for
// example the first-response target); zero counts every unread open conversation.
// All three are served by ix_conversations_unread (the WHERE unread_count > 0
// clauses are what let SQLite use that partial index).
func (s *Store) Counts(ctx context.Context, waitingFor time.Duration) (InboxCounts, error) {
	var c InboxCounts
	db := s.reader()
	err := db.QueryRowContext(ctx, `SELECT COALESCE(SUM(unread_count), 0), COUNT(*) FROM conversations
		INDEXED BY ix_conversations_unread WHERE unread_count > 0`).Scan(&c.UnreadMessages, &c.UnreadConversations)
	if err != nil {
		return c, classify(err)
	}
	before := s.Now().Add(-waitingFor).UnixMilli()
	err = db.QueryRowContext(ctx, `SELECT COUNT(*) FROM conversations INDEXED BY ix_conversations_unread
		WHERE unread_count > 0 AND status IN ('open', 'pending') AND last_inbound_at <= ?`, before).Scan(&c.Waiting)
	return c, classify(err)
}
