package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// SavedView is a named inbox filter shown in the sidebar. FilterJSON is the
// domain's filter encoding (inbox.ViewFilter); the store keeps it as text.
type SavedView struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	Name       string `gorm:"column:name"`
	FilterJSON string `gorm:"column:filter_json"`
	Position   int    `gorm:"column:position"`
	CreatedAt  int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt  int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (SavedView) TableName() string { return "saved_views" }

// SavedViews returns the views in sidebar order.
func (s *Store) SavedViews(ctx context.Context) ([]SavedView, error) {
	var out []SavedView
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM saved_views ORDER BY position, id`).Scan(&out).Error
	return out, classify(err)
}

// SaveView creates (ID 0, placed last) or updates a saved view.
func (s *Store) SaveView(ctx context.Context, actor string, v *SavedView) error {
	now := s.nowMillis()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		action := "view.updated"
		if v.ID == 0 {
			action = "view.created"
			v.CreatedAt = now
			err := tx.QueryRowContext(ctx, `INSERT INTO saved_views(name, filter_json, position, created_at, updated_at)
				VALUES (?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM saved_views), ?, ?) RETURNING id, position`,
				v.Name, v.FilterJSON, now, now).Scan(&v.ID, &v.Position)
			if err != nil {
				return classify(err)
			}
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE saved_views SET name = ?, filter_json = ?, updated_at = ? WHERE id = ?`, v.Name, v.FilterJSON, now, v.ID)
			if err != nil {
				return classify(err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return ErrNotFound
			}
		}
		v.UpdatedAt = now
		return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: action, TargetType: "view", TargetID: strconv.FormatInt(v.ID, 10),
			AfterJSON: toJSON(map[string]string{"name": v.Name, "filter": v.FilterJSON})})
	})
}

// DeleteView removes a saved view.
func (s *Store) DeleteView(ctx context.Context, actor string, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM saved_views WHERE id = ?`, id)
		if err != nil {
			return classify(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "view.deleted", TargetType: "view", TargetID: strconv.FormatInt(id, 10)})
	})
}

// ReorderViews sets the sidebar order to ids (views not listed keep their place after them).
func (s *Store) ReorderViews(ctx context.Context, ids []int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for i, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE saved_views SET position = ? WHERE id = ?`, i, id); err != nil {
				return classify(err)
			}
		}
		return nil
	})
}

// CountUnread counts the unread conversations a filter matches. It is forced
// onto the partial index ix_conversations_unread (only conversations with
// something unread are in it), so its cost follows the unread backlog, not the
// size of the inbox: that is what keeps per-view badges cheap without counters
// to maintain on every ingest.
func (s *Store) CountUnread(ctx context.Context, f ConversationFilter) (int64, error) {
	f.UnreadOnly = false
	where, args := f.where()
	where = append([]string{"c.unread_count > 0"}, where...)
	q := `SELECT COUNT(*) FROM conversations c INDEXED BY ix_conversations_unread`
	if f.SLAState != "" {
		q += ` LEFT JOIN conversation_sla sla ON sla.conversation_id = c.id`
	}
	var n int64
	err := s.reader().QueryRowContext(ctx, q+` WHERE `+strings.Join(where, " AND "), args...).Scan(&n)
	return n, classify(err)
}
