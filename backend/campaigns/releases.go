package campaigns

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"

	"creatordesk/backend/store"
)

// ReleaseChannels are the places reused content may appear (labels are translated in the UI).
var ReleaseChannels = []string{"instagram", "tiktok", "facebook", "youtube", "website", "email", "ads", "print", "in_store"}

// ReleaseStatuses are a release's states, in the order the UI lists them.
var ReleaseStatuses = []string{store.ReleaseRequested, store.ReleaseGranted, store.ReleaseDeclined, store.ReleaseExpired, store.ReleaseRevoked}

// ReleaseInput is a release as a person edits it (its status changes through SetReleaseStatus).
type ReleaseInput struct {
	ID             int64
	CreatorID      int64
	Author         string
	Title          string
	ContentURL     string
	ConversationID int64
	MessageID      int64
	Channels       []string
	PaidUse        bool
	StartsAt       int64
	ExpiresAt      int64
	Territories    []string
	Compensation   string
	EditsAllowed   bool
	Notes          string
}

// SaveRelease creates (ID 0, status requested) or updates a release after checking it.
// Moving the expiry forgets the reminders already sent, so they come again.
func (s *Service) SaveRelease(ctx context.Context, in ReleaseInput, actor string) (store.UGCRelease, error) {
	r, err := s.checkedRelease(ctx, in)
	if err != nil {
		return store.UGCRelease{}, err
	}
	var before *store.UGCRelease
	if in.ID != 0 {
		old, err := s.Store.ReleaseByID(ctx, in.ID)
		if err != nil {
			return store.UGCRelease{}, err
		}
		before = &old
		r.ID, r.Status, r.CreatedAt = old.ID, old.Status, old.CreatedAt
		r.RequestedAt, r.RequestMessageID, r.CalendarItemID = old.RequestedAt, old.RequestMessageID, old.CalendarItemID
		if old.ExpiresAt != r.ExpiresAt {
			if err := s.Store.ClearReminders(ctx, r.ID); err != nil {
				return store.UGCRelease{}, err
			}
			r.CalendarItemID = s.dropCalendarReminder(ctx, actor, old.CalendarItemID)
		}
	}
	if err := s.Store.SaveRelease(ctx, &r); err != nil {
		return store.UGCRelease{}, err
	}
	action := "release.created"
	if before != nil {
		action = "release.updated"
	}
	s.audit(ctx, actor, action, "ugc_release", r.ID, "", before, r)
	return r, nil
}

// checkedRelease validates and normalises an input.
func (s *Service) checkedRelease(ctx context.Context, in ReleaseInput) (store.UGCRelease, error) {
	r := store.UGCRelease{Author: strings.TrimSpace(in.Author), Title: strings.TrimSpace(in.Title), ContentURL: strings.TrimSpace(in.ContentURL),
		PaidUse: in.PaidUse, StartsAt: in.StartsAt, ExpiresAt: in.ExpiresAt, Compensation: strings.TrimSpace(in.Compensation),
		EditsAllowed: in.EditsAllowed, Notes: strings.TrimSpace(in.Notes)}
	if u, err := url.Parse(r.ContentURL); r.ContentURL == "" {
		return r, invalid("link", "required")
	} else if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return r, invalid("link", "url")
	}
	if in.CreatorID != 0 {
		if _, err := s.Store.CreatorByID(ctx, in.CreatorID); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return r, invalid("creator", "invalid")
			}
			return r, err
		}
		r.CreatorID = ptr(in.CreatorID)
	} else if r.Author == "" {
		return r, invalid("author", "required")
	}
	if in.ConversationID != 0 {
		if _, err := s.Store.ConversationByID(ctx, in.ConversationID); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return r, invalid("conversation", "invalid")
			}
			return r, err
		}
		r.ConversationID = ptr(in.ConversationID)
	}
	if in.MessageID != 0 {
		m, err := s.Store.MessageByID(ctx, in.MessageID)
		if errors.Is(err, store.ErrNotFound) || (err == nil && m.ConversationID != in.ConversationID) {
			return r, invalid("message", "invalid")
		} else if err != nil {
			return r, err
		}
		r.MessageID = ptr(in.MessageID)
	}
	for _, c := range in.Channels {
		c = strings.TrimSpace(strings.ToLower(c))
		if c == "" || slices.Contains(strings.Split(r.Channels, ","), c) {
			continue
		}
		if !slices.Contains(ReleaseChannels, c) {
			return r, invalid("channels", "invalid")
		}
		r.Channels = joinList(r.Channels, c)
	}
	for _, t := range in.Territories {
		if t = strings.TrimSpace(strings.ReplaceAll(t, ",", " ")); t != "" {
			r.Territories = joinList(r.Territories, t)
		}
	}
	if r.StartsAt < 0 || r.ExpiresAt < 0 {
		return r, invalid("dates", "invalid")
	}
	if r.ExpiresAt != 0 && r.StartsAt != 0 && r.ExpiresAt <= r.StartsAt {
		return r, invalid("expiry", "endsBeforeStart")
	}
	return r, nil
}

// joinList appends v to a comma-separated list.
func joinList(list, v string) string {
	if list == "" {
		return v
	}
	return list + "," + v
}

// SplitList reads a stored comma-separated list (channels, territories).
func SplitList(s string) []string {
	out := []string{}
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// SetReleaseStatus moves a release to status. Granting needs an expiry in the
// future (or none: open-ended) and may name the message where consent was
// given (0 keeps the one recorded). Declining or revoking removes the expiry
// reminder from the calendar.
func (s *Service) SetReleaseStatus(ctx context.Context, id int64, status string, consentMessageID int64, reason, actor string) (store.UGCRelease, error) {
	if !slices.Contains(ReleaseStatuses, status) {
		return store.UGCRelease{}, invalid("status", "invalid")
	}
	r, err := s.Store.ReleaseByID(ctx, id)
	if err != nil {
		return r, err
	}
	before := r
	if status == r.Status && consentMessageID == 0 {
		return r, nil
	}
	now := s.now().UnixMilli()
	if status == store.ReleaseGranted && r.ExpiresAt != 0 && r.ExpiresAt <= now {
		return r, invalid("expiry", "inPast")
	}
	if consentMessageID != 0 {
		m, err := s.Store.MessageByID(ctx, consentMessageID)
		if errors.Is(err, store.ErrNotFound) || (err == nil && r.ConversationID != nil && m.ConversationID != *r.ConversationID) {
			return r, invalid("message", "invalid")
		} else if err != nil {
			return r, err
		}
		r.MessageID, r.ConversationID = ptr(m.ID), ptr(m.ConversationID)
	}
	r.Status = status
	if status == store.ReleaseGranted && r.StartsAt == 0 {
		r.StartsAt = now
	}
	if status != store.ReleaseGranted {
		r.CalendarItemID = s.dropCalendarReminder(ctx, actor, r.CalendarItemID)
	}
	if err := s.Store.SaveRelease(ctx, &r); err != nil {
		return r, err
	}
	s.audit(ctx, actor, "release.status", "ugc_release", r.ID, reason, map[string]any{"status": before.Status, "messageId": before.MessageID},
		map[string]any{"status": r.Status, "messageId": r.MessageID})
	return r, nil
}

// DaysLeft is how many whole days are left before a release expires at now
// (-1 for an open-ended release; 0 on the day it expires or after).
func DaysLeft(r store.UGCRelease, now time.Time) int {
	if r.ExpiresAt == 0 {
		return -1
	}
	left := time.UnixMilli(r.ExpiresAt).Sub(now)
	if left <= 0 {
		return 0
	}
	return int(left.Hours() / 24)
}

// Expiry badges of a release.
const (
	ExpiryNone   = "none"
	ExpiryOK     = "ok"
	ExpirySoon   = "soon"
	ExpiryUrgent = "urgent"
	ExpiryEnded  = "ended"
)

// ExpiryBadge says how close a release is to its end at now: none for an
// open-ended one or one not granted (nor expired), ended once past, urgent
// within the 7-day reminder, soon within the 30-day one, else ok.
func ExpiryBadge(r store.UGCRelease, now time.Time) string {
	switch {
	case r.Status == store.ReleaseExpired || (r.ExpiresAt != 0 && r.ExpiresAt <= now.UnixMilli() && r.Status == store.ReleaseGranted):
		return ExpiryEnded
	case r.Status != store.ReleaseGranted || r.ExpiresAt == 0:
		return ExpiryNone
	}
	left := time.UnixMilli(r.ExpiresAt).Sub(now)
	switch {
	case left <= 7*24*time.Hour:
		return ExpiryUrgent
	case left <= 30*24*time.Hour:
		return ExpirySoon
	}
	return ExpiryOK
}
