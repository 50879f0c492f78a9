package store

import (
	"context"
	"time"
)

// PresenceTTL is how long a "replying now" heartbeat counts: older ones are ignored.
const PresenceTTL = 30 * time.Second

// Replier is a member composing in a conversation.
type Replier struct {
	MemberID    int64  `gorm:"column:member_id"`
	Name        string `gorm:"column:name"`
	Color       string `gorm:"column:color"`
	HeartbeatAt int64  `gorm:"column:heartbeat_at"`
}

// Heartbeat records that a member is composing in a conversation now, and
// drops heartbeats that have expired everywhere (the table stays tiny).
func (s *Store) Heartbeat(ctx context.Context, conversationID, memberID int64) error {
	now := s.nowMillis()
	db := s.writer()
	if _, err := db.ExecContext(ctx, `INSERT INTO presence(conversation_id, member_id, heartbeat_at) VALUES (?, ?, ?)
		ON CONFLICT (conversation_id, member_id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at`, conversationID, memberID, now); err != nil {
		return classify(err)
	}
	_, err := db.ExecContext(ctx, `DELETE FROM presence WHERE heartbeat_at < ?`, now-PresenceTTL.Milliseconds())
	return classify(err)
}

// StopReplying removes a member's heartbeat on a conversation (the draft was sent or closed).
func (s *Store) StopReplying(ctx context.Context, conversationID, memberID int64) error {
	_, err := s.writer().ExecContext(ctx, `DELETE FROM presence WHERE conversation_id = ? AND member_id = ?`, conversationID, memberID)
	return classify(err)
}

// Repliers returns the members other than exceptMember whose heartbeat on the
// conversation is younger than PresenceTTL, newest first.
func (s *Store) Repliers(ctx context.Context, conversationID, exceptMember int64) ([]Replier, error) {
	var out []Replier
	err := s.R.WithContext(ctx).Raw(`SELECT p.member_id, m.name, m.color, p.heartbeat_at FROM presence p
		JOIN team_members m ON m.id = p.member_id
		WHERE p.conversation_id = ? AND p.member_id <> ? AND p.heartbeat_at >= ? ORDER BY p.heartbeat_at DESC`,
		conversationID, exceptMember, s.nowMillis()-PresenceTTL.Milliseconds()).Scan(&out).Error
	return out, classify(err)
}
