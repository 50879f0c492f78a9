package store

import (
	"context"
)

// ScheduledRow is a scheduled message with what a list shows beside it: the
// conversation's title (its contact's name when it has none) and the sequence's name.
type ScheduledRow struct {
	ScheduledMessage
	ConversationTitle string `gorm:"column:conversation_title;->"`
	SequenceName      string `gorm:"column:sequence_name;->"`
}

// ScheduledFilter narrows the outbox. Zero fields match everything.
type ScheduledFilter struct {
	SequenceID     int64
	ConversationID int64
	// States limits the list to these states (empty = all).
	States []string
	// Kind is a scheduled message kind (SeqFollowup...); "" = any.
	Kind string
	// Limit caps the rows (200 when 0, at most 1000).
	Limit int
}

// ScheduledOutbox lists scheduled messages, the next due first and then the
// most recent ones: pending and sending messages by due time, the rest after
// them by due time, newest first.
func (s *Store) ScheduledOutbox(ctx context.Context, f ScheduledFilter) ([]ScheduledRow, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	q := s.R.WithContext(ctx).Table("scheduled_messages m").
		Select(`m.*, COALESCE(NULLIF(c.title, ''), p.display_name, '') AS conversation_title, COALESCE(q.name, '') AS sequence_name`).
		Joins(`LEFT JOIN conversations c ON c.id = m.conversation_id`).
		Joins(`LEFT JOIN contacts p ON p.id = c.contact_id`).
		Joins(`LEFT JOIN message_sequences q ON q.id = m.sequence_id`)
	if f.SequenceID > 0 {
		q = q.Where("m.sequence_id = ?", f.SequenceID)
	}
	if f.ConversationID > 0 {
		q = q.Where("m.conversation_id = ?", f.ConversationID)
	}
	if len(f.States) > 0 {
		q = q.Where("m.state IN ?", f.States)
	}
	if f.Kind != "" {
		q = q.Where("m.kind = ?", f.Kind)
	}
	var out []ScheduledRow
	err := q.Order(`CASE WHEN m.state IN ('pending', 'sending') THEN 0 ELSE 1 END,
		CASE WHEN m.state IN ('pending', 'sending') THEN m.due_at ELSE -m.due_at END, m.id`).
		Limit(f.Limit).Scan(&out).Error
	return out, classify(err)
}

// SequenceStat counts one sequence's scheduled messages.
type SequenceStat struct {
	SequenceID int64 `gorm:"column:sequence_id"`
	// Enrolled is how many conversations were ever enrolled; Active how many
	// still have a step waiting.
	Enrolled  int `gorm:"column:enrolled"`
	Active    int `gorm:"column:active"`
	Queued    int `gorm:"column:queued"`
	Sent      int `gorm:"column:sent"`
	Refused   int `gorm:"column:refused"`
	Failed    int `gorm:"column:failed"`
	Cancelled int `gorm:"column:cancelled"`
}

// SequenceStats returns the counts of every sequence that has scheduled messages.
func (s *Store) SequenceStats(ctx context.Context) (map[int64]SequenceStat, error) {
	var rows []SequenceStat
	err := s.R.WithContext(ctx).Raw(`SELECT sequence_id,
		COUNT(DISTINCT conversation_id) AS enrolled,
		COUNT(DISTINCT CASE WHEN state IN ('pending', 'sending') THEN conversation_id END) AS active,
		SUM(CASE WHEN state IN ('pending', 'sending') THEN 1 ELSE 0 END) AS queued,
		SUM(CASE WHEN state = 'sent' THEN 1 ELSE 0 END) AS sent,
		SUM(CASE WHEN state = 'refused' THEN 1 ELSE 0 END) AS refused,
		SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS failed,
		SUM(CASE WHEN state = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
		FROM scheduled_messages WHERE sequence_id IS NOT NULL GROUP BY sequence_id`).Scan(&rows).Error
	out := make(map[int64]SequenceStat, len(rows))
	for _, r := range rows {
		out[r.SequenceID] = r
	}
	return out, classify(err)
}

// ScheduledMessageByID returns one scheduled message or ErrNotFound.
func (s *Store) ScheduledMessageByID(ctx context.Context, id int64) (ScheduledMessage, error) {
	var out []ScheduledMessage
	if err := s.R.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&out).Error; err != nil {
		return ScheduledMessage{}, classify(err)
	}
	if len(out) == 0 {
		return ScheduledMessage{}, ErrNotFound
	}
	return out[0], nil
}

// CancelPendingScheduled cancels pending messages with reason recorded as
// their refusal: one message (id > 0), or a sequence's queue (sequenceID > 0)
// for one conversation (conversationID > 0) or all. It returns how many were
// cancelled; a message already sending or done is left alone.
func (s *Store) CancelPendingScheduled(ctx context.Context, id, sequenceID, conversationID int64, reason string) (int64, error) {
	q := s.W.WithContext(ctx).Model(&ScheduledMessage{}).Where("state = ?", MsgPending)
	switch {
	case id > 0:
		q = q.Where("id = ?", id)
	case sequenceID > 0:
		q = q.Where("sequence_id = ?", sequenceID)
	default:
		return 0, nil
	}
	if conversationID > 0 {
		q = q.Where("conversation_id = ?", conversationID)
	}
	now := s.nowMillis()
	res := q.Updates(map[string]any{"state": MsgCancelled, "refusal": reason, "done_at": now, "updated_at": now})
	return res.RowsAffected, classify(res.Error)
}

// DeleteMessageSequence removes a sequence; its scheduled messages go with it.
func (s *Store) DeleteMessageSequence(ctx context.Context, id int64) error {
	res := s.W.WithContext(ctx).Where("id = ?", id).Delete(&MessageSequence{})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}
