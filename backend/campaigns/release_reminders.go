package campaigns

import (
	"context"
	"fmt"
	"strings"
	"time"

	"creatordesk/backend/store"
)

// ReminderDays are how many days before expiry a granted release is brought up.
var ReminderDays = []int{30, 7}

// reminderActor is the audit actor of the reminders job.
const reminderActor = "automation:releases"

// ReleaseReminder is one reminder the job fired.
type ReleaseReminder struct {
	Release    store.UGCRelease
	DaysBefore int
	DaysLeft   int
}

// RunReleaseReminders is the releases job: it marks granted releases whose
// expiry has passed as expired, and fires each reminder (30 and 7 days before
// expiry) once per release: a desktop notification in lang and, the first
// time, a reminder on the content calendar on the expiry day. A release
// granted less than 7 days before it ends gets the 7-day reminder only.
// It returns the reminders fired now.
func (s *Service) RunReleaseReminders(ctx context.Context, lang string) ([]ReleaseReminder, error) {
	now := s.now()
	expired, err := s.Store.GrantedExpiredAt(ctx, now.UnixMilli())
	if err != nil {
		return nil, err
	}
	for _, r := range expired {
		if _, err := s.SetReleaseStatus(ctx, r.ID, store.ReleaseExpired, 0, "expiry passed", reminderActor); err != nil {
			return nil, err
		}
	}
	var fired []ReleaseReminder
	seen := map[int64]bool{}
	days := append([]int(nil), ReminderDays...)
	// Nearest first, so a release inside 7 days gets that reminder and the 30-day one is skipped.
	for i := range days {
		for j := i + 1; j < len(days); j++ {
			if days[j] < days[i] {
				days[i], days[j] = days[j], days[i]
			}
		}
	}
	for _, d := range days {
		due, err := s.Store.GrantedExpiringBefore(ctx, now.UnixMilli(), now.Add(time.Duration(d)*24*time.Hour).UnixMilli())
		if err != nil {
			return fired, err
		}
		for _, r := range due {
			isNew, err := s.Store.MarkReminderFired(ctx, r.ID, d)
			if err != nil {
				return fired, err
			}
			if !isNew || seen[r.ID] {
				continue
			}
			seen[r.ID] = true
			fired = append(fired, ReleaseReminder{Release: r, DaysBefore: d, DaysLeft: DaysLeft(r, now)})
		}
	}
	for _, f := range fired {
		s.remind(ctx, f, lang)
	}
	return fired, nil
}

// remind shows one reminder and puts the expiry on the calendar (once).
func (s *Service) remind(ctx context.Context, f ReleaseReminder, language string) {
	l := lang(language)
	who := s.releaseAuthor(ctx, f.Release)
	date := time.UnixMilli(f.Release.ExpiresAt).UTC().Format(time.DateOnly)
	s.audit(ctx, reminderActor, "release.reminder", "ugc_release", f.Release.ID, fmt.Sprintf("%d days before expiry", f.DaysBefore), nil,
		map[string]any{"daysLeft": f.DaysLeft, "expiresAt": date})
	if s.Notify != nil {
		words := reminderWords[l]
		r := strings.NewReplacer("{who}", who, "{days}", fmt.Sprint(f.DaysLeft), "{date}", date)
		_ = s.Notify(ctx, r.Replace(words[0]), r.Replace(words[1]))
	}
	if s.Calendar != nil && f.Release.CalendarItemID == 0 {
		title := strings.ReplaceAll(calendarWords[l], "{who}", who)
		id, err := s.Calendar.AddReminder(ctx, reminderActor, title, f.Release.ContentURL, time.UnixMilli(f.Release.ExpiresAt).UTC())
		if err == nil && id != 0 {
			r := f.Release
			r.CalendarItemID = id
			_ = s.Store.SaveRelease(ctx, &r)
		}
	}
}

// releaseAuthor names who made a release's content.
func (s *Service) releaseAuthor(ctx context.Context, r store.UGCRelease) string {
	if r.CreatorID != nil {
		if c, err := s.Store.CreatorByID(ctx, *r.CreatorID); err == nil {
			return c.Name
		}
	}
	if r.Author != "" {
		return r.Author
	}
	return r.ContentURL
}

// dropCalendarReminder removes a release's calendar reminder (if any) and returns the id to keep (0).
func (s *Service) dropCalendarReminder(ctx context.Context, actor string, itemID int64) int64 {
	if itemID != 0 && s.Calendar != nil {
		_ = s.Calendar.RemoveReminder(ctx, actor, itemID)
	}
	return 0
}
