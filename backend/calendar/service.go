package calendar

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/store"
)

// Service is the content calendar: items, their occurrences, moves, cadence
// and the manual side of publishing (mark as posted, publish again).
type Service struct {
	Store     *store.Store
	Scheduler *Scheduler
	Bus       *events.Bus
	// OnItemChanged hooks run after an item was updated or moved (the live
	// sessions keep their announcement 48 h ahead through it).
	OnItemChanged []func(ctx context.Context, actor string, it store.CalendarItem)
}

// Kinds, statuses and formats the calendar accepts.
var (
	Kinds    = []string{store.ItemPost, store.ItemLive, store.ItemCollab, store.ItemReminder}
	Statuses = []string{store.ItemIdea, store.ItemDraft, store.ItemScheduled, store.ItemPublished, store.ItemFailed, store.ItemLate}
	Formats  = []string{"short_video", "live", "carousel", "image", "thread", "story", "text", "long_video"}
)

// ItemInput is what a person edits on an item.
type ItemInput struct {
	Kind      string
	AccountID *int64
	Platform  string
	Format    string
	Pillar    string
	Status    string
	Owner     string
	Title     string
	Caption   string
	Notes     string
	Start     time.Time
	End       time.Time
	AllDay    bool
	TimeZone  string
	RRule     string
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// validate checks an input and normalises it.
func (s *Service) validate(ctx context.Context, in *ItemInput) error {
	in.Kind = strings.TrimSpace(in.Kind)
	if in.Kind == "" {
		in.Kind = store.ItemPost
	}
	if in.Status == "" {
		in.Status = store.ItemIdea
	}
	switch {
	case !contains(Kinds, in.Kind):
		return &InvalidError{Field: "kind"}
	case !contains(Statuses, in.Status):
		return &InvalidError{Field: "status"}
	case in.Format != "" && !contains(Formats, in.Format):
		return &InvalidError{Field: "format"}
	case in.Start.IsZero():
		return &InvalidError{Field: "start"}
	case !in.End.IsZero() && in.End.Before(in.Start):
		return &InvalidError{Field: "end"}
	case len(in.Title) > 300 || len(in.Notes) > 20000 || len(in.Pillar) > 80 || len(in.Owner) > 120:
		return &InvalidError{Field: "length"}
	}
	if in.TimeZone == "" {
		in.TimeZone = "UTC"
	}
	if _, err := time.LoadLocation(in.TimeZone); err != nil {
		return &InvalidError{Field: "timeZone"}
	}
	if _, _, err := ParseRule(in.RRule); err != nil {
		return err
	}
	if r, ok, _ := ParseRule(in.RRule); ok {
		in.RRule = r.String()
	} else {
		in.RRule = ""
	}
	if in.AccountID != nil {
		acc, err := s.Store.AccountByID(ctx, *in.AccountID)
		if err != nil {
			return &InvalidError{Field: "account"}
		}
		in.Platform = acc.Platform
	}
	if in.Status == store.ItemScheduled {
		if err := CheckCaption(in.Platform, in.Caption); err != nil {
			return err
		}
		if in.Kind == store.ItemPost && strings.TrimSpace(in.Caption) == "" && in.AccountID != nil {
			return &InvalidError{Field: "caption"}
		}
	}
	return nil
}

func (in ItemInput) apply(it *store.CalendarItem, now int64) {
	if in.Status == store.ItemScheduled && (it.Status != store.ItemScheduled || it.StartAt != in.Start.UnixMilli() || it.RRule != in.RRule) {
		it.ScheduledAt = now
	}
	it.Kind, it.AccountID, it.Platform, it.Format, it.Pillar = in.Kind, in.AccountID, in.Platform, in.Format, in.Pillar
	it.Status, it.Owner, it.Title, it.Caption, it.Notes = in.Status, in.Owner, in.Title, in.Caption, in.Notes
	it.StartAt, it.AllDay, it.TimeZone, it.RRule = in.Start.UnixMilli(), in.AllDay, in.TimeZone, in.RRule
	it.EndAt = 0
	if !in.End.IsZero() {
		it.EndAt = in.End.UnixMilli()
	}
	if in.Status == store.ItemScheduled {
		it.LastError = ""
	}
}

// Create adds an item.
func (s *Service) Create(ctx context.Context, actor string, in ItemInput) (store.CalendarItem, error) {
	if err := s.validate(ctx, &in); err != nil {
		return store.CalendarItem{}, err
	}
	var it store.CalendarItem
	in.apply(&it, s.Store.Now().UnixMilli())
	if err := s.Store.CreateCalendarItem(ctx, &it); err != nil {
		return it, err
	}
	s.audit(ctx, actor, "calendar.item_created", it.ID, nil, it)
	s.touched(it.ID)
	return it, nil
}

// Update replaces an item's editable fields.
func (s *Service) Update(ctx context.Context, actor string, id int64, in ItemInput) (store.CalendarItem, error) {
	before, err := s.item(ctx, id)
	if err != nil {
		return before, err
	}
	if err := s.validate(ctx, &in); err != nil {
		return before, err
	}
	it := before
	in.apply(&it, s.Store.Now().UnixMilli())
	if err := s.Store.SaveCalendarItem(ctx, &it); err != nil {
		return it, err
	}
	s.audit(ctx, actor, "calendar.item_updated", it.ID, before, it)
	s.changedItem(ctx, actor, it)
	return it, nil
}

// Move reschedules one occurrence (drag and drop). A one-off item moves; an
// occurrence of a series becomes an exception at the new time, the rest of
// the series stays. occurrence is the occurrence's original start (its
// OccurrenceAt); the duration is kept when end is zero.
func (s *Service) Move(ctx context.Context, actor string, id int64, occurrence, start, end time.Time) (store.CalendarItem, error) {
	it, err := s.item(ctx, id)
	if err != nil {
		return it, err
	}
	if start.IsZero() {
		return it, &InvalidError{Field: "start"}
	}
	dur := time.Duration(0)
	if it.EndAt > it.StartAt {
		dur = time.Duration(it.EndAt-it.StartAt) * time.Millisecond
	}
	if end.IsZero() && dur > 0 {
		end = start.Add(dur)
	}
	if it.RRule == "" {
		before := it
		it.StartAt, it.EndAt = start.UnixMilli(), 0
		if !end.IsZero() {
			it.EndAt = end.UnixMilli()
		}
		if it.Status == store.ItemScheduled {
			it.ScheduledAt = s.Store.Now().UnixMilli()
		}
		if err := s.Store.SaveCalendarItem(ctx, &it); err != nil {
			return it, err
		}
		s.audit(ctx, actor, "calendar.item_moved", it.ID, before, it)
		s.changedItem(ctx, actor, it)
		return it, nil
	}
	pid := it.ID
	ex := it
	ex.ID, ex.RRule, ex.ParentID, ex.OriginalStartAt = 0, "", &pid, occurrence.UnixMilli()
	ex.StartAt, ex.EndAt = start.UnixMilli(), 0
	if !end.IsZero() {
		ex.EndAt = end.UnixMilli()
	}
	ex.ScheduledAt = s.Store.Now().UnixMilli()
	if err := s.Store.CreateCalendarItem(ctx, &ex); err != nil {
		return ex, err
	}
	s.audit(ctx, actor, "calendar.occurrence_moved", it.ID, map[string]int64{"occurrence": occurrence.UnixMilli()}, ex)
	s.touched(it.ID)
	return ex, nil
}

// Delete removes an item (a whole series with its exceptions).
func (s *Service) Delete(ctx context.Context, actor string, id int64) error {
	before, err := s.item(ctx, id)
	if err != nil {
		return err
	}
	if err := s.Store.DeleteCalendarItem(ctx, id); err != nil {
		return err
	}
	s.audit(ctx, actor, "calendar.item_deleted", id, before, nil)
	s.touched(id)
	return nil
}

// MarkPosted records that a person published an item by hand (after a
// reminder) or checked that an interrupted publish went out.
func (s *Service) MarkPosted(ctx context.Context, actor string, id int64, externalID string) (store.CalendarItem, error) {
	it, err := s.item(ctx, id)
	if err != nil {
		return it, err
	}
	now := s.Store.Now().UnixMilli()
	jobs, err := s.Store.PublishJobsOfItem(ctx, id)
	if err != nil {
		return it, err
	}
	for _, j := range jobs {
		if j.State == store.JobUnknown || j.State == store.JobReminded || j.State == store.JobFailed {
			j.State, j.DoneAt, j.ExternalID, j.LastError = store.JobPublished, now, externalID, ""
			if err := s.Store.UpdatePublishJob(ctx, j); err != nil {
				return it, err
			}
		}
	}
	if it.RRule == "" {
		if err := s.Store.SetCalendarItemOutcome(ctx, id, store.ItemPublished, now, externalID, it.LateMs, ""); err != nil {
			return it, err
		}
	}
	s.audit(ctx, actor, "calendar.marked_posted", id, it, map[string]string{"externalId": externalID})
	s.touched(id)
	return s.item(ctx, id)
}

// PublishAgain sends a failed or unknown occurrence again now (the person
// checked that it did not go out).
func (s *Service) PublishAgain(ctx context.Context, actor string, jobID int64) error {
	j, err := s.Store.PublishJobByID(ctx, jobID)
	if errors.Is(err, store.ErrNotFound) {
		return &NotFoundError{What: "job"}
	}
	if err != nil {
		return err
	}
	if j.State != store.JobFailed && j.State != store.JobUnknown {
		return &InvalidError{Field: "jobState"}
	}
	it, err := s.item(ctx, j.ItemID)
	if err != nil {
		return err
	}
	now := s.Store.Now().UnixMilli()
	j.State, j.NextAttemptAt, j.LastError = store.JobPending, now, ""
	if err := s.Store.UpdatePublishJob(ctx, j); err != nil {
		return err
	}
	if it.RRule == "" {
		// Publishing again counts from now: it is not late.
		it.Status, it.ScheduledAt, it.StartAt = store.ItemScheduled, now, j.OccurrenceAt
		if err := s.Store.SaveCalendarItem(ctx, &it); err != nil {
			return err
		}
	}
	s.audit(ctx, actor, "calendar.publish_again", it.ID, nil, map[string]int64{"job": j.ID})
	s.touched(it.ID)
	return nil
}

// Jobs lists an item's publish jobs, newest occurrence first.
func (s *Service) Jobs(ctx context.Context, itemID int64) ([]store.PublishJob, error) {
	return s.Store.PublishJobsOfItem(ctx, itemID)
}

func (s *Service) item(ctx context.Context, id int64) (store.CalendarItem, error) {
	it, err := s.Store.CalendarItemByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return it, &NotFoundError{What: "item"}
	}
	return it, err
}

// Item returns one item.
func (s *Service) Item(ctx context.Context, id int64) (store.CalendarItem, error) {
	return s.item(ctx, id)
}

// changedItem runs the change hooks, then touched.
func (s *Service) changedItem(ctx context.Context, actor string, it store.CalendarItem) {
	for _, hook := range s.OnItemChanged {
		hook(ctx, actor, it)
	}
	s.touched(it.ID)
}

// touched wakes the scheduler and tells the UI.
func (s *Service) touched(id int64) {
	if s.Scheduler != nil {
		s.Scheduler.Poke()
	}
	if s.Bus != nil {
		s.Bus.Publish(events.CalendarChanged, events.CalendarChangedPayload{ItemID: id})
	}
}

func (s *Service) audit(ctx context.Context, actor, action string, id int64, before, after any) {
	b, _ := json.Marshal(before)
	a, _ := json.Marshal(after)
	if before == nil {
		b = nil
	}
	if after == nil {
		a = nil
	}
	_, _ = s.Store.AppendAudit(context.WithoutCancel(ctx), store.AuditEvent{Actor: actor, Action: action,
		TargetType: "calendar_item", TargetID: fmt.Sprint(id), BeforeJSON: string(b), AfterJSON: string(a)})
}

// Occurrence is one appearance of an item on the calendar.
type Occurrence struct {
	Item store.CalendarItem
	// OccurrenceAt identifies the occurrence: its original start in a series
	// (what Move needs), the item's start otherwise.
	OccurrenceAt time.Time
	Start, End   time.Time
	// SeriesID is the recurring item this occurrence belongs to (0 for a one-off).
	SeriesID int64
	// Job is the occurrence's publish job, when it has one.
	Job *store.PublishJob
}

// Range returns the occurrences that start in [from, to), in time order:
// one-off items, expanded series (without replaced or cancelled
// occurrences) and the exceptions that replace them.
func (s *Service) Range(ctx context.Context, from, to time.Time) ([]Occurrence, error) {
	rows, err := s.Store.CalendarItemsBetween(ctx, from.UnixMilli(), to.UnixMilli())
	if err != nil {
		return nil, err
	}
	replaced := map[int64]map[int64]bool{}
	for _, r := range rows {
		if r.ParentID != nil {
			if replaced[*r.ParentID] == nil {
				replaced[*r.ParentID] = map[int64]bool{}
			}
			replaced[*r.ParentID][r.OriginalStartAt] = true
		}
	}
	var out []Occurrence
	for _, r := range rows {
		dur := time.Duration(0)
		if r.EndAt > r.StartAt {
			dur = time.Duration(r.EndAt-r.StartAt) * time.Millisecond
		}
		add := func(occ, start time.Time, series int64) {
			o := Occurrence{Item: r, OccurrenceAt: occ, Start: start, SeriesID: series}
			if dur > 0 {
				o.End = start.Add(dur)
			}
			out = append(out, o)
		}
		switch {
		case r.ParentID != nil:
			if !r.Cancelled && r.StartAt >= from.UnixMilli() && r.StartAt < to.UnixMilli() {
				add(time.UnixMilli(r.OriginalStartAt), time.UnixMilli(r.StartAt), *r.ParentID)
			}
		case r.RRule != "":
			rule, ok, err := ParseRule(r.RRule)
			if err != nil || !ok {
				continue
			}
			exceptions, err := s.Store.ExceptionsOf(ctx, r.ID)
			if err != nil {
				return nil, err
			}
			skip := map[int64]bool{}
			for _, e := range exceptions {
				skip[e.OriginalStartAt] = true
			}
			for _, t := range rule.Occurrences(time.UnixMilli(r.StartAt), LoadZone(r.TimeZone), from, to) {
				if !skip[t.UnixMilli()] {
					add(t, t, r.ID)
				}
			}
		default:
			add(time.UnixMilli(r.StartAt), time.UnixMilli(r.StartAt), 0)
		}
	}
	if err := s.attachJobs(ctx, out); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, nil
}

// attachJobs adds each occurrence's publish job (by item and occurrence).
func (s *Service) attachJobs(ctx context.Context, occs []Occurrence) error {
	cache := map[int64][]store.PublishJob{}
	for i := range occs {
		id := occs[i].Item.ID
		if _, ok := cache[id]; !ok {
			js, err := s.Store.PublishJobsOfItem(ctx, id)
			if err != nil {
				return err
			}
			cache[id] = js
		}
		want := occs[i].Start.UnixMilli()
		for k := range cache[id] {
			if j := cache[id][k]; j.OccurrenceAt == want && j.State != store.JobSkipped {
				occs[i].Job = &j
			}
		}
	}
	return nil
}
