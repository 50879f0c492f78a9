package store

import "context"

// KpiGoal is a target the team set on a figure ("+15% conversations this
// month", "first response under 60 minutes").
type KpiGoal struct {
	ID     int64  `gorm:"column:id;primaryKey"`
	Metric string `gorm:"column:metric"`
	// Mode is "change" (Target is a relative change against the previous
	// period: 0.15 = +15%), "atMost" or "atLeast" (Target in the figure's unit).
	Mode   string  `gorm:"column:mode"`
	Target float64 `gorm:"column:target"`
	// Span is the goal's period: "week" or "month" (calendar, in the workspace's zone).
	Span      string `gorm:"column:span"`
	Note      string `gorm:"column:note"`
	CreatedBy string `gorm:"column:created_by"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (KpiGoal) TableName() string { return "kpi_goals" }

// KpiGoals lists every goal, oldest first.
func (s *Store) KpiGoals(ctx context.Context) ([]KpiGoal, error) {
	var out []KpiGoal
	return out, classify(s.R.WithContext(ctx).Order("id").Find(&out).Error)
}

// SaveKpiGoal inserts a goal (ID 0) or updates one.
func (s *Store) SaveKpiGoal(ctx context.Context, g *KpiGoal) error {
	now := s.nowMillis()
	g.UpdatedAt = now
	if g.ID == 0 {
		g.CreatedAt = now
		return classify(s.W.WithContext(ctx).Create(g).Error)
	}
	res := s.W.WithContext(ctx).Model(&KpiGoal{}).Where("id = ?", g.ID).Updates(map[string]any{
		"metric": g.Metric, "mode": g.Mode, "target": g.Target, "span": g.Span, "note": g.Note, "updated_at": now})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

// KpiGoalByID returns one goal or ErrNotFound.
func (s *Store) KpiGoalByID(ctx context.Context, id int64) (KpiGoal, error) {
	var out []KpiGoal
	if err := s.R.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&out).Error; err != nil {
		return KpiGoal{}, classify(err)
	}
	if len(out) == 0 {
		return KpiGoal{}, ErrNotFound
	}
	return out[0], nil
}

// DeleteKpiGoal removes a goal.
func (s *Store) DeleteKpiGoal(ctx context.Context, id int64) error {
	res := s.W.WithContext(ctx).Where("id = ?", id).Delete(&KpiGoal{})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}
