package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// UGC release statuses.
const (
	ReleaseRequested = "requested"
	ReleaseGranted   = "granted"
	ReleaseDeclined  = "declined"
	ReleaseExpired   = "expired"
	ReleaseRevoked   = "revoked"
)

// UGCRelease is the brand's right to reuse one piece of creator content.
type UGCRelease struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	CreatorID *int64 `gorm:"column:creator_id"`
	// Author names who made the content when they are not a known creator.
	Author         string `gorm:"column:author"`
	Title          string `gorm:"column:title"`
	ContentURL     string `gorm:"column:content_url"`
	ConversationID *int64 `gorm:"column:conversation_id"`
	MessageID      *int64 `gorm:"column:message_id"`
	// Channels and Territories are comma-separated lists.
	Channels     string `gorm:"column:channels"`
	PaidUse      bool   `gorm:"column:paid_use"`
	StartsAt     int64  `gorm:"column:starts_at"`
	ExpiresAt    int64  `gorm:"column:expires_at"`
	Territories  string `gorm:"column:territories"`
	Compensation string `gorm:"column:compensation"`
	EditsAllowed bool   `gorm:"column:edits_allowed"`
	Status       string `gorm:"column:status"`
	Notes        string `gorm:"column:notes"`
	// RequestedAt and RequestMessageID record the release request sent by DM (0 = none yet).
	RequestedAt      int64 `gorm:"column:requested_at"`
	RequestMessageID int64 `gorm:"column:request_message_id"`
	// CalendarItemID is the calendar reminder on the expiry day (0 = none).
	CalendarItemID int64 `gorm:"column:calendar_item_id"`
	CreatedAt      int64 `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt      int64 `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (UGCRelease) TableName() string { return "ugc_releases" }

// SaveRelease inserts r (ID 0) or replaces it.
func (s *Store) SaveRelease(ctx context.Context, r *UGCRelease) error {
	now := s.nowMillis()
	r.UpdatedAt = now
	if r.Status == "" {
		r.Status = ReleaseRequested
	}
	if r.ID == 0 {
		r.CreatedAt = now
		return classify(s.W.WithContext(ctx).Create(r).Error)
	}
	var existing UGCRelease
	if err := s.W.WithContext(ctx).Where("id = ?", r.ID).Take(&existing).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return ErrNotFound
		}
		return classify(err)
	}
	r.CreatedAt = existing.CreatedAt
	return classify(s.W.WithContext(ctx).Save(r).Error)
}

// Releases lists the register, soonest expiry first (open-ended ones last).
func (s *Store) Releases(ctx context.Context) ([]UGCRelease, error) {
	var out []UGCRelease
	return out, classify(s.R.WithContext(ctx).
		Order("CASE WHEN expires_at = 0 THEN 1 ELSE 0 END, expires_at, id").Find(&out).Error)
}

// ReleaseByID returns one release or ErrNotFound.
func (s *Store) ReleaseByID(ctx context.Context, id int64) (UGCRelease, error) {
	var r UGCRelease
	err := s.R.WithContext(ctx).Where("id = ?", id).Take(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return r, ErrNotFound
	}
	return r, classify(err)
}

// GrantedExpiringBefore lists granted releases whose expiry is in (after, before].
func (s *Store) GrantedExpiringBefore(ctx context.Context, after, before int64) ([]UGCRelease, error) {
	var out []UGCRelease
	return out, classify(s.R.WithContext(ctx).
		Where("status = ? AND expires_at > ? AND expires_at <= ?", ReleaseGranted, after, before).
		Order("expires_at, id").Find(&out).Error)
}

// releaseReminder is one row of ugc_release_reminders.
type releaseReminder struct {
	ReleaseID  int64 `gorm:"column:release_id;primaryKey"`
	DaysBefore int   `gorm:"column:days_before;primaryKey"`
	FiredAt    int64 `gorm:"column:fired_at"`
}

// TableName implements gorm's Tabler.
func (releaseReminder) TableName() string { return "ugc_release_reminders" }

// MarkReminderFired records a reminder and reports whether it was new.
func (s *Store) MarkReminderFired(ctx context.Context, releaseID int64, daysBefore int) (bool, error) {
	res := s.W.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&releaseReminder{ReleaseID: releaseID, DaysBefore: daysBefore, FiredAt: s.nowMillis()})
	return res.RowsAffected == 1, classify(res.Error)
}

// ReleasesByConversation lists the releases whose consent or request is in a conversation.
func (s *Store) ReleasesByConversation(ctx context.Context, conversationID int64) ([]UGCRelease, error) {
	var out []UGCRelease
	return out, classify(s.R.WithContext(ctx).Where("conversation_id = ?", conversationID).Order("id").Find(&out).Error)
}

// GrantedExpiredAt lists granted releases whose expiry is at or before at (0 = open-ended never expires).
func (s *Store) GrantedExpiredAt(ctx context.Context, at int64) ([]UGCRelease, error) {
	var out []UGCRelease
	return out, classify(s.R.WithContext(ctx).
		Where("status = ? AND expires_at > 0 AND expires_at <= ?", ReleaseGranted, at).Order("expires_at, id").Find(&out).Error)
}

// FiredReminders returns, per release, the reminders already fired (days before expiry).
func (s *Store) FiredReminders(ctx context.Context) (map[int64][]int, error) {
	var rows []releaseReminder
	if err := s.R.WithContext(ctx).Order("release_id, days_before DESC").Find(&rows).Error; err != nil {
		return nil, classify(err)
	}
	out := map[int64][]int{}
	for _, r := range rows {
		out[r.ReleaseID] = append(out[r.ReleaseID], r.DaysBefore)
	}
	return out, nil
}

// ClearReminders forgets a release's fired reminders (its expiry moved: they fire again).
func (s *Store) ClearReminders(ctx context.Context, releaseID int64) error {
	return classify(s.W.WithContext(ctx).Where("release_id = ?", releaseID).Delete(&releaseReminder{}).Error)
}
