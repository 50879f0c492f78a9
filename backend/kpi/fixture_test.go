package kpi

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// The hand-computed fixture. The period is the week Monday 2 – Monday 9 March
// 2026 (UTC); the previous period is the week before.
//
//	c1 telegram dm, Ana, tag sales: in Mon 10:00, reply 10:30 (30 min), automation reply 11:00,
//	   resolved 12:00 (2 h), SLA met, order o1 (50.00 EUR, creator 1, code 1) on Tue
//	c2 instagram comment: in Fri 17:00, reply Mon 9 09:30 after the period (3870 min wall-clock,
//	   90 business minutes Mon–Fri 09–18), a resolve on Sun 1 March (before its inbound: ignored),
//	   SLA breached, moderation review marked wrong
//	c3 telegram dm: in Sat 20:00, a failed reply 21:00 (no reply), SLA still ok (not counted),
//	   moderation review marked right, appeal overturned
//	c4 telegram dm: previous period only: in Tue 24 Feb 10:00, reply 10:10
//	o2 30.00 EUR unattributed, o3 10.00 USD (not the main currency)
var (
	fixFrom = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	fixTo   = time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	fixWeek = Period{From: fixFrom, To: fixTo}
)

// at is a time in the fixture's March 2026 (day, hour, minute; UTC), in Unix ms.
func at(day, hour, minute int) int64 {
	return time.Date(2026, 3, day, hour, minute, 0, 0, time.UTC).UnixMilli()
}

// feb is a time in February 2026, in Unix ms.
func feb(day, hour, minute int) int64 {
	return time.Date(2026, 2, day, hour, minute, 0, 0, time.UTC).UnixMilli()
}

// rebuildFacts recomputes the KPI facts after a test wrote messages or audit
// entries with plain SQL (the store's write paths keep them current themselves).
func rebuildFacts(t *testing.T, st *store.Store) {
	t.Helper()
	if err := st.RebuildKpiFacts(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// openFixture builds the fixture in a temporary on-disk database.
func openFixture(t *testing.T) *store.Store {
	t.Helper()
	return openFixtureAt(t, func() time.Time { return time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC) })
}

// openFixtureAt builds the fixture with the store's clock at now.
func openFixtureAt(t *testing.T, now func() time.Time) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "kpi.db"), store.Options{Now: now, SkipBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	exec := func(q string, args ...any) {
		t.Helper()
		if err := st.W.Exec(q, args...).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO accounts(id, platform, name, created_at, updated_at) VALUES (1, 'telegram', 'Shop bot', 0, 0), (2, 'instagram', '@brand', 0, 0)`)
	exec(`INSERT INTO team_members(id, name, created_at, updated_at) VALUES (1, 'Ana', 0, 0)`)
	conv := func(id, account int64, kind, intent, assignee, title string, last int64) {
		exec(`INSERT INTO conversations(id, account_id, external_id, kind, intent, assignee, title, last_message_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`, id, account, title, kind, intent, assignee, title, last)
	}
	conv(1, 1, "dm", "purchase", "1", "Mug order", at(2, 11, 0))
	conv(2, 2, "comment", "question", "", "Glaze question", at(9, 9, 30))
	conv(3, 1, "dm", "", "", "Late night", at(7, 21, 0))
	conv(4, 1, "dm", "", "", "Last week", feb(24, 10, 10))
	msgID := int64(0)
	msg := func(convID, account int64, dir, state string, sent int64) int64 {
		msgID++
		exec(`INSERT INTO messages(id, conversation_id, account_id, external_id, direction, state, sent_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)`,
			msgID, convID, account, msgID, dir, state, sent)
		return msgID
	}
	msg(1, 1, "in", "received", at(2, 10, 0))
	human := msg(1, 1, "out", "sent", at(2, 10, 30))
	robot := msg(1, 1, "out", "sent", at(2, 11, 0))
	msg(2, 2, "in", "received", at(6, 17, 0))
	msg(2, 2, "out", "sent", at(9, 9, 30))
	msg(3, 1, "in", "received", at(7, 20, 0))
	msg(3, 1, "out", "failed", at(7, 21, 0))
	msg(4, 1, "in", "received", feb(24, 10, 0))
	msg(4, 1, "out", "sent", feb(24, 10, 10))
	exec(`INSERT INTO conversation_tags(conversation_id, tag_id, created_at) SELECT 1, id, 0 FROM tags WHERE name = 'sales'`)
	audit := func(when int64, actor, action, typ, target, after string) {
		exec(`INSERT INTO audit_events(at, actor, action, target_type, target_id, after_json) VALUES (?, ?, ?, ?, ?, ?)`,
			when, actor, action, typ, target, after)
	}
	audit(at(2, 10, 30), "Ana", "reply.sent", "message", itoa(human), "")
	audit(at(2, 11, 0), "automation:7", "reply.sent", "message", itoa(robot), "")
	audit(at(2, 12, 0), "Ana", "conversation.status", "conversation", "1", `{"status":"resolved","assignee":"1","unread":0,"tags":[]}`)
	audit(at(1, 12, 0), "Ana", "conversation.status", "conversation", "2", `{"status":"resolved","assignee":"","unread":0,"tags":[]}`)
	audit(at(3, 9, 0), "Ana", "conversation.status", "conversation", "3", `{"status":"pending","assignee":"","unread":0,"tags":[]}`)
	for _, s := range []struct {
		id      int64
		started int64
		state   string
	}{{1, at(2, 10, 0), "met"}, {2, at(6, 17, 0), "breached"}, {3, at(7, 20, 0), "ok"}} {
		exec(`INSERT INTO sla_timers(conversation_id, started_at) VALUES (?, ?)`, s.id, s.started)
		exec(`INSERT INTO conversation_sla(conversation_id, state) VALUES (?, ?)`, s.id, s.state)
	}
	exec(`INSERT INTO creators(id, name, created_at, updated_at) VALUES (1, 'Mara', 0, 0)`)
	exec(`INSERT INTO discount_codes(id, code, code_norm, creator_id, created_at, updated_at) VALUES (1, 'MARA10', 'MARA10', 1, 0, 0)`)
	order := func(id int64, name string, total int64, cur string, when int64) {
		exec(`INSERT INTO orders(id, source, external_id, name, total_minor, currency, ordered_at, created_at, updated_at)
			VALUES (?, 'csv', ?, ?, ?, ?, ?, 0, 0)`, id, name, name, total, cur, when)
	}
	order(1, "#1001", 5000, "EUR", at(3, 12, 0))
	order(2, "#1002", 3000, "EUR", at(4, 12, 0))
	order(3, "#1003", 1000, "USD", at(4, 13, 0))
	exec(`INSERT INTO attribution_results(order_id, model, rule, creator_id, code_id, conversation_id, computed_at) VALUES (1, 'last', 'code', 1, 1, 1, 0)`)
	exec(`INSERT INTO review_items(kind, target_type, target_id, conversation_id, verdict, created_at, reviewed_at) VALUES
		('moderation', 'message', '4', 2, 'wrong', 0, ?), ('moderation', 'message', '6', 3, 'right', 0, ?)`, at(3, 9, 0), at(4, 9, 0))
	exec(`INSERT INTO appeals(target_type, target_id, status, due_at, created_at, resolved_at) VALUES ('conversation', '3', 'overturned', 0, 0, ?)`, at(5, 9, 0))
	rebuildFacts(t, st) // the rows above were written around the store
	return st
}

// itoa formats an id.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// newService is a KPI service over st with the given calendar (nil: wall-clock, UTC).
func newService(st *store.Store, cal *sla.Calendar) *Service {
	return &Service{Store: st, Campaigns: &campaigns.Service{Store: st}, Calendar: func() *sla.Calendar { return cal }}
}

// dashboard computes the fixture's week.
func dashboard(t *testing.T, svc *Service, p Period) Dashboard {
	t.Helper()
	d, err := svc.Dashboard(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// figure finds a figure by name.
func figure(t *testing.T, d Dashboard, name string) Figure {
	t.Helper()
	for _, f := range d.Figures {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no figure %s", name)
	return Figure{}
}

// drillIDs lists the ids a drill-down returns.
func drillIDs(t *testing.T, svc *Service, p Period, name, dim, key string) []int64 {
	t.Helper()
	dd, err := svc.Drill(context.Background(), p, name, dim, key)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, 0, len(dd.Rows))
	for _, r := range dd.Rows {
		ids = append(ids, r.ID)
	}
	return ids
}
