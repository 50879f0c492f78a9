package calendar

import (
	"errors"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/store"
)

func newService(h *harness) *Service { return &Service{Store: h.st, Scheduler: h.sched} }

func TestCreateValidatesAndSchedules(t *testing.T) {
	h := newHarness(t)
	svc := newService(h)
	id := h.bAcc.ID
	_, err := svc.Create(h.ctx, "Mara", ItemInput{AccountID: &id, Status: store.ItemScheduled, Caption: strings.Repeat("a", 301), Start: t0.Add(time.Hour)})
	var tooLong *CaptionTooLongError
	if !errors.As(err, &tooLong) || tooLong.Max != 300 || tooLong.Platform != "bluesky" {
		t.Fatalf("err = %v", err)
	}
	if _, err := svc.Create(h.ctx, "Mara", ItemInput{Kind: "podcast", Start: t0}); err == nil {
		t.Fatal("unknown kind accepted")
	}
	if _, err := svc.Create(h.ctx, "Mara", ItemInput{Start: t0, RRule: "FREQ=YEARLY"}); err == nil {
		t.Fatal("unsupported rule accepted")
	}
	it, err := svc.Create(h.ctx, "Mara", ItemInput{AccountID: &id, Status: store.ItemScheduled, Caption: "ok", Start: t0.Add(time.Hour), Pillar: "education"})
	if err != nil {
		t.Fatal(err)
	}
	if it.Platform != "bluesky" || it.ScheduledAt != t0.UnixMilli() {
		t.Fatalf("item = %+v", it)
	}
	audit, _ := h.st.AuditEvents(h.ctx, "calendar_item", "", 5)
	if len(audit) == 0 || audit[0].Action != "calendar.item_created" || audit[0].Actor != "Mara" {
		t.Fatalf("audit = %+v", audit)
	}
}

func TestMoveOneOffAndSeriesOccurrence(t *testing.T) {
	h := newHarness(t)
	svc := newService(h)
	one, _ := svc.Create(h.ctx, "Mara", ItemInput{Title: "Reel", Start: t0, End: t0.Add(30 * time.Minute)})
	moved, err := svc.Move(h.ctx, "Mara", one.ID, t0, t0.Add(48*time.Hour), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if moved.StartAt != t0.Add(48*time.Hour).UnixMilli() || moved.EndAt != t0.Add(48*time.Hour+30*time.Minute).UnixMilli() {
		t.Fatalf("moved = %+v", moved)
	}
	series, _ := svc.Create(h.ctx, "Mara", ItemInput{Title: "Tip", Start: t0.Add(time.Hour), RRule: "FREQ=DAILY;COUNT=5", TimeZone: "Europe/Bucharest"})
	second := t0.Add(25 * time.Hour)
	if _, err := svc.Move(h.ctx, "Mara", series.ID, second, second.Add(3*time.Hour), time.Time{}); err != nil {
		t.Fatal(err)
	}
	occs, err := svc.Range(h.ctx, t0, t0.Add(7*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var tips []time.Time
	for _, o := range occs {
		if o.Item.Title == "Tip" {
			tips = append(tips, o.Start)
			if o.SeriesID != series.ID {
				t.Errorf("occurrence %v not tied to its series", o.Start)
			}
		}
	}
	if len(tips) != 5 || !tips[1].Equal(second.Add(3*time.Hour)) {
		t.Fatalf("tips = %v", tips)
	}
}

func TestCadenceFlagsShortWeeks(t *testing.T) {
	h := newHarness(t)
	svc := newService(h)
	if err := svc.SetCadence(h.ctx, "Mara", "education", 3); err != nil {
		t.Fatal(err)
	}
	for _, d := range []int{0, 2, 4, 8} { // three in the first week, one in the second
		if _, err := svc.Create(h.ctx, "Mara", ItemInput{Pillar: "education", Start: t0.AddDate(0, 0, d)}); err != nil {
			t.Fatal(err)
		}
	}
	weeks, err := svc.Cadence(h.ctx, t0, t0.AddDate(0, 0, 13), time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(weeks) != 2 || weeks[0].Count != 3 || weeks[0].Short() || weeks[1].Count != 1 || !weeks[1].Short() {
		t.Fatalf("weeks = %+v", weeks)
	}
}

func TestMarkPostedAndPublishAgain(t *testing.T) {
	h := newHarness(t)
	svc := newService(h)
	tg := h.schedule(h.tgAcc, "Interrupted", t0, "", "UTC")
	h.claimWithoutRecording(tg, false)
	if err := h.sched.Recover(h.ctx); err != nil {
		t.Fatal(err)
	}
	job := h.jobs(tg.ID)[0]
	if job.State != store.JobUnknown {
		t.Fatalf("job = %+v", job)
	}
	// The person checked: it did not go out. Publish again.
	if err := svc.PublishAgain(h.ctx, "Mara", job.ID); err != nil {
		t.Fatal(err)
	}
	h.tick()
	if got := h.item(tg.ID); got.Status != store.ItemPublished || len(h.tg.ChannelPosts(h.tgChan.ID)) != 1 {
		t.Fatalf("item = %+v", got)
	}
	if err := svc.PublishAgain(h.ctx, "Mara", job.ID); err == nil {
		t.Fatal("a published job cannot be sent again")
	}

	manual := store.CalendarItem{Kind: store.ItemPost, Platform: "instagram", Status: store.ItemScheduled, Caption: "Reel",
		StartAt: t0.UnixMilli(), ScheduledAt: t0.UnixMilli()}
	_ = h.st.CreateCalendarItem(h.ctx, &manual)
	h.tick()
	got, err := svc.MarkPosted(h.ctx, "Mara", manual.ID, "")
	if err != nil || got.Status != store.ItemPublished || h.jobs(manual.ID)[0].State != store.JobPublished {
		t.Fatalf("marked = %+v, %v", got, err)
	}
}
