package app

import (
	"context"
	"slices"
	"strings"

	"creatordesk/backend/inbox"
	"creatordesk/backend/moderation"
	"creatordesk/backend/platforms"
)

func init() { registerFacade(func(s *Session) any { return NewModeration(s) }) }

// Moderation is the bound facade for comment moderation: hide, unhide,
// delete, block, mute and report through the platform, private replies and
// the negative-comment action.
type Moderation struct{ s *Session }

// NewModeration binds the facade to a session.
func NewModeration(s *Session) *Moderation { return &Moderation{s: s} }

// svc builds the moderation service for the open workspace.
func (m *Moderation) svc() *moderation.Service {
	ws := m.s.Workspace()
	return &moderation.Service{Store: ws.Store, Connectors: ws.Inbox.Connectors, Inbox: ws.Inbox, Bus: ws.Bus}
}

// actor checks that the member working may act and returns their name.
func (m *Moderation) actor(ctx context.Context) (string, error) {
	tr := inbox.NewTriage(m.s.Workspace().Store, m.s.Actor())
	if _, err := tr.Team.RequireEditor(ctx); err != nil {
		return "", err
	}
	return tr.Team.ActorName(ctx, m.s.Actor()), nil
}

// Capabilities lists what a platform offers (the menu shows only that).
func (m *Moderation) Capabilities(platform string) (ModerationCapsDTO, error) {
	return ModerationCapsDTO{Platform: platform,
		Others:                kindNames(moderation.Supported(platform, false)),
		Own:                   kindNames(moderation.Supported(platform, true)),
		PrivateReply:          slices.Contains(inbox.PrivateReplyPlatforms(), platform),
		PrivateReplyPlatforms: inbox.PrivateReplyPlatforms(),
		HidePlatforms:         moderation.PlatformsFor(platforms.ModerateHide)}, nil
}

// Moderate performs one action through the platform and records it.
func (m *Moderation) Moderate(req ModerateRequest) (ModerationOutcomeDTO, error) {
	ctx := context.Background()
	actor, err := m.actor(ctx)
	if err != nil {
		return ModerationOutcomeDTO{}, err
	}
	out, err := m.svc().Moderate(ctx, moderation.Request{MessageID: req.MessageID, Action: platforms.ModerationKind(req.Action),
		Actor: actor, Origin: moderation.OriginHuman, Reason: strings.TrimSpace(req.Reason)})
	if err != nil {
		return ModerationOutcomeDTO{}, err
	}
	msg := toMessageDTO(out.Message)
	msg.Hidden = out.Hidden
	return ModerationOutcomeDTO{Record: toModerationRecordDTO(out.Record), Message: msg}, nil
}

// Log lists a conversation's moderation actions, newest first.
func (m *Moderation) Log(conversationID int64) ([]ModerationRecordDTO, error) {
	rows, err := m.svc().Log(context.Background(), conversationID)
	out := make([]ModerationRecordDTO, len(rows))
	for i, r := range rows {
		out[i] = toModerationRecordDTO(r)
	}
	return out, err
}

// History lists the workspace's moderation actions, newest first, narrowed to
// an account and an action: who hid, deleted, blocked, muted or reported
// what, when and why, and whether the platform carried it out.
func (m *Moderation) History(req ModerationHistoryRequest) (ModerationHistoryDTO, error) {
	page, err := m.svc().History(context.Background(), moderation.HistoryFilter{AccountID: req.AccountID,
		Action: strings.TrimSpace(req.Action), BeforeID: req.BeforeID, Limit: req.Limit})
	if err != nil {
		return ModerationHistoryDTO{}, err
	}
	return toModerationHistoryDTO(page), nil
}

// PrivateReplyStatus says whether a comment can be answered privately now.
func (m *Moderation) PrivateReplyStatus(messageID int64) (PrivateReplyStatusDTO, error) {
	ctx := context.Background()
	ws := m.s.Workspace()
	msg, err := ws.Store.MessageByID(ctx, messageID)
	if err != nil {
		return PrivateReplyStatusDTO{}, err
	}
	conv, err := ws.Store.ConversationByID(ctx, msg.ConversationID)
	if err != nil {
		return PrivateReplyStatusDTO{}, err
	}
	st, err := ws.Inbox.PrivateReplyStatus(ctx, conv, msg)
	if err != nil {
		return PrivateReplyStatusDTO{}, err
	}
	return PrivateReplyStatusDTO{Supported: st.Supported, ClosesAt: rfc3339Time(st.ClosesAt), Sent: st.Sent,
		Open: st.Supported && ws.Store.Now().Before(st.ClosesAt)}, nil
}

// ReplyPrivately sends text to a comment's author as a direct message
// through the send gate (one per comment, within the platform's window).
func (m *Moderation) ReplyPrivately(messageID int64, text string, templateID int64) (MessageDTO, error) {
	ctx := context.Background()
	actor, err := m.actor(ctx)
	if err != nil {
		return MessageDTO{}, err
	}
	ws := m.s.Workspace()
	comment, err := ws.Store.MessageByID(ctx, messageID)
	if err != nil {
		return MessageDTO{}, err
	}
	origin := inbox.OriginHuman
	if templateID != 0 {
		origin = inbox.OriginTemplate
	}
	sent, err := ws.Inbox.Send(ctx, inbox.SendRequest{ConversationID: comment.ConversationID, Text: text, Actor: actor,
		Origin: origin, TemplateID: templateID, PrivateReplyTo: comment.ID})
	if err != nil {
		return MessageDTO{}, err
	}
	dto := toMessageDTO(sent)
	dto.PrivateReplyTo = comment.ID
	return dto, nil
}

// RespondToNegative sends an empathetic public reply and a private follow-up
// in one step; a partial failure is reported in the result, not as the error.
func (m *Moderation) RespondToNegative(req NegativeReplyRequest) (NegativeReplyResultDTO, error) {
	ctx := context.Background()
	actor, err := m.actor(ctx)
	if err != nil {
		return NegativeReplyResultDTO{}, err
	}
	res, err := m.svc().RespondToNegative(ctx, moderation.NegativeRequest{MessageID: req.MessageID, PublicText: req.PublicText,
		PublicTemplateID: req.PublicTemplateID, PrivateText: req.PrivateText, PrivateTemplateID: req.PrivateTemplateID, Actor: actor})
	if err != nil {
		return NegativeReplyResultDTO{}, err
	}
	var conv int64
	if res.Public.Message != nil {
		conv = res.Public.Message.ConversationID
	}
	mod, _ := m.s.Workspace().Store.ThreadModerationState(ctx, conv)
	return NegativeReplyResultDTO{Public: toNegativeStepDTO(res.Public, mod), Private: toNegativeStepDTO(res.Private, mod),
		Partial: res.Partial()}, nil
}
