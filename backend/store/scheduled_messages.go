package store

import (
	"context"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ScheduledMessage is one message due later (a step of a follow-up or
// cart-recovery sequence, or a follow-up after a live). It is sent only
// through the send gate, as a marketing message.
type ScheduledMessage struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	SequenceID     *int64 `gorm:"column:sequence_id"`
	LiveID         *int64 `gorm:"column:live_id"`
	Kind           string `gorm:"column:kind"`
	ConversationID int64  `gorm:"column:conversation_id"`
	ContactID      *int64 `gorm:"column:contact_id"`
	Step           int    `gorm:"column:step"`
	Text           string `gorm:"column:text"`
	DueAt          int64  `gorm:"column:due_at"`
	State          string `gorm:"column:state"`
	Attempts       int    `gorm:"column:attempts"`
	// Refusal is the send gate's reason (its i18n key) when it refused the message.
	Refusal   string `gorm:"column:refusal"`
	MessageID *int64 `gorm:"column:message_id"`
	DoneAt    int64  `gorm:"column:done_at"`
	CreatedBy string `gorm:"column:created_by"`
	DedupeKey string `gorm:"column:dedupe_key"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (ScheduledMessage) TableName() string { return "scheduled_messages" }

// Scheduled message kinds and states.
const (
	SeqFollowup     = "followup"
	SeqCartRecovery = "cart_recovery"
	SeqLiveFollowup = "live_followup"

	MsgPending   = "pending"
	MsgSending   = "sending"
	MsgSent      = "sent"
	MsgRefused   = "refused"
	MsgFailed    = "failed"
	MsgCancelled = "cancelled"
)

// AddScheduledMessage queues a message unless one with the same dedupe key
// exists; it reports whether it was added.
func (s *Store) AddScheduledMessage(ctx context.Context, m *ScheduledMessage) (bool, error) {
	now := s.nowMillis()
	m.ID, m.CreatedAt, m.UpdatedAt = 0, now, now
	if m.State == "" {
		m.State = MsgPending
	}
	res := s.W.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(m)
	return res.RowsAffected == 1, classify(res.Error)
}

// DueScheduledMessages returns pending messages due at or before now, oldest first.
func (s *Store) DueScheduledMessages(ctx context.Context, now int64, limit int) ([]ScheduledMessage, error) {
	var out []ScheduledMessage
	return out, classify(s.R.WithContext(ctx).Where("state = ? AND due_at <= ?", MsgPending, now).
		Order("due_at, id").Limit(limit).Find(&out).Error)
}

// NextScheduledMessageDue returns the earliest due time of a pending message.
func (s *Store) NextScheduledMessageDue(ctx context.Context) (int64, bool, error) {
	var v *int64
	err := s.R.WithContext(ctx).Raw(`SELECT MIN(due_at) FROM scheduled_messages WHERE state = ?`, MsgPending).Scan(&v).Error
	if err != nil || v == nil {
		return 0, false, classify(err)
	}
	return *v, true, nil
}

// ClaimScheduledMessage moves a pending message to sending in a transaction.
func (s *Store) ClaimScheduledMessage(ctx context.Context, id, now int64) (bool, error) {
	ok := false
	err := s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&ScheduledMessage{}).Where("id = ? AND state = ?", id, MsgPending).
			Updates(map[string]any{"state": MsgSending, "attempts": gorm.Expr("attempts + 1"), "updated_at": now})
		ok = res.RowsAffected == 1
		return res.Error
	})
	return ok, classify(err)
}

// FinishScheduledMessage records a message's outcome.
func (s *Store) FinishScheduledMessage(ctx context.Context, m ScheduledMessage) error {
	return classify(s.W.WithContext(ctx).Model(&ScheduledMessage{}).Where("id = ?", m.ID).Updates(map[string]any{
		"state": m.State, "refusal": m.Refusal, "message_id": m.MessageID, "done_at": m.DoneAt, "due_at": m.DueAt,
		"updated_at": s.nowMillis()}).Error)
}

// ScheduledMessagesFor lists a live's (liveID > 0) or a conversation's messages.
func (s *Store) ScheduledMessagesFor(ctx context.Context, liveID, conversationID int64) ([]ScheduledMessage, error) {
	q := s.R.WithContext(ctx).Order("due_at, id")
	if liveID > 0 {
		q = q.Where("live_id = ?", liveID)
	}
	if conversationID > 0 {
		q = q.Where("conversation_id = ?", conversationID)
	}
	var out []ScheduledMessage
	return out, classify(q.Find(&out).Error)
}

// CancelScheduledMessages cancels the pending messages of a conversation
// (kind "" = any), e.g. when the person replied or bought.
func (s *Store) CancelScheduledMessages(ctx context.Context, conversationID int64, kind string) (int64, error) {
	q := s.W.WithContext(ctx).Model(&ScheduledMessage{}).Where("conversation_id = ? AND state = ?", conversationID, MsgPending)
	if kind != "" {
		q = q.Where("kind = ?", kind)
	}
	res := q.Updates(map[string]any{"state": MsgCancelled, "updated_at": s.nowMillis()})
	return res.RowsAffected, classify(res.Error)
}

// CountSentScheduledSince counts scheduled messages sent after since
// (the pace limit's window).
func (s *Store) CountSentScheduledSince(ctx context.Context, since int64) (int, error) {
	var n int64
	err := s.R.WithContext(ctx).Model(&ScheduledMessage{}).Where("state = ? AND done_at > ?", MsgSent, since).Count(&n).Error
	return int(n), classify(err)
}

// MessageSequence is a named series of steps (delay and text) a
// conversation can be enrolled in: a follow-up or a cart recovery.
type MessageSequence struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	Name      string `gorm:"column:name"`
	Kind      string `gorm:"column:kind"`
	StepsJSON string `gorm:"column:steps_json"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (MessageSequence) TableName() string { return "message_sequences" }

// SaveMessageSequence inserts (ID 0) or updates a sequence.
func (s *Store) SaveMessageSequence(ctx context.Context, q *MessageSequence) error {
	now := s.nowMillis()
	q.UpdatedAt = now
	if q.ID == 0 {
		q.CreatedAt = now
		return classify(s.W.WithContext(ctx).Create(q).Error)
	}
	res := s.W.WithContext(ctx).Model(&MessageSequence{}).Where("id = ?", q.ID).
		Updates(map[string]any{"name": q.Name, "kind": q.Kind, "steps_json": q.StepsJSON, "updated_at": now})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

// MessageSequences lists the sequences by name.
func (s *Store) MessageSequences(ctx context.Context) ([]MessageSequence, error) {
	var out []MessageSequence
	return out, classify(s.R.WithContext(ctx).Order("name, id").Find(&out).Error)
}

// MessageSequenceByID returns one sequence or ErrNotFound.
func (s *Store) MessageSequenceByID(ctx context.Context, id int64) (MessageSequence, error) {
	var out []MessageSequence
	if err := s.R.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&out).Error; err != nil {
		return MessageSequence{}, classify(err)
	}
	if len(out) == 0 {
		return MessageSequence{}, ErrNotFound
	}
	return out[0], nil
}
