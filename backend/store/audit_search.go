package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// auditHeadKey is the setting holding the newest audit entry's "id:hash".
const auditHeadKey = "audit_head"

// AuditFilter narrows an audit search. Empty fields match everything.
type AuditFilter struct {
	// Actor matches exactly, or as a prefix when it ends with "*" ("automation:*").
	Actor      string
	Action     string
	TargetType string
	TargetID   string
	// Text is searched in the reason and the before/after JSON.
	Text string
	// From and To bound the time (Unix ms, To exclusive; 0 = open).
	From, To int64
	// BeforeID pages backwards: only entries with a smaller id (0 = from the newest).
	BeforeID int64
}

// SearchAudit returns matching entries, newest first, at most limit.
func (s *Store) SearchAudit(ctx context.Context, f AuditFilter, limit int) ([]AuditEvent, error) {
	if limit <= 0 || limit > 5000 {
		limit = 200
	}
	q := s.R.WithContext(ctx).Order("id DESC").Limit(limit)
	if f.Actor != "" {
		if strings.HasSuffix(f.Actor, "*") {
			q = q.Where("actor LIKE ? ESCAPE '\\'", likePrefix(strings.TrimSuffix(f.Actor, "*")))
		} else {
			q = q.Where("actor = ?", f.Actor)
		}
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.TargetType != "" {
		q = q.Where("target_type = ?", f.TargetType)
	}
	if f.TargetID != "" {
		q = q.Where("target_id = ?", f.TargetID)
	}
	if f.Text != "" {
		like := "%" + escapeLike(f.Text) + "%"
		q = q.Where("(reason LIKE ? ESCAPE '\\' OR before_json LIKE ? ESCAPE '\\' OR after_json LIKE ? ESCAPE '\\')", like, like, like)
	}
	if f.From != 0 {
		q = q.Where("at >= ?", f.From)
	}
	if f.To != 0 {
		q = q.Where("at < ?", f.To)
	}
	if f.BeforeID != 0 {
		q = q.Where("id < ?", f.BeforeID)
	}
	var out []AuditEvent
	return out, classify(q.Find(&out).Error)
}

// escapeLike escapes LIKE's wildcards.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// likePrefix is a LIKE pattern for a prefix.
func likePrefix(s string) string { return escapeLike(s) + "%" }

// EachAudit calls fn for every entry oldest first, in pages, stopping at fn's first error.
func (s *Store) EachAudit(ctx context.Context, fn func(AuditEvent) error) error {
	var after int64
	for {
		var page []AuditEvent
		if err := s.R.WithContext(ctx).Where("id > ?", after).Order("id").Limit(1000).Find(&page).Error; err != nil {
			return classify(err)
		}
		for _, e := range page {
			if err := fn(e); err != nil {
				return err
			}
			after = e.ID
		}
		if len(page) < 1000 {
			return nil
		}
	}
}

// AuditBreak describes the first place the chain does not hold.
type AuditBreak struct {
	// EntryID is the first entry that fails (for a deleted entry: the one after the gap;
	// for deleted newest entries: the newest recorded id).
	EntryID int64
	// Problem is "changed" (its hash does not match its fields), "deleted"
	// (an entry before it is missing) or "truncated" (the newest entries are gone).
	Problem string
}

// Error implements error.
func (b *AuditBreak) Error() string {
	switch b.Problem {
	case "deleted":
		return fmt.Sprintf("audit trail broken: an entry before #%d was deleted or changed", b.EntryID)
	case "truncated":
		return fmt.Sprintf("audit trail broken: entries up to #%d were deleted from its end", b.EntryID)
	}
	return fmt.Sprintf("audit trail broken: entry #%d was changed", b.EntryID)
}

// ErrorKey implements app.KeyedError.
func (b *AuditBreak) ErrorKey() (code, key string, args map[string]string) {
	return "audit_broken", "errors.automation.auditBroken." + b.Problem, map[string]string{"id": strconv.FormatInt(b.EntryID, 10)}
}

// VerifyAudit walks the whole chain and returns the number of entries checked
// and the first break (nil when the chain is intact).
func (s *Store) VerifyAudit(ctx context.Context) (int, *AuditBreak, error) {
	n := 0
	prevHash := ""
	var lastID int64
	var brk *AuditBreak
	errStop := fmt.Errorf("stop")
	err := s.EachAudit(ctx, func(e AuditEvent) error {
		n++
		if e.PrevHash != prevHash {
			brk = &AuditBreak{EntryID: e.ID, Problem: "deleted"}
			return errStop
		}
		if AuditHash(e) != e.Hash {
			brk = &AuditBreak{EntryID: e.ID, Problem: "changed"}
			return errStop
		}
		prevHash, lastID = e.Hash, e.ID
		return nil
	})
	if err != nil && err != errStop {
		return n, nil, err
	}
	if brk != nil {
		return n, brk, nil
	}
	head, err := s.Setting(ctx, auditHeadKey, "")
	if err != nil {
		return n, nil, err
	}
	if head != "" {
		idText, hash, _ := strings.Cut(head, ":")
		headID, _ := strconv.ParseInt(idText, 10, 64)
		if headID != lastID || hash != prevHash {
			return n, &AuditBreak{EntryID: headID, Problem: "truncated"}, nil
		}
	}
	return n, nil, nil
}
