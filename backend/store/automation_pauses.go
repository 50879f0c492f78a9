package store

import "context"

// ConversationPause is a conversation a person took over: automation leaves it
// alone (no rule acts on it, no automated message is sent to it) until resumed.
type ConversationPause struct {
	ConversationID int64  `gorm:"column:conversation_id;primaryKey"`
	PausedAt       int64  `gorm:"column:paused_at"`
	Actor          string `gorm:"column:actor"`
	Reason         string `gorm:"column:reason"`
}

// TableName implements gorm's Tabler.
func (ConversationPause) TableName() string { return "automation_conversation_pauses" }

// PauseConversationAutomation pauses automation for a conversation; it
// reports whether it was newly paused (a second pause keeps the first one's time).
func (s *Store) PauseConversationAutomation(ctx context.Context, conversationID int64, actor, reason string) (bool, error) {
	res := s.W.WithContext(ctx).Exec(`INSERT INTO automation_conversation_pauses(conversation_id, paused_at, actor, reason)
		VALUES (?, ?, ?, ?) ON CONFLICT(conversation_id) DO NOTHING`, conversationID, s.nowMillis(), actor, reason)
	return res.RowsAffected > 0, classify(res.Error)
}

// ResumeConversationAutomation lifts a pause; it reports whether one was lifted.
func (s *Store) ResumeConversationAutomation(ctx context.Context, conversationID int64) (bool, error) {
	res := s.W.WithContext(ctx).Exec(`DELETE FROM automation_conversation_pauses WHERE conversation_id = ?`, conversationID)
	return res.RowsAffected > 0, classify(res.Error)
}

// ConversationAutomationPause returns a conversation's pause (ok false when automation runs there).
func (s *Store) ConversationAutomationPause(ctx context.Context, conversationID int64) (ConversationPause, bool, error) {
	var rows []ConversationPause
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM automation_conversation_pauses WHERE conversation_id = ?`, conversationID).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return ConversationPause{}, false, classify(err)
	}
	return rows[0], true, nil
}

// PausedConversations lists the paused conversations, newest pause first.
func (s *Store) PausedConversations(ctx context.Context, limit int) ([]ConversationPause, error) {
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	var out []ConversationPause
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM automation_conversation_pauses ORDER BY paused_at DESC, conversation_id LIMIT ?`, limit).Scan(&out).Error
	return out, classify(err)
}

// OwnerMemberID returns the first active owner's id (ok false when the team has none).
func (s *Store) OwnerMemberID(ctx context.Context) (int64, bool, error) {
	var ids []int64
	err := s.R.WithContext(ctx).Raw(`SELECT id FROM team_members WHERE role = ? AND active = 1 ORDER BY id LIMIT 1`, RoleOwner).Scan(&ids).Error
	if err != nil || len(ids) == 0 {
		return 0, false, classify(err)
	}
	return ids[0], true, nil
}
