package inbox

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"creatordesk/backend/store"
	"creatordesk/backend/team"
)

// MaxSelection bounds how many conversations one bulk action may change.
const MaxSelection = 500

// MaxNoteRunes bounds an internal note.
const MaxNoteRunes = 5000

// Errors of triage actions a person can cause.
var (
	ErrSelection   = team.Errorf("selection", "select between 1 and 500 conversations", nil)
	ErrSnoozeTime  = team.Errorf("snoozeTime", "choose a wake-up time in the future", nil)
	ErrNoteText    = team.Errorf("noteText", "a note needs text (at most 5,000 characters)", nil)
	ErrTagName     = team.Errorf("tagName", "a tag needs a name of at most 40 characters", nil)
	ErrTagTaken    = team.Errorf("tagTaken", "a tag with this name already exists", nil)
	ErrBuiltinTag  = team.Errorf("builtinTag", "built-in tags can be renamed and recoloured but not deleted", nil)
	ErrViewName    = team.Errorf("viewName", "a saved view needs a name of at most 40 characters", nil)
	ErrNoMember    = team.Errorf("noMember", "choose who is working first", nil)
	ErrMergeSelf   = team.Errorf("mergeSelf", "a contact cannot be merged into itself", nil)
	ErrMergeUndone = team.Errorf("mergeUndone", "this merge can no longer be undone", nil)
)

// ViewFilter is an inbox filter as the UI and saved views express it.
type ViewFilter struct {
	Platform  string `json:"platform,omitempty"`
	AccountID int64  `json:"accountId,omitempty"`
	Kind      string `json:"kind,omitempty"`
	Status    string `json:"status,omitempty"`
	TagID     int64  `json:"tagId,omitempty"`
	// Assignee is "" (anyone), "none" (unassigned), "me" (the current member) or a member id.
	Assignee   string `json:"assignee,omitempty"`
	SLAState   string `json:"slaState,omitempty"`
	Language   string `json:"language,omitempty"`
	UnreadOnly bool   `json:"unreadOnly,omitempty"`
	// WaitingMinMinutes keeps conversations whose customer has waited at least
	// this long since their last, unanswered message (0 = any).
	WaitingMinMinutes int `json:"waitingMinMinutes,omitempty"`
}

// AssigneeMe is the ViewFilter value for the current member's conversations.
const AssigneeMe = "me"

// StoreFilter resolves the filter for the current member (0 = nobody chosen:
// "me" then matches nothing assigned, i.e. behaves like a member with no conversations)
// and the time now (for WaitingMinMinutes).
func (f ViewFilter) StoreFilter(me int64, now time.Time) store.ConversationFilter {
	assignee := f.Assignee
	if assignee == AssigneeMe {
		assignee = strconv.FormatInt(me, 10)
		if me == 0 {
			assignee = "-"
		}
	}
	out := store.ConversationFilter{Platform: f.Platform, AccountID: f.AccountID, Kind: f.Kind, Status: f.Status,
		UnreadOnly: f.UnreadOnly, TagID: f.TagID, Assignee: assignee, SLAState: f.SLAState, Language: f.Language}
	if f.WaitingMinMinutes > 0 {
		out.WaitingSince = now.Add(-time.Duration(f.WaitingMinMinutes) * time.Minute).UnixMilli()
	}
	return out
}

// Triage is the inbox's triage: filters and saved views, tags, assignment and
// hand-off, status and snooze, notes, and bulk actions. It is stateless; build
// one per call from the workspace's store.
type Triage struct {
	Store *store.Store
	Team  *team.Service
	// Fallback is the actor recorded when no member was chosen (the session's actor).
	Fallback string
}

// NewTriage builds a Triage over st.
func NewTriage(st *store.Store, fallback string) *Triage {
	return &Triage{Store: st, Team: &team.Service{Store: st}, Fallback: fallback}
}

// editor returns who is acting (refusing viewers) and their member id (0 if none chosen).
func (t *Triage) editor(ctx context.Context) (string, int64, error) {
	m, err := t.Team.RequireEditor(ctx)
	if err != nil {
		return "", 0, err
	}
	if m.ID == 0 {
		return t.Fallback, 0, nil
	}
	return m.Name, m.ID, nil
}

// me returns the current member's id (0 when nobody was chosen).
func (t *Triage) me(ctx context.Context) (int64, error) {
	m, _, err := t.Team.Current(ctx)
	return m.ID, err
}

// List returns one page of the inbox for a filter. Snoozed conversations whose
// time has come are reopened first (a cheap indexed check; nothing is written
// when none is due), so the list never shows a stale snooze.
func (t *Triage) List(ctx context.Context, f ViewFilter, after store.ConversationCursor, limit int) ([]store.ConversationRow, store.ConversationCursor, error) {
	if _, err := t.Store.WakeSnoozed(ctx); err != nil {
		return nil, store.ConversationCursor{}, err
	}
	me, err := t.me(ctx)
	if err != nil {
		return nil, store.ConversationCursor{}, err
	}
	return t.Store.ConversationRows(ctx, f.StoreFilter(me, t.Store.Now()), after, limit)
}

// Apply runs one action on a selection, all or nothing, audited per conversation.
func (t *Triage) Apply(ctx context.Context, ids []int64, ch store.ConversationChange) (int, error) {
	if len(ids) == 0 || len(ids) > MaxSelection {
		return 0, ErrSelection
	}
	actor, _, err := t.editor(ctx)
	if err != nil {
		return 0, err
	}
	if ch.Kind == store.ChangeStatus && ch.Status == store.StatusSnoozed && ch.SnoozedUntil <= t.Store.Now().UnixMilli() {
		return 0, ErrSnoozeTime
	}
	return t.Store.ApplyChange(ctx, actor, ids, ch)
}

// SetStatus sets open, pending or resolved (clearing any snooze).
func (t *Triage) SetStatus(ctx context.Context, ids []int64, status string) (int, error) {
	return t.Apply(ctx, ids, store.ConversationChange{Kind: store.ChangeStatus, Status: status})
}

// Snooze hides conversations until the given time, when they come back open.
func (t *Triage) Snooze(ctx context.Context, ids []int64, until time.Time) (int, error) {
	return t.Apply(ctx, ids, store.ConversationChange{Kind: store.ChangeStatus, Status: store.StatusSnoozed, SnoozedUntil: until.UnixMilli()})
}

// Assign gives conversations to a member (memberID 0 unassigns). A non-empty
// handoff text is stored as a hand-off note on each conversation in the same
// transaction; it is only kept when handing to someone other than the actor.
func (t *Triage) Assign(ctx context.Context, ids []int64, memberID int64, handoff string) (int, error) {
	ch, err := t.assignChange(ctx, memberID, handoff)
	if err != nil {
		return 0, err
	}
	return t.Apply(ctx, ids, ch)
}

// assignChange builds the assignment change (checking the member and the hand-off note).
func (t *Triage) assignChange(ctx context.Context, memberID int64, handoff string) (store.ConversationChange, error) {
	ch := store.ConversationChange{Kind: store.ChangeAssign}
	actor, actorID, err := t.editor(ctx)
	if err != nil {
		return ch, err
	}
	if memberID != 0 {
		m, err := t.Store.MemberByID(ctx, memberID)
		if err != nil {
			return ch, err
		}
		if !m.Active {
			return ch, team.ErrInactive
		}
		ch.Assignee = strconv.FormatInt(memberID, 10)
	}
	if handoff = strings.TrimSpace(handoff); handoff != "" && memberID != actorID {
		if utf8.RuneCountInString(handoff) > MaxNoteRunes {
			return ch, ErrNoteText
		}
		ch.Note = &store.Note{AuthorID: actorID, AuthorName: actor, Kind: store.NoteKindHandoff, Text: handoff}
	}
	return ch, nil
}

// Claim assigns a conversation to the current member.
func (t *Triage) Claim(ctx context.Context, id int64) (int, error) {
	me, err := t.me(ctx)
	if err != nil {
		return 0, err
	}
	if me == 0 {
		return 0, ErrNoMember
	}
	return t.Assign(ctx, []int64{id}, me, "")
}

// AddNote adds an internal note by the current member.
func (t *Triage) AddNote(ctx context.Context, conversationID int64, text string) (store.Note, error) {
	text = strings.TrimSpace(text)
	if text == "" || utf8.RuneCountInString(text) > MaxNoteRunes {
		return store.Note{}, ErrNoteText
	}
	actor, actorID, err := t.editor(ctx)
	if err != nil {
		return store.Note{}, err
	}
	n := store.Note{ConversationID: conversationID, AuthorID: actorID, AuthorName: actor, Kind: store.NoteKindNote, Text: text}
	return n, t.Store.AddNote(ctx, &n)
}

// DeleteNote removes a note.
func (t *Triage) DeleteNote(ctx context.Context, id int64) error {
	actor, _, err := t.editor(ctx)
	if err != nil {
		return err
	}
	return t.Store.DeleteNote(ctx, actor, id)
}

// SaveTag validates and stores a tag (ID 0 creates one).
func (t *Triage) SaveTag(ctx context.Context, tag *store.Tag) error {
	tag.Name = strings.ToLower(strings.TrimSpace(tag.Name))
	if tag.Name == "" || utf8.RuneCountInString(tag.Name) > 40 {
		return ErrTagName
	}
	if !team.ValidColor(tag.Color) {
		return team.ErrColor
	}
	actor, _, err := t.editor(ctx)
	if err != nil {
		return err
	}
	err = t.Store.SaveTag(ctx, actor, tag)
	if errors.Is(err, store.ErrDuplicate) {
		return ErrTagTaken
	}
	return err
}

// DeleteTag deletes a custom tag.
func (t *Triage) DeleteTag(ctx context.Context, id int64) error {
	actor, _, err := t.editor(ctx)
	if err != nil {
		return err
	}
	err = t.Store.DeleteTag(ctx, actor, id)
	if errors.Is(err, store.ErrBuiltinTag) {
		return ErrBuiltinTag
	}
	return err
}

// SavedView is a stored view with its decoded filter.
type SavedView struct {
	store.SavedView
	Filter ViewFilter
}

// Views returns the saved views in sidebar order.
func (t *Triage) Views(ctx context.Context) ([]SavedView, error) {
	rows, err := t.Store.SavedViews(ctx)
	out := make([]SavedView, len(rows))
	for i, r := range rows {
		out[i] = SavedView{SavedView: r}
		_ = json.Unmarshal([]byte(r.FilterJSON), &out[i].Filter)
	}
	return out, err
}

// SaveView stores a named filter (id 0 creates one).
func (t *Triage) SaveView(ctx context.Context, id int64, name string, f ViewFilter) (SavedView, error) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 40 {
		return SavedView{}, ErrViewName
	}
	actor, _, err := t.editor(ctx)
	if err != nil {
		return SavedView{}, err
	}
	b, _ := json.Marshal(f)
	v := store.SavedView{ID: id, Name: name, FilterJSON: string(b)}
	err = t.Store.SaveView(ctx, actor, &v)
	return SavedView{SavedView: v, Filter: f}, err
}

// DeleteView removes a saved view.
func (t *Triage) DeleteView(ctx context.Context, id int64) error {
	actor, _, err := t.editor(ctx)
	if err != nil {
		return err
	}
	return t.Store.DeleteView(ctx, actor, id)
}

// CountUnread counts the unread conversations of each filter (see store.CountUnread for why this stays cheap).
func (t *Triage) CountUnread(ctx context.Context, filters []ViewFilter) ([]int64, error) {
	me, err := t.me(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(filters))
	for i, f := range filters {
		if out[i], err = t.Store.CountUnread(ctx, f.StoreFilter(me, t.Store.Now())); err != nil {
			return nil, err
		}
	}
	return out, nil
}
