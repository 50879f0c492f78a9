package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Moderation outcomes recorded in moderation_actions.
const (
	// ModerationDone: the platform accepted the action.
	ModerationDone = "done"
	// ModerationFailed: the platform (or the connection to it) refused or failed.
	ModerationFailed = "failed"
)

// Moderation origins: who decided the action.
const (
	ModerationByHuman      = "human"
	ModerationByAutomation = "automation"
)

// ModerationRecord is one moderation action taken on a message or its author.
type ModerationRecord struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	MessageID      int64  `gorm:"column:message_id"`
	ConversationID int64  `gorm:"column:conversation_id"`
	AccountID      int64  `gorm:"column:account_id"`
	Action         string `gorm:"column:action"`
	Actor          string `gorm:"column:actor"`
	Origin         string `gorm:"column:origin"`
	Reason         string `gorm:"column:reason"`
	Outcome        string `gorm:"column:outcome"`
	ErrorKind      string `gorm:"column:error_kind"`
	ErrorDetail    string `gorm:"column:error_detail"`
	CreatedAt      int64  `gorm:"column:created_at"`
}

// TableName implements gorm's Tabler.
func (ModerationRecord) TableName() string { return "moderation_actions" }

// messageEffect is what a successful action changes on the stored message.
// Block, mute and report act on the author and change no message.
func messageEffect(action string) (col string, value int, ok bool) {
	switch action {
	case "hide", "reject":
		return "hidden", 1, true
	case "unhide":
		return "hidden", 0, true
	case "delete":
		return "deleted", 1, true
	}
	return "", 0, false
}

// RecordModeration logs one moderation action, applies a successful one to
// the stored message (hidden, deleted), and appends the audit entry, all in
// one transaction. MessageID names the message; its conversation and account
// are filled in. Origin defaults to human and Outcome to done.
func (s *Store) RecordModeration(ctx context.Context, r ModerationRecord) (ModerationRecord, error) {
	if r.Origin == "" {
		r.Origin = ModerationByHuman
	}
	if r.Outcome == "" {
		r.Outcome = ModerationDone
	}
	r.CreatedAt = s.nowMillis()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var hidden, deleted int
		err := tx.QueryRowContext(ctx, `SELECT conversation_id, account_id, hidden, deleted FROM messages WHERE id = ?`, r.MessageID).
			Scan(&r.ConversationID, &r.AccountID, &hidden, &deleted)
		if err != nil {
			return notFoundOr(err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO moderation_actions(message_id, conversation_id, account_id, action, actor, origin,
			reason, outcome, error_kind, error_detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.MessageID, r.ConversationID, r.AccountID, r.Action, r.Actor, r.Origin, r.Reason, r.Outcome, r.ErrorKind, r.ErrorDetail, r.CreatedAt)
		if r.ID, err = insertID(res, err); err != nil {
			return fmt.Errorf("store: record moderation: %w", classify(err))
		}
		before := map[string]any{"hidden": hidden == 1, "deleted": deleted == 1}
		after := map[string]any{"hidden": hidden == 1, "deleted": deleted == 1, "origin": r.Origin, "outcome": r.Outcome}
		if col, v, ok := messageEffect(r.Action); ok && r.Outcome == ModerationDone {
			// A deleted message leaves the KPI facts (computed before the update, applied after).
			var kpiAfter func() error
			if col == "deleted" && v == 1 {
				var err error
				if kpiAfter, err = kpiMessageGoneTx(ctx, tx, r.MessageID); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE messages SET `+col+` = ? WHERE id = ?`, v, r.MessageID); err != nil {
				return classify(err)
			}
			if kpiAfter != nil {
				if err := kpiAfter(); err != nil {
					return err
				}
			}
			if col == "deleted" {
				if _, err := tx.ExecContext(ctx, `DELETE FROM message_search WHERE rowid = ?`, r.MessageID); err != nil {
					return classify(err)
				}
			}
			after[col] = v == 1
		}
		action := "moderation." + r.Action
		if r.Outcome != ModerationDone {
			action += ".failed"
		}
		reason := r.Reason
		if r.ErrorKind != "" {
			reason = r.ErrorKind
		}
		return s.auditTx(ctx, tx, AuditEvent{Actor: r.Actor, Action: action, TargetType: "message",
			TargetID: fmt.Sprint(r.MessageID), Reason: reason, BeforeJSON: toJSON(before), AfterJSON: toJSON(after)})
	})
	return r, err
}

// ModerationLog returns a conversation's moderation actions, newest first.
func (s *Store) ModerationLog(ctx context.Context, conversationID int64, limit int) ([]ModerationRecord, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	var out []ModerationRecord
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM moderation_actions WHERE conversation_id = ? ORDER BY id DESC LIMIT ?`,
		conversationID, limit).Scan(&out).Error
	return out, classify(err)
}

// ThreadModeration is the moderation state of one thread's messages.
type ThreadModeration struct {
	// Hidden holds the ids of hidden messages.
	Hidden map[int64]bool
	// PrivateReplyTo maps a private reply's message id to the comment it answers.
	PrivateReplyTo map[int64]int64
	// PrivatelyAnswered holds the ids of comments that have a private reply (sent or pending).
	PrivatelyAnswered map[int64]bool
}

// ThreadModerationState reads the hidden flags and private-reply links of a conversation.
func (s *Store) ThreadModerationState(ctx context.Context, conversationID int64) (ThreadModeration, error) {
	out := ThreadModeration{Hidden: map[int64]bool{}, PrivateReplyTo: map[int64]int64{}, PrivatelyAnswered: map[int64]bool{}}
	var hidden []int64
	if err := s.R.WithContext(ctx).Raw(`SELECT id FROM messages WHERE conversation_id = ? AND hidden = 1`, conversationID).
		Scan(&hidden).Error; err != nil {
		return out, classify(err)
	}
	for _, id := range hidden {
		out.Hidden[id] = true
	}
	var links []struct {
		CommentMessageID int64 `gorm:"column:comment_message_id"`
		ReplyMessageID   int64 `gorm:"column:reply_message_id"`
		State            string
	}
	err := s.R.WithContext(ctx).Raw(`SELECT p.comment_message_id, p.reply_message_id, r.state FROM private_replies p
		JOIN messages r ON r.id = p.reply_message_id WHERE r.conversation_id = ?`, conversationID).Scan(&links).Error
	if err != nil {
		return out, classify(err)
	}
	for _, l := range links {
		out.PrivateReplyTo[l.ReplyMessageID] = l.CommentMessageID
		if l.State != StateFailed {
			out.PrivatelyAnswered[l.CommentMessageID] = true
		}
	}
	return out, nil
}

// PrivateReplyOf returns the private reply already linked to a comment (ok false: none).
func (s *Store) PrivateReplyOf(ctx context.Context, commentMessageID int64) (Message, bool, error) {
	var replyID int64
	err := s.R.WithContext(ctx).Raw(`SELECT reply_message_id FROM private_replies WHERE comment_message_id = ?`, commentMessageID).
		Row().Scan(&replyID)
	if errors.Is(err, sql.ErrNoRows) {
		return Message{}, false, nil
	}
	if err != nil {
		return Message{}, false, classify(err)
	}
	m, err := s.MessageByID(ctx, replyID)
	return m, err == nil, err
}

// LinkPrivateReply records that reply (an outgoing message) answers comment
// privately. A comment holds one link: an earlier one is replaced only when
// its reply failed (ErrDuplicate otherwise).
func (s *Store) LinkPrivateReply(ctx context.Context, commentMessageID, replyMessageID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var state string
		err := tx.QueryRowContext(ctx, `SELECT r.state FROM private_replies p JOIN messages r ON r.id = p.reply_message_id
			WHERE p.comment_message_id = ?`, commentMessageID).Scan(&state)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return classify(err)
		case state != StateFailed:
			return ErrDuplicate
		default:
			if _, err := tx.ExecContext(ctx, `DELETE FROM private_replies WHERE comment_message_id = ?`, commentMessageID); err != nil {
				return classify(err)
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO private_replies(comment_message_id, reply_message_id, created_at) VALUES (?, ?, ?)`,
			commentMessageID, replyMessageID, s.nowMillis())
		return classify(err)
	})
}

// PrivateReplyComment returns the comment a private reply answers (ok false:
// the message is not a private reply).
func (s *Store) PrivateReplyComment(ctx context.Context, replyMessageID int64) (Message, bool, error) {
	var commentID int64
	err := s.R.WithContext(ctx).Raw(`SELECT comment_message_id FROM private_replies WHERE reply_message_id = ?`, replyMessageID).
		Row().Scan(&commentID)
	if errors.Is(err, sql.ErrNoRows) {
		return Message{}, false, nil
	}
	if err != nil {
		return Message{}, false, classify(err)
	}
	m, err := s.MessageByID(ctx, commentID)
	return m, err == nil, err
}

// IdentityExternalID returns the platform id of a contact identity (a message's author).
func (s *Store) IdentityExternalID(ctx context.Context, identityID int64) (string, error) {
	var ext string
	err := s.R.WithContext(ctx).Raw(`SELECT external_id FROM contact_identities WHERE id = ?`, identityID).Row().Scan(&ext)
	return ext, notFoundOr(err)
}
