package youtube

import (
	"context"
	"log/slog"
	"time"

	"creatordesk/backend/platforms"
)

// bookTimeout bounds one read or write of the quota book.
const bookTimeout = 5 * time.Second

// QuotaBook keeps a quota project's daily count outside the process (the
// workspace's database), so the count survives a restart. Days are Pacific
// dates as QuotaDay writes them.
type QuotaBook interface {
	// LoadQuota returns the units the project spent on day (0 when none were recorded).
	LoadQuota(ctx context.Context, project, day string) (int, error)
	// SaveQuota records the project's count for day, with the budget in force
	// and the time the day ends.
	SaveQuota(ctx context.Context, project, day string, units, budget int, resetsAt time.Time) error
}

// QuotaDay names the quota day t falls on: its date in Pacific time, where
// YouTube's daily quota resets at midnight ("2026-03-08").
func QuotaDay(t time.Time) string { return quotaDay(t) }

// NextQuotaReset is the first midnight Pacific time after t, daylight-saving
// changes included.
func NextQuotaReset(t time.Time) time.Time { return nextReset(t) }

// NewOAuthFactory returns a platforms.Factory like NewOAuth whose connectors
// keep their project's daily count in book (nil: in memory only) and read
// the time from now (nil: time.Now; the workspace passes its own clock). A
// connector without a quota project (a pasted access token without
// ExtraQuotaProject) is not booked: nothing names what to book it under.
func NewOAuthFactory(book QuotaBook, now func() time.Time) platforms.Factory {
	if now == nil {
		now = time.Now
	}
	return func(creds platforms.Credentials) (platforms.Connector, error) {
		return newOAuth(creds, book, now)
	}
}

// load reads today's count from the book; the larger count wins. A failure
// is logged and the count in memory kept: the next save writes it back.
func (l *ledger) load(now time.Time) {
	day := quotaDay(now)
	ctx, cancel := context.WithTimeout(context.Background(), bookTimeout)
	defer cancel()
	units, err := l.book.LoadQuota(ctx, l.project, day)
	if err != nil {
		slog.Default().Warn("youtube: could not read the saved quota use", slog.String("platform", Platform), slog.String("error", err.Error()))
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rollLocked(now)
	if l.day == day {
		l.used = max(l.used, units)
	}
}

// persist writes the current count to the book (when there is one). Writes
// are serialized and each takes the count as it is when its turn comes, so
// the book never ends behind the ledger.
func (l *ledger) persist(now time.Time) {
	l.mu.Lock()
	book := l.book
	l.mu.Unlock()
	if book == nil {
		return
	}
	l.saveMu.Lock()
	defer l.saveMu.Unlock()
	l.mu.Lock()
	l.rollLocked(now)
	day, used, budget := l.day, l.used, l.budget
	l.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), bookTimeout)
	defer cancel()
	if err := book.SaveQuota(ctx, l.project, day, used, budget, nextReset(now)); err != nil {
		slog.Default().Warn("youtube: could not save the quota use", slog.String("platform", Platform), slog.String("error", err.Error()))
	}
}
