package kpi

import (
	"slices"
	"testing"

	"creatordesk/backend/store"
)

// addSignals extends the fixture with what the newer figures read:
//
//	comments: c2 "Does the glaze come in blue?" (a question); c5 "love it 😍" (praise: not
//	   meaningful); c6 "cheap followers? dm me" (spam: never meaningful) → 1 of 3 meaningful
//	leads: c1 carries the sales tag (a lead); c3's only sales verdict is 0.55 sure (not a lead);
//	   c4 (previous week) has a 0.9 sales verdict → this week 1 of 2, last week 1 of 1
//	orders: o1 credited to saved reply 50 "Mug offer"; c1's contact 1 was in experiment 1's
//	   variant 1 (template 50) before o1; creator 2 Ion assisted o1, Mara assisted o2
//	CSAT: c1 rated 5, c2 rated 3 (both in the week), c3 asked and silent, c2 asked again the
//	   next week → mean 4, 3 requests, 2/3 answered, half satisfied (4–5)
//	live: one session on air Thu 5 March (120 peak viewers, 3 questions, 2 answered, 4
//	   orders), one still planned (not counted)
//	shares: Mara's code was shared in c1
func addSignals(t *testing.T, st *store.Store) {
	t.Helper()
	exec := func(q string, args ...any) {
		t.Helper()
		if err := st.W.Exec(q, args...).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`UPDATE messages SET text = 'Does the glaze come in blue?' WHERE id = 4`)
	for _, c := range []struct {
		id            int64
		text, intent  string
		kind, feeling string
		at            int64
	}{{5, "love it 😍", "other", "praise", "positive", at(5, 12, 0)}, {6, "cheap followers? dm me", "spam", "spam", "neutral", at(4, 8, 0)}} {
		exec(`INSERT INTO conversations(id, account_id, external_id, kind, title, last_message_at, created_at, updated_at)
			VALUES (?, 2, ?, 'comment', ?, ?, 0, 0)`, c.id, c.text, c.text, c.at)
		exec(`INSERT INTO messages(id, conversation_id, account_id, external_id, direction, state, text, sent_at, created_at)
			VALUES (?, ?, 2, ?, 'in', 'received', ?, ?, 0)`, 100+c.id, c.id, 100+c.id, c.text, c.at)
		exec(`INSERT INTO message_classifications(message_id, conversation_id, intent, kind, sentiment, confidence, classified_at)
			VALUES (?, ?, ?, ?, ?, 0.9, ?)`, 100+c.id, c.id, c.intent, c.kind, c.feeling, c.at)
	}
	exec(`INSERT INTO message_classifications(message_id, conversation_id, intent, kind, sentiment, confidence, classified_at)
		VALUES (6, 3, 'sales', 'product_inquiry', 'neutral', 0.55, ?), (8, 4, 'sales', 'product_inquiry', 'neutral', 0.9, ?)`,
		at(7, 20, 1), feb(24, 10, 1))
	exec(`INSERT INTO templates(id, name, shortcut, created_at, updated_at) VALUES (50, 'Mug offer', 'mug', 0, 0)`)
	exec(`UPDATE attribution_results SET template_id = 50 WHERE order_id = 1`)
	exec(`INSERT INTO contacts(id, display_name, created_at, updated_at) VALUES (1, 'Ioana', 0, 0)`)
	exec(`UPDATE conversations SET contact_id = 1 WHERE id = 1`)
	exec(`INSERT INTO experiments(id, name, status, created_at, updated_at) VALUES (1, 'Offer test', 'running', 0, 0)`)
	exec(`INSERT INTO experiment_variants(id, experiment_id, template_id) VALUES (1, 1, 50), (2, 1, 51)`)
	exec(`INSERT INTO experiment_assignments(experiment_id, contact_id, variant_id, assigned_at) VALUES (1, 1, 1, ?)`, at(2, 9, 0))
	exec(`INSERT INTO creators(id, name, created_at, updated_at) VALUES (2, 'Ion', 0, 0)`)
	exec(`INSERT INTO attribution_assists(order_id, creator_id, rule) VALUES (1, 2, 'link'), (2, 1, 'code')`)
	for _, r := range []struct {
		conv, requested int64
		rating          int
		rated           int64
		status          string
	}{{1, at(2, 12, 5), 5, at(2, 13, 0), "rated"}, {2, at(6, 18, 0), 3, at(6, 19, 0), "rated"},
		{3, at(7, 22, 0), 0, 0, "sent"}, {2, at(10, 9, 0), 4, at(10, 10, 0), "rated"}} {
		exec(`INSERT INTO kpi_csat_requests(conversation_id, resolved_at, status, requested_at, rating, rated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			r.conv, r.requested-60000, r.status, r.requested, r.rating, r.rated)
	}
	exec(`INSERT INTO calendar_items(id, kind, title, start_at, created_at, updated_at) VALUES
		(1, 'live', 'Spring glaze live', ?, 0, 0), (2, 'live', 'Planned live', ?, 0, 0)`, at(5, 18, 0), at(6, 18, 0))
	exec(`INSERT INTO live_sessions(id, item_id, state, started_at, ended_at, peak_viewers, watch_minutes, orders_count, created_at, updated_at)
		VALUES (1, 1, 'ended', ?, ?, 120, 900, 4, 0, 0), (2, 2, 'planned', 0, 0, 0, 0, 0, 0, 0)`, at(5, 18, 5), at(5, 19, 0))
	exec(`INSERT INTO live_session_questions(live_id, text, answered, created_at) VALUES (1, 'a', 1, 0), (1, 'b', 1, 0), (1, 'c', 0, 0)`)
	exec(`INSERT INTO conversation_shares(conversation_id, message_id, creator_id, code_id, sent_at) VALUES (1, 2, 1, 1, ?)`, at(2, 10, 30))
	rebuildFacts(t, st)
}

func TestNewerFiguresOnHandComputedFixture(t *testing.T) {
	st := openFixture(t)
	addSignals(t, st)
	svc := newService(st, nil)
	d := dashboard(t, svc, fixWeek)

	mc := figure(t, d, MeaningfulComments)
	expect(t, mc, num(1.0/3), nil)
	if mc.Details[ReasonQuestion] != 1 || mc.Details[ReasonPurchase] != 0 || mc.Details[ReasonConstructive] != 0 {
		t.Errorf("meaningful reasons = %v", mc.Details)
	}
	expect(t, figure(t, d, DMLead), num(0.5), num(1))

	byTemplate := splitOf(t, figure(t, d, OrderRevenue), DimTemplate)
	if len(byTemplate) != 1 || byTemplate[0].Key != "50" || byTemplate[0].Label != "Mug offer" || byTemplate[0].Value != 5000 {
		t.Errorf("revenue by template = %+v", byTemplate)
	}
	byExp := splitOf(t, figure(t, d, AverageOrder), DimExperiment)
	if len(byExp) != 1 || byExp[0].Key != "1" || byExp[0].Label != "Offer test: Mug offer" || byExp[0].Value != 5000 {
		t.Errorf("average order by experiment = %+v", byExp)
	}
	assisted := figure(t, d, AssistedOrders)
	expect(t, assisted, num(2), num(0))
	if got := splitOf(t, assisted, DimCreator); len(got) != 2 || got[0].Label != "Mara" || got[1].Label != "Ion" {
		t.Errorf("assisted by creator = %+v", got)
	}

	csat := figure(t, d, Satisfaction)
	expect(t, csat, num(4), nil)
	if csat.Details["requests"] != 3 || !near(csat.Details["answerRate"], 2.0/3) || csat.Details["satisfied"] != 0.5 {
		t.Errorf("csat details = %v", csat.Details)
	}
	if got := splitOf(t, csat, DimPlatform); len(got) != 2 || got[0].Key != "instagram" || got[0].Value != 3 || got[1].Value != 5 {
		t.Errorf("csat by platform = %+v", got)
	}

	live := figure(t, d, LiveSessions)
	expect(t, live, num(1), num(0))
	if live.Details["peakViewers"] != 120 || live.Details["questions"] != 3 || live.Details["answered"] != 2 || live.Details["orders"] != 4 {
		t.Errorf("live details = %v", live.Details)
	}

	if got := splitOf(t, figure(t, d, Volume), DimCreator); len(got) != 1 || got[0].Label != "Mara" || got[0].Count != 1 {
		t.Errorf("volume by creator = %+v", got)
	}

	for _, tc := range []struct {
		name, dim, key string
		want           []int64
	}{
		{MeaningfulComments, "", "", []int64{2, 5, 6}},
		{DMLead, "", "", []int64{1, 3}},
		{AssistedOrders, "", "", []int64{1, 2}},
		{AssistedOrders, DimCreator, "2", []int64{1}},
		{OrderRevenue, DimTemplate, "50", []int64{1}},
		{OrderRevenue, DimExperiment, "1", []int64{1}},
		{Satisfaction, "", "", []int64{1, 2}},
		{Satisfaction, DimPlatform, "telegram", []int64{1}},
		{LiveSessions, "", "", []int64{1}},
		{Volume, DimCreator, "1", []int64{1}},
	} {
		got := drillIDs(t, svc, fixWeek, tc.name, tc.dim, tc.key)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("drill %s %s=%s = %v, want %v", tc.name, tc.dim, tc.key, got, tc.want)
		}
		if f := figure(t, d, tc.name); tc.dim == "" && f.Count != len(got) {
			t.Errorf("%s counts %d rows but drills to %d", tc.name, f.Count, len(got))
		}
	}
}

// Every figure's drill-down lists exactly as many rows as it counted, and
// every split row drills to exactly its count (busiest time excepted: it
// counts messages and drills to conversations).
func TestEveryDrillDownEqualsItsCount(t *testing.T) {
	st := openFixture(t)
	addSignals(t, st)
	svc := newService(st, nil)
	d := dashboard(t, svc, fixWeek)
	for _, f := range d.Figures {
		if f.Name == BestTime {
			continue
		}
		if got := drillIDs(t, svc, fixWeek, f.Name, "", ""); len(got) != f.Count {
			t.Errorf("%s counts %d, drills to %d", f.Name, f.Count, len(got))
		}
		for _, sp := range f.Splits {
			for _, r := range sp.Rows {
				if got := drillIDs(t, svc, fixWeek, f.Name, sp.Dimension, r.Key); len(got) != r.Count {
					t.Errorf("%s %s=%s counts %d, drills to %d", f.Name, sp.Dimension, r.Key, r.Count, len(got))
				}
			}
		}
	}
}
