package store

import (
	"context"
	"time"
)

// Review kinds and verdicts.
const (
	ReviewReply      = "reply"
	ReviewModeration = "moderation"
	VerdictRight     = "right"
	VerdictWrong     = "wrong"
)

// ReviewItem is an automated reply or moderation action sampled for a person to check.
type ReviewItem struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	Kind           string `gorm:"column:kind"`
	TargetType     string `gorm:"column:target_type"`
	TargetID       string `gorm:"column:target_id"`
	ConversationID *int64 `gorm:"column:conversation_id"`
	RuleID         *int64 `gorm:"column:rule_id"`
	Summary        string `gorm:"column:summary"`
	// Verdict is "" until reviewed, then right or wrong.
	Verdict    string `gorm:"column:verdict"`
	Reviewer   string `gorm:"column:reviewer"`
	CreatedAt  int64  `gorm:"column:created_at"`
	ReviewedAt int64  `gorm:"column:reviewed_at"`
}

// TableName implements gorm's Tabler.
func (ReviewItem) TableName() string { return "review_items" }

// AddReviewItem puts an item in the review queue.
func (s *Store) AddReviewItem(ctx context.Context, it ReviewItem) (ReviewItem, error) {
	if it.CreatedAt == 0 {
		it.CreatedAt = s.nowMillis()
	}
	return it, classify(s.W.WithContext(ctx).Create(&it).Error)
}

// ReviewItems lists the queue: pending only, or every item, newest first.
func (s *Store) ReviewItems(ctx context.Context, pendingOnly bool, limit int) ([]ReviewItem, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	q := s.R.WithContext(ctx).Order("id DESC").Limit(limit)
	if pendingOnly {
		q = q.Where("verdict = ''")
	}
	var out []ReviewItem
	return out, classify(q.Find(&out).Error)
}

// ReviewItemByID returns one item or ErrNotFound.
func (s *Store) ReviewItemByID(ctx context.Context, id int64) (ReviewItem, error) {
	var out []ReviewItem
	if err := s.R.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&out).Error; err != nil {
		return ReviewItem{}, classify(err)
	}
	if len(out) == 0 {
		return ReviewItem{}, ErrNotFound
	}
	return out[0], nil
}

// SetReviewVerdict records a reviewer's verdict.
func (s *Store) SetReviewVerdict(ctx context.Context, id int64, verdict, reviewer string) error {
	res := s.W.WithContext(ctx).Model(&ReviewItem{}).Where("id = ?", id).
		Updates(map[string]any{"verdict": verdict, "reviewer": reviewer, "reviewed_at": s.nowMillis()})
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// ModerationQuality is the reviewed moderation actions of a period.
type ModerationQuality struct {
	// Reviewed counts moderation actions a person reviewed in the period.
	Reviewed int `gorm:"column:reviewed"`
	// Overturned counts those marked wrong, plus appeals resolved in the objector's favour.
	Overturned int `gorm:"column:overturned"`
	// FalsePositiveRate is Overturned / Reviewed (0 when nothing was reviewed).
	FalsePositiveRate float64 `gorm:"-"`
}

// ModerationFalsePositiveRate is the share of reviewed moderation actions that
// a person overturned, for reviews (and appeal resolutions) in [from, to).
// The KPI area reads it for its moderation-quality figure.
func (s *Store) ModerationFalsePositiveRate(ctx context.Context, from, to time.Time) (ModerationQuality, error) {
	var q ModerationQuality
	err := s.R.WithContext(ctx).Raw(`SELECT
		(SELECT COUNT(*) FROM review_items WHERE kind = 'moderation' AND verdict <> '' AND reviewed_at >= ? AND reviewed_at < ?)
		 + (SELECT COUNT(*) FROM appeals WHERE status IN ('upheld', 'overturned') AND resolved_at >= ? AND resolved_at < ?) AS reviewed,
		(SELECT COUNT(*) FROM review_items WHERE kind = 'moderation' AND verdict = 'wrong' AND reviewed_at >= ? AND reviewed_at < ?)
		 + (SELECT COUNT(*) FROM appeals WHERE status = 'overturned' AND resolved_at >= ? AND resolved_at < ?) AS overturned`,
		from.UnixMilli(), to.UnixMilli(), from.UnixMilli(), to.UnixMilli(),
		from.UnixMilli(), to.UnixMilli(), from.UnixMilli(), to.UnixMilli()).Scan(&q).Error
	if q.Reviewed > 0 {
		q.FalsePositiveRate = float64(q.Overturned) / float64(q.Reviewed)
	}
	return q, classify(err)
}

// AutomationShare is how much of the outgoing volume automation sent in a period.
type AutomationShare struct {
	// Automated counts messages sent by automations (audit actor "automation:*").
	Automated int `gorm:"column:automated"`
	// Total counts every sent message.
	Total int `gorm:"column:total"`
}

// AutomatedReplyShare counts sent replies by automations against all sent
// replies in [from, to), from the audit trail (the KPI area's automation share).
func (s *Store) AutomatedReplyShare(ctx context.Context, from, to time.Time) (AutomationShare, error) {
	var out AutomationShare
	err := s.R.WithContext(ctx).Raw(`SELECT
		COALESCE(SUM(CASE WHEN actor LIKE 'automation:%' THEN 1 ELSE 0 END), 0) AS automated, COUNT(*) AS total
		FROM audit_events WHERE action = 'reply.sent' AND at >= ? AND at < ?`, from.UnixMilli(), to.UnixMilli()).Scan(&out).Error
	return out, classify(err)
}

// Appeal statuses.
const (
	AppealOpen      = "open"
	AppealReviewing = "reviewing"
	// AppealUpheld: the moderation decision stands.
	AppealUpheld = "upheld"
	// AppealOverturned: the objector was right; the decision is reversed.
	AppealOverturned = "overturned"
)

// Appeal is a person's objection to a moderation decision.
type Appeal struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	TargetType string `gorm:"column:target_type"`
	TargetID   string `gorm:"column:target_id"`
	ContactID  *int64 `gorm:"column:contact_id"`
	Reason     string `gorm:"column:reason"`
	Status     string `gorm:"column:status"`
	Resolution string `gorm:"column:resolution"`
	DueAt      int64  `gorm:"column:due_at"`
	Actor      string `gorm:"column:actor"`
	CreatedAt  int64  `gorm:"column:created_at"`
	ResolvedAt int64  `gorm:"column:resolved_at"`
}

// TableName implements gorm's Tabler.
func (Appeal) TableName() string { return "appeals" }

// CreateAppeal logs an objection.
func (s *Store) CreateAppeal(ctx context.Context, a *Appeal) error {
	a.CreatedAt = s.nowMillis()
	if a.Status == "" {
		a.Status = AppealOpen
	}
	return classify(s.W.WithContext(ctx).Create(a).Error)
}

// Appeals lists appeals: open ones (open and reviewing) by due date, or all newest first.
func (s *Store) Appeals(ctx context.Context, openOnly bool, limit int) ([]Appeal, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	q := s.R.WithContext(ctx).Limit(limit)
	if openOnly {
		q = q.Where("status IN ?", []string{AppealOpen, AppealReviewing}).Order("due_at, id")
	} else {
		q = q.Order("id DESC")
	}
	var out []Appeal
	return out, classify(q.Find(&out).Error)
}

// AppealByID returns one appeal or ErrNotFound.
func (s *Store) AppealByID(ctx context.Context, id int64) (Appeal, error) {
	var out []Appeal
	if err := s.R.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&out).Error; err != nil {
		return Appeal{}, classify(err)
	}
	if len(out) == 0 {
		return Appeal{}, ErrNotFound
	}
	return out[0], nil
}

// UpdateAppeal sets an appeal's status and resolution (resolved_at when final).
func (s *Store) UpdateAppeal(ctx context.Context, id int64, status, resolution string) error {
	cols := map[string]any{"status": status, "resolution": resolution}
	if status == AppealUpheld || status == AppealOverturned {
		cols["resolved_at"] = s.nowMillis()
	}
	res := s.W.WithContext(ctx).Model(&Appeal{}).Where("id = ?", id).Updates(cols)
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}
