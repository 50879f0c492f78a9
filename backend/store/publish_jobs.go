package store

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// PublishJob is one occurrence of a scheduled calendar item to publish (or to
// remind a person about). (item_id, occurrence_at) and idem_key are unique, so
// an occurrence has one job however often the scheduler looks at it.
type PublishJob struct {
	ID           int64  `gorm:"column:id;primaryKey"`
	ItemID       int64  `gorm:"column:item_id"`
	OccurrenceAt int64  `gorm:"column:occurrence_at"`
	AccountID    *int64 `gorm:"column:account_id"`
	// Mode is JobPublish or JobRemind.
	Mode          string `gorm:"column:mode"`
	State         string `gorm:"column:state"`
	Attempts      int    `gorm:"column:attempts"`
	NextAttemptAt int64  `gorm:"column:next_attempt_at"`
	ClaimedAt     int64  `gorm:"column:claimed_at"`
	// IdemKey is stable for the occurrence; platforms that deduplicate get it.
	IdemKey    string `gorm:"column:idem_key"`
	ExternalID string `gorm:"column:external_id"`
	DoneAt     int64  `gorm:"column:done_at"`
	LateMs     int64  `gorm:"column:late_ms"`
	LastError  string `gorm:"column:last_error"`
	CreatedAt  int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt  int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (PublishJob) TableName() string { return "publish_jobs" }

// Publish job modes and states.
const (
	JobPublish = "publish"
	JobRemind  = "remind"

	JobPending = "pending"
	// JobClaimed: taken by the scheduler in a transaction, platform call under way.
	JobClaimed   = "claimed"
	JobPublished = "published"
	JobReminded  = "reminded"
	JobFailed    = "failed"
	// JobUnknown: the app stopped between the platform call and recording its
	// answer, and the platform cannot tell whether the post exists; a person checks.
	JobUnknown = "unknown"
	// JobSkipped: the item was unscheduled, moved or deleted before its time.
	JobSkipped = "skipped"
)

// EnsurePublishJob inserts the job unless its occurrence already has one, and
// returns the stored job either way (a skipped one is made pending again).
func (s *Store) EnsurePublishJob(ctx context.Context, j PublishJob) (PublishJob, bool, error) {
	now := s.nowMillis()
	j.ID, j.CreatedAt, j.UpdatedAt = 0, now, now
	if j.State == "" {
		j.State = JobPending
	}
	res := s.W.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&j)
	if res.Error != nil {
		return PublishJob{}, false, classify(res.Error)
	}
	created := res.RowsAffected == 1
	var out PublishJob
	err := s.W.WithContext(ctx).Where("item_id = ? AND occurrence_at = ?", j.ItemID, j.OccurrenceAt).First(&out).Error
	if err == nil && out.State == JobSkipped {
		// The item came back to this time after being moved away: run it again.
		out.State, out.NextAttemptAt, out.LastError, out.Mode = JobPending, j.NextAttemptAt, "", j.Mode
		err = s.W.WithContext(ctx).Model(&PublishJob{}).Where("id = ?", out.ID).Updates(map[string]any{
			"state": out.State, "next_attempt_at": out.NextAttemptAt, "last_error": "", "mode": out.Mode, "updated_at": now}).Error
		created = true
	}
	return out, created, classify(err)
}

// DuePublishJobs returns pending jobs whose next attempt is at or before now, oldest first.
func (s *Store) DuePublishJobs(ctx context.Context, now int64, limit int) ([]PublishJob, error) {
	var out []PublishJob
	err := s.R.WithContext(ctx).Where("state = ? AND next_attempt_at <= ?", JobPending, now).
		Order("next_attempt_at, id").Limit(limit).Find(&out).Error
	return out, classify(err)
}

// NextPublishDue returns the earliest next attempt of a pending job (ok=false when none).
func (s *Store) NextPublishDue(ctx context.Context) (int64, bool, error) {
	var v sql.NullInt64
	err := s.R.WithContext(ctx).Raw(`SELECT MIN(next_attempt_at) FROM publish_jobs WHERE state = ?`, JobPending).Scan(&v).Error
	return v.Int64, v.Valid, classify(err)
}

// PublishJobsInState lists jobs in one state (claimed ones on start, for recovery).
func (s *Store) PublishJobsInState(ctx context.Context, state string) ([]PublishJob, error) {
	var out []PublishJob
	return out, classify(s.R.WithContext(ctx).Where("state = ?", state).Order("id").Find(&out).Error)
}

// PublishJobsOfItem lists an item's jobs, newest occurrence first.
func (s *Store) PublishJobsOfItem(ctx context.Context, itemID int64) ([]PublishJob, error) {
	var out []PublishJob
	return out, classify(s.R.WithContext(ctx).Where("item_id = ?", itemID).Order("occurrence_at DESC").Find(&out).Error)
}

// PublishJobByID returns one job or ErrNotFound.
func (s *Store) PublishJobByID(ctx context.Context, id int64) (PublishJob, error) {
	var out []PublishJob
	if err := s.R.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&out).Error; err != nil {
		return PublishJob{}, classify(err)
	}
	if len(out) == 0 {
		return PublishJob{}, ErrNotFound
	}
	return out[0], nil
}

// ClaimPublishJob moves a due pending job to claimed and counts the attempt,
// in one transaction, before any platform call. It reports false when another
// run took it first or it is no longer due.
func (s *Store) ClaimPublishJob(ctx context.Context, id, now int64) (bool, error) {
	claimed := false
	err := s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&PublishJob{}).Where("id = ? AND state = ? AND next_attempt_at <= ?", id, JobPending, now).
			Updates(map[string]any{"state": JobClaimed, "claimed_at": now, "attempts": gorm.Expr("attempts + 1"), "updated_at": now})
		claimed = res.RowsAffected == 1
		return res.Error
	})
	return claimed, classify(err)
}

// UpdatePublishJob writes a job's outcome columns (state, attempt time, ids, error).
func (s *Store) UpdatePublishJob(ctx context.Context, j PublishJob) error {
	res := s.W.WithContext(ctx).Model(&PublishJob{}).Where("id = ?", j.ID).Updates(map[string]any{
		"state": j.State, "next_attempt_at": j.NextAttemptAt, "external_id": j.ExternalID, "done_at": j.DoneAt,
		"late_ms": j.LateMs, "last_error": j.LastError, "updated_at": s.nowMillis()})
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// SkipPendingJobs marks an item's pending jobs skipped (it was unscheduled or moved).
func (s *Store) SkipPendingJobs(ctx context.Context, itemID int64, reason string) error {
	return classify(s.W.WithContext(ctx).Model(&PublishJob{}).Where("item_id = ? AND state = ?", itemID, JobPending).
		Updates(map[string]any{"state": JobSkipped, "last_error": reason, "updated_at": s.nowMillis()}).Error)
}
