// Package moderation acts on public comments and their authors through the
// account's connector (hide, unhide, delete, reject, block, mute, report),
// records every action with who or what took it and why, and answers a
// negative comment in one step (a public reply and a private follow-up,
// both through the inbox's send gate).
package moderation

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// Origins of a moderation action.
const (
	OriginHuman      = store.ModerationByHuman
	OriginAutomation = store.ModerationByAutomation
)

// Service performs moderation actions.
type Service struct {
	Store      *store.Store
	Connectors inbox.ConnectorSource
	// Inbox is the send gate the negative-comment action replies through.
	Inbox *inbox.Service
	// Timeout bounds one platform call (30 s when zero).
	Timeout time.Duration
	// Bus, when set, receives a Changed event for every recorded action.
	Bus *events.Bus
}

// Request is one moderation action on a stored message.
type Request struct {
	MessageID int64
	Action    platforms.ModerationKind
	// Actor is the member's name, or "automation:<rule id>".
	Actor string
	// Origin is OriginHuman (default) or OriginAutomation.
	Origin string
	// Reason is kept in the log and sent with reports.
	Reason string
}

// UnsupportedError: the platform does not offer the action (checked before any call).
type UnsupportedError struct {
	Action   platforms.ModerationKind
	Platform string
	// Own is true when the message is the account's own.
	Own bool
}

// Error implements error.
func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("moderation: %s cannot %s this message from CreatorDesk", e.Platform, e.Action)
}

// ErrorKey implements app.KeyedError: the arguments name the action, the
// platform and the platforms that can do it.
func (e *UnsupportedError) ErrorKey() (string, string, map[string]string) {
	can := PlatformsFor(e.Action)
	key := "errors.moderation.unsupported"
	if len(can) == 0 {
		key = "errors.moderation.unsupportedAnywhere"
	}
	return "moderation_unsupported", key, map[string]string{"action": string(e.Action),
		"platform": inbox.PlatformLabel(e.Platform), "platforms": inbox.PlatformLabels(can)}
}

// ErrUnknownAction: the action is not one of Actions.
var ErrUnknownAction = errors.New("moderation: unknown action")

// Outcome is a performed action and the message's state after it.
type Outcome struct {
	Record  store.ModerationRecord
	Message store.Message
	Hidden  bool
}

// Moderate checks that the platform offers the action, performs it through
// the connector and records it (log, message state, audit trail). A refusal
// or failure of the platform is recorded too and returned as the error.
func (s *Service) Moderate(ctx context.Context, req Request) (Outcome, error) {
	if !isAction(req.Action) {
		return Outcome{}, ErrUnknownAction
	}
	m, err := s.Store.MessageByID(ctx, req.MessageID)
	if err != nil {
		return Outcome{}, err
	}
	conv, err := s.Store.ConversationByID(ctx, m.ConversationID)
	if err != nil {
		return Outcome{}, err
	}
	own := m.Direction == string(platforms.DirectionOut)
	if !Supports(conv.Platform, req.Action, own) {
		return Outcome{}, &UnsupportedError{Action: req.Action, Platform: conv.Platform, Own: own}
	}
	acc, err := s.Store.AccountByID(ctx, conv.AccountID)
	if err != nil {
		return Outcome{}, err
	}
	switch acc.Status {
	case store.AccountDisconnected, store.AccountNeedsReconnect:
		return Outcome{}, inbox.ErrAccountDisconnected
	case store.AccountImported:
		return Outcome{}, inbox.ErrImportedArchive
	}
	callErr := s.call(ctx, conv, m, req)
	rec := store.ModerationRecord{MessageID: m.ID, Action: string(req.Action), Actor: req.Actor, Origin: req.Origin,
		Reason: strings.TrimSpace(req.Reason)}
	if callErr != nil {
		rec.Outcome, rec.ErrorKind, rec.ErrorDetail = store.ModerationFailed, string(platforms.KindOf(callErr)), callErr.Error()
	}
	rec, err = s.Store.RecordModeration(context.WithoutCancel(ctx), rec)
	if err != nil {
		return Outcome{}, err
	}
	if callErr != nil {
		// Nothing changed on the message, but the log has a new row.
		if st, err := s.Store.ThreadModerationState(ctx, conv.ID); err == nil {
			s.publish(rec, st.Hidden[m.ID])
		}
		return Outcome{Record: rec}, callErr
	}
	out := Outcome{Record: rec}
	out.Message, err = s.Store.MessageByID(ctx, m.ID)
	if err != nil {
		return out, err
	}
	st, err := s.Store.ThreadModerationState(ctx, conv.ID)
	out.Hidden = st.Hidden[m.ID]
	s.publish(rec, out.Hidden)
	return out, err
}

// call performs the action through the account's connector.
func (s *Service) call(ctx context.Context, conv store.Conversation, m store.Message, req Request) error {
	timeout := s.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	conn, _, err := s.Connectors.Connector(ctx, conv.AccountID)
	if err != nil {
		return err
	}
	mod, ok := conn.(platforms.Moderator)
	if !ok || !platforms.Has(conn.Capabilities(), platforms.CapModerateComment) {
		return &UnsupportedError{Action: req.Action, Platform: conv.Platform, Own: m.Direction == string(platforms.DirectionOut)}
	}
	action := platforms.ModerationAction{Kind: req.Action, TargetExternalID: m.ExternalID, ThreadExternalID: conv.ExternalID,
		Reason: req.Reason}
	if m.AuthorIdentityID != nil {
		action.AuthorExternalID, _ = s.Store.IdentityExternalID(ctx, *m.AuthorIdentityID)
	}
	return mod.Moderate(ctx, action)
}

// Log returns a conversation's moderation actions, newest first.
func (s *Service) Log(ctx context.Context, conversationID int64) ([]store.ModerationRecord, error) {
	return s.Store.ModerationLog(ctx, conversationID, 100)
}

// isAction reports a known action.
func isAction(a platforms.ModerationKind) bool {
	for _, x := range Actions {
		if x == a {
			return true
		}
	}
	return false
}
