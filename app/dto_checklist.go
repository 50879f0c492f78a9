package app

import "creatordesk/backend/store"

// ChecklistTaskDTO is one task of one week.
type ChecklistTaskDTO struct {
	ID         int64  `json:"id"`
	Weekday    int    `json:"weekday"`
	Title      string `json:"title"`
	TitleKey   string `json:"titleKey"`
	Assignee   string `json:"assignee"`
	Link       string `json:"link"`
	Done       bool   `json:"done"`
	DoneAt     string `json:"doneAt"`
	DoneBy     string `json:"doneBy"`
	ResultNote string `json:"resultNote"`
}

func toTaskDTO(t store.ChecklistTask) ChecklistTaskDTO {
	return ChecklistTaskDTO{ID: t.ID, Weekday: t.Weekday, Title: t.Title, TitleKey: t.TitleKey, Assignee: t.Assignee, Link: t.Link,
		Done: t.DoneAt > 0, DoneAt: calTime(t.DoneAt), DoneBy: t.DoneBy, ResultNote: t.ResultNote}
}

// ChecklistWeekDTO is a week with its tasks.
type ChecklistWeekDTO struct {
	WeekStart string             `json:"weekStart"`
	Total     int                `json:"total"`
	Done      int                `json:"done"`
	Tasks     []ChecklistTaskDTO `json:"tasks"`
}

// ChecklistWeekSummaryDTO is a past week's progress.
type ChecklistWeekSummaryDTO struct {
	WeekStart string `json:"weekStart"`
	Total     int    `json:"total"`
	Done      int    `json:"done"`
}

// TemplateTaskDTO is a task of the template week.
type TemplateTaskDTO struct {
	ID       int64  `json:"id"`
	Weekday  int    `json:"weekday"`
	Title    string `json:"title"`
	TitleKey string `json:"titleKey"`
	Role     string `json:"role"`
	Link     string `json:"link"`
}

// ChecklistTemplateDTO is the template week.
type ChecklistTemplateDTO struct {
	ID      int64             `json:"id"`
	Name    string            `json:"name"`
	NameKey string            `json:"nameKey"`
	Tasks   []TemplateTaskDTO `json:"tasks"`
}

// PlanItemDTO is a goal of the 30/60/90-day plan.
type PlanItemDTO struct {
	ID      int64  `json:"id"`
	Horizon int    `json:"horizon"`
	Title   string `json:"title"`
	Notes   string `json:"notes"`
	Owner   string `json:"owner"`
	Done    bool   `json:"done"`
	DoneAt  string `json:"doneAt"`
}

// PlanItemInputDTO is an edit of a goal (id 0 adds one).
type PlanItemInputDTO struct {
	ID      int64  `json:"id"`
	Horizon int    `json:"horizon"`
	Title   string `json:"title"`
	Notes   string `json:"notes"`
	Owner   string `json:"owner"`
	Done    bool   `json:"done"`
}
