package app

import (
	"bytes"
	"context"
	"encoding/json"
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
		CaptionLimits: []CaptionLimitDTO{}, Cadence: []CadenceTargetDTO{}}
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

// Sequences lists the follow-up and cart-recovery sequences.
func (c *Calendar) Sequences() ([]SequenceDTO, error) {
	rows, err := c.s.Workspace().Store.MessageSequences(context.Background())
	out := make([]SequenceDTO, 0, len(rows))
	for _, r := range rows {
		d := SequenceDTO{ID: r.ID, Name: r.Name, Kind: r.Kind, Steps: []SequenceStepDTO{}}
		_ = json.Unmarshal([]byte(r.StepsJSON), &d.Steps)
		out = append(out, d)
	}
	return out, err
}

// SaveSequence creates (id 0) or updates a sequence.
func (c *Calendar) SaveSequence(in SequenceDTO) (SequenceDTO, error) {
	steps := make([]calendar.Step, len(in.Steps))
	for i, s := range in.Steps {
		steps[i] = calendar.Step{DelayHours: s.DelayHours, Text: s.Text}
	}
	q, err := c.area().Messenger.SaveSequence(context.Background(), c.s.Actor(), in.ID, in.Name, in.Kind, steps)
	in.ID = q.ID
	return in, err
}

// Enroll queues a sequence's steps for a conversation; it returns how many were queued.
func (c *Calendar) Enroll(sequenceID, conversationID int64) (int, error) {
	return c.area().Messenger.Enroll(context.Background(), c.s.Actor(), sequenceID, conversationID)
}

// ScheduledFor lists a conversation's scheduled messages.
func (c *Calendar) ScheduledFor(conversationID int64) ([]ScheduledMessageDTO, error) {
	rows, err := c.s.Workspace().Store.ScheduledMessagesFor(context.Background(), 0, conversationID)
	out := make([]ScheduledMessageDTO, len(rows))
	for i, m := range rows {
		out[i] = ScheduledMessageDTO{ID: m.ID, Kind: m.Kind, ConversationID: m.ConversationID, Step: m.Step, Text: m.Text,
			DueAt: calTime(m.DueAt), State: m.State, Refusal: m.Refusal}
	}
	return out, err
}

// CancelScheduled stops a conversation's pending scheduled messages.
func (c *Calendar) CancelScheduled(conversationID int64) (int64, error) {
	return c.area().Messenger.Cancel(context.Background(), c.s.Actor(), conversationID)
}
