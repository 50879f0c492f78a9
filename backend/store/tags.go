package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
)

// ErrBuiltinTag: a built-in tag (sales, support, ...) cannot be deleted.
var ErrBuiltinTag = errors.New("store: built-in tags cannot be deleted")

// Tag is a triage label with its colour. Built-in tags cannot be deleted.
type Tag struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	Name      string `gorm:"column:name"`
	Color     string `gorm:"column:color"`
	Builtin   bool   `gorm:"column:builtin"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
	// Uses counts the conversations carrying the tag (read-only, from ix_conversation_tags_tag).
	Uses int64 `gorm:"column:uses;->"`
}

// TableName implements gorm's Tabler.
func (Tag) TableName() string { return "tags" }

// Tags returns every tag, built-in ones first, then by name.
func (s *Store) Tags(ctx context.Context) ([]Tag, error) {
	var out []Tag
	err := s.R.WithContext(ctx).Raw(`SELECT t.id, t.name, t.color, t.builtin, t.created_at,
		(SELECT COUNT(*) FROM conversation_tags ct WHERE ct.tag_id = t.id) AS uses
		FROM tags t ORDER BY t.builtin DESC, t.id`).Scan(&out).Error
	return out, classify(err)
}

// TagByName returns a tag by its exact name, or ErrNotFound.
func (s *Store) TagByName(ctx context.Context, name string) (Tag, error) {
	var out []Tag
	if err := s.R.WithContext(ctx).Raw(`SELECT id, name, color, builtin, created_at FROM tags WHERE name = ?`, name).Scan(&out).Error; err != nil {
		return Tag{}, classify(err)
	}
	if len(out) == 0 {
		return Tag{}, ErrNotFound
	}
	return out[0], nil
}

// SaveTag creates a tag (ID 0) or renames and recolours one; ErrDuplicate when the name is taken.
func (s *Store) SaveTag(ctx context.Context, actor string, t *Tag) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if t.ID == 0 {
			t.CreatedAt = s.nowMillis()
			err := tx.QueryRowContext(ctx, `INSERT INTO tags(name, color, builtin, created_at) VALUES (?, ?, 0, ?) RETURNING id`,
				t.Name, t.Color, t.CreatedAt).Scan(&t.ID)
			if err != nil {
				return classify(err)
			}
			return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "tag.created", TargetType: "tag",
				TargetID: strconv.FormatInt(t.ID, 10), AfterJSON: toJSON(map[string]string{"name": t.Name, "color": t.Color})})
		}
		var before Tag
		err := tx.QueryRowContext(ctx, `SELECT name, color, builtin FROM tags WHERE id = ?`, t.ID).Scan(&before.Name, &before.Color, &before.Builtin)
		if err != nil {
			return notFoundOr(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tags SET name = ?, color = ? WHERE id = ?`, t.Name, t.Color, t.ID); err != nil {
			return classify(err)
		}
		t.Builtin = before.Builtin
		return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "tag.updated", TargetType: "tag", TargetID: strconv.FormatInt(t.ID, 10),
			BeforeJSON: toJSON(map[string]string{"name": before.Name, "color": before.Color}),
			AfterJSON:  toJSON(map[string]string{"name": t.Name, "color": t.Color})})
	})
}

// DeleteTag removes a custom tag from every conversation and deletes it.
// It returns ErrBuiltinTag for a built-in tag.
func (s *Store) DeleteTag(ctx context.Context, actor string, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		var builtin bool
		if err := tx.QueryRowContext(ctx, `SELECT name, builtin FROM tags WHERE id = ?`, id).Scan(&name, &builtin); err != nil {
			return notFoundOr(err)
		}
		if builtin {
			return ErrBuiltinTag
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM conversation_tags WHERE tag_id = ?`, id); err != nil {
			return classify(err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id = ?`, id); err != nil {
			return classify(err)
		}
		return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "tag.deleted", TargetType: "tag", TargetID: strconv.FormatInt(id, 10),
			BeforeJSON: toJSON(map[string]string{"name": name})})
	})
}
