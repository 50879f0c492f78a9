// Package checklist is the two-person team's weekly routine: a template week
// of tasks, a copy of it every week to check off with a short result note,
// the weeks before kept as they were, and a 30/60/90-day plan.
//
// Each task may link into the view that does it. Links are app routes
// (hash URLs); the inbox one is "#/inbox?status=open&waiting=24h", meaning
// open conversations whose last inbound message has waited more than 24
// hours for an answer (the inbox parses status and waiting).
package checklist

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"creatordesk/backend/store"
)

// Roles of the built-in template: the creator (content, lives) and the
// partner (inbox, orders, numbers). The UI translates them; a template can
// name members instead.
const (
	RoleCreator = "creator"
	RolePartner = "partner"
)

// Links into the views that do a task.
const (
	LinkInboxWaiting = "#/inbox?status=open&waiting=24h"
	LinkCalendarWeek = "#/calendar?view=week"
	LinkCalendarLive = "#/calendar?kind=live"
	LinkCampaigns    = "#/campaigns"
	LinkPlan         = "#/checklist?tab=plan"
)

// DefaultTasks is the built-in template week (titles are i18n keys under
// checklist.tasks.*, written in the locale files).
var DefaultTasks = []store.ChecklistTemplateTask{
	{Weekday: 1, TitleKey: "reviewBestPost", Role: RoleCreator, Link: "#/calendar?view=week&week=previous"},
	{Weekday: 1, TitleKey: "fillCalendarGaps", Role: RoleCreator, Link: LinkCalendarWeek},
	{Weekday: 1, TitleKey: "clearWaitingDms", Role: RolePartner, Link: LinkInboxWaiting},
	{Weekday: 2, TitleKey: "batchRecord", Role: RoleCreator, Link: LinkCalendarWeek},
	{Weekday: 2, TitleKey: "openCarts", Role: RolePartner, Link: LinkCampaigns},
	{Weekday: 3, TitleKey: "creatorOutreach", Role: RoleCreator, Link: LinkCampaigns},
	{Weekday: 3, TitleKey: "dmConversion", Role: RolePartner, Link: LinkCampaigns},
	{Weekday: 4, TitleKey: "announceLive", Role: RoleCreator, Link: LinkCalendarLive},
	{Weekday: 4, TitleKey: "clearWaitingDms", Role: RolePartner, Link: LinkInboxWaiting},
	{Weekday: 5, TitleKey: "collectLiveQuestions", Role: RolePartner, Link: LinkCalendarLive},
	{Weekday: 6, TitleKey: "liveFollowups", Role: RolePartner, Link: LinkCalendarLive},
	{Weekday: 7, TitleKey: "weeklyNumbers", Role: RoleCreator, Link: LinkPlan},
}

// Service runs the weekly checklist.
type Service struct {
	Store *store.Store
}

// InvalidError: a field is missing or wrong.
type InvalidError struct{ Field string }

// Error implements error.
func (e *InvalidError) Error() string { return "checklist: invalid " + e.Field }

// ErrorKey names the translation.
func (e *InvalidError) ErrorKey() (string, string, map[string]string) {
	return "checklist_invalid", "errors.checklist.invalid", map[string]string{"field": e.Field}
}

// ErrNotFound: the task or plan item does not exist.
var ErrNotFound = &notFound{}

type notFound struct{}

func (*notFound) Error() string { return "checklist: not found" }

// ErrorKey names the translation.
func (*notFound) ErrorKey() (string, string, map[string]string) {
	return "checklist_not_found", "errors.checklist.notFound", nil
}

// Template returns the default template with its tasks, creating the
// built-in one on first use.
func (s *Service) Template(ctx context.Context) (store.ChecklistTemplate, []store.ChecklistTemplateTask, error) {
	t, ok, err := s.Store.DefaultChecklistTemplate(ctx)
	if err != nil {
		return t, nil, err
	}
	if !ok {
		t = store.ChecklistTemplate{NameKey: "twoPersonWeek", IsDefault: true}
		tasks := make([]store.ChecklistTemplateTask, len(DefaultTasks))
		for i, d := range DefaultTasks {
			d.Position = i
			tasks[i] = d
		}
		if err := s.Store.CreateChecklistTemplate(ctx, &t, tasks); err != nil {
			if !errors.Is(err, store.ErrDuplicate) {
				return t, nil, err
			}
		}
		if t, _, err = s.Store.DefaultChecklistTemplate(ctx); err != nil {
			return t, nil, err
		}
	}
	tasks, err := s.Store.ChecklistTemplateTasks(ctx, t.ID)
	return t, tasks, err
}

// WeekStart is the Monday (YYYY-MM-DD) of t's week in loc.
func WeekStart(t time.Time, loc *time.Location) string {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day()-(int(l.Weekday())+6)%7, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// Week returns a week (by its Monday, YYYY-MM-DD) with its tasks, making it
// from the default template the first time it is opened. Weeks already made
// keep their tasks when the template changes.
func (s *Service) Week(ctx context.Context, weekStart string) (store.ChecklistWeek, []store.ChecklistTask, error) {
	day, err := time.Parse(time.DateOnly, weekStart)
	if err != nil || day.Weekday() != time.Monday {
		return store.ChecklistWeek{}, nil, &InvalidError{Field: "week"}
	}
	t, _, err := s.Template(ctx)
	if err != nil {
		return store.ChecklistWeek{}, nil, err
	}
	w, err := s.Store.EnsureChecklistWeek(ctx, weekStart, t.ID)
	if err != nil {
		return w, nil, err
	}
	tasks, err := s.Store.ChecklistTasks(ctx, w.ID)
	w.Total = len(tasks)
	for _, task := range tasks {
		if task.DoneAt > 0 {
			w.Done++
		}
	}
	return w, tasks, err
}

// Weeks lists the newest weeks with their progress.
func (s *Service) Weeks(ctx context.Context, limit int) ([]store.ChecklistWeek, error) {
	return s.Store.ChecklistWeeks(ctx, limit)
}

// Complete checks a task off with a short result note, or (done=false) opens it again.
func (s *Service) Complete(ctx context.Context, actor string, taskID int64, done bool, note string) (store.ChecklistTask, error) {
	note = strings.TrimSpace(note)
	if len([]rune(note)) > 500 {
		return store.ChecklistTask{}, &InvalidError{Field: "note"}
	}
	t, err := s.task(ctx, taskID)
	if err != nil {
		return t, err
	}
	before := t
	if done {
		t.DoneAt, t.DoneBy, t.ResultNote = s.Store.Now().UnixMilli(), actor, note
	} else {
		t.DoneAt, t.DoneBy, t.ResultNote = 0, "", note
	}
	if err := s.Store.SaveChecklistTask(ctx, &t); err != nil {
		return t, err
	}
	action := "checklist.task_done"
	if !done {
		action = "checklist.task_reopened"
	}
	s.audit(ctx, actor, action, "checklist_task", t.ID, before, t)
	return t, nil
}

// Assign gives a task to a member (or a role).
func (s *Service) Assign(ctx context.Context, actor string, taskID int64, assignee string) (store.ChecklistTask, error) {
	assignee = strings.TrimSpace(assignee)
	if len(assignee) > 120 {
		return store.ChecklistTask{}, &InvalidError{Field: "assignee"}
	}
	t, err := s.task(ctx, taskID)
	if err != nil {
		return t, err
	}
	before := t
	t.Assignee = assignee
	if err := s.Store.SaveChecklistTask(ctx, &t); err != nil {
		return t, err
	}
	s.audit(ctx, actor, "checklist.task_assigned", "checklist_task", t.ID, before, t)
	return t, nil
}

func (s *Service) task(ctx context.Context, id int64) (store.ChecklistTask, error) {
	t, err := s.Store.ChecklistTaskByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return t, ErrNotFound
	}
	return t, err
}

// TemplateTaskInput is an edit of a template task.
type TemplateTaskInput struct {
	ID      int64
	Weekday int
	Title   string
	Role    string
	Link    string
}

// SaveTemplateTask adds (ID 0) or edits a task of the default template. An
// edited built-in task keeps its new title instead of the translated one.
func (s *Service) SaveTemplateTask(ctx context.Context, actor string, in TemplateTaskInput) (store.ChecklistTemplateTask, error) {
	tpl, tasks, err := s.Template(ctx)
	if err != nil {
		return store.ChecklistTemplateTask{}, err
	}
	in.Title, in.Role, in.Link = strings.TrimSpace(in.Title), strings.TrimSpace(in.Role), strings.TrimSpace(in.Link)
	switch {
	case in.Weekday < 1 || in.Weekday > 7:
		return store.ChecklistTemplateTask{}, &InvalidError{Field: "weekday"}
	case len(in.Title) > 200 || len(in.Role) > 120:
		return store.ChecklistTemplateTask{}, &InvalidError{Field: "title"}
	case in.Link != "" && (!strings.HasPrefix(in.Link, "#/") || len(in.Link) > 300):
		return store.ChecklistTemplateTask{}, &InvalidError{Field: "link"}
	}
	t := store.ChecklistTemplateTask{TemplateID: tpl.ID, Position: len(tasks), Weekday: in.Weekday, Title: in.Title, Role: in.Role, Link: in.Link}
	if in.ID != 0 {
		var found bool
		for _, old := range tasks {
			if old.ID == in.ID {
				t, found = old, true
			}
		}
		if !found {
			return t, ErrNotFound
		}
		if in.Title != "" {
			t.Title, t.TitleKey = in.Title, ""
		}
		t.Weekday, t.Role, t.Link = in.Weekday, in.Role, in.Link
	} else if in.Title == "" {
		return t, &InvalidError{Field: "title"}
	}
	if err := s.Store.SaveChecklistTemplateTask(ctx, &t); err != nil {
		return t, err
	}
	s.audit(ctx, actor, "checklist.template_task_saved", "checklist_template_task", t.ID, nil, t)
	return t, nil
}

// DeleteTemplateTask removes a task from the default template.
func (s *Service) DeleteTemplateTask(ctx context.Context, actor string, id int64) error {
	if err := s.Store.DeleteChecklistTemplateTask(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return ErrNotFound
		}
		return err
	}
	s.audit(ctx, actor, "checklist.template_task_deleted", "checklist_template_task", id, nil, nil)
	return nil
}

// PlanInput is an edit of a 30/60/90-day goal.
type PlanInput struct {
	ID      int64
	Horizon int
	Title   string
	Notes   string
	Owner   string
	Done    bool
}

// Plan lists the 30/60/90-day plan.
func (s *Service) Plan(ctx context.Context) ([]store.PlanItem, error) { return s.Store.PlanItems(ctx) }

// SavePlanItem adds or edits a goal; Done records when it was reached.
func (s *Service) SavePlanItem(ctx context.Context, actor string, in PlanInput) (store.PlanItem, error) {
	in.Title = strings.TrimSpace(in.Title)
	if in.Horizon != 30 && in.Horizon != 60 && in.Horizon != 90 {
		return store.PlanItem{}, &InvalidError{Field: "horizon"}
	}
	if in.Title == "" || len(in.Title) > 200 || len(in.Notes) > 2000 || len(in.Owner) > 120 {
		return store.PlanItem{}, &InvalidError{Field: "title"}
	}
	p := store.PlanItem{ID: in.ID, Horizon: in.Horizon, Title: in.Title, Notes: in.Notes, Owner: in.Owner}
	if in.ID != 0 {
		items, err := s.Store.PlanItems(ctx)
		if err != nil {
			return p, err
		}
		found := false
		for _, old := range items {
			if old.ID == in.ID {
				p.Position, p.DoneAt, found = old.Position, old.DoneAt, true
			}
		}
		if !found {
			return p, ErrNotFound
		}
	}
	switch {
	case in.Done && p.DoneAt == 0:
		p.DoneAt = s.Store.Now().UnixMilli()
	case !in.Done:
		p.DoneAt = 0
	}
	if err := s.Store.SavePlanItem(ctx, &p); err != nil {
		return p, err
	}
	s.audit(ctx, actor, "checklist.plan_saved", "plan_item", p.ID, nil, p)
	return p, nil
}

// DeletePlanItem removes a goal.
func (s *Service) DeletePlanItem(ctx context.Context, actor string, id int64) error {
	if err := s.Store.DeletePlanItem(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return ErrNotFound
		}
		return err
	}
	s.audit(ctx, actor, "checklist.plan_deleted", "plan_item", id, nil, nil)
	return nil
}

func (s *Service) audit(ctx context.Context, actor, action, targetType string, id int64, before, after any) {
	e := store.AuditEvent{Actor: actor, Action: action, TargetType: targetType, TargetID: fmt.Sprint(id)}
	if before != nil {
		b, _ := json.Marshal(before)
		e.BeforeJSON = string(b)
	}
	if after != nil {
		a, _ := json.Marshal(after)
		e.AfterJSON = string(a)
	}
	_, _ = s.Store.AppendAudit(context.WithoutCancel(ctx), e)
}
