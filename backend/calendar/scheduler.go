// Package calendar is the content calendar's domain: recurrence, the publish
// scheduler, live sessions, scheduled messages and the iCalendar export.
//
// # The scheduler
//
// Each occurrence of a scheduled item becomes one publish job (unique per item
// and occurrence, so looking twice never makes two jobs). The scheduler sleeps
// on its clock until the next job is due (at most MaxSleep, so a laptop waking
// from sleep catches up within a minute) or until Poke is called after an edit.
//
// Exactly once: a job is claimed (pending -> claimed, attempt counted) in a
// transaction before the platform is called, and its outcome is recorded
// after. If the app stops between the call and the record, the job is still
// "claimed" at the next start and Recover decides:
//   - platforms with an idempotency key (Mastodon's Idempotency-Key header,
//     remembered for an hour; Bluesky's deterministic record key, checked with
//     getRecord before writing) are simply called again with the same key: the
//     platform hands back the post it already made instead of a second one;
//   - platforms without one (Telegram) are never called again blindly: the job
//     becomes "unknown" and the item "late", and a person checks the channel,
//     then marks it published or publishes it again.
//
// Late: jobs whose time passed while the app was closed run on start and
// record how late they were (LateMs; the UI says "published 3 h late"). A job
// more than MaxLate overdue is not published any more (a stale promotion is
// worse than none): it fails with the reason "missed".
//
// Daylight saving: an item's wall-clock time is kept in its time zone. A time
// skipped by a spring-forward change (02:30 on that night) runs at the same
// distance after the gap (03:30); a time that happens twice in autumn runs
// once, at its first occurrence (see WallTime). Retries and backoff are in
// absolute time and do not care.
package calendar

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// Actor is the audit actor of the scheduler's own changes.
const Actor = "scheduler"

// Defaults of the scheduler's tunables.
const (
	DefaultMaxAttempts = 5
	DefaultMaxLate     = 72 * time.Hour
	DefaultLookahead   = 36 * time.Hour
	DefaultGrace       = 2 * time.Minute
	DefaultMaxSleep    = time.Minute
)

// Scheduler publishes due calendar items and reminds about the rest.
type Scheduler struct {
	Store      *store.Store
	Connectors ConnectorSource
	Clock      Clock
	Bus        *events.Bus
	Log        *slog.Logger
	// KeySalt makes idempotency keys unique per workspace (the workspace id).
	KeySalt string
	// MaxAttempts is how many times a failing publish is tried before it fails for good.
	MaxAttempts int
	// MaxLate is how overdue a job may be and still be published.
	MaxLate time.Duration
	// Lookahead is how far ahead occurrences become jobs.
	Lookahead time.Duration
	// Grace is how late a job may run and still count as on time.
	Grace time.Duration
	// MaxSleep caps one sleep (system sleep stops monotonic timers).
	MaxSleep time.Duration
	// Backoff is the wait before attempt n+1 after n failed attempts (Backoff by default).
	Backoff func(attempts int) time.Duration

	runMu sync.Mutex
	once  sync.Once
	wake  chan struct{}
}

// Backoff is the default retry schedule: 1, 5, 15, 60 minutes, then hourly.
func Backoff(attempts int) time.Duration {
	steps := []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour}
	if attempts < 1 {
		attempts = 1
	}
	if attempts > len(steps) {
		return steps[len(steps)-1]
	}
	return steps[attempts-1]
}

func (s *Scheduler) init() {
	s.once.Do(func() {
		s.wake = make(chan struct{}, 1)
		if s.Clock == nil {
			s.Clock = RealClock{}
		}
		if s.Log == nil {
			s.Log = slog.New(slog.DiscardHandler)
		}
		if s.MaxAttempts <= 0 {
			s.MaxAttempts = DefaultMaxAttempts
		}
		if s.MaxLate <= 0 {
			s.MaxLate = DefaultMaxLate
		}
		if s.Lookahead <= 0 {
			s.Lookahead = DefaultLookahead
		}
		if s.Grace <= 0 {
			s.Grace = DefaultGrace
		}
		if s.MaxSleep <= 0 {
			s.MaxSleep = DefaultMaxSleep
		}
		if s.Backoff == nil {
			s.Backoff = Backoff
		}
	})
}

// Start recovers jobs interrupted by the last stop, then runs the loop until
// ctx ends. The returned function stops the loop and waits for it.
func (s *Scheduler) Start(ctx context.Context) (stop func(), err error) {
	s.init()
	if err := s.Recover(ctx); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.loop(ctx)
	}()
	return func() { cancel(); <-done }, nil
}

// Poke wakes the loop early (an item was scheduled, moved or retried).
func (s *Scheduler) Poke() {
	s.init()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Scheduler) loop(ctx context.Context) {
	runLoop(ctx, s.Clock, s.wake, s.MaxSleep, s.Log, "scheduler", s.Tick, func(ctx context.Context) (time.Time, bool) {
		at, ok, err := s.Store.NextPublishDue(ctx)
		return time.UnixMilli(at), ok && err == nil
	})
}

// Tick turns occurrences within the lookahead into jobs and runs every due job.
func (s *Scheduler) Tick(ctx context.Context) error {
	s.init()
	s.runMu.Lock()
	defer s.runMu.Unlock()
	now := s.Clock.Now()
	if err := s.materialize(ctx, now); err != nil {
		return err
	}
	for {
		jobs, err := s.Store.DuePublishJobs(ctx, now.UnixMilli(), 50)
		if err != nil {
			return err
		}
		if len(jobs) == 0 {
			return nil
		}
		for _, j := range jobs {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := s.run(ctx, j, now); err != nil {
				return err
			}
		}
	}
}

// IdemKey is the stable idempotency key of one occurrence of an item.
func (s *Scheduler) IdemKey(itemID, occurrence int64) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s/%d/%d", s.KeySalt, itemID, occurrence)))
	return "cd" + hex.EncodeToString(h[:15])
}

// materialize makes a job for every occurrence of a scheduled item up to now+Lookahead.
func (s *Scheduler) materialize(ctx context.Context, now time.Time) error {
	horizon := now.Add(s.Lookahead)
	items, err := s.Store.ScheduledCalendarItems(ctx, horizon.UnixMilli())
	if err != nil {
		return err
	}
	for _, it := range items {
		occs, err := s.occurrencesToRun(ctx, it, horizon)
		if err != nil {
			s.Log.Warn("calendar: cannot expand item", "item", it.ID, "err", err)
			continue
		}
		for _, occ := range occs {
			j := store.PublishJob{ItemID: it.ID, OccurrenceAt: occ, AccountID: it.AccountID, Mode: modeFor(it),
				NextAttemptAt: occ, IdemKey: s.IdemKey(it.ID, occ)}
			if _, _, err := s.Store.EnsurePublishJob(ctx, j); err != nil {
				return err
			}
		}
	}
	return nil
}

// modeFor says whether an item is published through an API or is a reminder.
func modeFor(it store.CalendarItem) string {
	if it.Kind == store.ItemPost && it.AccountID != nil {
		return store.JobPublish
	}
	return store.JobRemind
}

// occurrencesToRun lists an item's occurrences from when it was scheduled up to horizon.
func (s *Scheduler) occurrencesToRun(ctx context.Context, it store.CalendarItem, horizon time.Time) ([]int64, error) {
	rule, recurring, err := ParseRule(it.RRule)
	if err != nil {
		return nil, err
	}
	if !recurring || it.ParentID != nil {
		return []int64{it.StartAt}, nil
	}
	from := time.UnixMilli(it.ScheduledAt).Add(-s.Grace)
	excluded, err := s.exceptionStarts(ctx, it.ID)
	if err != nil {
		return nil, err
	}
	var out []int64
	for _, t := range rule.Occurrences(time.UnixMilli(it.StartAt), LoadZone(it.TimeZone), from, horizon) {
		if !excluded[t.UnixMilli()] {
			out = append(out, t.UnixMilli())
		}
	}
	return out, nil
}

// exceptionStarts are the original starts of a series' replaced or cancelled occurrences.
func (s *Scheduler) exceptionStarts(ctx context.Context, parentID int64) (map[int64]bool, error) {
	ex, err := s.Store.ExceptionsOf(ctx, parentID)
	if err != nil {
		return nil, err
	}
	out := map[int64]bool{}
	for _, e := range ex {
		out[e.OriginalStartAt] = true
	}
	return out, nil
}

// stillWanted reports whether a job's occurrence is still part of its item
// (the item may have been moved, unscheduled or given an exception meanwhile).
func (s *Scheduler) stillWanted(ctx context.Context, it store.CalendarItem, j store.PublishJob) (bool, error) {
	if it.Status != store.ItemScheduled || it.Cancelled {
		return false, nil
	}
	_, recurring, err := ParseRule(it.RRule)
	if err != nil {
		return false, nil
	}
	if !recurring || it.ParentID != nil {
		return it.StartAt == j.OccurrenceAt, nil
	}
	ex, err := s.exceptionStarts(ctx, it.ID)
	if err != nil || ex[j.OccurrenceAt] {
		return false, err
	}
	occs, err := s.occurrencesToRun(ctx, it, time.UnixMilli(j.OccurrenceAt+1))
	if err != nil {
		return false, nil
	}
	for _, o := range occs {
		if o == j.OccurrenceAt {
			return true, nil
		}
	}
	return false, nil
}

// run claims one due job and carries it out.
func (s *Scheduler) run(ctx context.Context, j store.PublishJob, now time.Time) error {
	ok, err := s.Store.ClaimPublishJob(ctx, j.ID, now.UnixMilli())
	if err != nil || !ok {
		return err
	}
	j.Attempts++
	it, err := s.Store.CalendarItemByID(ctx, j.ItemID)
	if errors.Is(err, store.ErrNotFound) {
		return s.finish(ctx, it, j, store.JobSkipped, "", "the item was deleted", now)
	}
	if err != nil {
		return err
	}
	wanted, err := s.stillWanted(ctx, it, j)
	if err != nil {
		return err
	}
	if !wanted {
		return s.finish(ctx, it, j, store.JobSkipped, "", "the item was moved or unscheduled", now)
	}
	j.LateMs = s.lateness(it, j, now)
	if time.Duration(j.LateMs)*time.Millisecond > s.MaxLate {
		return s.finish(ctx, it, j, store.JobFailed, "", ReasonMissed, now)
	}
	if j.Mode != store.JobPublish || it.AccountID == nil {
		return s.remind(ctx, it, j, now)
	}
	conn, acc, err := s.Connectors.Connector(ctx, *it.AccountID)
	if err == nil && !canPublish(conn, acc) {
		return s.remind(ctx, it, j, now)
	}
	var sent platforms.SentMessage
	if err == nil {
		sent, _, err = publishVia(ctx, conn, acc, platforms.Post{Text: it.Caption}, j.IdemKey)
	}
	if err != nil {
		return s.failed(ctx, it, j, err, now)
	}
	j.ExternalID = sent.ExternalID
	return s.finish(ctx, it, j, store.JobPublished, sent.ExternalID, "", now)
}

// ReasonMissed is the error of a job that was overdue by more than MaxLate.
const ReasonMissed = "missed: the app was not running at the scheduled time and it is now too late to publish"

// ReasonInterrupted is the error of a job whose outcome is unknown after a stop.
const ReasonInterrupted = "interrupted: the app stopped while publishing; check whether the post went out"

// lateness is how late a job runs, measured from its occurrence (or from when
// the item was scheduled, if that was later); under Grace counts as on time.
func (s *Scheduler) lateness(it store.CalendarItem, j store.PublishJob, now time.Time) int64 {
	due := max(j.OccurrenceAt, it.ScheduledAt)
	late := now.UnixMilli() - due
	if late < s.Grace.Milliseconds() {
		return 0
	}
	return late
}

// remind marks a job as a reminder fired and tells the UI.
func (s *Scheduler) remind(ctx context.Context, it store.CalendarItem, j store.PublishJob, now time.Time) error {
	j.Mode = store.JobRemind
	if err := s.finish(ctx, it, j, store.JobReminded, "", "", now); err != nil {
		return err
	}
	if s.Bus != nil {
		s.Bus.Publish(events.CalendarReminder, events.CalendarReminderPayload{ItemID: it.ID, OccurrenceAt: j.OccurrenceAt, Kind: it.Kind})
	}
	return nil
}

// failed retries a retryable failure with backoff, or fails the job for good.
func (s *Scheduler) failed(ctx context.Context, it store.CalendarItem, j store.PublishJob, cause error, now time.Time) error {
	kind := platforms.KindOf(cause)
	retryable := kind == platforms.KindTransient || kind == platforms.KindRateLimited || kind == platforms.KindConflict
	if retryable && j.Attempts < s.MaxAttempts {
		wait := max(s.Backoff(j.Attempts), platforms.RetryAfterOf(cause))
		j.State, j.NextAttemptAt, j.LastError = store.JobPending, now.Add(wait).UnixMilli(), cause.Error()
		if err := s.Store.UpdatePublishJob(ctx, j); err != nil {
			return err
		}
		s.audit(ctx, it, j, "calendar.publish_retry", fmt.Sprintf("attempt %d failed (%s); next try in %s", j.Attempts, kind, wait), now)
		s.changed(it.ID, j.ID)
		return nil
	}
	return s.finish(ctx, it, j, store.JobFailed, "", cause.Error(), now)
}

// finish records a job's final state, mirrors it on a one-off item, audits and tells the UI.
func (s *Scheduler) finish(ctx context.Context, it store.CalendarItem, j store.PublishJob, state, externalID, reason string, now time.Time) error {
	j.State, j.ExternalID, j.LastError = state, externalID, reason
	if state != store.JobSkipped {
		j.DoneAt = now.UnixMilli()
	}
	if err := s.Store.UpdatePublishJob(ctx, j); err != nil {
		return err
	}
	if it.ID != 0 && it.RRule == "" && state != store.JobSkipped {
		status := itemStatusFor(it, state)
		if err := s.Store.SetCalendarItemOutcome(ctx, it.ID, status, publishedAt(state, now), externalID, j.LateMs, reason); err != nil &&
			!errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	action := "calendar." + state
	detail := reason
	if j.LateMs > 0 && detail == "" {
		detail = "late by " + time.Duration(j.LateMs*int64(time.Millisecond)).Round(time.Minute).String()
	}
	s.audit(ctx, it, j, action, detail, now)
	s.changed(it.ID, j.ID)
	return nil
}

func publishedAt(state string, now time.Time) int64 {
	if state == store.JobPublished {
		return now.UnixMilli()
	}
	return 0
}

// itemStatusFor maps a job's final state onto a one-off item's status.
func itemStatusFor(it store.CalendarItem, state string) string {
	switch state {
	case store.JobPublished:
		return store.ItemPublished
	case store.JobFailed:
		return store.ItemFailed
	case store.JobUnknown:
		return store.ItemLate
	case store.JobReminded:
		if it.Kind == store.ItemPost {
			return store.ItemLate // waiting for a person to post the caption
		}
	}
	return it.Status
}

func (s *Scheduler) audit(ctx context.Context, it store.CalendarItem, j store.PublishJob, action, reason string, now time.Time) {
	after, _ := json.Marshal(map[string]any{"job": j.ID, "occurrence": j.OccurrenceAt, "state": j.State,
		"attempts": j.Attempts, "externalId": j.ExternalID, "lateMs": j.LateMs})
	if _, err := s.Store.AppendAudit(context.WithoutCancel(ctx), store.AuditEvent{At: now.UnixMilli(), Actor: Actor, Action: action,
		TargetType: "calendar_item", TargetID: fmt.Sprint(j.ItemID), Reason: reason, AfterJSON: string(after)}); err != nil {
		s.Log.Warn("calendar: audit", "err", err)
	}
}

func (s *Scheduler) changed(itemID, jobID int64) {
	if s.Bus != nil {
		s.Bus.Publish(events.CalendarChanged, events.CalendarChangedPayload{ItemID: itemID, JobID: jobID})
	}
}

// Recover settles jobs a previous run claimed but never recorded (see the
// package documentation): idempotent platforms get the job again with the same
// key; the others are marked unknown for a person to check.
func (s *Scheduler) Recover(ctx context.Context) error {
	s.init()
	s.runMu.Lock()
	defer s.runMu.Unlock()
	jobs, err := s.Store.PublishJobsInState(ctx, store.JobClaimed)
	if err != nil {
		return err
	}
	now := s.Clock.Now()
	for _, j := range jobs {
		it, err := s.Store.CalendarItemByID(ctx, j.ItemID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if s.safeToRepeat(ctx, j, now) {
			j.State, j.NextAttemptAt, j.LastError = store.JobPending, now.UnixMilli(), ""
			if err := s.Store.UpdatePublishJob(ctx, j); err != nil {
				return err
			}
			s.audit(ctx, it, j, "calendar.publish_recovered", "retrying with the same idempotency key", now)
			continue
		}
		if err := s.finish(ctx, it, j, store.JobUnknown, "", ReasonInterrupted, now); err != nil {
			return err
		}
	}
	return nil
}

// safeToRepeat reports whether calling the platform again cannot make a second post.
func (s *Scheduler) safeToRepeat(ctx context.Context, j store.PublishJob, now time.Time) bool {
	if j.Mode != store.JobPublish || j.AccountID == nil {
		return true // a reminder repeats harmlessly
	}
	conn, _, err := s.Connectors.Connector(ctx, *j.AccountID)
	if err != nil {
		return false
	}
	kp, ok := conn.(KeyedPublisher)
	if !ok {
		return false
	}
	w := kp.IdempotencyWindow()
	return w == 0 || now.Sub(time.UnixMilli(j.ClaimedAt)) < w
}
