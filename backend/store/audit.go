package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"gorm.io/gorm"
)

// AppendAudit adds an entry to the audit trail. Each entry's hash covers its
// fields and the previous entry's hash, so a changed or deleted row breaks the chain.
func (s *Store) AppendAudit(ctx context.Context, e AuditEvent) (AuditEvent, error) {
	if e.At == 0 {
		e.At = s.nowMillis()
	}
	err := s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var prev []AuditEvent
		if err := tx.Order("id DESC").Limit(1).Find(&prev).Error; err != nil {
			return err
		}
		if len(prev) == 1 {
			e.PrevHash = prev[0].Hash
		}
		e.Hash = AuditHash(e)
		if err := tx.Create(&e).Error; err != nil {
			return err
		}
		// The head anchors the chain's end: deleting the newest rows is detected too.
		return tx.Exec(`INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			auditHeadKey, fmt.Sprintf("%d:%s", e.ID, e.Hash), e.At).Error
	})
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
