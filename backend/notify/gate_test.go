package notify

import (
	"sync"
	"testing"
	"time"
)

func TestQuietGateHoldsAndSummarisesOnce(t *testing.T) {
	s := DefaultSettings() // quiet 22:00–08:00
	var saved []Held
	g := &QuietGate{Save: func(h Held) { saved = append(saved, h) }}
	night := time.Date(2026, 3, 2, 23, 0, 0, 0, time.UTC)
	msg := func(at time.Time, danger bool) Candidate {
		return Candidate{Inbound: true, SentAt: at, Danger: danger, HighIntent: !danger}
	}
	for i, c := range []Candidate{msg(night, true), msg(night.Add(time.Hour), false), msg(night.Add(2*time.Hour), false)} {
		if _, now := g.Consider(s, c, int64(10+i%2), c.SentAt, time.UTC); now {
			t.Fatalf("message %d notified during quiet hours", i)
		}
	}
	if _, now := g.Consider(s, Candidate{Inbound: true, SentAt: night}, 99, night, time.UTC); now {
		t.Fatal("an ordinary message notified")
	}
	if h := g.Held(); h.Count() != 3 || len(h.ConversationIDs) != 2 || len(saved) != 3 {
		t.Fatalf("held %+v after %d saves", h, len(saved))
	}
	if _, ok := g.TakeSummary(s, time.Date(2026, 3, 3, 7, 0, 0, 0, time.UTC), time.UTC, "en"); ok {
		t.Fatal("summary during quiet hours")
	}
	morning := time.Date(2026, 3, 3, 8, 5, 0, 0, time.UTC)
	n, ok := g.TakeSummary(s, morning, time.UTC, "en")
	if !ok || n.Body != "While quiet hours were on, 3 urgent messages arrived." || !n.Urgent || len(n.ConversationIDs) != 2 {
		t.Fatalf("summary %+v, %v", n, ok)
	}
	if _, again := g.TakeSummary(s, morning, time.UTC, "en"); again || g.Held().Count() != 0 || saved[len(saved)-1].Count() != 0 {
		t.Fatal("the summary came twice or the held state was not cleared and saved")
	}
	// By day an urgent message notifies at once and holds nothing.
	day := time.Date(2026, 3, 3, 14, 0, 0, 0, time.UTC)
	if reason, now := g.Consider(s, msg(day, true), 5, day, time.UTC); !now || reason != ReasonDanger || g.Held().Count() != 0 {
		t.Fatalf("daytime danger: %q %v, held %+v", reason, now, g.Held())
	}
}

func TestQuietGateForgetsWhenNotificationsAreOff(t *testing.T) {
	s := DefaultSettings()
	var g QuietGate
	night := time.Date(2026, 3, 2, 23, 0, 0, 0, time.UTC)
	g.Consider(s, Candidate{Inbound: true, SentAt: night, Danger: true}, 1, night, time.UTC)
	s.Enabled = false
	if _, ok := g.TakeSummary(s, night.Add(10*time.Hour), time.UTC, "en"); ok || g.Held().Count() != 0 {
		t.Fatal("a summary with notifications off, or the held messages kept")
	}
}

func TestQuietGateRestoreAndConcurrency(t *testing.T) {
	var g QuietGate
	g.Restore(Held{Danger: 2, ConversationIDs: []int64{4}})
	s := DefaultSettings()
	night := time.Date(2026, 3, 2, 23, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.Consider(s, Candidate{Inbound: true, SentAt: night, HighIntent: true}, int64(100+i), night, time.UTC)
		}()
	}
	wg.Wait()
	if h := g.Held(); h.Count() != 22 || len(h.ConversationIDs) != 21 {
		t.Fatalf("held %+v, want the restored 2 plus 20 in 21 conversations", h)
	}
}
