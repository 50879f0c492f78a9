package youtube

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"
	// The quota day is a Pacific-time day; embed the zone database so the
	// reset time is right on machines without one (Windows).
	_ "time/tzdata"

	"creatordesk/backend/platforms"
)

// The API methods the connector calls, named as in Google's quota table.
const (
	apiChannelsList   = "channels.list"
	apiVideosList     = "videos.list"
	apiThreadsList    = "commentThreads.list"
	apiCommentsList   = "comments.list"
	apiCommentsInsert = "comments.insert"
	apiSetModeration  = "comments.setModerationStatus"
	apiCommentsDelete = "comments.delete"
)

const (
	// quotaStateVersion prefixes QuotaState's strings.
	quotaStateVersion = "v1"
	// quotaDayLayout writes a quota day.
	quotaDayLayout = time.DateOnly
	// pacificZoneName is where the quota resets at midnight.
	pacificZoneName = "America/Los_Angeles"
	// pacificStandardOff is the fallback offset if the zone ever failed to load.
	pacificStandardOff = -8 * 3600
)

// costs are the documented quota costs of each method
// (developers.google.com/youtube/v3/determine_quota_cost). Google charges
// every request, including invalid ones, so the connector counts a call when
// it sends it, whatever the answer.
var costs = map[string]int{
	apiChannelsList:   1,
	apiVideosList:     1,
	apiThreadsList:    1,
	apiCommentsList:   1,
	apiCommentsInsert: 50,
	apiSetModeration:  50,
	apiCommentsDelete: 50,
}

// pacific is the zone whose midnight resets the quota.
var pacific = loadPacific()

// loadPacific loads America/Los_Angeles; with time/tzdata embedded it cannot
// fail, but a fixed PST offset is better than a crash if it ever did.
func loadPacific() *time.Location {
	loc, err := time.LoadLocation(pacificZoneName)
	if err != nil {
		return time.FixedZone("PST", pacificStandardOff)
	}
	return loc
}

// quotaDay names the Pacific-time day t falls on ("2026-03-08").
func quotaDay(t time.Time) string { return t.In(pacific).Format(quotaDayLayout) }

// nextReset is the first midnight Pacific time after t. time.Date normalizes
// day+1 and picks the offset in force at that midnight, so days of 23 and 25
// hours (daylight-saving changes) come out right.
func nextReset(t time.Time) time.Time {
	y, m, d := t.In(pacific).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, pacific)
}

// untilReset is the wait from now to the next reset, rounded up to a second.
func untilReset(now time.Time) time.Duration {
	d := nextReset(now).Sub(now)
	if r := d % time.Second; r > 0 {
		d += time.Second - r
	}
	return max(d, time.Second)
}

// ledger counts the units spent on one quota day. It lives in memory; with a
// QuotaBook (a named project only) every change is written through to it and
// the day's count is read back when the ledger is made, so a restart neither
// forgets what was spent nor overspends the budget. Its state string is the
// older, book-less way to carry the count over a restart.
type ledger struct {
	mu      sync.Mutex
	budget  int
	day     string
	used    int
	project string
	book    QuotaBook
	// saveMu serializes writes to the book, so the latest write holds the latest count.
	saveMu sync.Mutex
}

// ledgers are the shared ledgers by project name (ExtraQuotaProject).
var ledgers = struct {
	sync.Mutex
	m map[string]*ledger
}{m: map[string]*ledger{}}

// ledgerFor returns the ledger of a project, shared by every connector of the
// process that names it; an unnamed project gets a ledger of its own. The
// latest budget set for a project applies to all its connectors.
//
// With a book, the first connector that brings one attaches it and the
// project's count for today is read from it (the larger of the two counts
// wins, so a count never goes down).
func ledgerFor(project string, budget int, book QuotaBook, now time.Time) *ledger {
	if project == "" {
		return &ledger{budget: budget}
	}
	ledgers.Lock()
	defer ledgers.Unlock()
	l := ledgers.m[project]
	if l == nil {
		l = &ledger{project: project}
		ledgers.m[project] = l
	}
	l.mu.Lock()
	l.budget = budget
	attach := book != nil && l.book == nil
	if attach {
		l.book = book
	}
	l.mu.Unlock()
	if attach {
		l.load(now)
	}
	return l
}

// rollLocked starts a new day's count after midnight Pacific time.
func (l *ledger) rollLocked(now time.Time) {
	if day := quotaDay(now); day != l.day {
		l.day, l.used = day, 0
	}
}

// reserve takes units from today's budget, or refuses, without taking
// anything, a call the rest of the budget cannot pay for: a KindRateLimited
// error whose RetryAfter lasts until the reset.
func (l *ledger) reserve(now time.Time, units int, op string) error {
	l.mu.Lock()
	l.rollLocked(now)
	if l.used+units <= l.budget {
		l.used += units
		l.mu.Unlock()
		l.persist(now)
		return nil
	}
	defer l.mu.Unlock()
	wait := untilReset(now)
	e := newError(platforms.KindRateLimited, 0, fmt.Sprintf(
		"%s: not sent: it costs %d quota units and %d of today's %d are used; the YouTube quota resets at midnight Pacific time, in %s",
		op, units, l.used, l.budget, roundWait(wait)))
	e.RetryAfter = wait
	return e
}

// refund gives back units of a call that never reached Google.
func (l *ledger) refund(now time.Time, units int) {
	l.mu.Lock()
	if quotaDay(now) == l.day {
		l.used = max(l.used-units, 0)
	}
	l.mu.Unlock()
	l.persist(now)
}

// exhaust marks today's budget spent: Google said so (quotaExceeded), and
// every further call would only be refused there.
func (l *ledger) exhaust(now time.Time) {
	l.mu.Lock()
	l.rollLocked(now)
	l.used = max(l.used, l.budget)
	l.mu.Unlock()
	l.persist(now)
}

// snapshot returns today's count, the budget and the next reset.
func (l *ledger) snapshot(now time.Time) (used, budget int, resetAt time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rollLocked(now)
	return l.used, l.budget, nextReset(now)
}

// state writes today's count as "v1:<Pacific date>:<units>".
func (l *ledger) state(now time.Time) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rollLocked(now)
	return quotaStateVersion + ":" + l.day + ":" + strconv.Itoa(l.used)
}

// restore takes over a count from state when it is today's; a count from an
// earlier day has been reset by Google and is ignored, and so is (with a
// warning) a malformed one. A shared ledger keeps the larger count.
func (l *ledger) restore(state string, now time.Time) {
	parts := strings.Split(state, ":")
	var used int
	var err error
	if len(parts) == 3 && parts[0] == quotaStateVersion {
		_, err = time.Parse(quotaDayLayout, parts[1])
		if err == nil {
			used, err = strconv.Atoi(parts[2])
		}
	}
	if len(parts) != 3 || parts[0] != quotaStateVersion || err != nil || used < 0 {
		slog.Default().Warn("youtube: ignored a malformed quota state", slog.String("platform", Platform))
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rollLocked(now)
	if parts[1] == l.day {
		l.used = max(l.used, used)
	}
}

// Quota returns the units used since the last midnight Pacific time, the
// daily budget and the time of the next reset. It is not part of
// platforms.Connector: assert QuotaReporter.
func (c *connector) Quota() (usedToday, dailyBudget int, resetAt time.Time) {
	return c.quota.snapshot(c.now())
}

// QuotaState returns today's count as an opaque string; passing it back as
// Credentials.Extra["quotaState"] after a restart keeps the count until the
// next reset. Save it after each sync and after each send or moderation.
func (c *connector) QuotaState() string {
	return c.quota.state(c.now())
}
