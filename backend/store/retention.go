package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Retention policy match types.
const (
	RetentionAll  = "all"
	RetentionKind = "kind"
	RetentionTag  = "tag"
)

// RetentionPolicy keeps matching conversations for KeepDays after their last message.
// When several policies match a conversation, the longest keep wins.
type RetentionPolicy struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	Name       string `gorm:"column:name"`
	MatchType  string `gorm:"column:match_type"`
	MatchValue string `gorm:"column:match_value"`
	KeepDays   int    `gorm:"column:keep_days"`
	Enabled    bool   `gorm:"column:enabled"`
	CreatedAt  int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt  int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (RetentionPolicy) TableName() string { return "retention_policies" }

// LegalHold keeps a contact's or a conversation's data from any purge.
type LegalHold struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	TargetType string `gorm:"column:target_type"` // contact | conversation
	TargetID   int64  `gorm:"column:target_id"`
	Reason     string `gorm:"column:reason"`
	Actor      string `gorm:"column:actor"`
	CreatedAt  int64  `gorm:"column:created_at"`
	ReleasedAt int64  `gorm:"column:released_at"`
}

// TableName implements gorm's Tabler.
func (LegalHold) TableName() string { return "legal_holds" }

// RetentionPolicies lists every policy.
func (s *Store) RetentionPolicies(ctx context.Context) ([]RetentionPolicy, error) {
	var out []RetentionPolicy
	return out, classify(s.R.WithContext(ctx).Order("id").Find(&out).Error)
}

// SaveRetentionPolicy creates (ID 0) or updates a policy.
func (s *Store) SaveRetentionPolicy(ctx context.Context, p *RetentionPolicy) error {
	now := s.nowMillis()
	p.UpdatedAt = now
	if p.ID == 0 {
		p.CreatedAt = now
		return classify(s.W.WithContext(ctx).Create(p).Error)
	}
	res := s.W.WithContext(ctx).Model(&RetentionPolicy{}).Where("id = ?", p.ID).Updates(map[string]any{
		"name": p.Name, "match_type": p.MatchType, "match_value": p.MatchValue, "keep_days": p.KeepDays,
		"enabled": p.Enabled, "updated_at": now})
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteRetentionPolicy removes a policy.
func (s *Store) DeleteRetentionPolicy(ctx context.Context, id int64) error {
	return classify(s.W.WithContext(ctx).Exec(`DELETE FROM retention_policies WHERE id = ?`, id).Error)
}

// AddLegalHold places a hold.
func (s *Store) AddLegalHold(ctx context.Context, h *LegalHold) error {
	h.CreatedAt, h.ReleasedAt = s.nowMillis(), 0
	return classify(s.W.WithContext(ctx).Create(h).Error)
}

// ReleaseLegalHold lifts a hold.
func (s *Store) ReleaseLegalHold(ctx context.Context, id int64) error {
	res := s.W.WithContext(ctx).Model(&LegalHold{}).Where("id = ? AND released_at = 0", id).Update("released_at", s.nowMillis())
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// LegalHolds lists the active holds (or every hold), newest first.
func (s *Store) LegalHolds(ctx context.Context, activeOnly bool) ([]LegalHold, error) {
	q := s.R.WithContext(ctx).Order("id DESC")
	if activeOnly {
		q = q.Where("released_at = 0")
	}
	var out []LegalHold
	return out, classify(q.Find(&out).Error)
}

// ContactOnHold reports whether a contact is under an active legal hold.
func (s *Store) ContactOnHold(ctx context.Context, contactID int64) (bool, error) {
	var n int64
	err := s.R.WithContext(ctx).Raw(`SELECT COUNT(*) FROM legal_holds WHERE target_type = 'contact' AND target_id = ? AND released_at = 0`,
		contactID).Scan(&n).Error
	return n > 0, classify(err)
}

// PurgeCandidate is a conversation a purge would delete.
type PurgeCandidate struct {
	ConversationID int64  `gorm:"column:id"`
	Title          string `gorm:"column:title"`
	Kind           string `gorm:"column:kind"`
	LastMessageAt  int64  `gorm:"column:last_message_at"`
	MessageCount   int    `gorm:"column:message_count"`
	KeepDays       int    `gorm:"column:keep_days"`
}

// PurgeCandidates lists the conversations whose newest message is older than
// the longest keep of the enabled policies that match them, as of now (Unix
// ms), leaving out everything under legal hold. A conversation no policy
// matches is kept.
func (s *Store) PurgeCandidates(ctx context.Context, now int64, limit int) ([]PurgeCandidate, error) {
	if limit <= 0 {
		limit = 10000
	}
	var out []PurgeCandidate
	err := s.R.WithContext(ctx).Raw(`SELECT c.id, c.title, c.kind, c.last_message_at, c.message_count, MAX(p.keep_days) AS keep_days
		FROM conversations c JOIN retention_policies p ON p.enabled = 1 AND (
			p.match_type = 'all'
			OR (p.match_type = 'kind' AND p.match_value = c.kind)
			OR (p.match_type = 'tag' AND EXISTS (SELECT 1 FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
				WHERE ct.conversation_id = c.id AND t.name = p.match_value)))
		WHERE NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at = 0 AND h.target_type = 'conversation' AND h.target_id = c.id)
		AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at = 0 AND h.target_type = 'contact' AND h.target_id = c.contact_id)
		GROUP BY c.id, c.title, c.kind, c.last_message_at, c.message_count
		HAVING c.last_message_at < ? - MAX(p.keep_days) * 86400000
		ORDER BY c.last_message_at, c.id LIMIT ?`, now, limit).Scan(&out).Error
	return out, classify(err)
}

// PurgeConversations deletes conversations with their messages and every
// search entry of them, in one transaction. It returns the messages removed.
func (s *Store) PurgeConversations(ctx context.Context, ids []int64) (int, error) {
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return 0, classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	n := 0
	for _, id := range ids {
		k, err := purgeConversationTx(ctx, tx, id)
		if err != nil {
			return 0, err
		}
		n += k
	}
	return n, classify(tx.Commit())
}

// purgeConversationTx removes one conversation, its messages and their index entries.
func purgeConversationTx(ctx context.Context, tx *sql.Tx, id int64) (int, error) {
	if err := kpiConversationGoneTx(ctx, tx, id); err != nil {
		return 0, err
	}
	msgIDs, err := governanceIDsTx(ctx, tx, `SELECT id FROM messages WHERE conversation_id = ?`, id)
	if err != nil {
		return 0, err
	}
	if err := deleteMessageSearchTx(ctx, tx, msgIDs); err != nil {
		return 0, err
	}
	if ok, err := tableExistsTx(ctx, tx, "note_search"); err != nil {
		return 0, err
	} else if ok {
		if _, err := tx.ExecContext(ctx, `DELETE FROM note_search WHERE rowid IN (SELECT id FROM conversation_notes WHERE conversation_id = ?)`, id); err != nil {
			return 0, classify(err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM conversations WHERE id = ?`, id); err != nil {
		return 0, fmt.Errorf("store: purge conversation %d: %w", id, classify(err))
	}
	return len(msgIDs), nil
}

// deleteMessageSearchTx removes messages from the full-text index.
func deleteMessageSearchTx(ctx context.Context, tx *sql.Tx, msgIDs []int64) error {
	for _, mid := range msgIDs {
		if _, err := tx.ExecContext(ctx, `DELETE FROM message_search WHERE rowid = ?`, mid); err != nil {
			return classify(err)
		}
	}
	return nil
}

// tableExistsTx reports whether a table exists (SQLite dialect: other areas'
// optional tables, such as their search indexes, are cleaned when present).
func tableExistsTx(ctx context.Context, tx *sql.Tx, name string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name = ?`, name).Scan(&n)
	return n > 0, classify(err)
}
