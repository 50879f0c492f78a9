package store

import (
	"context"
	"fmt"
)

// CalendarItem is one entry of the content calendar: a post, a live session, a
// creator collaboration or a reminder. A recurring item has an RRule; an
// exception to one of its occurrences is a child row (ParentID set) that
// replaces the occurrence starting at OriginalStartAt (or cancels it).
type CalendarItem struct {
	ID              int64  `gorm:"column:id;primaryKey"`
	Kind            string `gorm:"column:kind"`
	AccountID       *int64 `gorm:"column:account_id"`
	Platform        string `gorm:"column:platform"`
	Format          string `gorm:"column:format"`
	Pillar          string `gorm:"column:pillar"`
	Status          string `gorm:"column:status"`
	Owner           string `gorm:"column:owner"`
	Title           string `gorm:"column:title"`
	Caption         string `gorm:"column:caption"`
	Notes           string `gorm:"column:notes"`
	StartAt         int64  `gorm:"column:start_at"`
	EndAt           int64  `gorm:"column:end_at"`
	AllDay          bool   `gorm:"column:all_day"`
	TimeZone        string `gorm:"column:time_zone"`
	RRule           string `gorm:"column:rrule"`
	ParentID        *int64 `gorm:"column:parent_id"`
	OriginalStartAt int64  `gorm:"column:original_start_at"`
	Cancelled       bool   `gorm:"column:cancelled"`
	// ScheduledAt is when the item last entered the scheduled status; occurrences
	// of a recurring item before it are never published.
	ScheduledAt int64  `gorm:"column:scheduled_at"`
	PublishedAt int64  `gorm:"column:published_at"`
	ExternalID  string `gorm:"column:external_id"`
	LateMs      int64  `gorm:"column:late_ms"`
	LastError   string `gorm:"column:last_error"`
	CreatedAt   int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt   int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (CalendarItem) TableName() string { return "calendar_items" }

// Calendar item kinds.
const (
	ItemPost     = "post"
	ItemLive     = "live"
	ItemCollab   = "collab"
	ItemReminder = "reminder"
)

// Calendar item statuses.
const (
	ItemIdea      = "idea"
	ItemDraft     = "draft"
	ItemScheduled = "scheduled"
	ItemPublished = "published"
	ItemFailed    = "failed"
	// ItemLate: the time passed and a person has to act (paste the caption, or
	// check whether an interrupted publish went out).
	ItemLate = "late"
)

// CreateCalendarItem inserts it and sets its id and times.
func (s *Store) CreateCalendarItem(ctx context.Context, it *CalendarItem) error {
	now := s.nowMillis()
	it.ID, it.CreatedAt, it.UpdatedAt = 0, now, now
	if it.TimeZone == "" {
		it.TimeZone = "UTC"
	}
	return classify(s.W.WithContext(ctx).Create(it).Error)
}

// SaveCalendarItem writes every column of an existing item.
func (s *Store) SaveCalendarItem(ctx context.Context, it *CalendarItem) error {
	it.UpdatedAt = s.nowMillis()
	res := s.W.WithContext(ctx).Select("*").Omit("created_at").Where("id = ?", it.ID).Updates(it)
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// CalendarItemByID returns one item or ErrNotFound.
func (s *Store) CalendarItemByID(ctx context.Context, id int64) (CalendarItem, error) {
	var out []CalendarItem
	if err := s.R.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&out).Error; err != nil {
		return CalendarItem{}, classify(err)
	}
	if len(out) == 0 {
		return CalendarItem{}, ErrNotFound
	}
	return out[0], nil
}

// DeleteCalendarItem removes an item with its exceptions, jobs and live session.
func (s *Store) DeleteCalendarItem(ctx context.Context, id int64) error {
	res := s.W.WithContext(ctx).Where("id = ?", id).Delete(&CalendarItem{})
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// CalendarItemsBetween returns what the range [from, to) needs for display:
// one-off items starting in it, every recurring item that started before its
// end (the domain expands them), and exceptions whose original or new time is
// in it. Served by ix_calendar_items_start, _recurring and _parent.
func (s *Store) CalendarItemsBetween(ctx context.Context, from, to int64) ([]CalendarItem, error) {
	var out []CalendarItem
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM calendar_items WHERE
		(parent_id IS NULL AND rrule = '' AND start_at >= ? AND start_at < ?)
		OR (parent_id IS NULL AND rrule <> '' AND start_at < ?)
		OR (parent_id IS NOT NULL AND ((start_at >= ? AND start_at < ?) OR (original_start_at >= ? AND original_start_at < ?)))
		ORDER BY start_at, id`, from, to, to, from, to, from, to).Scan(&out).Error
	return out, classify(err)
}

// ScheduledCalendarItems returns the items the scheduler must watch: scheduled
// ones, recurring series among them, and their exceptions.
func (s *Store) ScheduledCalendarItems(ctx context.Context, before int64) ([]CalendarItem, error) {
	var out []CalendarItem
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM calendar_items WHERE status = ? AND start_at < ?
		AND (parent_id IS NULL OR cancelled = 0) ORDER BY start_at, id`, ItemScheduled, before).Scan(&out).Error
	return out, classify(err)
}

// ExceptionsOf returns the exception rows of a recurring item.
func (s *Store) ExceptionsOf(ctx context.Context, parentID int64) ([]CalendarItem, error) {
	var out []CalendarItem
	err := s.R.WithContext(ctx).Where("parent_id = ?", parentID).Order("original_start_at").Find(&out).Error
	return out, classify(err)
}

// SetCalendarItemOutcome records what publishing did to an item.
func (s *Store) SetCalendarItemOutcome(ctx context.Context, id int64, status string, publishedAt int64, externalID string, lateMs int64, lastError string) error {
	res := s.W.WithContext(ctx).Model(&CalendarItem{}).Where("id = ?", id).Updates(map[string]any{
		"status": status, "published_at": publishedAt, "external_id": externalID, "late_ms": lateMs,
		"last_error": lastError, "updated_at": s.nowMillis()})
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("calendar item %d: %w", id, ErrNotFound)
	}
	return nil
}

// CadenceTarget is how many items of a content pillar a week should have.
type CadenceTarget struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	Pillar    string `gorm:"column:pillar"`
	PerWeek   int    `gorm:"column:per_week"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (CadenceTarget) TableName() string { return "cadence_targets" }

// CadenceTargets lists the targets by pillar.
func (s *Store) CadenceTargets(ctx context.Context) ([]CadenceTarget, error) {
	var out []CadenceTarget
	return out, classify(s.R.WithContext(ctx).Order("pillar").Find(&out).Error)
}

// SetCadenceTarget sets a pillar's weekly target; perWeek <= 0 removes it.
func (s *Store) SetCadenceTarget(ctx context.Context, pillar string, perWeek int) error {
	db := s.W.WithContext(ctx)
	if perWeek <= 0 {
		return classify(db.Where("pillar = ?", pillar).Delete(&CadenceTarget{}).Error)
	}
	return classify(db.Exec(`INSERT INTO cadence_targets(pillar, per_week, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (pillar) DO UPDATE SET per_week = excluded.per_week, updated_at = excluded.updated_at`,
		pillar, perWeek, s.nowMillis()).Error)
}
