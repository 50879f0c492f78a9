package app

import (
	"context"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

// Inbox is the bound facade for conversations, threads, replies and search.
type Inbox struct{ s *Session }

// NewInbox binds the facade to a session.
func NewInbox(s *Session) *Inbox { return &Inbox{s: s} }

// ListConversations returns one page of the inbox, newest activity first.
func (i *Inbox) ListConversations(q ConversationQuery) (ConversationPage, error) {
	cur, err := store.ParseConversationCursor(q.Cursor)
	if err != nil {
		return ConversationPage{}, invalidInput("cursor")
	}
	rows, next, err := i.triage().List(context.Background(), inbox.ViewFilter{Platform: q.Platform, AccountID: q.AccountID,
		Kind: q.Kind, Status: q.Status, UnreadOnly: q.UnreadOnly, TagID: q.TagID, Assignee: q.Assignee, SLAState: q.SLAState,
		Language: q.Language, WaitingMinMinutes: q.WaitingMinMinutes}, cur, q.Limit)
	if err != nil {
		return ConversationPage{}, err
	}
	page := ConversationPage{Items: make([]ConversationDTO, len(rows)), NextCursor: next.String()}
	for k, c := range rows {
		page.Items[k] = toRowDTO(c)
	}
	return page, nil
}

// GetConversations returns the listed conversations (unknown ids are left out),
// so the list can refresh the rows an event names without reloading threads.
func (i *Inbox) GetConversations(ids []int64) ([]ConversationDTO, error) {
	if len(ids) > 500 {
		return nil, invalidInput("at most 500 ids")
	}
	rows, err := i.s.Workspace().Store.ConversationRowsByIDs(context.Background(), ids)
	if err != nil {
		return nil, err
	}
	out := make([]ConversationDTO, len(rows))
	for k, c := range rows {
		out[k] = toRowDTO(c)
	}
	return out, nil
}

// GetThread returns a conversation with its messages, oldest first.
func (i *Inbox) GetThread(conversationID int64) (Thread, error) {
	conv, msgs, err := i.s.Workspace().Inbox.Thread(context.Background(), conversationID)
	if err != nil {
		return Thread{}, err
	}
	t := Thread{Conversation: toConversationDTO(conv), Messages: make([]MessageDTO, len(msgs))}
	if rows, err := i.s.Workspace().Store.ConversationRowsByIDs(context.Background(), []int64{conv.ID}); err == nil && len(rows) == 1 {
		t.Conversation = toRowDTO(rows[0])
	}
	// The account may answer past the standard window (Meta's Human Agent permission).
	if at, ok := i.s.Workspace().Inbox.WindowDeadline(context.Background(), conv); ok && !at.IsZero() {
		t.Conversation.WindowClosesAt = at.UTC().Format(time.RFC3339Nano)
	}
	mod, err := i.s.Workspace().Store.ThreadModerationState(context.Background(), conv.ID)
	if err != nil {
		return Thread{}, err
	}
	for k, m := range msgs {
		t.Messages[k] = withModeration(toMessageDTO(m), mod)
	}
	return t, nil
}

// Reply sends a reply through the send gate and returns it in its final state.
func (i *Inbox) Reply(conversationID int64, text string) (MessageDTO, error) {
	tr := i.triage()
	if _, err := tr.Team.RequireEditor(context.Background()); err != nil {
		return MessageDTO{}, err
	}
	_ = tr.Team.StopReplying(context.Background(), conversationID)
	m, err := i.s.Workspace().Inbox.Reply(context.Background(), conversationID, tr.Team.ActorName(context.Background(), i.s.Actor()), text)
	if err != nil {
		return MessageDTO{}, err
	}
	return toMessageDTO(m), nil
}

// RetrySend sends a failed reply again.
func (i *Inbox) RetrySend(messageID int64) (MessageDTO, error) {
	m, err := i.s.Workspace().Inbox.Retry(context.Background(), messageID, i.s.Actor())
	if err != nil {
		return MessageDTO{}, err
	}
	return toMessageDTO(m), nil
}

// MarkRead clears a conversation's unread count.
func (i *Inbox) MarkRead(conversationID int64) error {
	return i.s.Workspace().Store.MarkConversationRead(context.Background(), conversationID)
}

// SetStatus changes a conversation's status (open, pending, resolved); snoozing
// needs a wake-up time and goes through Triage.Snooze.
func (i *Inbox) SetStatus(conversationID int64, status string) (ConversationDTO, error) {
	switch status {
	case store.StatusOpen, store.StatusPending, store.StatusResolved:
	default:
		return ConversationDTO{}, invalidInput("status " + status)
	}
	if _, err := i.triage().SetStatus(context.Background(), []int64{conversationID}, status); err != nil {
		return ConversationDTO{}, err
	}
	rows, err := i.s.Workspace().Store.ConversationRowsByIDs(context.Background(), []int64{conversationID})
	if err != nil || len(rows) == 0 {
		return ConversationDTO{}, store.ErrNotFound
	}
	return toRowDTO(rows[0]), nil
}

// triage builds the triage service for the open workspace.
func (i *Inbox) triage() *inbox.Triage {
	return inbox.NewTriage(i.s.Workspace().Store, i.s.Actor())
}

// DefaultResponseTarget is the first-response target the Waiting count uses
// until SLA policies are configurable (the playbook's one hour for high-intent DMs).
const DefaultResponseTarget = time.Hour

// Counts returns the inbox counters (unread messages and conversations, and how
// many people have waited longer than the response target).
func (i *Inbox) Counts() (InboxCountsDTO, error) {
	c, err := i.s.Workspace().Store.Counts(context.Background(), DefaultResponseTarget)
	return InboxCountsDTO{UnreadMessages: c.UnreadMessages, UnreadConversations: c.UnreadConversations, Waiting: c.Waiting}, err
}

// Search finds messages, newest first, with the matching parts marked.
func (i *Inbox) Search(query string, limit int) ([]SearchHitDTO, error) {
	hits, err := i.s.Workspace().Inbox.Search(context.Background(), query, limit)
	if err != nil {
		return nil, err
	}
	out := make([]SearchHitDTO, len(hits))
	for k, h := range hits {
		out[k] = toSearchHitDTO(h)
	}
	return out, nil
}
