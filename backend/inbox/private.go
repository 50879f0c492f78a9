package inbox

import (
	"context"
	"fmt"
	"strings"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// Private replies answer a public comment with one direct message to its
// author. Platforms allow one per comment, within a window after the comment
// (Meta: 7 days); the connector reports its window (platforms.WindowReporter),
// and privateWindows is the fallback for connectors that do not.
var privateWindows = map[string]time.Duration{
	"instagram": 7 * 24 * time.Hour,
	"facebook":  7 * 24 * time.Hour,
}

// PrivateReplyPlatforms lists the platforms CreatorDesk can reply privately on.
func PrivateReplyPlatforms() []string { return []string{"instagram", "facebook"} }

// Errors that refuse a private reply before anything is stored.
var (
	// ErrPrivateReplyNotComment: only comments (not DMs) can be answered privately.
	ErrPrivateReplyNotComment = keyedError{code: "private_not_comment", key: "errors.moderation.privateNotComment",
		msg: "inbox: only a comment can be answered privately"}
	// ErrPrivateReplyAlreadySent: the comment already has a private reply (platforms allow one).
	ErrPrivateReplyAlreadySent = keyedError{code: "private_already_sent", key: "errors.moderation.privateAlreadySent",
		msg: "inbox: this comment already has a private reply"}
)

// keyedError is a fixed error with its own translation key.
type keyedError struct{ code, key, msg string }

// Error implements error.
func (e keyedError) Error() string { return e.msg }

// ErrorKey implements app.KeyedError.
func (e keyedError) ErrorKey() (string, string, map[string]string) { return e.code, e.key, nil }

// PrivateReplyUnsupportedError: the platform (or its connector) offers no private replies.
type PrivateReplyUnsupportedError struct{ Platform string }

// Error implements error.
func (e *PrivateReplyUnsupportedError) Error() string {
	return fmt.Sprintf("inbox: %s does not let CreatorDesk reply privately to a comment", e.Platform)
}

// ErrorKey implements app.KeyedError; the arguments name the platform and those that can.
func (e *PrivateReplyUnsupportedError) ErrorKey() (string, string, map[string]string) {
	return "private_unsupported", "errors.moderation.privateUnsupported",
		map[string]string{"platform": PlatformLabel(e.Platform), "platforms": PlatformLabels(PrivateReplyPlatforms())}
}

// PrivateWindowClosedError: the time allowed for a private reply to this comment has passed.
type PrivateWindowClosedError struct {
	Platform string
	ClosedAt time.Time
	Window   time.Duration
}

// Error implements error.
func (e *PrivateWindowClosedError) Error() string {
	return fmt.Sprintf("inbox: the %s private-reply window closed at %s", e.Platform, e.ClosedAt.UTC().Format(time.RFC3339))
}

// ErrorKey implements app.KeyedError.
func (e *PrivateWindowClosedError) ErrorKey() (string, string, map[string]string) {
	return "private_window_closed", "errors.moderation.privateWindowClosed",
		map[string]string{"platform": PlatformLabel(e.Platform), "days": fmt.Sprint(int(e.Window.Hours() / 24))}
}

// PrivateReplyState says whether a comment can be answered privately now.
type PrivateReplyState struct {
	// Supported is false when the platform or its connector has no private replies.
	Supported bool
	// ClosesAt is when the window closes (zero when unsupported).
	ClosesAt time.Time
	// Sent is true when the comment already has a private reply that did not fail.
	Sent bool
}

// checkPrivate loads the comment a private reply answers and applies the
// platform's rules: a comment of this conversation, written by someone else,
// on a platform with private replies, inside the window, not answered yet.
func (s *Service) checkPrivate(ctx context.Context, conv store.Conversation, commentID int64) (store.Message, error) {
	comment, err := s.Store.MessageByID(ctx, commentID)
	if err != nil {
		return comment, err
	}
	if comment.ConversationID != conv.ID {
		return comment, store.ErrNotFound
	}
	st, err := s.privateRules(ctx, conv, comment)
	if err != nil {
		return comment, err
	}
	if st.Sent {
		return comment, ErrPrivateReplyAlreadySent
	}
	return comment, nil
}

// privateRules checks everything but "already answered" (a retry answers the
// same comment again) and returns the comment's private-reply state.
func (s *Service) privateRules(ctx context.Context, conv store.Conversation, comment store.Message) (PrivateReplyState, error) {
	if conv.Kind != string(platforms.ThreadComment) || comment.Direction != string(platforms.DirectionIn) {
		return PrivateReplyState{}, ErrPrivateReplyNotComment
	}
	st, err := s.PrivateReplyStatus(ctx, conv, comment)
	if err != nil {
		return st, err
	}
	if !st.Supported {
		return st, &PrivateReplyUnsupportedError{Platform: conv.Platform}
	}
	if !s.Store.Now().Before(st.ClosesAt) {
		return st, &PrivateWindowClosedError{Platform: conv.Platform, ClosedAt: st.ClosesAt, Window: st.ClosesAt.Sub(time.UnixMilli(comment.SentAt))}
	}
	return st, nil
}

// PrivateReplyStatus reports whether a comment can be answered privately: the
// connector must declare CapPrivateReply and implement PrivateReplier; the
// window comes from the connector (else privateWindows).
func (s *Service) PrivateReplyStatus(ctx context.Context, conv store.Conversation, comment store.Message) (PrivateReplyState, error) {
	var st PrivateReplyState
	if conv.Kind != string(platforms.ThreadComment) {
		return st, nil
	}
	if _, ok := privateWindows[conv.Platform]; !ok {
		return st, nil // no connector offers it: do not touch the keyring for nothing
	}
	conn, _, err := s.Connectors.Connector(ctx, conv.AccountID)
	if err != nil {
		return st, err
	}
	if _, ok := conn.(platforms.PrivateReplier); !ok || !platforms.Has(conn.Capabilities(), platforms.CapPrivateReply) {
		return st, nil
	}
	window := privateWindows[conv.Platform]
	if wr, ok := conn.(platforms.WindowReporter); ok {
		if d := wr.MessagingWindow(platforms.ThreadComment).PrivateReply; d > 0 {
			window = d
		}
	}
	st.Supported = true
	st.ClosesAt = time.UnixMilli(comment.SentAt).Add(window)
	prev, found, err := s.Store.PrivateReplyOf(ctx, comment.ID)
	if err != nil {
		return st, err
	}
	st.Sent = found && prev.State != store.StateFailed
	return st, nil
}

// platformLabels are platforms' display names (the same in every language).
var platformLabels = map[string]string{"telegram": "Telegram", "mastodon": "Mastodon", "bluesky": "Bluesky",
	"youtube": "YouTube", "instagram": "Instagram", "facebook": "Facebook", "whatsapp": "WhatsApp", "tiktok": "TikTok"}

// PlatformLabel is a platform's display name.
func PlatformLabel(platform string) string {
	if n, ok := platformLabels[platform]; ok {
		return n
	}
	return platform
}

// PlatformLabels joins display names with ", " for an error message.
func PlatformLabels(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = PlatformLabel(id)
	}
	return strings.Join(names, ", ")
}
