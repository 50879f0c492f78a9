package app

import (
	"encoding/json"
	"time"

	"creatordesk/backend/calendar"
	"creatordesk/backend/store"
)

// calTime formats Unix milliseconds as RFC 3339 in UTC ("" for 0).
func calTime(ms int64) string {
	if ms == 0 {
		return ""
	}
	return time.UnixMilli(ms).UTC().Format(time.RFC3339)
}

// parseCalTime reads an RFC 3339 time ("" is the zero time).
func parseCalTime(s, field string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return t, invalidInput(field)
	}
	return t, nil
}

// CalendarItemDTO is one calendar item as stored.
type CalendarItemDTO struct {
	ID          int64  `json:"id"`
	Kind        string `json:"kind"`
	AccountID   int64  `json:"accountId"`
	Platform    string `json:"platform"`
	Format      string `json:"format"`
	Pillar      string `json:"pillar"`
	Status      string `json:"status"`
	Owner       string `json:"owner"`
	Title       string `json:"title"`
	Caption     string `json:"caption"`
	Notes       string `json:"notes"`
	Start       string `json:"start"`
	End         string `json:"end"`
	AllDay      bool   `json:"allDay"`
	TimeZone    string `json:"timeZone"`
	RRule       string `json:"rrule"`
	ParentID    int64  `json:"parentId"`
	PublishedAt string `json:"publishedAt"`
	ExternalID  string `json:"externalId"`
	LateMinutes int64  `json:"lateMinutes"`
	LastError   string `json:"lastError"`
	UpdatedAt   string `json:"updatedAt"`
}

func toCalendarItemDTO(it store.CalendarItem) CalendarItemDTO {
	d := CalendarItemDTO{ID: it.ID, Kind: it.Kind, Platform: it.Platform, Format: it.Format, Pillar: it.Pillar, Status: it.Status,
		Owner: it.Owner, Title: it.Title, Caption: it.Caption, Notes: it.Notes, Start: calTime(it.StartAt), End: calTime(it.EndAt),
		AllDay: it.AllDay, TimeZone: it.TimeZone, RRule: it.RRule, PublishedAt: calTime(it.PublishedAt), ExternalID: it.ExternalID,
		LateMinutes: it.LateMs / 60000, LastError: it.LastError, UpdatedAt: calTime(it.UpdatedAt)}
	if it.AccountID != nil {
		d.AccountID = *it.AccountID
	}
	if it.ParentID != nil {
		d.ParentID = *it.ParentID
	}
	return d
}

// CalendarItemInput is what the item editor sends.
type CalendarItemInput struct {
	Kind      string `json:"kind"`
	AccountID int64  `json:"accountId"`
	Platform  string `json:"platform"`
	Format    string `json:"format"`
	Pillar    string `json:"pillar"`
	Status    string `json:"status"`
	Owner     string `json:"owner"`
	Title     string `json:"title"`
	Caption   string `json:"caption"`
	Notes     string `json:"notes"`
	Start     string `json:"start"`
	End       string `json:"end"`
	AllDay    bool   `json:"allDay"`
	TimeZone  string `json:"timeZone"`
	RRule     string `json:"rrule"`
}

func (in CalendarItemInput) toDomain() (calendar.ItemInput, error) {
	start, err := parseCalTime(in.Start, "start")
	if err != nil {
		return calendar.ItemInput{}, err
	}
	end, err := parseCalTime(in.End, "end")
	if err != nil {
		return calendar.ItemInput{}, err
	}
	out := calendar.ItemInput{Kind: in.Kind, Platform: in.Platform, Format: in.Format, Pillar: in.Pillar, Status: in.Status,
		Owner: in.Owner, Title: in.Title, Caption: in.Caption, Notes: in.Notes, Start: start, End: end, AllDay: in.AllDay,
		TimeZone: in.TimeZone, RRule: in.RRule}
	if in.AccountID != 0 {
		id := in.AccountID
		out.AccountID = &id
	}
	return out, nil
}

// CalendarEventDTO is one occurrence on the calendar.
type CalendarEventDTO struct {
	Item CalendarItemDTO `json:"item"`
	// OccurrenceAt identifies the occurrence for a move (its original start).
	OccurrenceAt string `json:"occurrenceAt"`
	Start        string `json:"start"`
	End          string `json:"end"`
	SeriesID     int64  `json:"seriesId"`
	// JobID, JobState, LateMinutes and JobError describe the occurrence's publish job (0/"" when none).
	JobID       int64  `json:"jobId"`
	JobState    string `json:"jobState"`
	LateMinutes int64  `json:"lateMinutes"`
	JobError    string `json:"jobError"`
}

func toEventDTO(o calendar.Occurrence) CalendarEventDTO {
	d := CalendarEventDTO{Item: toCalendarItemDTO(o.Item), OccurrenceAt: calTime(o.OccurrenceAt.UnixMilli()),
		Start: calTime(o.Start.UnixMilli()), SeriesID: o.SeriesID}
	if !o.End.IsZero() {
		d.End = calTime(o.End.UnixMilli())
	}
	if o.Job != nil {
		d.JobID, d.JobState, d.LateMinutes, d.JobError = o.Job.ID, o.Job.State, o.Job.LateMs/60000, o.Job.LastError
	}
	return d
}

// CadenceWeekDTO is one pillar's count in one week against its target.
type CadenceWeekDTO struct {
	WeekStart string `json:"weekStart"`
	Pillar    string `json:"pillar"`
	Target    int    `json:"target"`
	Count     int    `json:"count"`
	Short     bool   `json:"short"`
}

// CalendarRangeDTO is what a calendar view shows.
type CalendarRangeDTO struct {
	Events  []CalendarEventDTO `json:"events"`
	Cadence []CadenceWeekDTO   `json:"cadence"`
}

// MoveRequest reschedules one occurrence (drag and drop).
type MoveRequest struct {
	ID           int64  `json:"id"`
	OccurrenceAt string `json:"occurrenceAt"`
	Start        string `json:"start"`
	End          string `json:"end"`
}

// CaptionLimitDTO is one platform's caption limit.
type CaptionLimitDTO struct {
	Platform string `json:"platform"`
	Max      int    `json:"max"`
	Unit     string `json:"unit"`
}

// CadenceTargetDTO is a pillar's weekly target.
type CadenceTargetDTO struct {
	Pillar  string `json:"pillar"`
	PerWeek int    `json:"perWeek"`
}

// CalendarOptionsDTO lists what the editor offers.
type CalendarOptionsDTO struct {
	Kinds         []string           `json:"kinds"`
	Statuses      []string           `json:"statuses"`
	Formats       []string           `json:"formats"`
	CaptionLimits []CaptionLimitDTO  `json:"captionLimits"`
	Cadence       []CadenceTargetDTO `json:"cadence"`
	// PacePerHour is the most scheduled messages sent in any hour.
	PacePerHour int `json:"pacePerHour"`
}

// PublishJobDTO is one publish attempt record of an item.
type PublishJobDTO struct {
	ID           int64  `json:"id"`
	OccurrenceAt string `json:"occurrenceAt"`
	Mode         string `json:"mode"`
	State        string `json:"state"`
	Attempts     int    `json:"attempts"`
	NextAttempt  string `json:"nextAttempt"`
	ExternalID   string `json:"externalId"`
	DoneAt       string `json:"doneAt"`
	LateMinutes  int64  `json:"lateMinutes"`
	LastError    string `json:"lastError"`
}

func toJobDTO(j store.PublishJob) PublishJobDTO {
	return PublishJobDTO{ID: j.ID, OccurrenceAt: calTime(j.OccurrenceAt), Mode: j.Mode, State: j.State, Attempts: j.Attempts,
		NextAttempt: calTime(j.NextAttemptAt), ExternalID: j.ExternalID, DoneAt: calTime(j.DoneAt), LateMinutes: j.LateMs / 60000, LastError: j.LastError}
}

// LiveSessionDTO is a live's plan, state and figures.
type LiveSessionDTO struct {
	ID             int64  `json:"id"`
	ItemID         int64  `json:"itemId"`
	Agenda         string `json:"agenda"`
	CTA            string `json:"cta"`
	Keywords       string `json:"keywords"`
	FollowupText   string `json:"followupText"`
	AnnounceItemID int64  `json:"announceItemId"`
	State          string `json:"state"`
	StartedAt      string `json:"startedAt"`
	EndedAt        string `json:"endedAt"`
	PeakViewers    int64  `json:"peakViewers"`
	WatchMinutes   int64  `json:"watchMinutes"`
	Orders         int64  `json:"orders"`
	SalesCents     int64  `json:"salesCents"`
	Currency       string `json:"currency"`
}

func toLiveDTO(l store.LiveSession) LiveSessionDTO {
	d := LiveSessionDTO{ID: l.ID, ItemID: l.ItemID, Agenda: l.Agenda, CTA: l.CTA, Keywords: l.IntakeKeywords, FollowupText: l.FollowupText,
		State: l.State, StartedAt: calTime(l.StartedAt), EndedAt: calTime(l.EndedAt), PeakViewers: l.PeakViewers,
		WatchMinutes: l.WatchMinutes, Orders: l.OrdersCount, SalesCents: l.SalesCents, Currency: l.Currency}
	if l.AnnounceItemID != nil {
		d.AnnounceItemID = *l.AnnounceItemID
	}
	return d
}

// LiveInputDTO is what a person plans for a live.
type LiveInputDTO struct {
	Agenda       string `json:"agenda"`
	CTA          string `json:"cta"`
	Keywords     string `json:"keywords"`
	FollowupText string `json:"followupText"`
}

// LiveQuestionDTO is one question on a live's list.
type LiveQuestionDTO struct {
	ID             int64  `json:"id"`
	ConversationID int64  `json:"conversationId"`
	Author         string `json:"author"`
	Text           string `json:"text"`
	OrderNumber    string `json:"orderNumber"`
	AgentRequested bool   `json:"agentRequested"`
	Answered       bool   `json:"answered"`
	Source         string `json:"source"`
	CreatedAt      string `json:"createdAt"`
}

// QuestionGroupDTO is a row of the live board.
type QuestionGroupDTO struct {
	Key            string            `json:"key"`
	Text           string            `json:"text"`
	Count          int               `json:"count"`
	AgentRequested bool              `json:"agentRequested"`
	Answered       bool              `json:"answered"`
	OrderNumbers   []string          `json:"orderNumbers"`
	Questions      []LiveQuestionDTO `json:"questions"`
}

// LiveBoardDTO is a live with its board and scheduled follow-ups.
type LiveBoardDTO struct {
	Live      LiveSessionDTO     `json:"live"`
	Item      CalendarItemDTO    `json:"item"`
	Groups    []QuestionGroupDTO `json:"groups"`
	Followups FollowupCountsDTO  `json:"followups"`
}

// FollowupCountsDTO counts a live's follow-up DMs by state.
type FollowupCountsDTO struct {
	Pending int `json:"pending"`
	Sent    int `json:"sent"`
	Refused int `json:"refused"`
	Failed  int `json:"failed"`
}

// LiveSummaryDTO names an upcoming or recent live (the inbox's "add to live" menu).
type LiveSummaryDTO struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	Start string `json:"start"`
	State string `json:"state"`
}

// QuestionRequest adds a question to a live: from a DM (conversationId and
// messageId) or typed in (text).
type QuestionRequest struct {
	LiveID         int64  `json:"liveId"`
	ConversationID int64  `json:"conversationId"`
	MessageID      int64  `json:"messageId"`
	Author         string `json:"author"`
	Text           string `json:"text"`
}

// FiguresDTO are a live's results.
type FiguresDTO struct {
	PeakViewers  int64  `json:"peakViewers"`
	WatchMinutes int64  `json:"watchMinutes"`
	Orders       int64  `json:"orders"`
	SalesCents   int64  `json:"salesCents"`
	Currency     string `json:"currency"`
}

// SequenceStepDTO is one step of a message sequence: sent delayHours after
// the enrolment (the first step) or after the step before.
type SequenceStepDTO struct {
	DelayHours int    `json:"delayHours"`
	Text       string `json:"text"`
}

// SequenceStatsDTO counts a sequence's scheduled messages.
type SequenceStatsDTO struct {
	// Enrolled conversations ever; Active ones still have a step waiting.
	Enrolled  int `json:"enrolled"`
	Active    int `json:"active"`
	Queued    int `json:"queued"`
	Sent      int `json:"sent"`
	Refused   int `json:"refused"`
	Failed    int `json:"failed"`
	Cancelled int `json:"cancelled"`
}

// SequenceDTO is a follow-up or cart-recovery sequence with its counts.
type SequenceDTO struct {
	ID        int64             `json:"id"`
	Name      string            `json:"name"`
	Kind      string            `json:"kind"`
	Steps     []SequenceStepDTO `json:"steps"`
	Archived  bool              `json:"archived"`
	Stats     SequenceStatsDTO  `json:"stats"`
	UpdatedAt string            `json:"updatedAt"`
}

// SequenceInput is what the sequence editor saves (id 0 creates).
type SequenceInput struct {
	ID    int64             `json:"id"`
	Name  string            `json:"name"`
	Kind  string            `json:"kind"`
	Steps []SequenceStepDTO `json:"steps"`
	// CancelQueued cancels the steps already queued from this sequence;
	// otherwise they keep the text and time they were queued with.
	CancelQueued bool `json:"cancelQueued"`
}

// SequenceSavedDTO is a saved sequence and how many queued steps the save cancelled.
type SequenceSavedDTO struct {
	Sequence  SequenceDTO `json:"sequence"`
	Cancelled int64       `json:"cancelled"`
}

// ScheduledMessageDTO is one scheduled message. State is pending, sending,
// sent, refused, failed or cancelled; Refusal is the send gate's reason (an
// i18n key) or why it was cancelled (replied, cancelled, sequence_edited,
// sequence_archived).
type ScheduledMessageDTO struct {
	ID                int64  `json:"id"`
	Kind              string `json:"kind"`
	SequenceID        int64  `json:"sequenceId"`
	SequenceName      string `json:"sequenceName"`
	LiveID            int64  `json:"liveId"`
	ConversationID    int64  `json:"conversationId"`
	ConversationTitle string `json:"conversationTitle"`
	Step              int    `json:"step"`
	Text              string `json:"text"`
	DueAt             string `json:"dueAt"`
	State             string `json:"state"`
	Refusal           string `json:"refusal"`
	DoneAt            string `json:"doneAt"`
}

// OutboxQuery filters the scheduled messages: state is "" (all), "queued"
// (waiting or sending), sent, refused, failed or cancelled.
type OutboxQuery struct {
	SequenceID     int64  `json:"sequenceId"`
	ConversationID int64  `json:"conversationId"`
	State          string `json:"state"`
	Limit          int    `json:"limit"`
}

// ConsentStateDTO is what the send gate will think of a conversation's
// contact: a sequence needs a contact who consented and did not opt out.
type ConsentStateDTO struct {
	HasContact bool   `json:"hasContact"`
	ContactID  int64  `json:"contactId"`
	Consented  bool   `json:"consented"`
	OptedOut   bool   `json:"optedOut"`
	OptedOutAt string `json:"optedOutAt"`
	Channel    string `json:"channel"`
	// PublicThread: a comment thread, where sequences never post.
	PublicThread bool `json:"publicThread"`
	Allowed      bool `json:"allowed"`
}

// EnrollRequest enrols a conversation in a sequence; values fill the tokens
// typed by hand ({discount_code}...).
type EnrollRequest struct {
	SequenceID     int64             `json:"sequenceId"`
	ConversationID int64             `json:"conversationId"`
	Values         map[string]string `json:"values"`
}

// PlannedStepDTO is one step as it would be queued for the conversation.
type PlannedStepDTO struct {
	Step    int      `json:"step"`
	DueAt   string   `json:"dueAt"`
	Text    string   `json:"text"`
	Missing []string `json:"missing"`
}

// EnrollPlanDTO previews an enrolment: consent, the filled steps and their
// due times, the tokens still to type, and how many steps already wait.
type EnrollPlanDTO struct {
	Sequence SequenceDTO      `json:"sequence"`
	Consent  ConsentStateDTO  `json:"consent"`
	Steps    []PlannedStepDTO `json:"steps"`
	Missing  []string         `json:"missing"`
	Queued   int              `json:"queued"`
}

func toScheduledDTO(r store.ScheduledRow) ScheduledMessageDTO {
	d := ScheduledMessageDTO{ID: r.ID, Kind: r.Kind, SequenceName: r.SequenceName, ConversationID: r.ConversationID,
		ConversationTitle: r.ConversationTitle, Step: r.Step, Text: r.Text, DueAt: calTime(r.DueAt), State: r.State,
		Refusal: r.Refusal, DoneAt: calTime(r.DoneAt)}
	if r.SequenceID != nil {
		d.SequenceID = *r.SequenceID
	}
	if r.LiveID != nil {
		d.LiveID = *r.LiveID
	}
	return d
}

func toConsentStateDTO(c calendar.ConsentState) ConsentStateDTO {
	return ConsentStateDTO{HasContact: c.HasContact, ContactID: c.ContactID, Consented: c.Consented, OptedOut: c.OptedOut,
		OptedOutAt: calTime(c.OptedOutAt), Channel: c.Channel, PublicThread: c.PublicThread, Allowed: c.Allowed()}
}

func toSequenceDTO(q store.MessageSequence, archived bool, st store.SequenceStat) SequenceDTO {
	d := SequenceDTO{ID: q.ID, Name: q.Name, Kind: q.Kind, Steps: []SequenceStepDTO{}, Archived: archived, UpdatedAt: calTime(q.UpdatedAt),
		Stats: SequenceStatsDTO{Enrolled: st.Enrolled, Active: st.Active, Queued: st.Queued, Sent: st.Sent, Refused: st.Refused,
			Failed: st.Failed, Cancelled: st.Cancelled}}
	_ = json.Unmarshal([]byte(q.StepsJSON), &d.Steps)
	return d
}
