package store

import (
	"context"
	"strings"
)

// ModerationHistoryFilter narrows the workspace's moderation log; zero fields match everything.
type ModerationHistoryFilter struct {
	AccountID int64
	Action    string
	// BeforeID pages backwards: only actions older than this one.
	BeforeID int64
	Limit    int
}

// ModerationHistoryRow is one logged moderation action with the message it
// concerned (AuthorName and Text are empty once the message is gone).
type ModerationHistoryRow struct {
	ModerationRecord
	AuthorName string `gorm:"column:author_name"`
	Text       string `gorm:"column:text"`
}

// ModerationHistory lists logged moderation actions, newest first. The log is
// small beside the messages (one row per action), and the primary key orders
// it, so a page reads at most a page of matching rows walking back from BeforeID.
func (s *Store) ModerationHistory(ctx context.Context, f ModerationHistoryFilter) ([]ModerationHistoryRow, error) {
	where, args := []string{"1 = 1"}, []any{}
	if f.AccountID != 0 {
		where, args = append(where, "a.account_id = ?"), append(args, f.AccountID)
	}
	if f.Action != "" {
		where, args = append(where, "a.action = ?"), append(args, f.Action)
	}
	if f.BeforeID > 0 {
		where, args = append(where, "a.id < ?"), append(args, f.BeforeID)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	args = append(args, limit)
	var out []ModerationHistoryRow
	err := s.R.WithContext(ctx).Raw(`SELECT a.*, COALESCE(m.author_name, '') AS author_name, COALESCE(m.text, '') AS text
		FROM moderation_actions a LEFT JOIN messages m ON m.id = a.message_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY a.id DESC LIMIT ?`, args...).Scan(&out).Error
	return out, classify(err)
}
