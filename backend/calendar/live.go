package calendar

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"creatordesk/backend/store"
)

// AnnounceLead is how long before a live its announcement reminder is due.
const AnnounceLead = 48 * time.Hour

// Lives runs live sessions: plan (agenda, call to action, announcement),
// question intake, the board of trending questions, figures and follow-ups.
type Lives struct {
	Store    *store.Store
	Calendar *Service
	Messages *Messenger
	// FollowupSpacing is the gap between two follow-up DMs of one live (the
	// Messenger's hourly pace applies on top).
	FollowupSpacing time.Duration
}

// LiveInput is what a person plans for a live.
type LiveInput struct {
	Agenda       string
	CTA          string
	Keywords     string
	FollowupText string
}

// Plan creates or updates the live session of a live item and keeps its
// announcement reminder AnnounceLead before it.
func (l *Lives) Plan(ctx context.Context, actor string, itemID int64, in LiveInput) (store.LiveSession, error) {
	it, err := l.Calendar.item(ctx, itemID)
	if err != nil {
		return store.LiveSession{}, err
	}
	if it.Kind != store.ItemLive {
		return store.LiveSession{}, &InvalidError{Field: "kind"}
	}
	if len(in.Agenda) > 20000 || len(in.CTA) > 2000 || len(in.Keywords) > 500 || len(in.FollowupText) > 4000 {
		return store.LiveSession{}, &InvalidError{Field: "length"}
	}
	live, err := l.Store.LiveSessionByItem(ctx, itemID)
	isNew := errors.Is(err, store.ErrNotFound)
	if err != nil && !isNew {
		return live, err
	}
	live.ItemID, live.Agenda, live.CTA, live.IntakeKeywords, live.FollowupText = itemID, in.Agenda, in.CTA, in.Keywords, in.FollowupText
	if isNew {
		err = l.Store.CreateLiveSession(ctx, &live)
	} else {
		err = l.Store.SaveLiveSession(ctx, &live)
	}
	if err != nil {
		return live, err
	}
	if err := l.SyncAnnouncement(ctx, actor, it, &live); err != nil {
		return live, err
	}
	l.Calendar.audit(ctx, actor, "calendar.live_planned", itemID, nil, live)
	return live, nil
}

// SyncAnnouncement creates or moves the live's announcement reminder so it is
// due AnnounceLead before the live (and scheduled, so the scheduler reminds).
func (l *Lives) SyncAnnouncement(ctx context.Context, actor string, it store.CalendarItem, live *store.LiveSession) error {
	at := time.UnixMilli(it.StartAt).Add(-AnnounceLead)
	if live.AnnounceItemID != nil {
		ann, err := l.Store.CalendarItemByID(ctx, *live.AnnounceItemID)
		if err == nil {
			if ann.StartAt != at.UnixMilli() {
				_, err = l.Calendar.Move(ctx, actor, ann.ID, time.UnixMilli(ann.StartAt), at, time.Time{})
			}
			return err
		}
		if !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	ann, err := l.Calendar.Create(ctx, actor, ItemInput{Kind: store.ItemReminder, Status: store.ItemScheduled,
		Title: announceTitle(it), Caption: live.CTA, Platform: it.Platform, Owner: it.Owner, Pillar: it.Pillar,
		Start: at, TimeZone: it.TimeZone, Notes: "announce:" + fmt.Sprint(it.ID)})
	if err != nil {
		return err
	}
	live.AnnounceItemID = &ann.ID
	return l.Store.SaveLiveSession(ctx, live)
}

// ItemChanged keeps a moved live's announcement AnnounceLead ahead (a
// Service.OnItemChanged hook).
func (l *Lives) ItemChanged(ctx context.Context, actor string, it store.CalendarItem) {
	if it.Kind != store.ItemLive {
		return
	}
	live, err := l.Store.LiveSessionByItem(ctx, it.ID)
	if err != nil {
		return
	}
	_ = l.SyncAnnouncement(ctx, actor, it, &live)
}

func announceTitle(it store.CalendarItem) string {
	t := it.Title
	if t == "" {
		t = "live"
	}
	return "📣 " + t
}

// Live returns the session of a live item.
func (l *Lives) Live(ctx context.Context, itemID int64) (store.LiveSession, error) {
	live, err := l.Store.LiveSessionByItem(ctx, itemID)
	if errors.Is(err, store.ErrNotFound) {
		return live, &NotFoundError{What: "live"}
	}
	return live, err
}

func (l *Lives) byID(ctx context.Context, id int64) (store.LiveSession, error) {
	live, err := l.Store.LiveSessionByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return live, &NotFoundError{What: "live"}
	}
	return live, err
}

// orderNumber finds an order number in a question ("#10234", "order 10234", "comanda 10234").
var orderNumber = regexp.MustCompile(`(?i)(?:#|order\s*(?:no\.?|nr\.?|number)?\s*#?|comanda\s*(?:nr\.?)?\s*#?|訂單\s*#?|订单\s*#?|ऑर्डर\s*#?)\s*([A-Z0-9-]{4,20})`)

// OrderNumber returns the order number a text mentions, or "".
func OrderNumber(text string) string {
	if m := orderNumber.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

// QuestionInput is a question to put on a live's list.
type QuestionInput struct {
	ConversationID int64
	MessageID      int64
	Author         string
	Text           string
	Source         string // manual, dm, keyword
}

// AddQuestion puts a question on a live's list (the inbox's "add to live"
// action: ConversationID and MessageID name the DM). A message is added once.
func (l *Lives) AddQuestion(ctx context.Context, actor string, liveID int64, in QuestionInput) (store.LiveQuestionEntry, bool, error) {
	live, err := l.byID(ctx, liveID)
	if err != nil {
		return store.LiveQuestionEntry{}, false, err
	}
	text := strings.TrimSpace(in.Text)
	if text == "" && in.MessageID != 0 {
		m, err := l.Store.MessageByID(ctx, in.MessageID)
		if errors.Is(err, store.ErrNotFound) {
			return store.LiveQuestionEntry{}, false, &NotFoundError{What: "message"}
		}
		if err != nil {
			return store.LiveQuestionEntry{}, false, err
		}
		text, in.ConversationID = m.Text, m.ConversationID
		if in.Author == "" {
			in.Author = m.AuthorName
		}
	}
	if text == "" || len(text) > 4000 {
		return store.LiveQuestionEntry{}, false, &InvalidError{Field: "question"}
	}
	q := store.LiveQuestionEntry{LiveID: live.ID, Author: in.Author, Text: text, OrderNumber: OrderNumber(text), Source: in.Source}
	if q.Source == "" {
		q.Source = "manual"
	}
	if in.ConversationID != 0 {
		q.ConversationID = &in.ConversationID
	}
	if in.MessageID != 0 {
		q.MessageID = &in.MessageID
	}
	added, err := l.Store.AddLiveQuestionEntry(ctx, &q)
	if err != nil || !added {
		return q, false, err
	}
	l.Calendar.audit(ctx, actor, "calendar.live_question_added", live.ItemID, nil, map[string]any{"question": q.ID, "source": q.Source})
	return q, true, nil
}

// Intake adds the questions automation rules put on the live-questions board,
// then the inbound DMs since `since` that mention one of the live's intake
// keywords (comma-separated; folded, so accents and case do not matter).
func (l *Lives) Intake(ctx context.Context, actor string, liveID int64, since time.Time) (int, error) {
	live, err := l.byID(ctx, liveID)
	if err != nil {
		return 0, err
	}
	fromRules, err := l.takeRuleQuestions(ctx, actor, liveID)
	if err != nil {
		return 0, err
	}
	var keys [][]string
	for _, k := range strings.Split(live.IntakeKeywords, ",") {
		if f := Fold(k); len(f) > 0 {
			keys = append(keys, f)
		}
	}
	if len(keys) == 0 {
		if fromRules > 0 {
			return fromRules, nil
		}
		return 0, &InvalidError{Field: "keywords"}
	}
	msgs, err := l.Store.RecentInboundDMs(ctx, since.UnixMilli(), 2000)
	if err != nil {
		return fromRules, err
	}
	added := fromRules
	for _, m := range msgs {
		if !matchesAny(tokenSet(m.Text), keys) {
			continue
		}
		_, ok, err := l.AddQuestion(ctx, actor, liveID, QuestionInput{ConversationID: m.ConversationID, MessageID: m.ID,
			Author: m.AuthorName, Text: m.Text, Source: "keyword"})
		if err != nil {
			return added, err
		}
		if ok {
			added++
		}
	}
	return added, nil
}

// takeRuleQuestions moves the questions automation rules put on the board
// (status "new") onto this live and marks them taken.
func (l *Lives) takeRuleQuestions(ctx context.Context, actor string, liveID int64) (int, error) {
	pending, err := l.Store.LiveQuestions(ctx, "new", 500)
	if err != nil {
		return 0, err
	}
	added := 0
	taken := make([]int64, 0, len(pending))
	for _, q := range pending {
		_, ok, err := l.AddQuestion(ctx, actor, liveID, QuestionInput{ConversationID: q.ConversationID, MessageID: q.MessageID,
			Text: q.Text, Source: "rule"})
		if err != nil {
			return added, err
		}
		if ok {
			added++
		}
		taken = append(taken, q.ID)
	}
	return added, l.Store.MarkLiveQuestionsTaken(ctx, taken)
}

// matchesAny reports whether every token of one keyword is in the text.
func matchesAny(text map[string]bool, keys [][]string) bool {
	for _, k := range keys {
		all := true
		for _, t := range k {
			if !text[t] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// QuestionGroup is one row of the live board: similar questions counted together.
type QuestionGroup struct {
	Key            string
	Text           string
	Count          int
	AgentRequested bool
	Answered       bool
	OrderNumbers   []string
	Questions      []store.LiveQuestionEntry
}

// Board groups a live's questions by similarity, most asked first; a group
// is answered when all its questions are, escalated when any is.
func (l *Lives) Board(ctx context.Context, liveID int64) ([]QuestionGroup, error) {
	if _, err := l.byID(ctx, liveID); err != nil {
		return nil, err
	}
	qs, err := l.Store.LiveQuestionEntries(ctx, liveID)
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(qs))
	for i, q := range qs {
		texts[i] = q.Text
	}
	heads := Group(texts)
	byHead := map[int]*QuestionGroup{}
	var order []int
	for i, q := range qs {
		h := heads[i]
		g, ok := byHead[h]
		if !ok {
			g = &QuestionGroup{Key: fmt.Sprintf("q%d", qs[h].ID), Text: qs[h].Text, Answered: true}
			byHead[h] = g
			order = append(order, h)
		}
		g.Count++
		g.Questions = append(g.Questions, q)
		g.AgentRequested = g.AgentRequested || q.AgentRequested
		g.Answered = g.Answered && q.Answered
		if q.OrderNumber != "" {
			g.OrderNumbers = append(g.OrderNumbers, q.OrderNumber)
		}
	}
	out := make([]QuestionGroup, 0, len(order))
	for _, h := range order {
		out = append(out, *byHead[h])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Answered != out[j].Answered {
			return !out[i].Answered
		}
		return out[i].Count > out[j].Count
	})
	return out, nil
}

// FlagQuestions sets "agent requested" or "answered" on questions of a live.
func (l *Lives) FlagQuestions(ctx context.Context, actor string, liveID int64, ids []int64, flag string, on bool) error {
	live, err := l.byID(ctx, liveID)
	if err != nil {
		return err
	}
	col := map[string]string{"agent": "agent_requested", "answered": "answered"}[flag]
	if col == "" {
		return &InvalidError{Field: "flag"}
	}
	if err := l.Store.SetLiveQuestionFlags(ctx, liveID, ids, map[string]any{col: on}); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return &NotFoundError{What: "question"}
		}
		return err
	}
	l.Calendar.audit(ctx, actor, "calendar.live_question_"+flag, live.ItemID, nil, map[string]any{"ids": ids, "on": on})
	return nil
}

// Figures are a live's results, recorded for the KPIs.
type Figures struct {
	PeakViewers  int64
	WatchMinutes int64
	Orders       int64
	SalesCents   int64
	Currency     string
}

// SetState starts ("live") or ends ("ended") a live session.
func (l *Lives) SetState(ctx context.Context, actor string, liveID int64, state string) (store.LiveSession, error) {
	live, err := l.byID(ctx, liveID)
	if err != nil {
		return live, err
	}
	now := l.Store.Now().UnixMilli()
	switch state {
	case store.LiveOnAir:
		live.StartedAt = now
	case store.LiveEnded:
		live.EndedAt = now
	case store.LivePlanned:
	default:
		return live, &InvalidError{Field: "state"}
	}
	before := live.State
	live.State = state
	if err := l.Store.SaveLiveSession(ctx, &live); err != nil {
		return live, err
	}
	l.Calendar.audit(ctx, actor, "calendar.live_"+state, live.ItemID, map[string]string{"state": before}, map[string]string{"state": state})
	return live, nil
}

// RecordFigures stores a live's figures.
func (l *Lives) RecordFigures(ctx context.Context, actor string, liveID int64, f Figures) (store.LiveSession, error) {
	live, err := l.byID(ctx, liveID)
	if err != nil {
		return live, err
	}
	if f.PeakViewers < 0 || f.WatchMinutes < 0 || f.Orders < 0 || f.SalesCents < 0 || len(f.Currency) > 3 {
		return live, &InvalidError{Field: "figures"}
	}
	before := live
	live.PeakViewers, live.WatchMinutes, live.OrdersCount, live.SalesCents, live.Currency = f.PeakViewers, f.WatchMinutes, f.Orders, f.SalesCents, strings.ToUpper(f.Currency)
	if err := l.Store.SaveLiveSession(ctx, &live); err != nil {
		return live, err
	}
	l.Calendar.audit(ctx, actor, "calendar.live_figures", live.ItemID, before, live)
	return live, nil
}

// ScheduleFollowups queues one follow-up DM to each conversation that asked
// a question, spaced FollowupSpacing apart from now. Whether each may be sent
// (consent, opt-out, window) is the send gate's decision when it is due; the
// Messenger's hourly pace applies too. It returns how many were queued
// (conversations already queued for this live are skipped).
func (l *Lives) ScheduleFollowups(ctx context.Context, actor string, liveID int64, text string) (int, error) {
	live, err := l.byID(ctx, liveID)
	if err != nil {
		return 0, err
	}
	text = strings.TrimSpace(text)
	if text == "" {
		text = strings.TrimSpace(live.FollowupText)
	}
	if text == "" || len(text) > 4000 {
		return 0, &InvalidError{Field: "followupText"}
	}
	qs, err := l.Store.LiveQuestionEntries(ctx, liveID)
	if err != nil {
		return 0, err
	}
	spacing := l.FollowupSpacing
	if spacing <= 0 {
		spacing = 2 * time.Minute
	}
	seen := map[int64]bool{}
	now := l.Store.Now()
	n := 0
	for _, q := range qs {
		if q.ConversationID == nil || seen[*q.ConversationID] {
			continue
		}
		seen[*q.ConversationID] = true
		lid := live.ID
		m := store.ScheduledMessage{LiveID: &lid, Kind: store.SeqLiveFollowup, ConversationID: *q.ConversationID, Text: text,
			DueAt: now.Add(time.Duration(n) * spacing).UnixMilli(), CreatedBy: actor,
			DedupeKey: fmt.Sprintf("live:%d:conv:%d", live.ID, *q.ConversationID)}
		added, err := l.Store.AddScheduledMessage(ctx, &m)
		if err != nil {
			return n, err
		}
		if added {
			n++
		}
	}
	l.Calendar.audit(ctx, actor, "calendar.live_followups", live.ItemID, nil, map[string]int{"queued": n})
	if l.Messages != nil {
		l.Messages.Poke()
	}
	return n, nil
}
