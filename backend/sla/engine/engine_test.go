package engine_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	gosync "sync"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/notify"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/sla"
	"creatordesk/backend/sla/engine"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

const token = "5550007777:sla-test-token-abcdefghijklmnopqrstuvw"

// clock is a settable fixed clock.
type clock struct {
	mu gosync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// recordingNotifier keeps every notification.
type recordingNotifier struct {
	mu  gosync.Mutex
	got []notify.Notification
}

func (r *recordingNotifier) Notify(_ context.Context, n notify.Notification) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, n)
	return nil
}
func (r *recordingNotifier) Name() string { return "test" }
func (r *recordingNotifier) all() []notify.Notification {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]notify.Notification(nil), r.got...)
}

// rig is a real store, sync engine, send gate and Telegram fake around the SLA engine.
type rig struct {
	t      *testing.T
	clock  *clock
	st     *store.Store
	fake   *telegramfake.Server
	sync   *sync.Engine
	inbox  *inbox.Service
	svc    *engine.Service
	bus    *events.Bus
	acc    store.Account
	notes  *recordingNotifier
	events []events.SLAChangedPayload
	evMu   gosync.Mutex
}

var bucharest, _ = time.LoadLocation("Europe/Bucharest")

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, bucharest)
	if err != nil {
		panic(err)
	}
	return t
}

func newRig(t *testing.T, start time.Time) *rig {
	t.Helper()
	c := &clock{t: start}
	st, err := store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	fake := telegramfake.New(token)
	url := fake.Start()
	t.Cleanup(fake.Close)
	acc := store.Account{Platform: telegram.Platform, Name: "bot", ExternalID: "1", BaseURL: url}
	if err := st.CreateAccount(context.Background(), &acc); err != nil {
		t.Fatal(err)
	}
	vault := secrets.NewMemory()
	_ = vault.Set(context.Background(), secrets.AccountTokenKey("ws", acc.ID), token)
	bus := events.New()
	eng := &sync.Engine{Store: st, Vault: vault, Bus: bus, WorkspaceID: "ws", Registry: platforms.Registry{telegram.Platform: telegram.New}}
	r := &rig{t: t, clock: c, st: st, fake: fake, sync: eng, bus: bus, acc: acc, notes: &recordingNotifier{}}
	r.inbox = &inbox.Service{Store: st, Connectors: eng, Bus: bus}
	r.svc = &engine.Service{Store: st, Bus: bus, Inbox: r.inbox, DefaultZone: "Europe/Bucharest"}
	r.svc.SetNotifier(r.notes)
	ctx, cancel := context.WithCancel(context.Background())
	stop, err := r.svc.Start(ctx, time.Hour) // the test ticks by hand
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); stop() })
	bus.Subscribe(events.SLAChanged, func(p any) {
		r.evMu.Lock()
		r.events = append(r.events, p.(events.SLAChangedPayload))
		r.evMu.Unlock()
	})
	// One policy for every DM: one business hour, warning at 75 %.
	if _, err := r.svc.SetPolicies(context.Background(), []sla.Policy{
		{Name: "DMs", Kind: sla.KindDM, Target: time.Hour, BusinessHours: true, WarnPercent: 75, Enabled: true},
	}, "tester"); err != nil {
		t.Fatal(err)
	}
	return r
}

// customer delivers a customer's message written at the clock's time and syncs it.
func (r *rig) customer(chat int64, text string) int64 {
	r.t.Helper()
	r.fake.AddMessage(telegramfake.Chat{ID: chat, Type: "private", FirstName: "Ana"},
		telegramfake.User{ID: chat, FirstName: "Ana", LanguageCode: "en"}, text, r.clock.Now())
	r.syncNow()
	return r.conversation(fmt.Sprint(chat))
}

func (r *rig) syncNow() {
	r.t.Helper()
	if _, err := r.sync.SyncOnce(context.Background(), r.acc.ID); err != nil {
		r.t.Fatal(err)
	}
	r.svc.WaitIdle()
}

// conversation finds a conversation by its external id.
func (r *rig) conversation(external string) int64 {
	r.t.Helper()
	convs, _, err := r.st.Conversations(context.Background(), store.ConversationFilter{}, store.ConversationCursor{}, 100)
	if err != nil {
		r.t.Fatal(err)
	}
	for _, c := range convs {
		if c.ExternalID == external {
			return c.ID
		}
	}
	r.t.Fatalf("no conversation %s", external)
	return 0
}

// timer reads a conversation's stored timer.
func (r *rig) timer(conv int64) store.ConversationSLA {
	r.t.Helper()
	rows, err := r.st.ConversationSLAs(context.Background(), []int64{conv})
	if err != nil {
		r.t.Fatal(err)
	}
	if len(rows) == 0 {
		return store.ConversationSLA{ConversationID: conv, State: sla.StateNone}
	}
	return rows[0]
}

func (r *rig) expect(conv int64, state string, due time.Time) {
	r.t.Helper()
	got := r.timer(conv)
	var wantDue int64
	if !due.IsZero() {
		wantDue = due.UnixMilli()
	}
	if got.State != state || got.DueAt != wantDue {
		r.t.Fatalf("timer: %s due %s, want %s due %s", got.State, time.UnixMilli(got.DueAt).In(bucharest), state, due)
	}
}

func (r *rig) tick(now time.Time) {
	r.t.Helper()
	r.clock.Set(now)
	if err := r.svc.Tick(context.Background()); err != nil {
		r.t.Fatal(err)
	}
}

func TestTimerLifecycle(t *testing.T) {
	r := newRig(t, at("2026-03-02 10:00")) // a Monday
	conv := r.customer(42, "Is the blue mug back in stock?")
	r.expect(conv, sla.StateOK, at("2026-03-02 11:00"))

	// A second message while the timer runs does not restart it.
	r.clock.Set(at("2026-03-02 10:20"))
	r.customer(42, "I need it for a gift")
	r.expect(conv, sla.StateOK, at("2026-03-02 11:00"))

	r.tick(at("2026-03-02 10:44"))
	r.expect(conv, sla.StateOK, at("2026-03-02 11:00"))
	r.tick(at("2026-03-02 10:45"))
	r.expect(conv, sla.StateWarning, at("2026-03-02 11:00"))
	r.tick(at("2026-03-02 11:00"))
	r.expect(conv, sla.StateBreached, at("2026-03-02 11:00"))

	r.evMu.Lock()
	var warned, breached bool
	for _, ev := range r.events {
		warned = warned || contains(ev.Warning, conv)
		breached = breached || contains(ev.Breached, conv)
	}
	r.evMu.Unlock()
	if !warned || !breached {
		t.Fatalf("events: warned %v breached %v", warned, breached)
	}
	audit, _ := r.st.AuditEvents(context.Background(), "conversation", fmt.Sprint(conv), 10)
	if len(audit) != 1 || audit[0].Action != "sla.breached" || audit[0].Actor != engine.Actor {
		t.Fatalf("audit %+v", audit)
	}

	// Our reply through the gate stops it.
	r.clock.Set(at("2026-03-02 11:10"))
	if m, err := r.inbox.Reply(context.Background(), conv, "dana", "Yes, it ships tomorrow!"); err != nil || m.State != store.StateSent {
		t.Fatalf("reply %+v %v", m, err)
	}
	r.expect(conv, sla.StateMet, at("2026-03-02 11:00"))
	r.tick(at("2026-03-02 12:00"))
	r.expect(conv, sla.StateMet, at("2026-03-02 11:00"))

	// The next customer message starts a new timer, at 17:30 running into Tuesday morning.
	r.clock.Set(at("2026-03-02 17:30"))
	r.customer(42, "Thanks! One more question")
	r.expect(conv, sla.StateOK, at("2026-03-03 09:30"))

	// Resolving stops it; a tick notices; nothing restarts it until a new message.
	if err := r.st.SetConversationStatus(context.Background(), conv, store.StatusResolved); err != nil {
		t.Fatal(err)
	}
	r.tick(at("2026-03-02 17:40"))
	r.expect(conv, sla.StateNone, time.Time{})
	r.tick(at("2026-03-03 12:00"))
	r.expect(conv, sla.StateNone, time.Time{})

	// A new message reopens the conversation and starts a fresh timer from itself.
	r.clock.Set(at("2026-03-03 12:00"))
	r.customer(42, "Hello again")
	r.expect(conv, sla.StateOK, at("2026-03-03 13:00"))
}

func TestSnoozeSuspendsAndResumes(t *testing.T) {
	r := newRig(t, at("2026-03-02 10:00"))
	conv := r.customer(7, "Where is my order #1042?")
	r.expect(conv, sla.StateOK, at("2026-03-02 11:00"))
	_ = r.st.SetConversationStatus(context.Background(), conv, store.StatusSnoozed)
	r.tick(at("2026-03-02 10:10"))
	r.expect(conv, sla.StateNone, time.Time{})
	r.tick(at("2026-03-02 10:30"))
	r.expect(conv, sla.StateNone, time.Time{})
	// Waking up: the customer's wait went on, so the original due time holds.
	_ = r.st.SetConversationStatus(context.Background(), conv, store.StatusOpen)
	r.tick(at("2026-03-02 10:50"))
	r.expect(conv, sla.StateWarning, at("2026-03-02 11:00"))
}

func TestPolicyAndCalendarChangesRecomputeTimers(t *testing.T) {
	r := newRig(t, at("2026-03-06 17:30")) // a Friday
	conv := r.customer(8, "Do you ship to Cluj?")
	r.expect(conv, sla.StateOK, at("2026-03-09 09:30"))

	// Calendar time instead of business hours: due an hour after the message.
	pols := r.svc.Policies()
	pols[0].BusinessHours = false
	if _, err := r.svc.SetPolicies(context.Background(), pols, "tester"); err != nil {
		t.Fatal(err)
	}
	r.expect(conv, sla.StateOK, at("2026-03-06 18:30"))

	// Back to business hours, now in Kolkata (Friday 17:30 Bucharest is 21:00 there).
	pols[0].BusinessHours = true
	if _, err := r.svc.SetPolicies(context.Background(), pols, "tester"); err != nil {
		t.Fatal(err)
	}
	kolkata := sla.DefaultCalendar("Asia/Kolkata")
	if _, err := r.svc.SetCalendar(context.Background(), kolkata, "tester"); err != nil {
		t.Fatal(err)
	}
	kol, _ := time.LoadLocation("Asia/Kolkata")
	r.expect(conv, sla.StateOK, time.Date(2026, 3, 9, 10, 0, 0, 0, kol))

	// An invalid calendar is refused with a translated reason and changes nothing.
	bad := sla.DefaultCalendar("Europe/Bucharest")
	bad.Week[time.Monday] = []sla.Shift{{Start: 18 * 60, End: 9 * 60}}
	if _, err := r.svc.SetCalendar(context.Background(), bad, "tester"); err == nil || !strings.Contains(err.Error(), sla.ReasonClosesBeforeOpens) {
		t.Fatalf("bad calendar: %v", err)
	}
	if cfg, _ := r.svc.Calendar(); cfg.TimeZone != "Asia/Kolkata" {
		t.Fatalf("calendar changed to %s", cfg.TimeZone)
	}
	audit, _ := r.st.AuditEvents(context.Background(), "settings", store.SettingSLACalendar, 10)
	if len(audit) != 1 || audit[0].Actor != "tester" {
		t.Fatalf("calendar audit %+v", audit)
	}
}

func TestAwayAcknowledgementOnceAndOnlyOnce(t *testing.T) {
	r := newRig(t, at("2026-03-07 12:00")) // Saturday: closed
	if _, err := r.svc.SetCalendar(context.Background(), sla.DefaultCalendar("Europe/Bucharest"), "tester"); err != nil {
		t.Fatal(err)
	}

	// Off by default: nothing is sent.
	conv := r.customer(50, "Hi, is anyone there?")
	if n := len(r.fake.Sent()); n != 0 {
		t.Fatalf("away sent while switched off: %d", n)
	}
	if _, err := r.svc.SetAway(context.Background(), sla.AwaySettings{Enabled: true}, "tester"); err != nil {
		t.Fatal(err)
	}

	r.clock.Set(at("2026-03-07 12:05"))
	r.customer(50, "Hello?")
	sent := r.fake.Sent()
	if len(sent) != 1 || !strings.Contains(sent[0].Text, "Monday 9 March, 09:00 (UTC+2)") {
		t.Fatalf("away: %+v", sent)
	}
	// The acknowledgement is not a reply: the timer still runs to Monday 10:00.
	r.expect(conv, sla.StateOK, at("2026-03-09 10:00"))

	// More messages in the same closed period: no second acknowledgement.
	r.clock.Set(at("2026-03-07 12:30"))
	r.customer(50, "Still there?")
	r.clock.Set(at("2026-03-08 20:00"))
	r.customer(50, "Sunday evening ping")
	if n := len(r.fake.Sent()); n != 1 {
		t.Fatalf("acknowledged %d times in one closed period", n)
	}

	// Monday evening is a new closed period, but our last message there is
	// still the acknowledgement: no second one.
	r.clock.Set(at("2026-03-09 19:00"))
	r.customer(50, "Monday evening")
	if n := len(r.fake.Sent()); n != 1 {
		t.Fatalf("acknowledged twice in a row: %d", n)
	}

	// A person answers on Tuesday; the customer writes again Tuesday night: a new acknowledgement.
	r.clock.Set(at("2026-03-10 10:00"))
	if _, err := r.inbox.Reply(context.Background(), conv, "dana", "Sorry for the wait! It's in stock."); err != nil {
		t.Fatal(err)
	}
	r.clock.Set(at("2026-03-10 21:00"))
	r.customer(50, "Great, can I pay on delivery?")
	sent = r.fake.Sent()
	if len(sent) != 3 || !strings.Contains(sent[2].Text, "Wednesday 11 March, 09:00") {
		t.Fatalf("after a human reply: %+v", sent)
	}
	counts, _ := r.st.AwayReplies(context.Background(), conv)
	if counts[store.AwaySent] != 2 || len(counts) != 1 {
		t.Fatalf("away records %v", counts)
	}
	// Both go through the gate with the SLA actor, which the audit trail shows.
	audit, _ := r.st.AuditEvents(context.Background(), "message", "", 10)
	slaSends := 0
	for _, a := range audit {
		if a.Actor == engine.Actor && a.Action == "reply.sent" {
			slaSends++
		}
	}
	if slaSends != 2 {
		t.Fatalf("audit shows %d away sends", slaSends)
	}

	// During business hours no acknowledgement.
	r.clock.Set(at("2026-03-11 10:00"))
	r.customer(51, "Weekday question")
	if n := len(r.fake.Sent()); n != 3 {
		t.Fatalf("acknowledged during business hours: %d", n)
	}
}

func TestAwayLanguageFollowsTheContact(t *testing.T) {
	r := newRig(t, at("2026-03-07 12:00"))
	_, _ = r.svc.SetCalendar(context.Background(), sla.DefaultCalendar("Europe/Bucharest"), "tester")
	_, _ = r.svc.SetAway(context.Background(), sla.AwaySettings{Enabled: true, Texts: map[string]string{"ro": "Revenim {next}."}}, "tester")
	r.fake.AddMessage(telegramfake.Chat{ID: 60, Type: "private", FirstName: "Ioana"},
		telegramfake.User{ID: 60, FirstName: "Ioana", LanguageCode: "ro"}, "Bună ziua, aveți cana albastră pe stoc?", r.clock.Now())
	r.syncNow()
	sent := r.fake.Sent()
	if len(sent) != 1 || sent[0].Text != "Revenim luni, 9 martie, 09:00 (UTC+2)." {
		t.Fatalf("romanian away: %+v", sent)
	}
}

func TestNotificationsForDangerAndHighIntent(t *testing.T) {
	r := newRig(t, at("2026-03-02 10:00"))
	conv := r.customer(70, "hello")
	if n := len(r.notes.all()); n != 0 {
		t.Fatalf("an ordinary message notified: %d", n)
	}
	// Tag it danger (as triage or the classifier would) and raise another's priority.
	if err := r.st.W.Exec(`INSERT INTO conversation_tags(conversation_id, tag_id, created_at)
		SELECT ?, id, 0 FROM tags WHERE name = 'danger'`, conv).Error; err != nil {
		t.Fatal(err)
	}
	r.clock.Set(at("2026-03-02 10:05"))
	r.customer(70, "I will report you")
	got := r.notes.all()
	if len(got) != 1 || !got[0].Urgent || got[0].Title != "Urgent message from Ana" || got[0].Body != "I will report you" {
		t.Fatalf("danger notification %+v", got)
	}

	other := r.customer(71, "price?")
	_ = r.st.W.Exec(`UPDATE conversations SET priority = 2 WHERE id = ?`, other).Error
	r.clock.Set(at("2026-03-02 10:10"))
	r.customer(71, "I'd like to buy two")
	if got := r.notes.all(); len(got) != 2 || got[1].Urgent || !strings.Contains(got[1].Title, "ready to buy") {
		t.Fatalf("high-intent notification %+v", got)
	}

	// Quiet hours (22:00–08:00 by default): nothing.
	r.clock.Set(at("2026-03-02 23:30"))
	r.customer(70, "hello??")
	if n := len(r.notes.all()); n != 2 {
		t.Fatalf("notified during quiet hours: %d", n)
	}
	if err := r.svc.TestNotification(context.Background(), "ro"); err != nil {
		t.Fatal(err)
	}
	if got := r.notes.all(); len(got) != 3 || got[2].Title != "Notificările CreatorDesk funcționează" {
		t.Fatalf("test notification %+v", got)
	}
	r.svc.SetNotifier(notify.Unsupported{})
	if err := r.svc.TestNotification(context.Background(), "en"); err == nil {
		t.Fatal("unsupported notifier reported success")
	}
}

func TestPreview(t *testing.T) {
	r := newRig(t, at("2026-03-02 10:00"))
	p := r.svc.PreviewAt(sla.Subject{Kind: sla.KindDM}, at("2026-03-06 23:30"))
	if !p.Matched || p.OpenNow || !p.NextOpen.Equal(at("2026-03-09 09:00")) || !p.DueAt.Equal(at("2026-03-09 10:00")) || !p.WarnAt.Equal(at("2026-03-09 09:45")) {
		t.Fatalf("preview %+v", p)
	}
	if p := r.svc.PreviewAt(sla.Subject{Kind: sla.KindComment}, at("2026-03-06 10:00")); p.Matched {
		t.Fatalf("comments have no policy here: %+v", p)
	}
}

func contains(ids []int64, id int64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

// TestCustomQuietHoursFromSettings: quiet hours a person sets in Settings hold
// back a danger notification inside them and let the next one through after.
func TestCustomQuietHoursFromSettings(t *testing.T) {
	r := newRig(t, at("2026-03-02 12:30"))
	set := notify.DefaultSettings()
	set.DNDStart, set.DNDEnd = 12*60, 13*60
	if _, err := r.svc.SetNotifySettings(context.Background(), set, "me"); err != nil {
		t.Fatal(err)
	}
	conv := r.customer(80, "hello")
	if err := r.st.W.Exec(`INSERT INTO conversation_tags(conversation_id, tag_id, created_at) SELECT ?, id, 0 FROM tags WHERE name = 'danger'`, conv).Error; err != nil {
		t.Fatal(err)
	}
	r.clock.Set(at("2026-03-02 12:45"))
	r.customer(80, "I will report you")
	if n := len(r.notes.all()); n != 0 {
		t.Fatalf("notified inside custom quiet hours: %d", n)
	}
	r.clock.Set(at("2026-03-02 13:00"))
	r.customer(80, "answer me")
	if n := len(r.notes.all()); n != 1 {
		t.Fatalf("not notified after quiet hours: %d", n)
	}
}
