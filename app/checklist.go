package app

import (
	"context"

	"creatordesk/backend/checklist"
)

func init() { registerFacade(func(s *Session) any { return NewChecklist(s) }) }

// Checklist is the bound facade of the weekly checklist and the 30/60/90-day plan.
type Checklist struct{ s *Session }

// NewChecklist binds the facade to a session.
func NewChecklist(s *Session) *Checklist { return &Checklist{s: s} }

func (c *Checklist) svc() *checklist.Service { return c.s.Workspace().Checklist() }

// Week returns the week starting on weekStart (a Monday, YYYY-MM-DD), made
// from the template the first time it is opened.
func (c *Checklist) Week(weekStart string) (ChecklistWeekDTO, error) {
	w, tasks, err := c.svc().Week(context.Background(), weekStart)
	if err != nil {
		return ChecklistWeekDTO{}, err
	}
	out := ChecklistWeekDTO{WeekStart: w.WeekStart, Total: w.Total, Done: w.Done, Tasks: make([]ChecklistTaskDTO, len(tasks))}
	for i, t := range tasks {
		out.Tasks[i] = toTaskDTO(t)
	}
	return out, nil
}

// Weeks lists past weeks with their progress, newest first.
func (c *Checklist) Weeks(limit int) ([]ChecklistWeekSummaryDTO, error) {
	ws, err := c.svc().Weeks(context.Background(), limit)
	out := make([]ChecklistWeekSummaryDTO, len(ws))
	for i, w := range ws {
		out[i] = ChecklistWeekSummaryDTO{WeekStart: w.WeekStart, Total: w.Total, Done: w.Done}
	}
	return out, err
}

// Complete checks a task off with a short result note (done=false reopens it).
func (c *Checklist) Complete(taskID int64, done bool, note string) (ChecklistTaskDTO, error) {
	t, err := c.svc().Complete(context.Background(), c.s.Actor(), taskID, done, note)
	return toTaskDTO(t), err
}

// Assign gives a task to someone.
func (c *Checklist) Assign(taskID int64, assignee string) (ChecklistTaskDTO, error) {
	t, err := c.svc().Assign(context.Background(), c.s.Actor(), taskID, assignee)
	return toTaskDTO(t), err
}

// Template returns the template week.
func (c *Checklist) Template() (ChecklistTemplateDTO, error) {
	t, tasks, err := c.svc().Template(context.Background())
	out := ChecklistTemplateDTO{ID: t.ID, Name: t.Name, NameKey: t.NameKey, Tasks: make([]TemplateTaskDTO, len(tasks))}
	for i, k := range tasks {
		out.Tasks[i] = TemplateTaskDTO{ID: k.ID, Weekday: k.Weekday, Title: k.Title, TitleKey: k.TitleKey, Role: k.Role, Link: k.Link}
	}
	return out, err
}

// SaveTemplateTask adds (id 0) or edits a template task; weeks already made keep theirs.
func (c *Checklist) SaveTemplateTask(in TemplateTaskDTO) (ChecklistTemplateDTO, error) {
	if _, err := c.svc().SaveTemplateTask(context.Background(), c.s.Actor(), checklist.TemplateTaskInput{ID: in.ID, Weekday: in.Weekday,
		Title: in.Title, Role: in.Role, Link: in.Link}); err != nil {
		return ChecklistTemplateDTO{}, err
	}
	return c.Template()
}

// DeleteTemplateTask removes a template task.
func (c *Checklist) DeleteTemplateTask(id int64) (ChecklistTemplateDTO, error) {
	if err := c.svc().DeleteTemplateTask(context.Background(), c.s.Actor(), id); err != nil {
		return ChecklistTemplateDTO{}, err
	}
	return c.Template()
}

// Plan lists the 30/60/90-day plan.
func (c *Checklist) Plan() ([]PlanItemDTO, error) {
	items, err := c.svc().Plan(context.Background())
	out := make([]PlanItemDTO, len(items))
	for i, p := range items {
		out[i] = PlanItemDTO{ID: p.ID, Horizon: p.Horizon, Title: p.Title, Notes: p.Notes, Owner: p.Owner, Done: p.DoneAt > 0, DoneAt: calTime(p.DoneAt)}
	}
	return out, err
}

// SavePlanItem adds or edits a goal.
func (c *Checklist) SavePlanItem(in PlanItemInputDTO) ([]PlanItemDTO, error) {
	if _, err := c.svc().SavePlanItem(context.Background(), c.s.Actor(), checklist.PlanInput{ID: in.ID, Horizon: in.Horizon,
		Title: in.Title, Notes: in.Notes, Owner: in.Owner, Done: in.Done}); err != nil {
		return nil, err
	}
	return c.Plan()
}

// DeletePlanItem removes a goal.
func (c *Checklist) DeletePlanItem(id int64) ([]PlanItemDTO, error) {
	if err := c.svc().DeletePlanItem(context.Background(), c.s.Actor(), id); err != nil {
		return nil, err
	}
	return c.Plan()
}
