package store

import (
	"context"
	"errors"
	"strings"
	"time"
)

// quotaKeep is how long rows of past quota days are kept (for reading back a
// recent day's use); older rows are pruned when a day is saved.
const quotaKeep = 35 * 24 * time.Hour

// QuotaUsage is one day's use of a platform's daily API quota by one quota
// project (for YouTube, the Google Cloud project named by its OAuth client id).
type QuotaUsage struct {
	Platform string `gorm:"column:platform"`
	Project  string `gorm:"column:project"`
	// Day is the platform's quota day ("2026-03-08" in Pacific time for YouTube).
	Day   string `gorm:"column:quota_day"`
	Units int64  `gorm:"column:units"`
	// Budget is the daily budget in force when the row was saved.
	Budget int64 `gorm:"column:budget"`
	// ResetsAt is when the day ends (Unix ms).
	ResetsAt  int64 `gorm:"column:resets_at"`
	UpdatedAt int64 `gorm:"column:updated_at"`
}

// errQuotaKey is returned for a row without its key fields.
var errQuotaKey = errors.New("store: quota usage needs a platform, a project and a day")

// SaveQuotaUsage records the units a quota project has spent on a day (an
// upsert: the latest count wins) and prunes rows older than five weeks. The
// caller serializes its saves, so the latest count is the highest one.
func (s *Store) SaveQuotaUsage(ctx context.Context, u QuotaUsage) error {
	if strings.TrimSpace(u.Platform) == "" || strings.TrimSpace(u.Project) == "" || strings.TrimSpace(u.Day) == "" {
		return errQuotaKey
	}
	now := s.nowMillis()
	err := s.W.WithContext(ctx).Exec(`INSERT INTO quota_usage(platform, project, quota_day, units, budget, resets_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(platform, project, quota_day) DO UPDATE SET
			units = excluded.units, budget = excluded.budget, resets_at = excluded.resets_at, updated_at = excluded.updated_at`,
		u.Platform, u.Project, u.Day, max(u.Units, 0), max(u.Budget, 0), u.ResetsAt, now).Error
	if err != nil {
		return classify(err)
	}
	err = s.W.WithContext(ctx).Exec(`DELETE FROM quota_usage WHERE updated_at < ?`, now-quotaKeep.Milliseconds()).Error
	return classify(err)
}

// QuotaUsageOn returns a quota project's use on a day (ok false when nothing
// was recorded for that day).
func (s *Store) QuotaUsageOn(ctx context.Context, platform, project, day string) (QuotaUsage, bool, error) {
	var rows []QuotaUsage
	err := s.R.WithContext(ctx).Raw(`SELECT platform, project, quota_day, units, budget, resets_at, updated_at
		FROM quota_usage WHERE platform = ? AND project = ? AND quota_day = ?`, platform, project, day).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return QuotaUsage{}, false, classify(err)
	}
	return rows[0], true, nil
}
