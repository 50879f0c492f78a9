package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// ConversationFilter narrows the inbox list. Empty fields match everything.
type ConversationFilter struct {
	Platform   string
	AccountID  int64
	Kind       string
	Status     string
	UnreadOnly bool
}

// ConversationCursor is the position after the last row of a page: (last_message_at, id).
type ConversationCursor struct {
	LastMessageAt int64
	ID            int64
}

// String encodes the cursor as an opaque token.
func (c ConversationCursor) String() string {
	if c.ID == 0 {
		return ""
	}
	return fmt.Sprintf("%d.%d", c.LastMessageAt, c.ID)
}

// ParseConversationCursor decodes a token from String ("" is the first page).
func ParseConversationCursor(s string) (ConversationCursor, error) {
	if s == "" {
		return ConversationCursor{}, nil
	}
	at, id, ok := strings.Cut(s, ".")
	a, err1 := strconv.ParseInt(at, 10, 64)
	b, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return ConversationCursor{}, fmt.Errorf("store: bad cursor %q", s)
	}
	return ConversationCursor{LastMessageAt: a, ID: b}, nil
}

// conversationColumns are the list columns; message bodies are never read here.
const conversationColumns = `c.id, c.account_id, a.platform, c.external_id, c.kind, c.title, c.contact_id, c.snippet,
	c.last_message_at, c.last_inbound_at, c.unread_count, c.message_count, c.status, c.assignee, c.language, c.priority, c.created_at, c.updated_at`

// Conversations returns one page of the inbox, newest activity first, after cursor.
// The returned cursor is empty on the last page. Served by ix_conversations_recent.
func (s *Store) Conversations(ctx context.Context, f ConversationFilter, after ConversationCursor, limit int) ([]Conversation, ConversationCursor, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	where := []string{"1=1"}
	var args []any
	if after.ID != 0 {
		where = append(where, "(c.last_message_at, c.id) < (?, ?)")
		args = append(args, after.LastMessageAt, after.ID)
	}
	if f.Platform != "" {
		where = append(where, "c.account_id IN (SELECT id FROM accounts WHERE platform = ?)")
		args = append(args, f.Platform)
	}
	if f.AccountID != 0 {
		where = append(where, "c.account_id = ?")
		args = append(args, f.AccountID)
	}
	if f.Kind != "" {
		where = append(where, "c.kind = ?")
		args = append(args, f.Kind)
	}
	if f.Status != "" {
		where = append(where, "c.status = ?")
		args = append(args, f.Status)
	}
	if f.UnreadOnly {
		where = append(where, "c.unread_count > 0")
	}
	q := `SELECT ` + conversationColumns + ` FROM conversations c JOIN accounts a ON a.id = c.account_id
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`
	args = append(args, limit+1)
	var out []Conversation
	if err := s.R.WithContext(ctx).Raw(q, args...).Scan(&out).Error; err != nil {
		return nil, ConversationCursor{}, classify(err)
	}
	var next ConversationCursor
	if len(out) > limit {
		out = out[:limit]
		last := out[limit-1]
		next = ConversationCursor{LastMessageAt: last.LastMessageAt, ID: last.ID}
	}
	return out, next, nil
}

// ConversationByID returns one conversation with its platform, or ErrNotFound.
func (s *Store) ConversationByID(ctx context.Context, id int64) (Conversation, error) {
	var out []Conversation
	err := s.R.WithContext(ctx).Raw(`SELECT `+conversationColumns+` FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE c.id = ?`, id).Scan(&out).Error
	if err != nil {
		return Conversation{}, classify(err)
	}
	if len(out) == 0 {
		return Conversation{}, ErrNotFound
	}
	return out[0], nil
}

// ConversationsByIDs returns the listed conversations (missing ids are left out).
func (s *Store) ConversationsByIDs(ctx context.Context, ids []int64) ([]Conversation, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []Conversation
	err := s.R.WithContext(ctx).Raw(`SELECT `+conversationColumns+` FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE c.id IN ?`, ids).Scan(&out).Error
	return out, classify(err)
}

// MarkConversationRead sets a conversation's unread count to zero.
func (s *Store) MarkConversationRead(ctx context.Context, id int64) error {
	return s.updateConversation(ctx, id, map[string]any{"unread_count": 0})
}

// MarkAccountRead sets the unread count of every conversation of an account to zero
// (an imported archive is history, not new mail).
func (s *Store) MarkAccountRead(ctx context.Context, accountID int64) error {
	return classify(s.W.WithContext(ctx).Model(&Conversation{}).Where("account_id = ? AND unread_count > 0", accountID).
		Updates(map[string]any{"unread_count": 0, "updated_at": s.nowMillis()}).Error)
}

// SetConversationStatus changes a conversation's status.
func (s *Store) SetConversationStatus(ctx context.Context, id int64, status string) error {
	switch status {
	case StatusOpen, StatusPending, StatusSnoozed, StatusResolved:
	default:
		return fmt.Errorf("store: unknown status %q", status)
	}
	return s.updateConversation(ctx, id, map[string]any{"status": status})
}

// updateConversation applies column changes to one conversation, or returns ErrNotFound.
func (s *Store) updateConversation(ctx context.Context, id int64, cols map[string]any) error {
	cols["updated_at"] = s.nowMillis()
	res := s.W.WithContext(ctx).Model(&Conversation{}).Where("id = ?", id).Updates(cols)
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// isNotFound reports a gorm or store not-found error.
func isNotFound(err error) bool {
	return errors.Is(err, gorm.ErrRecordNotFound) || errors.Is(err, ErrNotFound)
}
