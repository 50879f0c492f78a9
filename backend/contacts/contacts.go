// Package contacts is one profile per person across platforms: identities,
// first name, language, notes, order ids, conversations, consent state, and
// merging two profiles with an exact undo.
package contacts

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
	"creatordesk/backend/team"
)

// Limits on what a person types into a profile.
const (
	MaxNameRunes  = 80
	MaxNotesRunes = 5000
	MaxOrderIDs   = 50
)

// ErrFields: a profile field is too long or an order id is malformed.
var ErrFields = team.Errorf("contactFields", "names up to 80 characters, notes up to 5,000, at most 50 order ids", nil)

// Profile is everything the contact panel shows.
type Profile struct {
	Contact       store.Contact
	Identities    []store.Identity
	OrderIDs      []string
	Conversations []store.ConversationRow
	// Merges are the merges into this contact that can still be undone, newest first.
	Merges []store.ContactMerge
	// Consent holds the newest opt-out and consent entries; ConsentRecorded is
	// false when the governance ledgers do not exist.
	Consent         []store.ConsentLine
	ConsentRecorded bool
}

// Service reads and edits contacts.
type Service struct {
	Store  *store.Store
	Triage *inbox.Triage
}

// New builds a Service over st; fallback is the actor when no member was chosen.
func New(st *store.Store, fallback string) *Service {
	return &Service{Store: st, Triage: inbox.NewTriage(st, fallback)}
}

// editor returns the acting member's name, refusing viewers.
func (s *Service) editor(ctx context.Context) (string, error) {
	m, err := s.Triage.Team.RequireEditor(ctx)
	if err != nil {
		return "", err
	}
	if m.ID == 0 {
		return s.Triage.Fallback, nil
	}
	return m.Name, nil
}

// Profile loads one contact's profile; a merged contact resolves to its survivor.
func (s *Service) Profile(ctx context.Context, id int64) (Profile, error) {
	c, err := s.Store.ContactByID(ctx, id)
	for hops := 0; err == nil && c.MergedInto != 0 && hops < 16; hops++ {
		c, err = s.Store.ContactByID(ctx, c.MergedInto)
	}
	if err != nil {
		return Profile{}, err
	}
	p := Profile{Contact: c}
	if p.Identities, err = s.Store.Identities(ctx, c.ID); err != nil {
		return p, err
	}
	if p.OrderIDs, err = s.Store.OrderIDs(ctx, c.ID); err != nil {
		return p, err
	}
	if p.Conversations, _, err = s.Store.ConversationRows(ctx, store.ConversationFilter{ContactID: c.ID}, store.ConversationCursor{}, 100); err != nil {
		return p, err
	}
	if p.Merges, err = s.Store.ContactMerges(ctx, c.ID); err != nil {
		return p, err
	}
	p.Consent, p.ConsentRecorded, err = s.Store.ConsentState(ctx, c.ID)
	return p, err
}

// Update validates and saves a profile's editable fields.
func (s *Service) Update(ctx context.Context, id int64, f store.ContactFields) error {
	f.DisplayName, f.FirstName, f.Language = strings.TrimSpace(f.DisplayName), strings.TrimSpace(f.FirstName), strings.TrimSpace(f.Language)
	var orders []string
	for _, o := range f.OrderIDs {
		if o = strings.TrimSpace(o); o != "" {
			if utf8.RuneCountInString(o) > 40 {
				return ErrFields
			}
			orders = append(orders, o)
		}
	}
	f.OrderIDs = orders
	if utf8.RuneCountInString(f.DisplayName) > MaxNameRunes || utf8.RuneCountInString(f.FirstName) > MaxNameRunes ||
		utf8.RuneCountInString(f.Notes) > MaxNotesRunes || len(f.OrderIDs) > MaxOrderIDs || len(f.Language) > 16 {
		return ErrFields
	}
	actor, err := s.editor(ctx)
	if err != nil {
		return err
	}
	return s.Store.UpdateContact(ctx, actor, id, f)
}

// Merge moves merged into survivor (see store.MergeContacts); it can be undone.
func (s *Service) Merge(ctx context.Context, survivorID, mergedID int64) (store.ContactMerge, error) {
	actor, err := s.editor(ctx)
	if err != nil {
		return store.ContactMerge{}, err
	}
	m, err := s.Store.MergeContacts(ctx, actor, survivorID, mergedID)
	if errors.Is(err, store.ErrMergeSelf) {
		return m, inbox.ErrMergeSelf
	}
	return m, err
}

// Undo splits a merge back exactly.
func (s *Service) Undo(ctx context.Context, mergeID int64) error {
	actor, err := s.editor(ctx)
	if err != nil {
		return err
	}
	err = s.Store.UndoMerge(ctx, actor, mergeID)
	if errors.Is(err, store.ErrMergeUndone) {
		return inbox.ErrMergeUndone
	}
	return err
}

// List returns a page of contacts by name, or the contacts matching query (newest first).
func (s *Service) List(ctx context.Context, query string, after store.ContactCursor, limit int) ([]store.Contact, store.ContactCursor, error) {
	if strings.TrimSpace(query) == "" {
		return s.Store.Contacts(ctx, after, limit)
	}
	hits, err := s.Store.SearchContacts(ctx, query, limit)
	if err != nil {
		return nil, store.ContactCursor{}, err
	}
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ContactID
	}
	rows, err := s.Store.ContactsByIDs(ctx, ids)
	byID := map[int64]store.Contact{}
	for _, c := range rows {
		byID[c.ID] = c
	}
	out := make([]store.Contact, 0, len(ids))
	for _, id := range ids {
		if c, ok := byID[id]; ok {
			out = append(out, c)
		}
	}
	return out, store.ContactCursor{}, err
}
