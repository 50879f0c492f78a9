package engine_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/sla/engine"
	"creatordesk/backend/store"
)

// BenchmarkTimersForASyncPage measures what the SLA engine adds to one sync
// page: recomputing the timers of the 100 conversations it touched (each with
// 20 messages, half of them waiting for a reply) in a workspace of 5,000.
func BenchmarkTimersForASyncPage(b *testing.B) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	st, err := store.Open(filepath.Join(b.TempDir(), store.FileName), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	acc := store.Account{Platform: "telegram", Name: "bench", ExternalID: "1"}
	if err := st.CreateAccount(ctx, &acc); err != nil {
		b.Fatal(err)
	}
	var page []platforms.Message
	var ids []int64
	for c := 0; c < 5000; c++ {
		for m := 0; m < 20; m++ {
			dir := platforms.DirectionIn
			if m%5 == 4 && (c%2 == 0 || m < 19) {
				dir = platforms.DirectionOut
			}
			page = append(page, platforms.Message{ExternalID: fmt.Sprintf("%d-%d", c, m), ThreadExternalID: fmt.Sprint(c),
				ThreadKind: platforms.ThreadDM, Direction: dir, Text: "hello there",
				Author: platforms.Person{ExternalID: fmt.Sprint("u", c), DisplayName: "Ana"},
				SentAt: now.Add(-time.Duration(20-m) * time.Minute)})
		}
		if len(page) >= 2000 {
			res, err := st.IngestPage(ctx, acc.ID, page, "")
			if err != nil {
				b.Fatal(err)
			}
			ids = append(ids, res.ConversationIDs...)
			page = page[:0]
		}
	}
	svc := &engine.Service{Store: st, Bus: events.New(), DefaultZone: "Europe/Bucharest"}
	if err := svc.Load(ctx); err != nil {
		b.Fatal(err)
	}
	batch := ids[:100]
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		// Alternate the clock so every round really rewrites the timers.
		now = now.Add(time.Duration(1+i%2) * 40 * time.Minute)
		if _, err := svc.Recompute(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}
