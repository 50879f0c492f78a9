package kpi

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// csatWorld is the fixture with a movable clock and a recording send gate.
type csatWorld struct {
	st    *store.Store
	clock time.Time
	sent  []inbox.SendRequest
	csat  *CSAT
}

func newCSATWorld(t *testing.T) *csatWorld {
	t.Helper()
	w := &csatWorld{clock: time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC)}
	w.st = openFixtureAt(t, func() time.Time { return w.clock })
	nextID := int64(1000)
	w.csat = &CSAT{Store: w.st,
		Send: func(ctx context.Context, req inbox.SendRequest) (store.Message, error) {
			w.sent = append(w.sent, req)
			nextID++
			err := w.st.W.Exec(`INSERT INTO messages(id, conversation_id, account_id, external_id, direction, state, text, sent_at, created_at)
				SELECT ?, id, account_id, ?, 'out', 'sent', ?, ?, 0 FROM conversations WHERE id = ?`,
				nextID, nextID, req.Text, w.clock.UnixMilli(), req.ConversationID).Error
			return store.Message{ID: nextID, State: store.StateSent}, err
		},
		Render: func(ctx context.Context, templateID, _ int64) (string, error) {
			tpl, err := w.st.TemplateByID(ctx, templateID)
			if err != nil || len(tpl.Variants) == 0 {
				return "", errors.New("no template")
			}
			return tpl.Variants[0].Body, nil
		}}
	return w
}

func (w *csatWorld) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if err := w.st.W.Exec(q, args...).Error; err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	rebuildFacts(t, w.st)
}

// resolve marks a conversation resolved now, as the inbox does (status column and audit entry).
func (w *csatWorld) resolve(t *testing.T, conv int64) {
	w.exec(t, `UPDATE conversations SET status = 'resolved' WHERE id = ?`, conv)
	w.exec(t, `INSERT INTO audit_events(at, actor, action, target_type, target_id, after_json) VALUES (?, 'Ana', 'conversation.status', 'conversation', ?, ?)`,
		w.clock.UnixMilli(), strconv.FormatInt(conv, 10), `{"status":"resolved"}`)
}

func (w *csatWorld) tick(t *testing.T) {
	t.Helper()
	if err := w.csat.Tick(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func (w *csatWorld) requests(t *testing.T) map[int64]store.CsatRequest {
	t.Helper()
	all, err := w.st.KpiCsat(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	var skipped []store.CsatRequest
	if err := w.st.R.Where("status = ?", store.CsatSkipped).Find(&skipped).Error; err != nil {
		t.Fatal(err)
	}
	out := map[int64]store.CsatRequest{}
	for _, r := range append(all, skipped...) {
		out[r.ConversationID] = r
	}
	return out
}

func TestCSATIsOffByDefaultAndAsksOnlyNewResolutions(t *testing.T) {
	w := newCSATWorld(t)
	ctx := context.Background()
	w.resolve(t, 1)
	w.tick(t)
	if len(w.sent) != 0 {
		t.Fatalf("sent %d rating requests while switched off", len(w.sent))
	}
	set, err := SaveSettings(ctx, w.st, Settings{CSATEnabled: true, MinutesPerReply: 4}, "Ana")
	if err != nil || set.CSATTemplateID == 0 {
		t.Fatalf("enable: %+v %v", set, err)
	}
	w.clock = w.clock.Add(time.Minute)
	w.tick(t)
	if len(w.sent) != 0 {
		t.Fatalf("asked about a resolution from before it was switched on")
	}
	if got, _ := LoadSettings(ctx, w.st); got != set || got.MinutesPerReply != 4 {
		t.Errorf("settings read back as %+v, saved %+v", got, set)
	}
	if _, err := SaveSettings(ctx, w.st, Settings{MinutesPerReply: 0}, "Ana"); !errors.As(err, new(InvalidSettingError)) {
		t.Errorf("zero minutes per reply: %v", err)
	}
}

func TestCSATRequestsThroughTheGateAndReadsTheRating(t *testing.T) {
	w := newCSATWorld(t)
	ctx := context.Background()
	if _, err := SaveSettings(ctx, w.st, Settings{CSATEnabled: true, MinutesPerReply: DefaultMinutesPerReply}, "Ana"); err != nil {
		t.Fatal(err)
	}
	w.clock = w.clock.Add(time.Minute)
	// c1 a DM (asked), c3 a DM whose contact stopped automated messages (skipped), c2 a comment (never asked).
	w.exec(t, `INSERT INTO contacts(id, display_name, created_at, updated_at) VALUES (7, 'Radu', 0, 0)`)
	w.exec(t, `UPDATE conversations SET contact_id = 7 WHERE id = 3`)
	if _, err := w.st.RecordOptOut(ctx, store.OptOutEntry{ContactID: ptr(int64(7)), Scope: store.ScopeAutomated, OptedOut: true}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []int64{1, 2, 3} {
		w.resolve(t, c)
	}
	w.clock = w.clock.Add(time.Minute)
	w.tick(t)
	if len(w.sent) != 1 || w.sent[0].ConversationID != 1 || w.sent[0].Origin != inbox.OriginAutomation || w.sent[0].Actor != CSATActor || w.sent[0].TemplateID == 0 {
		t.Fatalf("sent = %+v", w.sent)
	}
	reqs := w.requests(t)
	if reqs[1].Status != store.CsatSent || reqs[3].Status != store.CsatSkipped || len(reqs) != 2 {
		t.Fatalf("requests = %+v", reqs)
	}
	w.tick(t)
	if len(w.sent) != 1 {
		t.Fatalf("asked twice: %+v", w.sent)
	}
	// The contact answers: a thank-you first, then four stars.
	asked := w.clock.UnixMilli()
	w.exec(t, `INSERT INTO messages(conversation_id, account_id, external_id, direction, state, text, sent_at, created_at) VALUES
		(1, 1, 'r1', 'in', 'received', 'thanks!', ?, 0), (1, 1, 'r2', 'in', 'received', '⭐⭐⭐⭐', ?, 0)`, asked+1000, asked+2000)
	w.exec(t, `UPDATE conversations SET status = 'open' WHERE id = 1`) // as ingest does on a new inbound message
	w.clock = w.clock.Add(time.Hour)
	w.tick(t)
	if c, _ := w.st.ConversationByID(ctx, 1); c.Status != store.StatusResolved {
		t.Errorf("a conversation reopened only by its rating is %s", c.Status)
	}
	if r := w.requests(t)[1]; r.Status != store.CsatRated || r.Rating != 4 || r.RatedAt != asked+2000 || r.RatingMessageID == nil {
		t.Fatalf("rated request = %+v", r)
	}
	var audits int64
	w.st.R.Table("audit_events").Where("actor = ? AND action LIKE 'kpi.csat.%'", CSATActor).Count(&audits)
	if audits != 4 { // requested c1, skipped c3 (also "requested", with the reason), rated c1, resolved c1 again
		t.Errorf("%d CSAT audit entries", audits)
	}
	// The figure over that day: one rating of 4.
	d := dashboard(t, newService(w.st, nil), Period{From: w.clock.Add(-24 * time.Hour), To: w.clock})
	expect(t, figure(t, d, Satisfaction), num(4), nil)
}

func TestCSATRequestExpiresWithoutAnAnswer(t *testing.T) {
	w := newCSATWorld(t)
	if _, err := SaveSettings(context.Background(), w.st, Settings{CSATEnabled: true, MinutesPerReply: 3}, "Ana"); err != nil {
		t.Fatal(err)
	}
	w.clock = w.clock.Add(time.Minute)
	w.resolve(t, 1)
	w.tick(t)
	asked := w.clock.UnixMilli()
	// An answer after the window does not count.
	w.exec(t, `INSERT INTO messages(conversation_id, account_id, external_id, direction, state, text, sent_at, created_at) VALUES
		(1, 1, 'late', 'in', 'received', '5', ?, 0)`, asked+CSATAnswerWindow.Milliseconds()+1)
	w.clock = w.clock.Add(CSATAnswerWindow + time.Hour)
	w.tick(t)
	if r := w.requests(t)[1]; r.Status != store.CsatExpired || r.Rating != 0 {
		t.Fatalf("request = %+v", r)
	}
}

func ptr[T any](v T) *T { return &v }

// A rating that comes with more to say leaves the reopened conversation open.
func TestCSATLeavesAConversationWithMoreToSayOpen(t *testing.T) {
	w := newCSATWorld(t)
	ctx := context.Background()
	if _, err := SaveSettings(ctx, w.st, Settings{CSATEnabled: true, MinutesPerReply: 3}, "Ana"); err != nil {
		t.Fatal(err)
	}
	w.clock = w.clock.Add(time.Minute)
	w.resolve(t, 1)
	w.tick(t)
	asked := w.clock.UnixMilli()
	w.exec(t, `INSERT INTO messages(conversation_id, account_id, external_id, direction, state, text, sent_at, created_at) VALUES
		(1, 1, 'r1', 'in', 'received', '3', ?, 0), (1, 1, 'r2', 'in', 'received', 'but the lid is still chipped', ?, 0)`, asked+1000, asked+2000)
	w.exec(t, `UPDATE conversations SET status = 'open' WHERE id = 1`)
	w.clock = w.clock.Add(time.Hour)
	w.tick(t)
	if r := w.requests(t)[1]; r.Rating != 3 {
		t.Fatalf("request = %+v", r)
	}
	if c, _ := w.st.ConversationByID(ctx, 1); c.Status != store.StatusOpen {
		t.Errorf("a conversation with more to say is %s", c.Status)
	}
}
