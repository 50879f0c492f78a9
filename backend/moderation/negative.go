package moderation

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// ErrNotAComment: the negative-comment action answers a comment someone else wrote.
var ErrNotAComment = notCommentError{}

// notCommentError is ErrNotAComment's type, with its translation key.
type notCommentError struct{}

// Error implements error.
func (notCommentError) Error() string {
	return "moderation: only a comment from someone else can be answered this way"
}

// ErrorKey implements app.KeyedError.
func (notCommentError) ErrorKey() (string, string, map[string]string) {
	return "not_a_comment", "errors.moderation.notAComment", nil
}

// NegativeRequest answers a negative comment in one step: an empathetic
// public reply in the thread, then a private follow-up to its author.
type NegativeRequest struct {
	// MessageID is the comment.
	MessageID int64
	// PublicText is required; PublicTemplateID names the saved reply it came from (0 = written).
	PublicText       string
	PublicTemplateID int64
	// PrivateText is optional ("" sends only the public reply).
	PrivateText       string
	PrivateTemplateID int64
	Actor             string
}

// Step is the outcome of one of the two sends. Message is nil when the gate
// refused it (Err says why) or when it was not attempted (Skipped).
type Step struct {
	Message *store.Message
	// Err is the gate's refusal, or the delivery failure of a stored message.
	Err     error
	Skipped bool
}

// Sent reports a delivered message.
func (s Step) Sent() bool { return s.Message != nil && s.Message.State == store.StateSent }

// NegativeResult reports both steps; one can succeed while the other fails.
type NegativeResult struct {
	Public  Step
	Private Step
}

// Partial reports that one step was delivered and the other was not.
func (r NegativeResult) Partial() bool {
	return r.Public.Sent() != r.Private.Sent() && !r.Private.Skipped
}

// RespondToNegative sends the public reply and then the private follow-up,
// each through the send gate. Before anything is sent it checks that the
// comment can take a private reply (platform, window, not answered yet), so a
// foreseeable refusal never leaves the public reply alone. The error is
// returned only when nothing was sent; later failures are in the result.
func (s *Service) RespondToNegative(ctx context.Context, req NegativeRequest) (NegativeResult, error) {
	var res NegativeResult
	comment, err := s.Store.MessageByID(ctx, req.MessageID)
	if err != nil {
		return res, err
	}
	conv, err := s.Store.ConversationByID(ctx, comment.ConversationID)
	if err != nil {
		return res, err
	}
	if conv.Kind != string(platforms.ThreadComment) || comment.Direction != string(platforms.DirectionIn) {
		return res, ErrNotAComment
	}
	wantPrivate := strings.TrimSpace(req.PrivateText) != ""
	if wantPrivate {
		st, err := s.Inbox.PrivateReplyStatus(ctx, conv, comment)
		switch {
		case err != nil:
			return res, err
		case !st.Supported:
			return res, &inbox.PrivateReplyUnsupportedError{Platform: conv.Platform}
		case st.Sent:
			return res, inbox.ErrPrivateReplyAlreadySent
		case !s.Store.Now().Before(st.ClosesAt):
			return res, &inbox.PrivateWindowClosedError{Platform: conv.Platform, ClosedAt: st.ClosesAt,
				Window: st.ClosesAt.Sub(timeOf(comment.SentAt))}
		}
	}
	pub, err := s.Inbox.Send(ctx, inbox.SendRequest{ConversationID: conv.ID, Text: req.PublicText, Actor: req.Actor,
		Origin: origin(req.PublicTemplateID), TemplateID: req.PublicTemplateID})
	if err != nil {
		return res, err // refused by the gate: nothing was sent
	}
	res.Public = stepOf(pub)
	if !wantPrivate {
		res.Private.Skipped = true
	} else {
		priv, err := s.Inbox.Send(ctx, inbox.SendRequest{ConversationID: conv.ID, Text: req.PrivateText, Actor: req.Actor,
			Origin: origin(req.PrivateTemplateID), TemplateID: req.PrivateTemplateID, PrivateReplyTo: comment.ID})
		if err != nil {
			res.Private.Err = err
		} else {
			res.Private = stepOf(priv)
		}
	}
	_, _ = s.Store.AppendAudit(context.WithoutCancel(ctx), store.AuditEvent{Actor: req.Actor, Action: "moderation.negative_reply",
		TargetType: "message", TargetID: fmt.Sprint(comment.ID), Reason: summary(res)})
	return res, nil
}

// stepOf turns a stored message into a step; a failed delivery carries its error.
func stepOf(m store.Message) Step {
	st := Step{Message: &m}
	if m.State == store.StateFailed {
		st.Err = &platforms.Error{Kind: platforms.ErrorKind(m.ErrorKind), Message: m.ErrorDetail}
	}
	return st
}

// origin is the send origin of a text: a saved reply or typed.
func origin(templateID int64) string {
	if templateID != 0 {
		return inbox.OriginTemplate
	}
	return inbox.OriginHuman
}

// summary words the two outcomes for the audit trail.
func summary(r NegativeResult) string {
	word := func(s Step) string {
		switch {
		case s.Skipped:
			return "skipped"
		case s.Sent():
			return "sent"
		case s.Message != nil:
			return "failed"
		case errors.Is(s.Err, context.Canceled):
			return "cancelled"
		}
		return "refused"
	}
	return "public " + word(r.Public) + ", private " + word(r.Private)
}

// timeOf converts Unix milliseconds.
func timeOf(ms int64) time.Time { return time.UnixMilli(ms) }
