package moderation

import (
	"context"
	"strings"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// History limits.
const (
	// DefaultHistoryLimit is the page size when none is asked for.
	DefaultHistoryLimit = 50
	// MaxHistoryLimit caps one page.
	MaxHistoryLimit = 200
	// excerptRunes caps the message text shown with an entry.
	excerptRunes = 140
)

// HistoryFilter narrows the workspace's moderation log. Zero fields match everything.
type HistoryFilter struct {
	AccountID int64
	// Action is one of Actions.
	Action string
	// BeforeID pages backwards: only entries older than this one (a NextBeforeID).
	BeforeID int64
	// Limit is the page size (DefaultHistoryLimit when 0, at most MaxHistoryLimit).
	Limit int
}

// Entry is one moderation action in the workspace's log: who did what to
// which message, when and why, and whether the platform carried it out.
type Entry struct {
	// ID is the logged action's id (moderation_actions).
	ID     int64
	At     time.Time
	Actor  string
	Action string
	// Origin is OriginHuman or OriginAutomation.
	Origin string
	// Failed is set when the platform refused the action or could not be reached.
	Failed bool
	// Reason is the reason given, or for a failure the kind of error.
	Reason         string
	MessageID      int64
	ConversationID int64
	AccountID      int64
	// Author and Excerpt describe the message (empty when it is no longer stored).
	Author, Excerpt string
}

// HistoryPage is one page of the log, newest first.
type HistoryPage struct {
	Entries []Entry
	// NextBeforeID continues with older entries (0: there are none).
	NextBeforeID int64
}

// History reads the workspace's moderation log, newest first: every action
// performed or failed, by a person or an automation rule, narrowed to an
// account and an action.
func (s *Service) History(ctx context.Context, f HistoryFilter) (HistoryPage, error) {
	if f.Action != "" && !isAction(platforms.ModerationKind(f.Action)) {
		return HistoryPage{}, ErrUnknownAction
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultHistoryLimit
	}
	limit = min(limit, MaxHistoryLimit)
	// One row more than the page says whether there are older entries.
	rows, err := s.Store.ModerationHistory(ctx, store.ModerationHistoryFilter{AccountID: f.AccountID, Action: f.Action,
		BeforeID: f.BeforeID, Limit: limit + 1})
	if err != nil {
		return HistoryPage{}, err
	}
	var page HistoryPage
	for i, r := range rows {
		if i == limit {
			page.NextBeforeID = page.Entries[limit-1].ID
			break
		}
		page.Entries = append(page.Entries, toEntry(r))
	}
	return page, nil
}

// toEntry turns a logged action into a log entry.
func toEntry(r store.ModerationHistoryRow) Entry {
	e := Entry{ID: r.ID, At: time.UnixMilli(r.CreatedAt).UTC(), Actor: r.Actor, Action: r.Action, Origin: r.Origin,
		Failed: r.Outcome == store.ModerationFailed, Reason: r.Reason, MessageID: r.MessageID,
		ConversationID: r.ConversationID, AccountID: r.AccountID, Author: r.AuthorName, Excerpt: excerpt(r.Text)}
	if e.Origin == "" {
		e.Origin = OriginHuman
	}
	if e.Failed && e.Reason == "" {
		e.Reason = r.ErrorKind
	}
	return e
}

// excerpt shortens a message text to one line.
func excerpt(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > excerptRunes {
		return strings.TrimSpace(string(r[:excerptRunes-1])) + "…"
	}
	return text
}
