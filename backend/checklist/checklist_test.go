package checklist

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/store"
)

var now = time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC) // a Wednesday

func newService(t *testing.T) *Service {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return &Service{Store: st}
}

func TestWeekIsMadeFromTheTemplateOnce(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	ws := WeekStart(now, time.UTC)
	if ws != "2026-03-02" {
		t.Fatalf("week start = %s", ws)
	}
	w, tasks, err := s.Week(ctx, ws)
	if err != nil || len(tasks) != len(DefaultTasks) || w.Total != len(DefaultTasks) {
		t.Fatalf("week %+v tasks %d %v", w, len(tasks), err)
	}
	var inbox *store.ChecklistTask
	for i := range tasks {
		if tasks[i].TitleKey == "clearWaitingDms" {
			inbox = &tasks[i]
			break
		}
	}
	if inbox == nil || inbox.Link != "#/inbox?status=open&waiting=24h" || inbox.Assignee != RolePartner {
		t.Fatalf("inbox task = %+v", inbox)
	}
	if _, again, _ := s.Week(ctx, ws); len(again) != len(tasks) {
		t.Fatal("opening a week twice duplicated its tasks")
	}
	if _, _, err := s.Week(ctx, "2026-03-03"); err == nil {
		t.Fatal("a Tuesday is not a week start")
	}
}

func TestCompleteWithNoteAndPastWeeksKept(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	_, tasks, _ := s.Week(ctx, "2026-02-23")
	done, err := s.Complete(ctx, "Dana", tasks[2].ID, true, "Answered 14 DMs, 3 orders")
	if err != nil || done.DoneAt != now.UnixMilli() || done.DoneBy != "Dana" || done.ResultNote != "Answered 14 DMs, 3 orders" {
		t.Fatalf("done %+v %v", done, err)
	}
	if _, err := s.Assign(ctx, "Dana", tasks[0].ID, "Mara"); err != nil {
		t.Fatal(err)
	}
	// The template changes after that week: the past week keeps what it had.
	if _, err := s.SaveTemplateTask(ctx, "Mara", TemplateTaskInput{Weekday: 5, Title: "Restock check", Role: RolePartner, Link: "#/campaigns"}); err != nil {
		t.Fatal(err)
	}
	_, old, _ := s.Week(ctx, "2026-02-23")
	_, fresh, _ := s.Week(ctx, "2026-03-02")
	if len(old) != len(DefaultTasks) || len(fresh) != len(DefaultTasks)+1 {
		t.Fatalf("old %d fresh %d", len(old), len(fresh))
	}
	weeks, _ := s.Weeks(ctx, 10)
	if len(weeks) != 2 || weeks[1].WeekStart != "2026-02-23" || weeks[1].Done != 1 || weeks[1].Total != len(DefaultTasks) {
		t.Fatalf("weeks %+v", weeks)
	}
	reopened, _ := s.Complete(ctx, "Dana", tasks[2].ID, false, "")
	if reopened.DoneAt != 0 {
		t.Fatal("not reopened")
	}
	if _, err := s.Complete(ctx, "Dana", 9999, true, ""); err != ErrNotFound {
		t.Fatalf("missing task: %v", err)
	}
	audit, _ := s.Store.AuditEvents(ctx, "checklist_task", "", 10)
	if len(audit) < 3 {
		t.Fatalf("audit %d", len(audit))
	}
}

func TestTemplateEditsValidate(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	if _, err := s.SaveTemplateTask(ctx, "Mara", TemplateTaskInput{Weekday: 8, Title: "x"}); err == nil {
		t.Fatal("weekday 8 accepted")
	}
	if _, err := s.SaveTemplateTask(ctx, "Mara", TemplateTaskInput{Weekday: 1, Title: "x", Link: "https://evil.example"}); err == nil {
		t.Fatal("external link accepted")
	}
	_, tasks, _ := s.Template(ctx)
	edited, err := s.SaveTemplateTask(ctx, "Mara", TemplateTaskInput{ID: tasks[0].ID, Weekday: 2, Title: "Boost the best reel", Role: "Mara"})
	if err != nil || edited.TitleKey != "" || edited.Title != "Boost the best reel" || edited.Weekday != 2 {
		t.Fatalf("edited %+v %v", edited, err)
	}
	if err := s.DeleteTemplateTask(ctx, "Mara", tasks[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, after, _ := s.Template(ctx); len(after) != len(tasks)-1 {
		t.Fatal("not deleted")
	}
}

func TestPlanTracker(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	p, err := s.SavePlanItem(ctx, "Mara", PlanInput{Horizon: 30, Title: "Reply to every DM within a day"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SavePlanItem(ctx, "Mara", PlanInput{Horizon: 45, Title: "x"}); err == nil {
		t.Fatal("45 days accepted")
	}
	p, _ = s.SavePlanItem(ctx, "Mara", PlanInput{ID: p.ID, Horizon: 30, Title: p.Title, Done: true})
	if p.DoneAt != now.UnixMilli() {
		t.Fatalf("done at %d", p.DoneAt)
	}
	items, _ := s.Plan(ctx)
	if len(items) != 1 || items[0].DoneAt == 0 {
		t.Fatalf("items %+v", items)
	}
	if err := s.DeletePlanItem(ctx, "Mara", p.ID); err != nil {
		t.Fatal(err)
	}
}
