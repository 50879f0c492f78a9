package youtube_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

// memBook is a QuotaBook in memory: the store's own tests cover the database
// side, these cover what the connector reads and writes.
type memBook struct {
	mu     sync.Mutex
	units  map[string]int
	resets map[string]time.Time
	saves  int
	fail   error
}

func newMemBook() *memBook {
	return &memBook{units: map[string]int{}, resets: map[string]time.Time{}}
}

func (b *memBook) LoadQuota(_ context.Context, project, day string) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.fail != nil {
		return 0, b.fail
	}
	return b.units[project+"|"+day], nil
}

func (b *memBook) SaveQuota(_ context.Context, project, day string, units, _ int, resetsAt time.Time) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.saves++
	if b.fail != nil {
		return b.fail
	}
	b.units[project+"|"+day], b.resets[project+"|"+day] = units, resetsAt
	return nil
}

func (b *memBook) get(project, day string) (int, time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.units[project+"|"+day], b.resets[project+"|"+day]
}

// bookedConnect builds a connector whose quota lives in book (a restart when
// the ledgers were forgotten first).
func (e *env) bookedConnect(t *testing.T, extra map[string]string, book youtube.QuotaBook) platforms.Connector {
	t.Helper()
	c, err := youtube.NewWithClockAndBook(platforms.Credentials{BaseURL: e.base, Token: token, Extra: extra}, e.clk.Now, book)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestQuotaBookSurvivesRestart(t *testing.T) {
	e := start(t, nil)
	book := newMemBook()
	project := "book-" + t.Name()
	extra := map[string]string{"quotaProject": project, "dailyQuota": "60"}
	c := e.bookedConnect(t, extra, book)
	if _, err := c.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	th := e.srv.AddThread("", youtubefake.Comment{Author: alice, Text: "q", At: t0.Add(-time.Hour)})
	if _, err := c.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: th, Text: "a"}); err != nil {
		t.Fatal(err)
	}
	if units, reset := book.get(project, "2026-03-01"); units != 51 || !reset.Equal(time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)) {
		t.Fatalf("book holds %d units resetting %v, want 51 at 08:00 UTC", units, reset)
	}

	// A restart an hour later: the count comes back from the book, and the
	// budget's last 9 units cannot pay for another 50-unit reply.
	youtube.ForgetProjectLedgers()
	e.setNow(t0.Add(time.Hour))
	c = e.bookedConnect(t, extra, book)
	if used, budget, _ := quota(t, c).Quota(); used != 51 || budget != 60 {
		t.Fatalf("after the restart: %d of %d units, want 51 of 60", used, budget)
	}
	sent := len(e.srv.Sent())
	_, err := c.Send(ctx, platforms.OutgoingMessage{ThreadExternalID: th, Text: "b"})
	wantKind(t, err, platforms.KindRateLimited)
	if len(e.srv.Sent()) != sent {
		t.Fatal("the reply was sent beyond the budget")
	}

	// Without the book the same restart forgets the count (the old bug).
	youtube.ForgetProjectLedgers()
	if used, _, _ := quota(t, e.bookedConnect(t, extra, nil)).Quota(); used != 0 {
		t.Fatalf("a connector without a book knows %d units", used)
	}
}

func TestQuotaBookPacificDayBoundary(t *testing.T) {
	// March 8 2026 is the spring-forward day: it starts at 08:00 UTC (PST)
	// and ends at 07:00 UTC on March 9 (PDT), 23 hours later.
	e := start(t, nil)
	book := newMemBook()
	project := "book-" + t.Name()
	extra := map[string]string{"quotaProject": project}
	e.setNow(time.Date(2026, 3, 8, 7, 59, 59, 0, time.UTC)) // 23:59:59 PST March 7
	c := e.bookedConnect(t, extra, book)
	if _, err := c.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if units, reset := book.get(project, "2026-03-07"); units != 1 || !reset.Equal(time.Date(2026, 3, 8, 8, 0, 0, 0, time.UTC)) {
		t.Fatalf("March 7: %d units resetting %v", units, reset)
	}

	// Restart one second later, on the new Pacific day: yesterday's count stays behind.
	youtube.ForgetProjectLedgers()
	e.setNow(time.Date(2026, 3, 8, 8, 0, 0, 0, time.UTC))
	c = e.bookedConnect(t, extra, book)
	if used, _, reset := quota(t, c).Quota(); used != 0 || !reset.Equal(time.Date(2026, 3, 9, 7, 0, 0, 0, time.UTC)) {
		t.Fatalf("March 8: used %d, reset %v, want 0 and 07:00 UTC March 9", used, reset)
	}
	if _, err := c.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if units, reset := book.get(project, "2026-03-08"); units != 1 || !reset.Equal(time.Date(2026, 3, 9, 7, 0, 0, 0, time.UTC)) {
		t.Fatalf("March 8 row: %d units resetting %v", units, reset)
	}
	if units, _ := book.get(project, "2026-03-07"); units != 1 {
		t.Fatalf("March 7 row changed to %d", units)
	}
	// 06:59:59 UTC March 9 is still March 8 in Pacific (daylight) time.
	youtube.ForgetProjectLedgers()
	e.setNow(time.Date(2026, 3, 9, 6, 59, 59, 0, time.UTC))
	if used, _, _ := quota(t, e.bookedConnect(t, extra, book)).Quota(); used != 1 {
		t.Fatalf("late on March 8 (PDT): used %d, want 1", used)
	}
	if youtube.QuotaDay(time.Date(2026, 3, 9, 7, 0, 0, 0, time.UTC)) != "2026-03-09" {
		t.Fatal("07:00 UTC March 9 is not the start of March 9 Pacific")
	}
}

func TestQuotaBookFailureKeepsCounting(t *testing.T) {
	e := start(t, nil)
	book := newMemBook()
	book.fail = errors.New("disk full")
	extra := map[string]string{"quotaProject": "book-" + t.Name(), "dailyQuota": "2"}
	c := e.bookedConnect(t, extra, book)
	for range 2 {
		if _, err := c.Verify(ctx); err != nil {
			t.Fatal(err)
		}
	}
	_, err := c.Verify(ctx)
	wantKind(t, err, platforms.KindRateLimited)
	if book.saves != 2 {
		t.Fatalf("%d save attempts, want one per charged call", book.saves)
	}
}
