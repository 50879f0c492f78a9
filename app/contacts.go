package app

import (
	"context"

	"creatordesk/backend/contacts"
	"creatordesk/backend/store"
)

func init() { registerFacade(func(s *Session) any { return NewContacts(s) }) }

// Contacts is the bound facade for contact profiles, merging and undo.
type Contacts struct{ s *Session }

// NewContacts binds the facade to a session.
func NewContacts(s *Session) *Contacts { return &Contacts{s: s} }

func (c *Contacts) svc() *contacts.Service { return contacts.New(c.s.Workspace().Store, c.s.Actor()) }

// List returns a page of contacts by name, or those matching query.
func (c *Contacts) List(query, cursor string, limit int) (ContactPageDTO, error) {
	cur, err := store.ParseContactCursor(cursor)
	if err != nil {
		return ContactPageDTO{}, invalidInput("cursor")
	}
	rows, next, err := c.svc().List(context.Background(), query, cur, limit)
	out := ContactPageDTO{Items: make([]ContactDTO, len(rows)), NextCursor: next.String()}
	for i, r := range rows {
		out.Items[i] = toContactDTO(r)
	}
	return out, err
}

// Profile returns one contact's profile (a merged contact resolves to its survivor).
func (c *Contacts) Profile(id int64) (ContactProfileDTO, error) {
	p, err := c.svc().Profile(context.Background(), id)
	if err != nil {
		return ContactProfileDTO{}, err
	}
	return toProfileDTO(p), nil
}

// Update saves a profile's editable fields.
func (c *Contacts) Update(id int64, u ContactUpdateDTO) (ContactProfileDTO, error) {
	err := c.svc().Update(context.Background(), id, store.ContactFields{DisplayName: u.DisplayName, FirstName: u.FirstName,
		Language: u.Language, Notes: u.Notes, OrderIDs: u.OrderIDs})
	if err != nil {
		return ContactProfileDTO{}, err
	}
	return c.Profile(id)
}

// Merge moves mergedID into survivorID and returns the survivor's profile (with the merge to undo).
func (c *Contacts) Merge(survivorID, mergedID int64) (ContactProfileDTO, error) {
	if _, err := c.svc().Merge(context.Background(), survivorID, mergedID); err != nil {
		return ContactProfileDTO{}, err
	}
	return c.Profile(survivorID)
}

// UndoMerge splits a merge back and returns the survivor's profile.
func (c *Contacts) UndoMerge(mergeID, survivorID int64) (ContactProfileDTO, error) {
	if err := c.svc().Undo(context.Background(), mergeID); err != nil {
		return ContactProfileDTO{}, err
	}
	return c.Profile(survivorID)
}
