package kpi

import (
	"context"
	"reflect"
	"testing"
	"time"

	"creatordesk/backend/sla"
)

// TestPrecomputedFactsMatchMessages computes the dashboard from the precomputed
// facts (exchanges, inbound counts per quarter hour) and from the individual
// messages, for periods that start inside an exchange and in a zone whose
// offset is a half hour (Asia/Kolkata): every figure, split and the heat map agree.
func TestPrecomputedFactsMatchMessages(t *testing.T) {
	st := openFixture(t)
	addSignals(t, st)
	ctx := context.Background()
	for _, zone := range []string{"UTC", "Asia/Kolkata"} {
		cal := sla.MustCalendar(sla.DefaultCalendar(zone))
		svc := newService(st, cal)
		for _, p := range []Period{fixWeek,
			// Starts after c1's inbound message but before its reply: c1 is not in this cohort.
			{From: time.Date(2026, 3, 2, 10, 15, 0, 0, time.UTC), To: fixTo},
			{From: time.Date(2026, 2, 20, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 7, 20, 30, 0, 0, time.UTC)}} {
			fast, err := svc.prepare(ctx, p, noMessages, false)
			if err != nil {
				t.Fatal(err)
			}
			slow, err := svc.prepare(ctx, p, p.Previous().From.UnixMilli(), true)
			if err != nil {
				t.Fatal(err)
			}
			if fast.raw.quarters == nil || slow.raw.msgs == nil {
				t.Fatalf("%s %v: the two paths were not taken (quarters %v, messages %d)", zone, p, fast.raw.quarters != nil, len(slow.raw.msgs))
			}
			for _, m := range metrics {
				a, b := fast.figure(m, p, nil), slow.figure(m, p, nil)
				if !reflect.DeepEqual(a, b) {
					t.Errorf("%s %v %s:\n precomputed %+v\n messages    %+v", zone, p.From, m.name, a, b)
				}
			}
			var ha, hb [7][24]int
			for _, r := range inboundRows(fast, p) {
				tm := time.UnixMilli(r.At).In(fast.loc)
				ha[tm.Weekday()][tm.Hour()] += r.weight()
			}
			for _, r := range inboundRows(slow, p) {
				tm := time.UnixMilli(r.At).In(slow.loc)
				hb[tm.Weekday()][tm.Hour()] += r.weight()
			}
			if ha != hb {
				t.Errorf("%s %v: heat maps differ\n%v\n%v", zone, p.From, ha, hb)
			}
		}
	}
}

// TestExchangeFactsMatchMessageScan compares each conversation's first inbound
// message, reply and resolve in a period, as read from the exchanges, with a
// scan of its messages and resolves (how they were computed before store step
// 19), for periods that start and end inside exchanges.
func TestExchangeFactsMatchMessageScan(t *testing.T) {
	st := openFixture(t)
	exec := func(q string, args ...any) {
		t.Helper()
		if err := st.W.Exec(q, args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	// c2 gets a second inbound message on Sunday and a resolve on Saturday: a
	// period starting Saturday 12:00 begins inside its exchange, after a resolve.
	exec(`INSERT INTO messages(id, conversation_id, account_id, external_id, direction, state, sent_at, created_at) VALUES (40, 2, 2, '40', 'in', 'received', ?, 0)`, at(8, 10, 0))
	exec(`INSERT INTO audit_events(at, actor, action, target_type, target_id, after_json) VALUES (?, 'Ana', 'conversation.status', 'conversation', '2', '{"status":"resolved"}'),
		(?, 'Ana', 'conversation.status', 'conversation', '2', '{"status":"resolved"}')`, at(7, 9, 0), at(8, 11, 0))
	rebuildFacts(t, st)
	svc := newService(st, nil)
	ctx := context.Background()
	for _, p := range []Period{fixWeek,
		{From: time.Date(2026, 3, 7, 12, 0, 0, 0, time.UTC), To: fixTo},
		{From: time.Date(2026, 3, 2, 10, 0, 0, 1e6, time.UTC), To: time.Date(2026, 3, 8, 10, 0, 0, 0, time.UTC)}} {
		in, err := svc.prepare(ctx, p, noMessages, true)
		if err != nil {
			t.Fatal(err)
		}
		msgs, err := st.KpiMessages(ctx, p.Previous().From.UnixMilli())
		if err != nil {
			t.Fatal(err)
		}
		res, err := st.KpiResolutions(ctx, p.Previous().From.UnixMilli())
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range in.raw.facts(p).all {
			var first, reply, resolved int64
			for _, m := range msgs {
				switch {
				case m.ConversationID != f.ID:
				case !m.Out && first == 0 && p.contains(m.SentAt):
					first = m.SentAt
				case first != 0 && reply == 0 && m.Out && m.State != "failed" && m.State != "queued" && m.SentAt > first:
					reply = m.SentAt
				}
			}
			for _, e := range res {
				if first != 0 && e.ConversationID == f.ID && resolved == 0 && e.At >= first {
					resolved = e.At
				}
			}
			if f.FirstIn != first || f.Reply != reply || f.Resolved != resolved {
				t.Errorf("%v conversation %d: exchanges give in %d reply %d resolved %d; messages give %d %d %d",
					p.From, f.ID, f.FirstIn, f.Reply, f.Resolved, first, reply, resolved)
			}
		}
	}
}
