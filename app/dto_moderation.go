package app

import (
	"time"

	"creatordesk/backend/moderation"
	"creatordesk/backend/store"
)

// ModerateRequest asks for one moderation action on a message.
type ModerateRequest struct {
	MessageID int64 `json:"messageId"`
	// Action is hide, unhide, delete, reject, block, mute or report.
	Action string `json:"action"`
	Reason string `json:"reason"`
}

// ModerationRecordDTO is one logged moderation action.
type ModerationRecordDTO struct {
	ID        int64  `json:"id"`
	MessageID int64  `json:"messageId"`
	Action    string `json:"action"`
	Actor     string `json:"actor"`
	// Origin is human or automation; Outcome done or failed.
	Origin    string    `json:"origin"`
	Reason    string    `json:"reason"`
	Outcome   string    `json:"outcome"`
	Error     *AppError `json:"error"`
	CreatedAt string    `json:"createdAt"`
}

// ModerationOutcomeDTO is a performed action and the message after it.
type ModerationOutcomeDTO struct {
	Record  ModerationRecordDTO `json:"record"`
	Message MessageDTO          `json:"message"`
}

// ModerationCapsDTO says what a platform offers, so the menu shows only that.
type ModerationCapsDTO struct {
	Platform string `json:"platform"`
	// Others are the actions on someone else's comment; Own on the account's own.
	Others []string `json:"others"`
	Own    []string `json:"own"`
	// PrivateReply is true when the platform can answer a comment privately.
	PrivateReply bool `json:"privateReply"`
	// PrivateReplyPlatforms names the platforms that can (for the "not here" hint).
	PrivateReplyPlatforms []string `json:"privateReplyPlatforms"`
	// HidePlatforms names the platforms that can hide comments.
	HidePlatforms []string `json:"hidePlatforms"`
}

// PrivateReplyStatusDTO says whether a comment can be answered privately now.
type PrivateReplyStatusDTO struct {
	Supported bool `json:"supported"`
	// ClosesAt is when the window closes (RFC 3339; "" when unsupported).
	ClosesAt string `json:"closesAt"`
	Open     bool   `json:"open"`
	Sent     bool   `json:"sent"`
}

// NegativeReplyRequest answers a negative comment: a public reply and a private follow-up.
type NegativeReplyRequest struct {
	MessageID         int64  `json:"messageId"`
	PublicText        string `json:"publicText"`
	PublicTemplateID  int64  `json:"publicTemplateId"`
	PrivateText       string `json:"privateText"`
	PrivateTemplateID int64  `json:"privateTemplateId"`
}

// NegativeStepDTO is one of the two sends: the stored message (null when the
// gate refused it or it was skipped) and the error, if any.
type NegativeStepDTO struct {
	Message *MessageDTO `json:"message"`
	Error   *AppError   `json:"error"`
	Skipped bool        `json:"skipped"`
	Sent    bool        `json:"sent"`
}

// NegativeReplyResultDTO reports both steps; Partial is true when one went out and the other did not.
type NegativeReplyResultDTO struct {
	Public  NegativeStepDTO `json:"public"`
	Private NegativeStepDTO `json:"private"`
	Partial bool            `json:"partial"`
}

// toModerationRecordDTO converts a logged action.
func toModerationRecordDTO(r store.ModerationRecord) ModerationRecordDTO {
	return ModerationRecordDTO{ID: r.ID, MessageID: r.MessageID, Action: r.Action, Actor: r.Actor, Origin: r.Origin,
		Reason: r.Reason, Outcome: r.Outcome, Error: storedError(r.ErrorKind, r.ErrorDetail), CreatedAt: rfc3339(r.CreatedAt)}
}

// toNegativeStepDTO converts one step of the negative-comment action.
func toNegativeStepDTO(s moderation.Step, mod store.ThreadModeration) NegativeStepDTO {
	out := NegativeStepDTO{Skipped: s.Skipped, Sent: s.Sent(), Error: ToAppError(s.Err)}
	if s.Message != nil {
		m := withModeration(toMessageDTO(*s.Message), mod)
		out.Message = &m
	}
	return out
}

// withModeration adds a thread's moderation state to a message.
func withModeration(m MessageDTO, mod store.ThreadModeration) MessageDTO {
	m.Hidden = mod.Hidden[m.ID]
	m.PrivateReplyTo = mod.PrivateReplyTo[m.ID]
	m.PrivatelyAnswered = mod.PrivatelyAnswered[m.ID]
	return m
}

// kindNames converts moderation kinds to their names.
func kindNames[T ~string](in []T) []string {
	out := make([]string, len(in))
	for i, k := range in {
		out[i] = string(k)
	}
	return out
}

// rfc3339Time formats a time ("" for the zero time).
func rfc3339Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// ModerationHistoryRequest asks for a page of the workspace's moderation log.
type ModerationHistoryRequest struct {
	// AccountID narrows to one account (0: all).
	AccountID int64 `json:"accountId"`
	// Action narrows to one action ("": all).
	Action string `json:"action"`
	// BeforeID continues after a page's nextBeforeId (0: the newest).
	BeforeID int64 `json:"beforeId"`
	Limit    int   `json:"limit"`
}

// ModerationEntryDTO is one action in the moderation log.
type ModerationEntryDTO struct {
	ID     int64  `json:"id"`
	At     string `json:"at"`
	Actor  string `json:"actor"`
	Action string `json:"action"`
	// Origin is human or automation.
	Origin string `json:"origin"`
	// Failed: the platform refused the action or could not be reached.
	Failed bool `json:"failed"`
	// Reason is the reason given, or for a failure the kind of error.
	Reason         string `json:"reason"`
	MessageID      int64  `json:"messageId"`
	ConversationID int64  `json:"conversationId"`
	AccountID      int64  `json:"accountId"`
	Author         string `json:"author"`
	Excerpt        string `json:"excerpt"`
}

// ModerationHistoryDTO is one page of the moderation log, newest first.
type ModerationHistoryDTO struct {
	Entries []ModerationEntryDTO `json:"entries"`
	// NextBeforeID continues with older entries (0: none).
	NextBeforeID int64 `json:"nextBeforeId"`
}

// toModerationHistoryDTO converts a page of the log.
func toModerationHistoryDTO(p moderation.HistoryPage) ModerationHistoryDTO {
	out := ModerationHistoryDTO{Entries: make([]ModerationEntryDTO, len(p.Entries)), NextBeforeID: p.NextBeforeID}
	for i, e := range p.Entries {
		out.Entries[i] = ModerationEntryDTO{ID: e.ID, At: rfc3339Time(e.At), Actor: e.Actor, Action: e.Action, Origin: e.Origin,
			Failed: e.Failed, Reason: e.Reason, MessageID: e.MessageID, ConversationID: e.ConversationID, AccountID: e.AccountID,
			Author: e.Author, Excerpt: e.Excerpt}
	}
	return out
}
