package calendar

import (
	"testing"
	"time"

	"creatordesk/backend/governance"
	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// Live follow-ups and sequence steps through the real send-gate policies of
// the governance area (not a stand-in): consent, opt-out and the pace.
func TestFollowupsThroughTheRealGovernanceGate(t *testing.T) {
	k := newLiveKit(t, "linen q1", "linen q2", "linen q3", "linen q4")
	gov := &governance.Gate{Store: k.st, Now: k.clock.Now}
	gate := &inbox.Service{Store: k.st, Connectors: k.conns, Policies: gov.Policies()}
	k.msgr = &Messenger{Store: k.st, Sender: gate, Clock: k.clock, PacePerHour: 2}
	k.lives.Messages = k.msgr

	k.consent(k.convs[0], true)             // agreed
	k.consent(k.convs[1], true)             // agreed
	optedOut := k.consent(k.convs[2], true) // agreed, then said STOP
	k.consent(k.convs[3], false)            // said no
	if _, err := k.st.RecordOptOut(k.ctx, store.OptOutEntry{ContactID: &optedOut, Scope: store.ScopeMarketing, OptedOut: true,
		Channel: "telegram", Keyword: "STOP"}); err != nil {
		t.Fatal(err)
	}
	_, live := k.newLive(t0.Add(-2*time.Hour), LiveInput{Keywords: "linen", FollowupText: "Thanks for joining the live!"})
	if n, err := k.lives.Intake(k.ctx, "Mara", live.ID, t0.Add(-24*time.Hour)); err != nil || n != 4 {
		t.Fatalf("intake %d %v", n, err)
	}
	if n, err := k.lives.ScheduleFollowups(k.ctx, "Mara", live.ID, ""); err != nil || n != 4 {
		t.Fatalf("queued %d %v", n, err)
	}
	tick := func() {
		if err := k.msgr.Tick(k.ctx); err != nil {
			t.Fatal(err)
		}
	}
	tick()
	byConv := func() map[int64]store.ScheduledMessage {
		ms, _ := k.st.ScheduledMessagesFor(k.ctx, live.ID, 0)
		out := map[int64]store.ScheduledMessage{}
		for _, m := range ms {
			out[m.ConversationID] = m
		}
		return out
	}
	got := byConv()
	// The pace (2 an hour) lets the first two through; the other two wait for the next hour.
	if got[k.convs[0]].State != store.MsgSent || got[k.convs[1]].State != store.MsgSent || got[k.convs[2]].State != store.MsgPending {
		t.Fatalf("first hour: %+v", got)
	}
	tick()
	if got = byConv(); got[k.convs[2]].State != store.MsgPending {
		t.Fatalf("the pace let a third through: %+v", got[k.convs[2]])
	}
	k.clock.Advance(time.Hour + time.Minute)
	tick()
	got = byConv()
	if got[k.convs[2]].State != store.MsgRefused || got[k.convs[2]].Refusal != "errors.automation.refused.optedOut" {
		t.Fatalf("opted out: %+v", got[k.convs[2]])
	}
	if got[k.convs[3]].State != store.MsgRefused || got[k.convs[3]].Refusal != "errors.automation.refused.noConsent" {
		t.Fatalf("no consent: %+v", got[k.convs[3]])
	}
	sent := map[int64]bool{}
	for _, s := range k.tg.Sent() {
		sent[s.ChatID] = true
	}
	if len(k.tg.Sent()) != 2 || !sent[k.chats[0]] || !sent[k.chats[1]] {
		t.Fatalf("telegram got %+v", k.tg.Sent())
	}

	// A sequence for the opted-out contact cannot even be queued; a consenting
	// contact's step goes out when due.
	q := k.cartSequence()
	if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[2], map[string]string{"discount_code": "X"}); refusalReason(err) != "optedOut" {
		t.Fatalf("opted out enrolled: %v", err)
	}
	if _, err := k.msgr.EnrollWith(k.ctx, "Mara", q.ID, k.convs[0], map[string]string{"discount_code": "X"}); err != nil {
		t.Fatal(err)
	}
	k.clock.Advance(2 * time.Hour) // step 1 due
	tick()
	if n := len(k.tg.Sent()); n != 3 {
		t.Fatalf("after the sequence step: %d sent", n)
	}
}
