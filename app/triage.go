package app

import (
	"context"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
)

func init() { registerFacade(func(s *Session) any { return NewTriage(s) }) }

// Triage is the bound facade for tags, bulk actions, assignment and hand-off,
// snooze, notes, saved views and their counts, presence and search everywhere.
type Triage struct{ s *Session }

// NewTriage binds the facade to a session.
func NewTriage(s *Session) *Triage { return &Triage{s: s} }

func (t *Triage) svc() *inbox.Triage { return inbox.NewTriage(t.s.Workspace().Store, t.s.Actor()) }

// Tags returns every tag.
func (t *Triage) Tags() ([]TagDTO, error) {
	rows, err := t.s.Workspace().Store.Tags(context.Background())
	out := make([]TagDTO, len(rows))
	for i, r := range rows {
		out[i] = toTagDTO(r)
	}
	return out, err
}

// SaveTag creates (id 0) or renames/recolours a tag.
func (t *Triage) SaveTag(tag TagDTO) (TagDTO, error) {
	st := store.Tag{ID: tag.ID, Name: tag.Name, Color: tag.Color}
	if err := t.svc().SaveTag(context.Background(), &st); err != nil {
		return TagDTO{}, err
	}
	return toTagDTO(st), nil
}

// DeleteTag deletes a custom tag.
func (t *Triage) DeleteTag(id int64) error { return t.svc().DeleteTag(context.Background(), id) }

// Bulk applies one action to a selection, all or nothing, and returns the new rows.
func (t *Triage) Bulk(req BulkRequest) (BulkResultDTO, error) {
	ctx := context.Background()
	svc := t.svc()
	var n int
	var err error
	switch req.Action {
	case store.ChangeAssign:
		n, err = svc.Assign(ctx, req.IDs, req.MemberID, req.Handoff)
	case store.ChangeStatus:
		if req.Status == store.StatusSnoozed {
			until, perr := time.Parse(time.RFC3339, req.SnoozeUntil)
			if perr != nil {
				return BulkResultDTO{}, invalidInput("snoozeUntil")
			}
			n, err = svc.Snooze(ctx, req.IDs, until)
		} else {
			n, err = svc.SetStatus(ctx, req.IDs, req.Status)
		}
	case store.ChangeTag, store.ChangeUntag, store.ChangeMarkRead:
		n, err = svc.Apply(ctx, req.IDs, store.ConversationChange{Kind: req.Action, TagID: req.TagID})
	default:
		return BulkResultDTO{}, invalidInput("action " + req.Action)
	}
	if err != nil {
		return BulkResultDTO{}, err
	}
	rows, err := t.s.Workspace().Store.ConversationRowsByIDs(ctx, req.IDs)
	out := BulkResultDTO{Changed: n, Items: make([]ConversationDTO, len(rows))}
	for i, r := range rows {
		out.Items[i] = toRowDTO(r)
	}
	return out, err
}

// Claim assigns a conversation to who is working.
func (t *Triage) Claim(conversationID int64) (BulkResultDTO, error) {
	n, err := t.svc().Claim(context.Background(), conversationID)
	if err != nil {
		return BulkResultDTO{}, err
	}
	rows, err := t.s.Workspace().Store.ConversationRowsByIDs(context.Background(), []int64{conversationID})
	out := BulkResultDTO{Changed: n, Items: []ConversationDTO{}}
	for _, r := range rows {
		out.Items = append(out.Items, toRowDTO(r))
	}
	return out, err
}

// DraftHandoff drafts a hand-off summary from the thread.
func (t *Triage) DraftHandoff(conversationID int64) (HandoffDTO, error) {
	h, err := t.svc().DraftHandoff(context.Background(), conversationID)
	return HandoffDTO{OrderIDs: h.OrderIDs, Issue: h.Issue, Tried: h.Tried}, err
}

// Notes returns a conversation's internal notes, oldest first.
func (t *Triage) Notes(conversationID int64) ([]NoteDTO, error) {
	rows, err := t.s.Workspace().Store.Notes(context.Background(), conversationID)
	out := make([]NoteDTO, len(rows))
	for i, n := range rows {
		out[i] = toNoteDTO(n)
	}
	return out, err
}

// AddNote adds an internal note.
func (t *Triage) AddNote(conversationID int64, text string) (NoteDTO, error) {
	n, err := t.svc().AddNote(context.Background(), conversationID, text)
	return toNoteDTO(n), err
}

// DeleteNote deletes a note.
func (t *Triage) DeleteNote(id int64) error { return t.svc().DeleteNote(context.Background(), id) }

// Views returns the saved views with their unread counts.
func (t *Triage) Views() ([]SavedViewDTO, error) {
	ctx := context.Background()
	svc := t.svc()
	views, err := svc.Views(ctx)
	if err != nil {
		return nil, err
	}
	filters := make([]inbox.ViewFilter, len(views))
	for i, v := range views {
		filters[i] = v.Filter
	}
	counts, err := svc.CountUnread(ctx, filters)
	out := make([]SavedViewDTO, len(views))
	for i, v := range views {
		out[i] = SavedViewDTO{ID: v.ID, Name: v.Name, Filter: toViewFilterDTO(v.Filter), Position: v.Position}
		if i < len(counts) {
			out[i].Unread = counts[i]
		}
	}
	return out, err
}

// SaveView creates (id 0) or updates a saved view.
func (t *Triage) SaveView(id int64, name string, filter ViewFilterDTO) (SavedViewDTO, error) {
	v, err := t.svc().SaveView(context.Background(), id, name, toViewFilter(filter))
	return SavedViewDTO{ID: v.ID, Name: v.Name, Filter: filter, Position: v.Position}, err
}

// DeleteView deletes a saved view.
func (t *Triage) DeleteView(id int64) error { return t.svc().DeleteView(context.Background(), id) }

// CountUnread counts the unread conversations of each filter (the built-in views' badges).
func (t *Triage) CountUnread(filters []ViewFilterDTO) ([]int64, error) {
	fs := make([]inbox.ViewFilter, len(filters))
	for i, f := range filters {
		fs[i] = toViewFilter(f)
	}
	return t.svc().CountUnread(context.Background(), fs)
}

// WakeSnoozed reopens snoozed conversations whose time has come (for a periodic tick).
func (t *Triage) WakeSnoozed() (int, error) {
	return t.s.Workspace().Store.WakeSnoozed(context.Background())
}

// Heartbeat says who is working is composing in a conversation now.
func (t *Triage) Heartbeat(conversationID int64) error {
	return t.svc().Team.Heartbeat(context.Background(), conversationID)
}

// StopReplying clears that heartbeat (draft sent or discarded).
func (t *Triage) StopReplying(conversationID int64) error {
	return t.svc().Team.StopReplying(context.Background(), conversationID)
}

// Repliers returns the other members replying in a conversation now.
func (t *Triage) Repliers(conversationID int64) ([]ReplierDTO, error) {
	rows, err := t.svc().Team.Repliers(context.Background(), conversationID)
	out := make([]ReplierDTO, len(rows))
	for i, r := range rows {
		out[i] = ReplierDTO{MemberID: r.MemberID, Name: r.Name, Color: r.Color, Since: rfc3339(r.HeartbeatAt)}
	}
	return out, err
}

// SearchAll searches messages, contacts and notes, newest first, highlighted.
func (t *Triage) SearchAll(query string, limit int) (SearchResultsDTO, error) {
	r, err := t.s.Workspace().Inbox.SearchAll(context.Background(), query, limit)
	if err != nil {
		return SearchResultsDTO{}, err
	}
	out := SearchResultsDTO{Messages: []SearchHitDTO{}, Contacts: []ContactHitDTO{}, Notes: []NoteHitDTO{}}
	for _, h := range r.Messages {
		out.Messages = append(out.Messages, toSearchHitDTO(h))
	}
	for _, c := range r.Contacts {
		out.Contacts = append(out.Contacts, ContactHitDTO{ContactID: c.ContactID, Name: c.DisplayName, Fragments: c.Fragments})
	}
	for _, n := range r.Notes {
		out.Notes = append(out.Notes, NoteHitDTO{NoteID: n.NoteID, ConversationID: n.ConversationID, Title: n.Title, Platform: n.Platform,
			AuthorName: n.AuthorName, CreatedAt: rfc3339(n.CreatedAt), Fragments: n.Fragments})
	}
	return out, nil
}
