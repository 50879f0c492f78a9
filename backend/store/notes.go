package store

import (
	"context"
	"database/sql"
	"strconv"

	"creatordesk/backend/textsearch"
)

// Note kinds.
const (
	// NoteKindNote is an internal note a member wrote.
	NoteKindNote = "note"
	// NoteKindHandoff is the summary written when a conversation is handed to someone else.
	NoteKindHandoff = "handoff"
)

// Note is an internal note on a conversation: never sent to the customer.
type Note struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	ConversationID int64  `gorm:"column:conversation_id"`
	AuthorID       int64  `gorm:"column:author_id"`
	AuthorName     string `gorm:"column:author_name"`
	Kind           string `gorm:"column:kind"`
	Text           string `gorm:"column:text"`
	CreatedAt      int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt      int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (Note) TableName() string { return "conversation_notes" }

// AddNote stores a note with its search entry and an audit entry.
func (s *Store) AddNote(ctx context.Context, n *Note) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM conversations WHERE id = ?`, n.ConversationID).Scan(&one); err != nil {
			return notFoundOr(err)
		}
		_, err := s.insertNote(ctx, tx, n)
		return err
	})
}

// insertNote writes a note, indexes it and audits it inside tx.
func (s *Store) insertNote(ctx context.Context, tx *sql.Tx, n *Note) (int64, error) {
	if n.Kind == "" {
		n.Kind = NoteKindNote
	}
	n.CreatedAt, n.UpdatedAt = s.nowMillis(), s.nowMillis()
	err := tx.QueryRowContext(ctx, `INSERT INTO conversation_notes(conversation_id, author_id, author_name, kind, text, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, n.ConversationID, n.AuthorID, n.AuthorName, n.Kind, n.Text, n.CreatedAt, n.UpdatedAt).Scan(&n.ID)
	if err != nil {
		return 0, classify(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO note_search(rowid, body) VALUES (?, ?)`, n.ID, textsearch.Fold(n.Text)); err != nil {
		return 0, classify(err)
	}
	return n.ID, s.auditTx(ctx, tx, AuditEvent{Actor: n.AuthorName, Action: "note." + n.Kind, TargetType: "conversation",
		TargetID: strconv.FormatInt(n.ConversationID, 10), AfterJSON: toJSON(map[string]any{"noteId": n.ID})})
}

// Notes returns a conversation's notes, oldest first.
func (s *Store) Notes(ctx context.Context, conversationID int64) ([]Note, error) {
	var out []Note
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM conversation_notes WHERE conversation_id = ? ORDER BY created_at, id`, conversationID).Scan(&out).Error
	return out, classify(err)
}

// DeleteNote removes a note and its search entry, with an audit entry keeping its text.
func (s *Store) DeleteNote(ctx context.Context, actor string, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n Note
		err := tx.QueryRowContext(ctx, `SELECT conversation_id, text FROM conversation_notes WHERE id = ?`, id).Scan(&n.ConversationID, &n.Text)
		if err != nil {
			return notFoundOr(err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM conversation_notes WHERE id = ?`, id); err != nil {
			return classify(err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM note_search WHERE rowid = ?`, id); err != nil {
			return classify(err)
		}
		return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "note.deleted", TargetType: "conversation",
			TargetID: strconv.FormatInt(n.ConversationID, 10), BeforeJSON: toJSON(map[string]any{"noteId": id, "text": n.Text})})
	})
}
