package workspace

import (
	"context"
	"path/filepath"
	gosync "sync"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// TestSLAModuleTicksTimersWithTheWorkspaceClock opens a workspace on a
// settable clock, stores a customer message as a sync would, and lets the
// module's own ticker (a short interval) move the timer to breached.
func TestSLAModuleTicksTimersWithTheWorkspaceClock(t *testing.T) {
	bucharest, _ := time.LoadLocation("Europe/Bucharest")
	var mu gosync.Mutex
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, bucharest)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	saved := SLATickInterval
	SLATickInterval = 10 * time.Millisecond
	t.Cleanup(func() { SLATickInterval = saved })

	w, err := Open(Config{Dir: filepath.Join(t.TempDir(), "ws"), Vault: secrets.NewMemory(), Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx := context.Background()
	if _, err := w.SLA().SetCalendar(ctx, sla.DefaultCalendar("Europe/Bucharest"), "tester"); err != nil {
		t.Fatal(err)
	}
	acc := store.Account{Platform: "telegram", Name: "t", ExternalID: "1"}
	if err := w.Store.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	res, err := w.Store.IngestPage(ctx, acc.ID, []platforms.Message{{ExternalID: "m1", ThreadExternalID: "th", ThreadKind: platforms.ThreadDM,
		Direction: platforms.DirectionIn, Text: "Hi! Is it in stock?", Author: platforms.Person{ExternalID: "u1", DisplayName: "Ana"}, SentAt: clock()}}, "")
	if err != nil {
		t.Fatal(err)
	}
	w.Bus.Publish(events.MessagesStored, events.MessagesStoredPayload{AccountID: acc.ID, ConversationIDs: res.ConversationIDs, MessageIDs: res.MessageIDs})
	conv := res.ConversationIDs[0]
	state := func() string {
		rows, _ := w.Store.ConversationSLAs(ctx, []int64{conv})
		if len(rows) == 0 {
			return "none"
		}
		return rows[0].State
	}
	if s := state(); s != sla.StateOK {
		t.Fatalf("after the message: %s", s) // the default DM policy (24 business hours)
	}
	mu.Lock()
	now = now.AddDate(0, 0, 7) // a week later, long past due
	mu.Unlock()
	deadline := time.Now().Add(5 * time.Second)
	for state() != sla.StateBreached {
		if time.Now().After(deadline) {
			t.Fatalf("the ticker never breached the timer: %s", state())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestDemoHasBusinessHoursAndTimers checks what SeedDemo sets up.
func TestDemoHasBusinessHoursAndTimers(t *testing.T) {
	w, err := OpenDemo(Config{Dir: filepath.Join(t.TempDir(), "demo"), Vault: secrets.NewMemory()})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	cfg, _ := w.SLA().Calendar()
	if cfg.TimeZone != "Europe/Bucharest" || len(cfg.Week[time.Monday]) != 1 || len(cfg.Week[time.Sunday]) != 0 || !w.SLA().Away().Enabled {
		t.Fatalf("demo calendar %+v away %+v", cfg, w.SLA().Away())
	}
	convs, _, _ := w.Store.Conversations(context.Background(), store.ConversationFilter{}, store.ConversationCursor{}, 500)
	ids := make([]int64, 0, len(convs))
	for _, c := range convs {
		ids = append(ids, c.ID)
	}
	rows, err := w.Store.ConversationSLAs(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	running := 0
	for _, r := range rows {
		if r.State == sla.StateOK || r.State == sla.StateWarning || r.State == sla.StateBreached {
			running++
		}
	}
	if running < 20 {
		t.Fatalf("demo shows %d running timers", running)
	}
}
