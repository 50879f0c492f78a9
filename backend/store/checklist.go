package store

import (
	"context"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ChecklistTemplate is an editable template week.
type ChecklistTemplate struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	Name      string `gorm:"column:name"`
	NameKey   string `gorm:"column:name_key"`
	IsDefault bool   `gorm:"column:is_default"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (ChecklistTemplate) TableName() string { return "checklist_templates" }

// ChecklistTemplateTask is one task of a template week. Built-in tasks carry
// a TitleKey (translated in the UI) until someone edits their Title.
type ChecklistTemplateTask struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	TemplateID int64  `gorm:"column:template_id"`
	Position   int    `gorm:"column:position"`
	Weekday    int    `gorm:"column:weekday"`
	Title      string `gorm:"column:title"`
	TitleKey   string `gorm:"column:title_key"`
	Role       string `gorm:"column:role"`
	Link       string `gorm:"column:link"`
	CreatedAt  int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt  int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (ChecklistTemplateTask) TableName() string { return "checklist_template_tasks" }

// ChecklistWeek is one week of the checklist (WeekStart is its Monday, YYYY-MM-DD).
type ChecklistWeek struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	WeekStart  string `gorm:"column:week_start"`
	TemplateID *int64 `gorm:"column:template_id"`
	CreatedAt  int64  `gorm:"column:created_at;autoCreateTime:false"`
	// Total and Done are counted by ChecklistWeeks.
	Total int `gorm:"column:total;->"`
	Done  int `gorm:"column:done;->"`
}

// TableName implements gorm's Tabler.
func (ChecklistWeek) TableName() string { return "checklist_weeks" }

// ChecklistTask is one task of one week, copied from the template when the week began.
type ChecklistTask struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	WeekID         int64  `gorm:"column:week_id"`
	TemplateTaskID *int64 `gorm:"column:template_task_id"`
	Position       int    `gorm:"column:position"`
	Weekday        int    `gorm:"column:weekday"`
	Title          string `gorm:"column:title"`
	TitleKey       string `gorm:"column:title_key"`
	Assignee       string `gorm:"column:assignee"`
	Link           string `gorm:"column:link"`
	DoneAt         int64  `gorm:"column:done_at"`
	DoneBy         string `gorm:"column:done_by"`
	ResultNote     string `gorm:"column:result_note"`
	CreatedAt      int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt      int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (ChecklistTask) TableName() string { return "checklist_tasks" }

// PlanItem is a goal of the 30/60/90-day plan.
type PlanItem struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	Horizon   int    `gorm:"column:horizon"`
	Title     string `gorm:"column:title"`
	Notes     string `gorm:"column:notes"`
	Owner     string `gorm:"column:owner"`
	Position  int    `gorm:"column:position"`
	DoneAt    int64  `gorm:"column:done_at"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (PlanItem) TableName() string { return "plan_items" }

// DefaultChecklistTemplate returns the default template (ok=false when none exists yet).
func (s *Store) DefaultChecklistTemplate(ctx context.Context) (ChecklistTemplate, bool, error) {
	var out []ChecklistTemplate
	err := s.W.WithContext(ctx).Where("is_default = ?", true).Order("id").Limit(1).Find(&out).Error
	if err != nil || len(out) == 0 {
		return ChecklistTemplate{}, false, classify(err)
	}
	return out[0], true, nil
}

// CreateChecklistTemplate stores a template with its tasks in one transaction.
func (s *Store) CreateChecklistTemplate(ctx context.Context, t *ChecklistTemplate, tasks []ChecklistTemplateTask) error {
	now := s.nowMillis()
	return classify(s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		t.ID, t.CreatedAt, t.UpdatedAt = 0, now, now
		if err := tx.Create(t).Error; err != nil {
			return err
		}
		for i := range tasks {
			tasks[i].ID, tasks[i].TemplateID, tasks[i].CreatedAt, tasks[i].UpdatedAt = 0, t.ID, now, now
			if err := tx.Create(&tasks[i]).Error; err != nil {
				return err
			}
		}
		return nil
	}))
}

// ChecklistTemplateTasks lists a template's tasks in order.
func (s *Store) ChecklistTemplateTasks(ctx context.Context, templateID int64) ([]ChecklistTemplateTask, error) {
	var out []ChecklistTemplateTask
	return out, classify(s.R.WithContext(ctx).Where("template_id = ?", templateID).Order("weekday, position, id").Find(&out).Error)
}

// SaveChecklistTemplateTask inserts (ID 0) or updates a template task.
func (s *Store) SaveChecklistTemplateTask(ctx context.Context, t *ChecklistTemplateTask) error {
	now := s.nowMillis()
	t.UpdatedAt = now
	if t.ID == 0 {
		t.CreatedAt = now
		return classify(s.W.WithContext(ctx).Create(t).Error)
	}
	res := s.W.WithContext(ctx).Model(&ChecklistTemplateTask{}).Where("id = ? AND template_id = ?", t.ID, t.TemplateID).Updates(map[string]any{
		"position": t.Position, "weekday": t.Weekday, "title": t.Title, "title_key": t.TitleKey, "role": t.Role, "link": t.Link, "updated_at": now})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

// DeleteChecklistTemplateTask removes a template task (weeks already made keep theirs).
func (s *Store) DeleteChecklistTemplateTask(ctx context.Context, id int64) error {
	res := s.W.WithContext(ctx).Where("id = ?", id).Delete(&ChecklistTemplateTask{})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

// EnsureChecklistWeek returns the week starting weekStart, creating it with
// copies of the template's tasks the first time (in one transaction; a
// concurrent creation of the same week is a no-op thanks to the unique key).
func (s *Store) EnsureChecklistWeek(ctx context.Context, weekStart string, templateID int64) (ChecklistWeek, error) {
	now := s.nowMillis()
	var week ChecklistWeek
	err := s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		w := ChecklistWeek{WeekStart: weekStart, CreatedAt: now}
		if templateID != 0 {
			w.TemplateID = &templateID
		}
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Omit("total", "done").Create(&w)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 1 && templateID != 0 {
			var tpl []ChecklistTemplateTask
			if err := tx.Where("template_id = ?", templateID).Order("weekday, position, id").Find(&tpl).Error; err != nil {
				return err
			}
			for i, t := range tpl {
				tid := t.ID
				task := ChecklistTask{WeekID: w.ID, TemplateTaskID: &tid, Position: i, Weekday: t.Weekday, Title: t.Title,
					TitleKey: t.TitleKey, Assignee: t.Role, Link: t.Link, CreatedAt: now, UpdatedAt: now}
				if err := tx.Create(&task).Error; err != nil {
					return err
				}
			}
		}
		return tx.Where("week_start = ?", weekStart).Take(&week).Error
	})
	return week, classify(err)
}

// ChecklistWeeks lists the newest weeks with their task counts.
func (s *Store) ChecklistWeeks(ctx context.Context, limit int) ([]ChecklistWeek, error) {
	if limit <= 0 || limit > 200 {
		limit = 26
	}
	var out []ChecklistWeek
	err := s.R.WithContext(ctx).Raw(`SELECT w.id, w.week_start, w.template_id, w.created_at,
		(SELECT COUNT(*) FROM checklist_tasks t WHERE t.week_id = w.id) AS total,
		(SELECT COUNT(*) FROM checklist_tasks t WHERE t.week_id = w.id AND t.done_at > 0) AS done
		FROM checklist_weeks w ORDER BY w.week_start DESC LIMIT ?`, limit).Scan(&out).Error
	return out, classify(err)
}

// ChecklistTasks lists a week's tasks in order.
func (s *Store) ChecklistTasks(ctx context.Context, weekID int64) ([]ChecklistTask, error) {
	var out []ChecklistTask
	return out, classify(s.R.WithContext(ctx).Where("week_id = ?", weekID).Order("weekday, position, id").Find(&out).Error)
}

// ChecklistTaskByID returns one task or ErrNotFound.
func (s *Store) ChecklistTaskByID(ctx context.Context, id int64) (ChecklistTask, error) {
	var out []ChecklistTask
	if err := s.W.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&out).Error; err != nil {
		return ChecklistTask{}, classify(err)
	}
	if len(out) == 0 {
		return ChecklistTask{}, ErrNotFound
	}
	return out[0], nil
}

// SaveChecklistTask writes a task's assignee, completion and note (or inserts an extra task when ID is 0).
func (s *Store) SaveChecklistTask(ctx context.Context, t *ChecklistTask) error {
	now := s.nowMillis()
	t.UpdatedAt = now
	if t.ID == 0 {
		t.CreatedAt = now
		return classify(s.W.WithContext(ctx).Create(t).Error)
	}
	return classify(s.W.WithContext(ctx).Model(&ChecklistTask{}).Where("id = ?", t.ID).Updates(map[string]any{
		"assignee": t.Assignee, "done_at": t.DoneAt, "done_by": t.DoneBy, "result_note": t.ResultNote, "updated_at": now}).Error)
}

// PlanItems lists the 30/60/90-day plan.
func (s *Store) PlanItems(ctx context.Context) ([]PlanItem, error) {
	var out []PlanItem
	return out, classify(s.R.WithContext(ctx).Order("horizon, position, id").Find(&out).Error)
}

// SavePlanItem inserts (ID 0) or updates a plan item.
func (s *Store) SavePlanItem(ctx context.Context, p *PlanItem) error {
	now := s.nowMillis()
	p.UpdatedAt = now
	if p.ID == 0 {
		p.CreatedAt = now
		return classify(s.W.WithContext(ctx).Create(p).Error)
	}
	res := s.W.WithContext(ctx).Model(&PlanItem{}).Where("id = ?", p.ID).Updates(map[string]any{
		"horizon": p.Horizon, "title": p.Title, "notes": p.Notes, "owner": p.Owner, "position": p.Position,
		"done_at": p.DoneAt, "updated_at": now})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

// DeletePlanItem removes a plan item.
func (s *Store) DeletePlanItem(ctx context.Context, id int64) error {
	res := s.W.WithContext(ctx).Where("id = ?", id).Delete(&PlanItem{})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}
