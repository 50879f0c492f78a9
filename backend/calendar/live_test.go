package calendar

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/store"
)

// consentPolicy stands in for the automation area's consent rule: it refuses
// marketing messages to the listed conversations, and records what it saw.
type consentPolicy struct {
	refuse map[int64]bool
	seen   []inbox.SendRequest
}

type noConsentError struct{}

func (noConsentError) Error() string { return "no marketing consent" }
func (noConsentError) ErrorKey() (string, string, map[string]string) {
	return "no_consent", "errors.automation.noConsent", nil
}

func (p *consentPolicy) Check(_ context.Context, conv store.Conversation, req *inbox.SendRequest) error {
	p.seen = append(p.seen, *req)
	if req.Marketing && p.refuse[conv.ID] {
		return noConsentError{}
	}
	return nil
}

type liveKit struct {
	*harness
	svc    *Service
	lives  *Lives
	msgr   *Messenger
	policy *consentPolicy
	convs  []int64
	chats  []int64
}

// newLiveKit adds n Telegram DM conversations, each with one inbound question.
func newLiveKit(t *testing.T, questions ...string) *liveKit {
	h := newHarness(t)
	k := &liveKit{harness: h, policy: &consentPolicy{refuse: map[int64]bool{}}}
	k.svc = &Service{Store: h.st, Scheduler: h.sched}
	gate := &inbox.Service{Store: h.st, Connectors: h.conns, Policies: []inbox.Policy{k.policy}}
	k.msgr = &Messenger{Store: h.st, Sender: gate, Clock: h.clock}
	k.lives = &Lives{Store: h.st, Calendar: k.svc, Messages: k.msgr, FollowupSpacing: time.Nanosecond}
	k.svc.OnItemChanged = append(k.svc.OnItemChanged, k.lives.ItemChanged)
	var msgs []platforms.Message
	for i, q := range questions {
		chat := int64(501 + i)
		h.tg.AddMessage(telegramfake.Chat{ID: chat, Type: "private", FirstName: fmt.Sprint("Fan", i)}, telegramfake.User{ID: chat, FirstName: fmt.Sprint("Fan", i)}, q, t0)
		msgs = append(msgs, platforms.Message{ExternalID: fmt.Sprintf("%d:1", chat), ThreadExternalID: strconv.FormatInt(chat, 10),
			ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: strconv.FormatInt(chat, 10), DisplayName: fmt.Sprint("Fan", i)},
			Direction: platforms.DirectionIn, Text: q, SentAt: t0.Add(-time.Duration(len(questions)-i) * time.Minute)})
		k.chats = append(k.chats, chat)
	}
	if len(msgs) > 0 {
		if _, err := h.st.IngestPage(h.ctx, h.tgAcc.ID, msgs, "c1"); err != nil {
			t.Fatal(err)
		}
	}
	for _, chat := range k.chats {
		convs, _, _ := h.st.Conversations(h.ctx, store.ConversationFilter{}, store.ConversationCursor{}, 100)
		for _, c := range convs {
			if c.ExternalID == strconv.FormatInt(chat, 10) {
				k.convs = append(k.convs, c.ID)
			}
		}
	}
	return k
}

func (k *liveKit) newLive(at time.Time, in LiveInput) (store.CalendarItem, store.LiveSession) {
	k.t.Helper()
	it, err := k.svc.Create(k.ctx, "Mara", ItemInput{Kind: store.ItemLive, Title: "Spring linen live", Start: at, End: at.Add(time.Hour), Status: store.ItemScheduled})
	if err != nil {
		k.t.Fatal(err)
	}
	live, err := k.lives.Plan(k.ctx, "Mara", it.ID, in)
	if err != nil {
		k.t.Fatal(err)
	}
	return it, live
}

func TestLiveAnnouncementIs48HoursAheadAndFollowsTheLive(t *testing.T) {
	k := newLiveKit(t)
	bus := events.New()
	k.sched.Bus = bus
	var reminded []events.CalendarReminderPayload
	bus.Subscribe(events.CalendarReminder, func(p any) { reminded = append(reminded, p.(events.CalendarReminderPayload)) })

	it, live := k.newLive(t0.Add(72*time.Hour), LiveInput{Agenda: "1. New linen\n2. Q&A", CTA: "Join us Thursday 19:00"})
	ann := k.item(*live.AnnounceItemID)
	if ann.Kind != store.ItemReminder || ann.StartAt != t0.Add(24*time.Hour).UnixMilli() || ann.Caption != "Join us Thursday 19:00" {
		t.Fatalf("announcement = %+v", ann)
	}
	if _, err := k.svc.Move(k.ctx, "Mara", it.ID, t0.Add(72*time.Hour), t0.Add(96*time.Hour), time.Time{}); err != nil {
		t.Fatal(err)
	}
	if got := k.item(ann.ID); got.StartAt != t0.Add(48*time.Hour).UnixMilli() {
		t.Fatalf("announcement did not follow: %v", time.UnixMilli(got.StartAt))
	}
	k.clock.Set(t0.Add(48 * time.Hour))
	k.tick()
	found := false
	for _, r := range reminded {
		if r.ItemID == ann.ID && r.Kind == store.ItemReminder {
			found = true
		}
	}
	if !found {
		t.Fatalf("reminders = %+v", reminded)
	}
}

func TestIntakeAndTrendingBoard(t *testing.T) {
	k := newLiveKit(t,
		"Is the linen shirt available in size M?",
		"linen shirt size M still available??",
		"When do you ship to Cluj? order #10234",
		"Do you ship to Cluj",
		"hello, love your page",
		"亞麻襯衫有沒有M號",
	)
	_, live := k.newLive(t0.Add(2*time.Hour), LiveInput{Keywords: "linen, ship, 襯衫"})
	n, err := k.lives.Intake(k.ctx, "Mara", live.ID, t0.Add(-24*time.Hour))
	if err != nil || n != 5 {
		t.Fatalf("intake added %d, %v", n, err)
	}
	if n, _ := k.lives.Intake(k.ctx, "Mara", live.ID, t0.Add(-24*time.Hour)); n != 0 {
		t.Fatalf("intake twice added %d", n)
	}
	// The inbox's "add to live" on a message already there adds nothing; a typed question is added.
	msgs, _ := k.st.RecentInboundDMs(k.ctx, 0, 10)
	if _, added, err := k.lives.AddQuestion(k.ctx, "Dana", live.ID, QuestionInput{MessageID: msgs[0].ID}); err != nil || added {
		t.Fatalf("re-add: %v %v", added, err)
	}
	if _, added, _ := k.lives.AddQuestion(k.ctx, "Dana", live.ID, QuestionInput{Text: "Is the size M linen shirt available in blue?"}); !added {
		t.Fatal("typed question not added")
	}
	board, err := k.lives.Board(k.ctx, live.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(board) != 3 || board[0].Count != 3 || board[1].Count != 2 || board[2].Count != 1 {
		for _, g := range board {
			t.Logf("%d × %q", g.Count, g.Text)
		}
		t.Fatalf("board has %d groups", len(board))
	}
	if len(board[1].OrderNumbers) != 1 || board[1].OrderNumbers[0] != "10234" {
		t.Fatalf("order numbers = %v", board[1].OrderNumbers)
	}
	ids := []int64{board[1].Questions[0].ID}
	if err := k.lives.FlagQuestions(k.ctx, "Dana", live.ID, ids, "agent", true); err != nil {
		t.Fatal(err)
	}
	var all []int64
	for _, q := range board[0].Questions {
		all = append(all, q.ID)
	}
	_ = k.lives.FlagQuestions(k.ctx, "Dana", live.ID, all, "answered", true)
	board, _ = k.lives.Board(k.ctx, live.ID)
	if !board[0].AgentRequested || board[0].Count != 2 || !board[len(board)-1].Answered {
		t.Fatalf("after flags: %+v", board)
	}
}

func TestLiveFollowupsRespectGateRefusalsAndPace(t *testing.T) {
	k := newLiveKit(t, "linen q1", "linen q2", "linen q3", "linen q4")
	_, live := k.newLive(t0.Add(-2*time.Hour), LiveInput{Keywords: "linen", FollowupText: "Thanks for joining! The linen set is 10% off until Sunday."})
	if n, err := k.lives.Intake(k.ctx, "Mara", live.ID, t0.Add(-24*time.Hour)); err != nil || n != 4 {
		t.Fatalf("intake %d %v", n, err)
	}
	k.policy.refuse[k.convs[1]] = true // no consent
	k.msgr.PacePerHour = 2
	n, err := k.lives.ScheduleFollowups(k.ctx, "Mara", live.ID, "")
	if err != nil || n != 4 {
		t.Fatalf("queued %d %v", n, err)
	}
	if n, _ := k.lives.ScheduleFollowups(k.ctx, "Mara", live.ID, ""); n != 0 {
		t.Fatalf("queued twice: %d", n)
	}
	for i := 0; i < 3; i++ {
		if err := k.msgr.Tick(k.ctx); err != nil {
			t.Fatal(err)
		}
	}
	states := func() map[string]int {
		ms, _ := k.st.ScheduledMessagesFor(k.ctx, live.ID, 0)
		out := map[string]int{}
		for _, m := range ms {
			out[m.State]++
			if m.State == store.MsgRefused && (m.ConversationID != k.convs[1] || m.Refusal != "errors.automation.noConsent") {
				t.Errorf("refusal recorded as %+v", m)
			}
		}
		return out
	}
	if got := states(); got[store.MsgSent] != 2 || got[store.MsgRefused] != 1 || got[store.MsgPending] != 1 {
		t.Fatalf("within the first hour: %v (pace is 2 per hour)", got)
	}
	if n := len(k.tg.Sent()); n != 2 {
		t.Fatalf("telegram got %d DMs", n)
	}
	for _, s := range k.tg.Sent() {
		if s.ChatID == k.chats[1] {
			t.Fatal("a refused contact got the DM")
		}
	}
	for _, req := range k.policy.seen {
		if !req.Marketing || req.Origin != inbox.OriginScheduled {
			t.Fatalf("gate saw %+v", req)
		}
	}
	k.clock.Advance(time.Hour)
	_ = k.msgr.Tick(k.ctx)
	if got := states(); got[store.MsgSent] != 3 || got[store.MsgPending] != 0 {
		t.Fatalf("after an hour: %v", got)
	}
	audit, _ := k.st.AuditEvents(k.ctx, "conversation", strconv.FormatInt(k.convs[1], 10), 5)
	if len(audit) == 0 || audit[0].Action != "calendar.message_refused" || audit[0].Reason != "errors.automation.noConsent" {
		t.Fatalf("audit = %+v", audit)
	}
}

func TestLiveFiguresAndState(t *testing.T) {
	k := newLiveKit(t)
	_, live := k.newLive(t0, LiveInput{})
	if _, err := k.lives.SetState(k.ctx, "Mara", live.ID, store.LiveOnAir); err != nil {
		t.Fatal(err)
	}
	got, err := k.lives.RecordFigures(k.ctx, "Mara", live.ID, Figures{PeakViewers: 312, WatchMinutes: 4100, Orders: 27, SalesCents: 189900, Currency: "ron"})
	if err != nil || got.PeakViewers != 312 || got.Currency != "RON" || got.State != store.LiveOnAir || got.StartedAt != t0.UnixMilli() {
		t.Fatalf("figures %+v %v", got, err)
	}
	if _, err := k.lives.RecordFigures(k.ctx, "Mara", live.ID, Figures{PeakViewers: -1}); err == nil {
		t.Fatal("negative figures accepted")
	}
}

func TestSequenceStopsWhenTheContactReplies(t *testing.T) {
	k := newLiveKit(t, "I left something in my cart")
	seq, err := k.msgr.SaveSequence(k.ctx, "Mara", 0, "Cart nudge", store.SeqCartRecovery, []Step{
		{DelayHours: 1, Text: "Your cart is waiting — need help with sizes?"},
		{DelayHours: 23, Text: "Last reminder: free shipping ends tonight."},
	})
	if err != nil {
		t.Fatal(err)
	}
	k.consent(k.convs[0], true)
	if n, err := k.msgr.Enroll(k.ctx, "Mara", seq.ID, k.convs[0]); err != nil || n != 2 {
		t.Fatalf("enrolled %d %v", n, err)
	}
	k.clock.Advance(time.Hour)
	_ = k.msgr.Tick(k.ctx)
	if n := len(k.tg.Sent()); n != 1 {
		t.Fatalf("step 1: %d sent", n)
	}
	reply := platforms.Message{ExternalID: fmt.Sprintf("%d:99", k.chats[0]), ThreadExternalID: strconv.FormatInt(k.chats[0], 10), ThreadKind: platforms.ThreadDM,
		Author: platforms.Person{ExternalID: strconv.FormatInt(k.chats[0], 10)}, Direction: platforms.DirectionIn, Text: "Thanks, ordered!", SentAt: k.clock.Now()}
	if _, err := k.st.IngestPage(k.ctx, k.tgAcc.ID, []platforms.Message{reply}, "c2"); err != nil {
		t.Fatal(err)
	}
	k.clock.Advance(23 * time.Hour)
	_ = k.msgr.Tick(k.ctx)
	ms, _ := k.st.ScheduledMessagesFor(k.ctx, 0, k.convs[0])
	if len(ms) != 2 || ms[1].State != store.MsgCancelled || ms[1].Refusal != ReasonReplied || len(k.tg.Sent()) != 1 {
		t.Fatalf("messages %+v", ms)
	}
}

// Questions an automation rule put on the live-questions board join the next
// live's list when its intake runs, once.
func TestIntakeTakesTheRulesBoardQuestionsOnce(t *testing.T) {
	k := newLiveKit(t, "Will the linen shirt come in XL?", "Is order 4411 shipped?")
	_, live := k.newLive(t0.Add(24*time.Hour), LiveInput{})
	msgs, err := k.st.Messages(k.ctx, k.convs[0], 0)
	if err != nil || len(msgs) == 0 {
		t.Fatalf("messages: %v %v", msgs, err)
	}
	if _, err := k.st.AddLiveQuestion(k.ctx, store.LiveQuestion{ConversationID: k.convs[0], MessageID: msgs[0].ID, Text: msgs[0].Text}); err != nil {
		t.Fatal(err)
	}
	n, err := k.lives.Intake(k.ctx, "Mara", live.ID, t0.Add(-time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("intake added %d (%v), want the rule's question", n, err)
	}
	entries, _ := k.st.LiveQuestionEntries(k.ctx, live.ID)
	if len(entries) != 1 || entries[0].Source != "rule" || entries[0].Text != msgs[0].Text {
		t.Fatalf("entries %+v", entries)
	}
	if pending, _ := k.st.LiveQuestions(k.ctx, "new", 10); len(pending) != 0 {
		t.Fatalf("the board still lists %d new questions", len(pending))
	}
	if n, _ := k.lives.Intake(k.ctx, "Mara", live.ID, t0.Add(-time.Hour)); n != 0 {
		t.Fatalf("a second intake added %d", n)
	}
}
