package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"creatordesk/backend/textsearch"
)

// ThreadLimit is the most messages one thread view loads (the newest ones).
const ThreadLimit = 500

// Messages returns a conversation's newest messages (at most limit), oldest first.
func (s *Store) Messages(ctx context.Context, conversationID int64, limit int) ([]Message, error) {
	if limit <= 0 || limit > ThreadLimit {
		limit = ThreadLimit
	}
	var out []Message
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ?
		ORDER BY sent_at DESC, id DESC LIMIT ?) ORDER BY sent_at, id`, conversationID, limit).Scan(&out).Error
	return out, classify(err)
}

// MessageByID returns one message or ErrNotFound.
func (s *Store) MessageByID(ctx context.Context, id int64) (Message, error) {
	var m Message
	err := s.R.WithContext(ctx).Take(&m, id).Error
	if isNotFound(err) {
		return m, ErrNotFound
	}
	return m, classify(err)
}

// InsertOutgoing stores a reply in state queued, before it is handed to a connector,
// so that nothing a person wrote is lost if the send or the app fails.
func (s *Store) InsertOutgoing(ctx context.Context, conversationID int64, authorName, text string) (Message, error) {
	return s.InsertOutgoingWithFiles(ctx, conversationID, authorName, text, nil)
}

// InsertOutgoingWithFiles is InsertOutgoing for a reply that carries files:
// the message and its attachments are stored in one transaction, so a crash
// can never leave a queued message that has lost its files.
func (s *Store) InsertOutgoingWithFiles(ctx context.Context, conversationID int64, authorName, text string, files []OutgoingAttachment) (Message, error) {
	conv, err := s.ConversationByID(ctx, conversationID)
	if err != nil {
		return Message{}, err
	}
	now := s.nowMillis()
	m := Message{
		ConversationID: conversationID, AccountID: conv.AccountID, ExternalID: "local:" + randomID(),
		Direction: "out", AuthorName: authorName, Text: text, SentAt: now, State: StateQueued, CreatedAt: now,
	}
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return Message{}, classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	err = tx.QueryRowContext(ctx, `INSERT INTO messages(conversation_id, account_id, external_id, direction, author_name, text, sent_at, state, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, m.ConversationID, m.AccountID, m.ExternalID, m.Direction, m.AuthorName, m.Text, m.SentAt, m.State, m.CreatedAt).Scan(&m.ID)
	if err != nil {
		return Message{}, fmt.Errorf("store: insert outgoing: %w", classify(err))
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO message_search(rowid, body) VALUES (?, ?)`, m.ID, textsearch.Fold(text)); err != nil {
		return Message{}, classify(err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE conversations SET snippet = ?, last_message_at = MAX(last_message_at, ?),
		message_count = message_count + 1, unread_count = 0, updated_at = ? WHERE id = ?`, snippet(text), now, now, conversationID); err != nil {
		return Message{}, classify(err)
	}
	if len(files) > 0 {
		if m.Attachments, err = addOutgoingAttachmentsTx(ctx, tx, m.ID, files, now); err != nil {
			return Message{}, err
		}
	}
	return m, classify(tx.Commit())
}

// MarkSent records a successful send with the platform's id and time (and
// refreshes the conversation's KPI facts: the reply now counts).
func (s *Store) MarkSent(ctx context.Context, id int64, externalID string, sentAtMillis int64) error {
	return s.updateOutgoing(ctx, id, map[string]any{"state": StateSent, "external_id": externalID, "sent_at": sentAtMillis,
		"error_kind": "", "error_detail": ""})
}

// MarkFailed records a failed send and why; the message stays for a retry.
func (s *Store) MarkFailed(ctx context.Context, id int64, kind, detail string) error {
	return s.updateOutgoing(ctx, id, map[string]any{"state": StateFailed, "error_kind": kind, "error_detail": detail})
}

// MarkQueued puts a failed message back in the queue before a retry.
func (s *Store) MarkQueued(ctx context.Context, id int64) error {
	return s.updateOutgoing(ctx, id, map[string]any{"state": StateQueued, "error_kind": "", "error_detail": ""})
}

// randomID returns 16 random hex characters for local ids.
func randomID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
