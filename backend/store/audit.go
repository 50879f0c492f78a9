package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
)

// AppendAudit adds an entry to the audit trail. Each entry's hash covers its
// fields and the previous entry's hash, so a changed or deleted row breaks the chain.
func (s *Store) AppendAudit(ctx context.Context, e AuditEvent) (AuditEvent, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = s.appendAuditTx(ctx, tx, e)
		return err
	})
	return e, err
}

// auditTx appends an audit entry inside a transaction that also makes the change it records.
func (s *Store) auditTx(ctx context.Context, tx *sql.Tx, e AuditEvent) error {
	_, err := s.appendAuditTx(ctx, tx, e)
	return err
}

// appendAuditTx is the one writer of the audit trail: it chains the entry to
// the newest one and moves the head (the setting that anchors the chain's end,
// so deleting the newest rows is detected too), all inside tx.
func (s *Store) appendAuditTx(ctx context.Context, tx *sql.Tx, e AuditEvent) (AuditEvent, error) {
	if e.At == 0 {
		e.At = s.nowMillis()
	}
	if err := s.lockTx(ctx, tx, lockAuditChain); err != nil {
		return e, err
	}
	err := tx.QueryRowContext(ctx, `SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1`).Scan(&e.PrevHash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return e, classify(err)
	}
	e.Hash = AuditHash(e)
	res, err := tx.ExecContext(ctx, `INSERT INTO audit_events(at, actor, action, target_type, target_id, reason, before_json, after_json, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.At, e.Actor, e.Action, e.TargetType, e.TargetID, e.Reason, e.BeforeJSON, e.AfterJSON, e.PrevHash, e.Hash)
	if err != nil {
		return e, classify(err)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return e, classify(err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		auditHeadKey, fmt.Sprintf("%d:%s", e.ID, e.Hash), e.At)
	return e, classify(err)
}

// AuditHash is the chained hash of an entry (its id is not part of it).
func AuditHash(e AuditEvent) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", e.PrevHash, e.At, e.Actor, e.Action,
		e.TargetType, e.TargetID, e.Reason, e.BeforeJSON, e.AfterJSON)
	return hex.EncodeToString(h.Sum(nil))
}

// AuditEvents returns the newest entries, narrowed to a target type and id when
// those are given ("" matches any).
func (s *Store) AuditEvents(ctx context.Context, targetType, targetID string, limit int) ([]AuditEvent, error) {
	var out []AuditEvent
	q := s.R.WithContext(ctx).Order("id DESC").Limit(limit)
	if targetType != "" {
		q = q.Where("target_type = ?", targetType)
	}
	if targetID != "" {
		q = q.Where("target_id = ?", targetID)
	}
	return out, classify(q.Find(&out).Error)
}
