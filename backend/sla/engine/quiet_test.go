package engine_test

import (
	"context"
	"testing"

	"creatordesk/backend/sla/engine"
)

// TestQuietHoursSummaryWhenTheyEnd: an urgent message that quiet hours
// silenced is not forgotten: once they are over, the next tick shows one
// summary naming its conversation, also after the engine was restarted.
func TestQuietHoursSummaryWhenTheyEnd(t *testing.T) {
	r := newRig(t, at("2026-03-02 23:00"))
	conv := r.customer(90, "hello")
	if err := r.st.W.Exec(`INSERT INTO conversation_tags(conversation_id, tag_id, created_at) SELECT ?, id, 0 FROM tags WHERE name = 'danger'`, conv).Error; err != nil {
		t.Fatal(err)
	}
	r.clock.Set(at("2026-03-02 23:30"))
	r.customer(90, "I will report you")
	if n := len(r.notes.all()); n != 0 {
		t.Fatalf("notified inside quiet hours: %d", n)
	}
	ctx := context.Background()
	if err := r.svc.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(r.notes.all()); n != 0 {
		t.Fatalf("summary shown while quiet hours go on: %d", n)
	}

	// A restart in the night: a new engine on the same database still knows what it held.
	again := &engine.Service{Store: r.st, Bus: r.bus, Inbox: r.inbox, DefaultZone: "Europe/Bucharest"}
	again.SetNotifier(r.notes)
	if err := again.Load(ctx); err != nil {
		t.Fatal(err)
	}
	r.clock.Set(at("2026-03-03 08:05"))
	if err := again.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	got := r.notes.all()
	if len(got) != 1 || !got[0].Urgent || len(got[0].ConversationIDs) != 1 || got[0].ConversationIDs[0] != conv {
		t.Fatalf("quiet-hours summary %+v", got)
	}
	if err := again.Tick(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(r.notes.all()); n != 1 {
		t.Fatalf("the summary was shown twice: %d", n)
	}
}
