package store

import (
	"context"
	"database/sql"
	"fmt"

	"creatordesk/backend/kpi/commenttext"
)

// kpiMarksReadyKey is the setting that says kpi_comment_marks was filled from
// the comments stored before schema step 19 (ingest keeps it current after).
const kpiMarksReadyKey = "kpi.comment_marks_ready"

// commentMark is the text flags of one inbound comment.
func commentMark(text string) (question, substantial bool) {
	return commenttext.IsQuestion(text), commenttext.Substantial(text)
}

// EnsureKpiCommentMarks fills kpi_comment_marks from every stored inbound
// comment once (the first KPI read after the upgrade pays for it); later calls
// only read the setting.
func (s *Store) EnsureKpiCommentMarks(ctx context.Context) error {
	if ready, err := s.Setting(ctx, kpiMarksReadyKey, ""); err != nil || ready == "1" {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var ready string
		err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, kpiMarksReadyKey).Scan(&ready)
		if err == nil && ready == "1" {
			return nil // another caller filled it meanwhile
		}
		if err := rebuildKpiCommentMarksTx(ctx, tx); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES (?, '1', ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, kpiMarksReadyKey, s.nowMillis())
		return classify(err)
	})
}

// rebuildKpiCommentMarksTx recomputes the flags of every inbound comment in tx.
func rebuildKpiCommentMarksTx(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM kpi_comment_marks`); err != nil {
		return classify(err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT m.id, m.conversation_id, m.sent_at, m.text FROM messages m
		JOIN conversations c ON c.id = m.conversation_id
		WHERE c.kind = 'comment' AND m.direction = 'in' AND m.deleted = 0`)
	if err != nil {
		return classify(err)
	}
	type mark struct {
		id, conv, at          int64
		question, substantial bool
	}
	var marks []mark
	for rows.Next() {
		var m mark
		var text string
		if err := rows.Scan(&m.id, &m.conv, &m.at, &text); err != nil {
			rows.Close()
			return classify(err)
		}
		m.question, m.substantial = commentMark(text)
		marks = append(marks, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return classify(err)
	}
	ins, err := tx.PrepareContext(ctx, kpiFactsSQL["kpiMarkSet"])
	if err != nil {
		return classify(err)
	}
	defer ins.Close()
	for _, m := range marks {
		if _, err := ins.ExecContext(ctx, m.id, m.conv, m.at, m.question, m.substantial); err != nil {
			return fmt.Errorf("store: kpi comment marks: %w", classify(err))
		}
	}
	return nil
}
