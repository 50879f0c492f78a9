// Package inbox is the unified inbox: listing and reading conversations, and
// the send gate, the one path every outgoing message takes to a connector.
package inbox

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// Errors the send gate refuses a message with, before anything is stored.
var (
	// ErrEmptyText: the reply has no visible text.
	ErrEmptyText = errors.New("inbox: the reply is empty")
	// ErrAccountDisconnected: the conversation's account is disconnected or needs reconnecting.
	ErrAccountDisconnected = errors.New("inbox: the account is not connected")
	// ErrImportedArchive: the conversation came from an export file; there is nothing to send it through.
	ErrImportedArchive = errors.New("inbox: this conversation was imported from an export file and cannot be answered from here")
)

// TooLongError: the reply exceeds the platform's limit, measured in Unit (see limits.go).
type TooLongError struct {
	Max  int
	Unit string
}

// Error implements error.
func (e *TooLongError) Error() string {
	unit := e.Unit
	if unit == "" || unit == UnitMastodon {
		unit = UnitCharacters
	}
	return fmt.Sprintf("inbox: the reply is longer than %d %s", e.Max, unit)
}

// ErrorKey implements app.KeyedError: limits in characters keep the core key
// errors.send.tooLong; bytes and graphemes have their own keys, so the message
// names what is counted.
func (e *TooLongError) ErrorKey() (string, string, map[string]string) {
	key := "errors.send.tooLong"
	if e.Unit == UnitBytes || e.Unit == UnitGraphemes {
		key = "errors.triage.tooLong." + e.Unit
	}
	return "send_too_long", key, map[string]string{"max": fmt.Sprint(e.Max)}
}

// WindowClosedError: the platform's messaging window closed; only approved
// templates may be sent now (the platform would refuse free text).
type WindowClosedError struct {
	Platform string
	ClosedAt time.Time
}

// Error implements error.
func (e *WindowClosedError) Error() string {
	return fmt.Sprintf("inbox: the %s messaging window is closed", e.Platform)
}

// ErrorKey implements app.KeyedError.
func (e *WindowClosedError) ErrorKey() (string, string, map[string]string) {
	return "window_closed", "errors.platform.windowClosed", nil
}

// ConnectorSource gives the send gate an account's connector.
type ConnectorSource interface {
	Connector(ctx context.Context, accountID int64) (platforms.Connector, store.Account, error)
}

// Policy is one rule of the send gate supplied by another area (opt-out,
// consent, per-contact rate limits, disclosure, approval...). Check runs before
// anything is stored: it refuses the message by returning an error (a
// KeyedError the UI can translate), or amends the request (for example adds a
// disclosure label to req.Text).
type Policy interface {
	Check(ctx context.Context, conv store.Conversation, req *SendRequest) error
}

// SentHook is told about every message the gate delivered or failed to
// deliver (rate-limit counters, disclosure records, experiment exposure...).
type SentHook func(ctx context.Context, conv store.Conversation, req SendRequest, m store.Message)

// Service is the inbox's domain service.
type Service struct {
	Store      *store.Store
	Connectors ConnectorSource
	Bus        *events.Bus
	// SendTimeout bounds one platform send (30 s when zero).
	SendTimeout time.Duration
	// Policies are applied in order to every Send after the gate's own checks.
	Policies []Policy
	// AfterSend hooks run after each delivery attempt, in order.
	AfterSend []SentHook
	// AttachmentDir keeps the copies of sent files ("" means the attachments
	// folder beside the database file; see attachments.go).
	AttachmentDir string
}

// Origins of an outgoing message: who or what wrote it. The gate's rules
// depend on it (opt-out and disclosure apply to automated and marketing sends).
const (
	// OriginHuman is a person typing in the composer.
	OriginHuman = "human"
	// OriginTemplate is a person sending a saved reply.
	OriginTemplate = "template"
	// OriginAutomation is a rule's reply or an approved AI draft.
	OriginAutomation = "automation"
	// OriginScheduled is a scheduled follow-up or sequence step.
	OriginScheduled = "scheduled"
	// OriginAway is the out-of-hours acknowledgement.
	OriginAway = "away"
)

// SendRequest is one outgoing message offered to the send gate.
type SendRequest struct {
	ConversationID int64
	Text           string
	// Actor is the member's name, or "automation:<rule id>", "scheduler", "sla".
	Actor string
	// Origin is one of the Origin* constants ("" means OriginHuman).
	Origin string
	// TemplateID is the saved reply the text came from (0 = none).
	TemplateID int64
	// AIAssisted marks a draft an AI wrote and a person approved.
	AIAssisted bool
	// Marketing marks an offer or follow-up that needs the contact's consent.
	Marketing bool
	// PrivateReplyTo is the comment (a message id of this conversation) the
	// text answers privately, in a direct message to its author; 0 sends the
	// text into the thread itself. See private.go for the platforms' rules.
	PrivateReplyTo int64
	// Attachments are files sent with the text (which may then be empty);
	// see attachments.go for the rules and where they are kept.
	Attachments []AttachmentInput
	// WhatsAppTemplate sends an approved WhatsApp template instead of free
	// text; the only thing WhatsApp accepts after its 24-hour window. Text is
	// replaced by the rendered body. See whatsapp_template.go.
	WhatsAppTemplate *TemplateRequest
}

// Reply sends text a person wrote into a conversation through the send gate.
func (s *Service) Reply(ctx context.Context, conversationID int64, author, text string) (store.Message, error) {
	return s.Send(ctx, SendRequest{ConversationID: conversationID, Text: text, Actor: author, Origin: OriginHuman})
}

// Send is the one path every outgoing message takes to a connector. The
// message is stored (queued) before the platform is called, so it is never
// lost; the returned message is in its final state, sent or failed with the
// reason. An error is returned only when the gate refused the message and
// stored nothing.
func (s *Service) Send(ctx context.Context, req SendRequest) (store.Message, error) {
	if req.Origin == "" {
		req.Origin = OriginHuman
	}
	author, text := req.Actor, req.Text
	conv, err := s.Store.ConversationByID(ctx, req.ConversationID)
	if err != nil {
		return store.Message{}, err
	}
	var comment *store.Message
	if req.PrivateReplyTo != 0 {
		c, err := s.checkPrivate(ctx, conv, req.PrivateReplyTo)
		if err != nil {
			return store.Message{}, err
		}
		comment = &c
	}
	kind := sendKind(conv, comment)
	out, err := s.prepareOutbound(ctx, conv, comment, &req)
	if err != nil {
		return store.Message{}, err
	}
	text = req.Text
	if err := s.check(ctx, conv, kind, text, out.rules()); err != nil {
		return store.Message{}, err
	}
	for _, p := range s.Policies {
		if err := p.Check(ctx, conv, &req); err != nil {
			return store.Message{}, err
		}
	}
	author, text = req.Actor, req.Text
	if err := s.check(ctx, conv, kind, text, out.rules()); err != nil { // a policy may have lengthened the text
		return store.Message{}, err
	}
	if err := s.keepFiles(out); err != nil {
		return store.Message{}, err
	}
	// The files are recorded with the queued message, in one transaction.
	m, err := s.Store.InsertOutgoingWithFiles(ctx, req.ConversationID, author, text, out.files)
	if err != nil {
		return store.Message{}, err
	}
	if m, err = s.recordOutbound(ctx, m, &out); err != nil {
		return m, err
	}
	if comment != nil {
		if err := s.Store.LinkPrivateReply(ctx, comment.ID, m.ID); err != nil {
			_ = s.Store.MarkFailed(context.WithoutCancel(ctx), m.ID, string(platforms.KindPermanent), "private reply already sent")
			if errors.Is(err, store.ErrDuplicate) {
				return store.Message{}, ErrPrivateReplyAlreadySent
			}
			return store.Message{}, err
		}
	}
	s.publishState(m)
	m, err = s.deliver(ctx, conv, m, author, comment, out)
	if err == nil {
		for _, hook := range s.AfterSend {
			hook(context.WithoutCancel(ctx), conv, req, m)
		}
	}
	return m, err
}

// Retry sends a failed message again.
func (s *Service) Retry(ctx context.Context, messageID int64, author string) (store.Message, error) {
	m, err := s.Store.MessageByID(ctx, messageID)
	if err != nil {
		return m, err
	}
	if m.State != store.StateFailed {
		return m, nil
	}
	conv, err := s.Store.ConversationByID(ctx, m.ConversationID)
	if err != nil {
		return m, err
	}
	var comment *store.Message
	if c, ok, err := s.Store.PrivateReplyComment(ctx, m.ID); err != nil {
		return m, err
	} else if ok {
		if _, err := s.privateRules(ctx, conv, c); err != nil {
			return m, err
		}
		comment = &c
	}
	out, err := s.storedOutbound(ctx, m)
	if err != nil {
		return m, err
	}
	if err := s.check(ctx, conv, sendKind(conv, comment), m.Text, out.rules()); err != nil {
		return m, err
	}
	if err := s.Store.MarkQueued(ctx, m.ID); err != nil {
		return m, err
	}
	m.State = store.StateQueued
	s.publishState(m)
	return s.deliver(ctx, conv, m, author, comment, out)
}

// sendKind is the kind of thread the text goes to: a private reply is a
// direct message even though it starts from a comment.
func sendKind(conv store.Conversation, comment *store.Message) string {
	if comment != nil {
		return string(platforms.ThreadDM)
	}
	return conv.Kind
}

// check applies the gate's rules that need no platform call; kind is the
// kind of thread the text is sent to (its length limit). A message with
// files may have no text, and an approved template is the one thing the
// messaging window does not stop (see outboundRules).
func (s *Service) check(ctx context.Context, conv store.Conversation, kind, text string, r outboundRules) error {
	if strings.TrimSpace(text) == "" && !r.hasFiles {
		return ErrEmptyText
	}
	if l, ok := LimitFor(conv.Platform, kind); ok && Measure(text, l.Unit) > l.Max {
		return &TooLongError{Max: l.Max, Unit: l.Unit}
	}
	acc, err := s.Store.AccountByID(ctx, conv.AccountID)
	if err != nil {
		return err
	}
	switch acc.Status {
	case store.AccountDisconnected, store.AccountNeedsReconnect:
		return ErrAccountDisconnected
	case store.AccountImported:
		return ErrImportedArchive
	}
	if kind != conv.Kind || r.template {
		return nil // a private reply (its window was checked by privateRules) or an approved template
	}
	if closes, ok := s.WindowDeadline(ctx, conv); ok && !s.Store.Now().Before(closes) {
		return &WindowClosedError{Platform: conv.Platform, ClosedAt: closes}
	}
	return nil
}

// deliver hands a stored message to the connector and records the outcome and an audit entry.
// A private reply (comment not nil) goes to the comment's author through the
// connector's PrivateReplier.
func (s *Service) deliver(ctx context.Context, conv store.Conversation, m store.Message, author string, comment *store.Message, out outbound) (store.Message, error) {
	timeout := s.SendTimeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	sendCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var sent platforms.SentMessage
	conn, _, err := s.Connectors.Connector(sendCtx, conv.AccountID)
	action := "reply"
	switch {
	case err != nil:
	case comment != nil:
		action = "reply.private"
		pr, ok := conn.(platforms.PrivateReplier)
		if !ok {
			err = &PrivateReplyUnsupportedError{Platform: conv.Platform}
			break
		}
		sent, err = pr.PrivateReply(sendCtx, comment.ExternalID, m.Text)
	case out.template != nil:
		action = "reply.template"
		sent, err = s.sendTemplate(sendCtx, conn, conv, *out.template)
	case len(out.files) > 0:
		action = "reply.attachment"
		sent, err = s.sendFiles(sendCtx, conn, conv, m, out.files)
	default:
		sent, err = conn.Send(sendCtx, platforms.OutgoingMessage{
			ThreadExternalID: conv.ExternalID, ThreadKind: platforms.ThreadKind(conv.Kind), Text: m.Text})
	}
	// Record the outcome even if the caller's context ended meanwhile.
	saveCtx := context.WithoutCancel(ctx)
	if err != nil {
		action += ".failed"
		m.State, m.ErrorKind, m.ErrorDetail = store.StateFailed, string(platforms.KindOf(err)), err.Error()
		if e := s.Store.MarkFailed(saveCtx, m.ID, m.ErrorKind, m.ErrorDetail); e != nil {
			return m, e
		}
	} else {
		at := sent.SentAt
		if at.IsZero() {
			at = s.Store.Now()
		}
		action += ".sent"
		m.State, m.ExternalID, m.SentAt, m.ErrorKind, m.ErrorDetail = store.StateSent, sent.ExternalID, at.UnixMilli(), "", ""
		if e := s.Store.MarkSent(saveCtx, m.ID, sent.ExternalID, m.SentAt); e != nil {
			return m, e
		}
	}
	_, _ = s.Store.AppendAudit(saveCtx, store.AuditEvent{Actor: author, Action: action, TargetType: "message",
		TargetID: fmt.Sprint(m.ID), Reason: m.ErrorKind})
	s.publishState(m)
	return m, nil
}

// publishState tells subscribers an outgoing message changed state.
func (s *Service) publishState(m store.Message) {
	if s.Bus != nil {
		s.Bus.Publish(events.MessageStateChanged, events.MessageStatePayload{MessageID: m.ID, ConversationID: m.ConversationID})
	}
}
