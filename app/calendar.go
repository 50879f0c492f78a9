package app

import (
	"bytes"
	"context"
	"time"

	"creatordesk/backend/calendar"
	"creatordesk/backend/store"
)

func init() { registerFacade(func(s *Session) any { return NewCalendar(s) }) }

// Calendar is the bound facade of the content calendar, publishing, live
// sessions, scheduled messages and the .ics export.
type Calendar struct{ s *Session }

// NewCalendar binds the facade to a session.
func NewCalendar(s *Session) *Calendar { return &Calendar{s: s} }

func (c *Calendar) area() *calendar.Area { return c.s.Workspace().Calendar() }

// Options lists kinds, statuses, formats, caption limits and cadence targets.
func (c *Calendar) Options() (CalendarOptionsDTO, error) {
	out := CalendarOptionsDTO{Kinds: calendar.Kinds, Statuses: calendar.Statuses, Formats: calendar.Formats,
		CaptionLimits: []CaptionLimitDTO{}, Cadence: []CadenceTargetDTO{}, PacePerHour: c.area().Messenger.Pace()}
	for _, l := range calendar.CaptionLimits {
		out.CaptionLimits = append(out.CaptionLimits, CaptionLimitDTO{Platform: l.Platform, Max: l.Max, Unit: l.Unit})
	}
	targets, err := c.s.Workspace().Store.CadenceTargets(context.Background())
	for _, t := range targets {
		out.Cadence = append(out.Cadence, CadenceTargetDTO{Pillar: t.Pillar, PerWeek: t.PerWeek})
	}
	return out, err
}

// Range returns the occurrences in [from, to) and the cadence of the weeks
// it spans (weeks start on Monday in zone, an IANA name).
func (c *Calendar) Range(from, to, zone string) (CalendarRangeDTO, error) {
	f, err := parseCalTime(from, "from")
	if err != nil {
		return CalendarRangeDTO{}, err
	}
	t, err := parseCalTime(to, "to")
	if err != nil || !t.After(f) || t.Sub(f) > 400*24*time.Hour {
		return CalendarRangeDTO{}, invalidInput("to")
	}
	ctx := context.Background()
	occs, err := c.area().Calendar.Range(ctx, f, t)
	if err != nil {
		return CalendarRangeDTO{}, err
	}
	out := CalendarRangeDTO{Events: make([]CalendarEventDTO, len(occs)), Cadence: []CadenceWeekDTO{}}
	for i, o := range occs {
		out.Events[i] = toEventDTO(o)
	}
	weeks, err := c.area().Calendar.Cadence(ctx, f, t, calendar.LoadZone(zone))
	for _, w := range weeks {
		out.Cadence = append(out.Cadence, CadenceWeekDTO{WeekStart: w.WeekStart.Format("2006-01-02"), Pillar: w.Pillar,
			Target: w.Target, Count: w.Count, Short: w.Short()})
	}
	return out, err
}

// Get returns one item.
func (c *Calendar) Get(id int64) (CalendarItemDTO, error) {
	it, err := c.area().Calendar.Item(context.Background(), id)
	return toCalendarItemDTO(it), err
}

// Create adds an item.
func (c *Calendar) Create(in CalendarItemInput) (CalendarItemDTO, error) {
	d, err := in.toDomain()
	if err != nil {
		return CalendarItemDTO{}, err
	}
	it, err := c.area().Calendar.Create(context.Background(), c.s.Actor(), d)
	return toCalendarItemDTO(it), err
}

// Update replaces an item's fields.
func (c *Calendar) Update(id int64, in CalendarItemInput) (CalendarItemDTO, error) {
	d, err := in.toDomain()
	if err != nil {
		return CalendarItemDTO{}, err
	}
	it, err := c.area().Calendar.Update(context.Background(), c.s.Actor(), id, d)
	return toCalendarItemDTO(it), err
}

// Move reschedules one occurrence (a series' occurrence becomes an exception).
func (c *Calendar) Move(req MoveRequest) (CalendarItemDTO, error) {
	occ, err := parseCalTime(req.OccurrenceAt, "occurrenceAt")
	if err != nil {
		return CalendarItemDTO{}, err
	}
	start, err := parseCalTime(req.Start, "start")
	if err != nil {
		return CalendarItemDTO{}, err
	}
	end, err := parseCalTime(req.End, "end")
	if err != nil {
		return CalendarItemDTO{}, err
	}
	it, err := c.area().Calendar.Move(context.Background(), c.s.Actor(), req.ID, occ, start, end)
	return toCalendarItemDTO(it), err
}

// Delete removes an item (a whole series).
func (c *Calendar) Delete(id int64) error {
	return c.area().Calendar.Delete(context.Background(), c.s.Actor(), id)
}

// MarkPosted records that a person posted the item by hand.
func (c *Calendar) MarkPosted(id int64) (CalendarItemDTO, error) {
	it, err := c.area().Calendar.MarkPosted(context.Background(), c.s.Actor(), id, "")
	return toCalendarItemDTO(it), err
}

// PublishAgain retries a failed or interrupted publish now.
func (c *Calendar) PublishAgain(jobID int64) error {
	return c.area().Calendar.PublishAgain(context.Background(), c.s.Actor(), jobID)
}

// Jobs lists an item's publish jobs.
func (c *Calendar) Jobs(itemID int64) ([]PublishJobDTO, error) {
	js, err := c.area().Calendar.Jobs(context.Background(), itemID)
	out := make([]PublishJobDTO, len(js))
	for i, j := range js {
		out[i] = toJobDTO(j)
	}
	return out, err
}

// SetCadence sets a pillar's weekly target (0 removes it).
func (c *Calendar) SetCadence(pillar string, perWeek int) (CalendarOptionsDTO, error) {
	if err := c.area().Calendar.SetCadence(context.Background(), c.s.Actor(), pillar, perWeek); err != nil {
		return CalendarOptionsDTO{}, err
	}
	return c.Options()
}

// ExportICS returns the calendar between from and to ("" = everything) as iCalendar text.
func (c *Calendar) ExportICS(from, to string) (string, error) {
	f, t, err := exportRange(from, to)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	err = c.area().Calendar.Export(context.Background(), &buf, f, t, c.s.Workspace().ID)
	return buf.String(), err
}

// exportRange reads an export's bounds; missing ones mean the whole calendar.
func exportRange(from, to string) (time.Time, time.Time, error) {
	f, err := parseCalTime(from, "from")
	if err != nil {
		return f, f, err
	}
	t, err := parseCalTime(to, "to")
	if err != nil {
		return f, t, err
	}
	if f.IsZero() {
		f = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if t.IsZero() {
		t = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if !t.After(f) {
		return f, t, invalidInput("to")
	}
	return f, t, nil
}

// UpcomingLives lists lives from a day ago to four weeks ahead (the inbox's
// "add to live" menu).
func (c *Calendar) UpcomingLives() ([]LiveSummaryDTO, error) {
	ctx := context.Background()
	st := c.s.Workspace().Store
	now := st.Now()
	lives, err := st.LiveSessionsAround(ctx, now.Add(-24*time.Hour).UnixMilli(), now.Add(28*24*time.Hour).UnixMilli())
	out := []LiveSummaryDTO{}
	for _, l := range lives {
		it, err := st.CalendarItemByID(ctx, l.ItemID)
		if err != nil {
			continue
		}
		out = append(out, LiveSummaryDTO{ID: l.ID, Title: it.Title, Start: calTime(it.StartAt), State: l.State})
	}
	return out, err
}

// PlanLive creates or updates the live session of a live item (and its announcement 48 h ahead).
func (c *Calendar) PlanLive(itemID int64, in LiveInputDTO) (LiveBoardDTO, error) {
	_, err := c.area().Lives.Plan(context.Background(), c.s.Actor(), itemID, calendar.LiveInput{Agenda: in.Agenda, CTA: in.CTA,
		Keywords: in.Keywords, FollowupText: in.FollowupText})
	if err != nil {
		return LiveBoardDTO{}, err
	}
	return c.LiveBoard(itemID)
}

// LiveBoard returns a live item's session, its trending-question board and follow-up counts.
func (c *Calendar) LiveBoard(itemID int64) (LiveBoardDTO, error) {
	ctx := context.Background()
	a := c.area()
	it, err := a.Calendar.Item(ctx, itemID)
	if err != nil {
		return LiveBoardDTO{}, err
	}
	live, err := a.Lives.Live(ctx, itemID)
	if err != nil {
		return LiveBoardDTO{}, err
	}
	groups, err := a.Lives.Board(ctx, live.ID)
	if err != nil {
		return LiveBoardDTO{}, err
	}
	out := LiveBoardDTO{Live: toLiveDTO(live), Item: toCalendarItemDTO(it), Groups: make([]QuestionGroupDTO, len(groups))}
	for i, g := range groups {
		gd := QuestionGroupDTO{Key: g.Key, Text: g.Text, Count: g.Count, AgentRequested: g.AgentRequested, Answered: g.Answered,
			OrderNumbers: g.OrderNumbers, Questions: make([]LiveQuestionDTO, len(g.Questions))}
		if gd.OrderNumbers == nil {
			gd.OrderNumbers = []string{}
		}
		for k, q := range g.Questions {
			qd := LiveQuestionDTO{ID: q.ID, Author: q.Author, Text: q.Text, OrderNumber: q.OrderNumber, AgentRequested: q.AgentRequested,
				Answered: q.Answered, Source: q.Source, CreatedAt: calTime(q.CreatedAt)}
			if q.ConversationID != nil {
				qd.ConversationID = *q.ConversationID
			}
			gd.Questions[k] = qd
		}
		out.Groups[i] = gd
	}
	msgs, err := c.s.Workspace().Store.ScheduledMessagesFor(ctx, live.ID, 0)
	for _, m := range msgs {
		switch m.State {
		case store.MsgPending, store.MsgSending:
			out.Followups.Pending++
		case store.MsgSent:
			out.Followups.Sent++
		case store.MsgRefused, store.MsgCancelled:
			out.Followups.Refused++
		case store.MsgFailed:
			out.Followups.Failed++
		}
	}
	return out, err
}

// AddQuestion puts a question on a live's list: the inbox's "add to live"
// (conversationId + messageId) or one typed in during the live (text).
func (c *Calendar) AddQuestion(req QuestionRequest) (bool, error) {
	_, added, err := c.area().Lives.AddQuestion(context.Background(), c.s.Actor(), req.LiveID, calendar.QuestionInput{
		ConversationID: req.ConversationID, MessageID: req.MessageID, Author: req.Author, Text: req.Text,
		Source: map[bool]string{true: "dm", false: "manual"}[req.MessageID != 0]})
	return added, err
}

// IntakeKeywords adds the week's inbound DMs that mention the live's keywords; it returns how many were added.
func (c *Calendar) IntakeKeywords(liveID int64) (int, error) {
	since := c.s.Workspace().Store.Now().Add(-7 * 24 * time.Hour)
	return c.area().Lives.Intake(context.Background(), c.s.Actor(), liveID, since)
}

// FlagQuestions sets "agent" (agent requested) or "answered" on questions.
func (c *Calendar) FlagQuestions(liveID int64, ids []int64, flag string, on bool) error {
	return c.area().Lives.FlagQuestions(context.Background(), c.s.Actor(), liveID, ids, flag, on)
}

// SetLiveState starts ("live") or ends ("ended") a live.
func (c *Calendar) SetLiveState(liveID int64, state string) (LiveSessionDTO, error) {
	l, err := c.area().Lives.SetState(context.Background(), c.s.Actor(), liveID, state)
	return toLiveDTO(l), err
}

// RecordFigures stores a live's figures.
func (c *Calendar) RecordFigures(liveID int64, f FiguresDTO) (LiveSessionDTO, error) {
	l, err := c.area().Lives.RecordFigures(context.Background(), c.s.Actor(), liveID, calendar.Figures{PeakViewers: f.PeakViewers,
		WatchMinutes: f.WatchMinutes, Orders: f.Orders, SalesCents: f.SalesCents, Currency: f.Currency})
	return toLiveDTO(l), err
}

// ScheduleFollowups queues follow-up DMs to the people who asked questions
// (sent through the send gate, at the hourly pace); it returns how many were queued.
func (c *Calendar) ScheduleFollowups(liveID int64, text string) (int, error) {
	return c.area().Lives.ScheduleFollowups(context.Background(), c.s.Actor(), liveID, text)
}

// Sequences lists the follow-up and cart-recovery sequences with their counts
// (archived ones included, flagged).
func (c *Calendar) Sequences() ([]SequenceDTO, error) {
	ctx := context.Background()
	st := c.s.Workspace().Store
	rows, err := st.MessageSequences(ctx)
	if err != nil {
		return []SequenceDTO{}, err
	}
	stats, err := st.SequenceStats(ctx)
	if err != nil {
		return []SequenceDTO{}, err
	}
	archived, err := c.area().Messenger.Archived(ctx)
	out := make([]SequenceDTO, 0, len(rows))
	for _, r := range rows {
		out = append(out, toSequenceDTO(r, archived[r.ID], stats[r.ID]))
	}
	return out, err
}

// SaveSequence creates (id 0) or updates a sequence. Steps already queued keep
// their text and time unless in.CancelQueued.
func (c *Calendar) SaveSequence(in SequenceInput) (SequenceSavedDTO, error) {
	steps := make([]calendar.Step, len(in.Steps))
	for i, s := range in.Steps {
		steps[i] = calendar.Step{DelayHours: s.DelayHours, Text: s.Text}
	}
	ctx := context.Background()
	q, n, err := c.area().Messenger.EditSequence(ctx, c.s.Actor(), in.ID, in.Name, in.Kind, steps, in.CancelQueued)
	if err != nil {
		return SequenceSavedDTO{}, err
	}
	all, err := c.Sequences()
	for _, d := range all {
		if d.ID == q.ID {
			return SequenceSavedDTO{Sequence: d, Cancelled: n}, err
		}
	}
	return SequenceSavedDTO{Sequence: toSequenceDTO(q, false, store.SequenceStat{}), Cancelled: n}, err
}

// ArchiveSequence archives a sequence (no new enrolments; cancelQueued also
// cancels its waiting steps) or restores it; it returns how many were cancelled.
func (c *Calendar) ArchiveSequence(id int64, archived, cancelQueued bool) (int64, error) {
	return c.area().Messenger.SetArchived(context.Background(), c.s.Actor(), id, archived, cancelQueued)
}

// DeleteSequence cancels a sequence's waiting steps and removes it with its
// schedule history; it returns how many waiting steps were cancelled.
func (c *Calendar) DeleteSequence(id int64) (int64, error) {
	return c.area().Messenger.DeleteSequence(context.Background(), c.s.Actor(), id)
}

// SequenceConsent says whether a conversation's contact may get sequence messages.
func (c *Calendar) SequenceConsent(conversationID int64) (ConsentStateDTO, error) {
	st, err := c.area().Messenger.Consent(context.Background(), conversationID)
	return toConsentStateDTO(st), err
}

// PlanEnrollment previews enrolling a conversation: consent, each step filled
// for its contact with its due time, and the tokens still to type. It queues nothing.
func (c *Calendar) PlanEnrollment(req EnrollRequest) (EnrollPlanDTO, error) {
	ctx := context.Background()
	m := c.area().Messenger
	p, err := m.Plan(ctx, c.s.Actor(), req.SequenceID, req.ConversationID, req.Values)
	if err != nil {
		return EnrollPlanDTO{Steps: []PlannedStepDTO{}, Missing: []string{}}, err
	}
	stats, err := c.s.Workspace().Store.SequenceStats(ctx)
	out := EnrollPlanDTO{Sequence: toSequenceDTO(p.Sequence, p.Archived, stats[p.Sequence.ID]), Consent: toConsentStateDTO(p.Consent),
		Steps: make([]PlannedStepDTO, len(p.Steps)), Missing: append([]string{}, p.Missing...), Queued: p.Queued}
	for i, s := range p.Steps {
		out.Steps[i] = PlannedStepDTO{Step: s.Step, DueAt: s.DueAt.UTC().Format(time.RFC3339), Text: s.Text, Missing: append([]string{}, s.Missing...)}
	}
	return out, err
}

// Enroll queues a sequence's steps for a conversation, filled for its contact;
// it returns how many were queued (0 when they already wait). It refuses a
// contact without marketing consent or opted out, with the reason.
func (c *Calendar) Enroll(req EnrollRequest) (int, error) {
	return c.area().Messenger.EnrollWith(context.Background(), c.s.Actor(), req.SequenceID, req.ConversationID, req.Values)
}

// ScheduledFor lists a conversation's scheduled messages, waiting ones first.
func (c *Calendar) ScheduledFor(conversationID int64) ([]ScheduledMessageDTO, error) {
	if conversationID <= 0 {
		return []ScheduledMessageDTO{}, invalidInput("conversationId")
	}
	return c.Outbox(OutboxQuery{ConversationID: conversationID})
}

// Outbox lists scheduled messages (waiting ones first, by due time, then the
// rest newest first), filtered by sequence, conversation and state.
func (c *Calendar) Outbox(q OutboxQuery) ([]ScheduledMessageDTO, error) {
	f := store.ScheduledFilter{SequenceID: q.SequenceID, ConversationID: q.ConversationID, Limit: q.Limit}
	switch q.State {
	case "":
	case "queued":
		f.States = []string{store.MsgPending, store.MsgSending}
	case store.MsgSent, store.MsgRefused, store.MsgFailed, store.MsgCancelled:
		f.States = []string{q.State}
	default:
		return []ScheduledMessageDTO{}, invalidInput("state")
	}
	rows, err := c.s.Workspace().Store.ScheduledOutbox(context.Background(), f)
	out := make([]ScheduledMessageDTO, len(rows))
	for i, r := range rows {
		out[i] = toScheduledDTO(r)
	}
	return out, err
}

// CancelScheduledStep cancels one waiting scheduled message.
func (c *Calendar) CancelScheduledStep(id int64) error {
	return c.area().Messenger.CancelStep(context.Background(), c.s.Actor(), id)
}

// CancelEnrollment cancels the waiting steps of a sequence for one
// conversation; it returns how many.
func (c *Calendar) CancelEnrollment(sequenceID, conversationID int64) (int64, error) {
	if sequenceID <= 0 || conversationID <= 0 {
		return 0, invalidInput("sequenceId")
	}
	return c.area().Messenger.CancelEnrollment(context.Background(), c.s.Actor(), sequenceID, conversationID, "")
}

// CancelScheduled stops a conversation's pending scheduled messages.
func (c *Calendar) CancelScheduled(conversationID int64) (int64, error) {
	return c.area().Messenger.Cancel(context.Background(), c.s.Actor(), conversationID)
}
