package app

import (
	"creatordesk/backend/contacts"
	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
	"creatordesk/backend/textsearch"
)

// TagDTO is a triage tag with its colour and how many conversations carry it.
type TagDTO struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Color   string `json:"color"`
	Builtin bool   `json:"builtin"`
	Uses    int64  `json:"uses"`
}

// MemberDTO is a team member.
type MemberDTO struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Role   string `json:"role"`
	Color  string `json:"color"`
	Active bool   `json:"active"`
}

// TeamDTO is the team and who is working on this machine (nil: nobody chosen).
type TeamDTO struct {
	Members []MemberDTO `json:"members"`
	Current *MemberDTO  `json:"current"`
}

// BulkRequest is one action on a selection of conversations.
type BulkRequest struct {
	IDs []int64 `json:"ids"`
	// Action is status, tag, untag, assign or read.
	Action string `json:"action"`
	Status string `json:"status"`
	// SnoozeUntil (RFC 3339) with status snoozed.
	SnoozeUntil string `json:"snoozeUntil"`
	TagID       int64  `json:"tagId"`
	// MemberID for assign (0 unassigns).
	MemberID int64 `json:"memberId"`
	// Handoff is the hand-off note kept when assigning to someone else.
	Handoff string `json:"handoff"`
}

// BulkResultDTO says how many conversations changed and gives their new rows.
type BulkResultDTO struct {
	Changed int               `json:"changed"`
	Items   []ConversationDTO `json:"items"`
}

// NoteDTO is an internal note.
type NoteDTO struct {
	ID             int64  `json:"id"`
	ConversationID int64  `json:"conversationId"`
	AuthorID       int64  `json:"authorId"`
	AuthorName     string `json:"authorName"`
	Kind           string `json:"kind"`
	Text           string `json:"text"`
	CreatedAt      string `json:"createdAt"`
}

// HandoffDTO is a drafted hand-off summary.
type HandoffDTO struct {
	OrderIDs []string `json:"orderIds"`
	Issue    string   `json:"issue"`
	Tried    []string `json:"tried"`
}

// ViewFilterDTO is an inbox filter as saved views store it.
type ViewFilterDTO struct {
	Platform   string `json:"platform"`
	AccountID  int64  `json:"accountId"`
	Kind       string `json:"kind"`
	Status     string `json:"status"`
	TagID      int64  `json:"tagId"`
	Assignee   string `json:"assignee"`
	SLAState   string `json:"slaState"`
	Language   string `json:"language"`
	UnreadOnly bool   `json:"unreadOnly"`
	// WaitingMinMinutes keeps conversations whose customer has waited at least this long (0 = any).
	WaitingMinMinutes int `json:"waitingMinMinutes"`
}

// SavedViewDTO is a saved view with its unread count.
type SavedViewDTO struct {
	ID       int64         `json:"id"`
	Name     string        `json:"name"`
	Filter   ViewFilterDTO `json:"filter"`
	Position int           `json:"position"`
	Unread   int64         `json:"unread"`
}

// ReplierDTO is another member replying in a conversation now.
type ReplierDTO struct {
	MemberID int64  `json:"memberId"`
	Name     string `json:"name"`
	Color    string `json:"color"`
	Since    string `json:"since"`
}

// ContactHitDTO is a contact search result.
type ContactHitDTO struct {
	ContactID int64                 `json:"contactId"`
	Name      string                `json:"name"`
	Fragments []textsearch.Fragment `json:"fragments"`
}

// NoteHitDTO is a note search result.
type NoteHitDTO struct {
	NoteID         int64                 `json:"noteId"`
	ConversationID int64                 `json:"conversationId"`
	Title          string                `json:"title"`
	Platform       string                `json:"platform"`
	AuthorName     string                `json:"authorName"`
	CreatedAt      string                `json:"createdAt"`
	Fragments      []textsearch.Fragment `json:"fragments"`
}

// SearchResultsDTO are the hits over messages, contacts and notes.
type SearchResultsDTO struct {
	Messages []SearchHitDTO  `json:"messages"`
	Contacts []ContactHitDTO `json:"contacts"`
	Notes    []NoteHitDTO    `json:"notes"`
}

// ContactDTO is a contact in a list.
type ContactDTO struct {
	ID          int64  `json:"id"`
	DisplayName string `json:"displayName"`
	FirstName   string `json:"firstName"`
	Language    string `json:"language"`
}

// ContactPageDTO is one page of contacts.
type ContactPageDTO struct {
	Items      []ContactDTO `json:"items"`
	NextCursor string       `json:"nextCursor"`
}

// IdentityDTO is a contact's account on one platform.
type IdentityDTO struct {
	ID          int64  `json:"id"`
	Platform    string `json:"platform"`
	Handle      string `json:"handle"`
	DisplayName string `json:"displayName"`
}

// MergeDTO is an undoable merge into a contact.
type MergeDTO struct {
	ID       int64  `json:"id"`
	MergedID int64  `json:"mergedId"`
	Actor    string `json:"actor"`
	At       string `json:"at"`
}

// ConsentLineDTO is the newest consent or opt-out entry for one purpose or scope.
type ConsentLineDTO struct {
	Kind  string `json:"kind"`
	Topic string `json:"topic"`
	On    bool   `json:"on"`
	At    string `json:"at"`
}

// ContactProfileDTO is the contact panel.
type ContactProfileDTO struct {
	ID              int64             `json:"id"`
	DisplayName     string            `json:"displayName"`
	FirstName       string            `json:"firstName"`
	Language        string            `json:"language"`
	Notes           string            `json:"notes"`
	OrderIDs        []string          `json:"orderIds"`
	Identities      []IdentityDTO     `json:"identities"`
	Conversations   []ConversationDTO `json:"conversations"`
	Merges          []MergeDTO        `json:"merges"`
	Consent         []ConsentLineDTO  `json:"consent"`
	ConsentRecorded bool              `json:"consentRecorded"`
}

// ContactUpdateDTO is the editable part of a profile.
type ContactUpdateDTO struct {
	DisplayName string   `json:"displayName"`
	FirstName   string   `json:"firstName"`
	Language    string   `json:"language"`
	Notes       string   `json:"notes"`
	OrderIDs    []string `json:"orderIds"`
}

func toTagDTO(t store.Tag) TagDTO {
	return TagDTO{ID: t.ID, Name: t.Name, Color: t.Color, Builtin: t.Builtin, Uses: t.Uses}
}

func toMemberDTO(m store.Member) MemberDTO {
	return MemberDTO{ID: m.ID, Name: m.Name, Role: m.Role, Color: m.Color, Active: m.Active}
}

func toNoteDTO(n store.Note) NoteDTO {
	return NoteDTO{ID: n.ID, ConversationID: n.ConversationID, AuthorID: n.AuthorID, AuthorName: n.AuthorName, Kind: n.Kind,
		Text: n.Text, CreatedAt: rfc3339(n.CreatedAt)}
}

func toViewFilter(f ViewFilterDTO) inbox.ViewFilter {
	return inbox.ViewFilter{Platform: f.Platform, AccountID: f.AccountID, Kind: f.Kind, Status: f.Status, TagID: f.TagID,
		Assignee: f.Assignee, SLAState: f.SLAState, Language: f.Language, UnreadOnly: f.UnreadOnly, WaitingMinMinutes: f.WaitingMinMinutes}
}

func toViewFilterDTO(f inbox.ViewFilter) ViewFilterDTO {
	return ViewFilterDTO{Platform: f.Platform, AccountID: f.AccountID, Kind: f.Kind, Status: f.Status, TagID: f.TagID,
		Assignee: f.Assignee, SLAState: f.SLAState, Language: f.Language, UnreadOnly: f.UnreadOnly, WaitingMinMinutes: f.WaitingMinMinutes}
}

func toContactDTO(c store.Contact) ContactDTO {
	return ContactDTO{ID: c.ID, DisplayName: c.DisplayName, FirstName: c.FirstName, Language: c.Language}
}

func toProfileDTO(p contacts.Profile) ContactProfileDTO {
	out := ContactProfileDTO{ID: p.Contact.ID, DisplayName: p.Contact.DisplayName, FirstName: p.Contact.FirstName,
		Language: p.Contact.Language, Notes: p.Contact.Notes, OrderIDs: p.OrderIDs, ConsentRecorded: p.ConsentRecorded,
		Identities: []IdentityDTO{}, Conversations: []ConversationDTO{}, Merges: []MergeDTO{}, Consent: []ConsentLineDTO{}}
	if out.OrderIDs == nil {
		out.OrderIDs = []string{}
	}
	for _, i := range p.Identities {
		out.Identities = append(out.Identities, IdentityDTO{ID: i.ID, Platform: i.Platform, Handle: i.Handle, DisplayName: i.DisplayName})
	}
	for _, c := range p.Conversations {
		out.Conversations = append(out.Conversations, toRowDTO(c))
	}
	for _, m := range p.Merges {
		out.Merges = append(out.Merges, MergeDTO{ID: m.ID, MergedID: m.MergedID, Actor: m.Actor, At: rfc3339(m.CreatedAt)})
	}
	for _, l := range p.Consent {
		out.Consent = append(out.Consent, ConsentLineDTO{Kind: l.Kind, Topic: l.Topic, On: l.On, At: rfc3339(l.At)})
	}
	return out
}
