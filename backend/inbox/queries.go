package inbox

import (
	"context"
	"strings"

	"creatordesk/backend/store"
	"creatordesk/backend/textsearch"
)

// SearchHit is one search result ready for display.
type SearchHit struct {
	store.SearchRow
	Fragments []textsearch.Fragment
}

// SearchFragmentRunes is the length of the text window shown around a hit.
const SearchFragmentRunes = 160

// Search finds messages, newest first, with the matching parts marked.
func (s *Service) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	rows, err := s.Store.Search(ctx, query, limit)
	if err != nil {
		return nil, err
	}
	out := make([]SearchHit, len(rows))
	for i, r := range rows {
		out[i] = SearchHit{SearchRow: r, Fragments: textsearch.Highlight(r.Text, query, SearchFragmentRunes)}
	}
	return out, nil
}

// Thread returns a conversation and its newest messages, oldest first.
func (s *Service) Thread(ctx context.Context, conversationID int64) (store.Conversation, []store.Message, error) {
	conv, err := s.Store.ConversationByID(ctx, conversationID)
	if err != nil {
		return conv, nil, err
	}
	msgs, err := s.Store.Messages(ctx, conversationID, store.ThreadLimit)
	return conv, msgs, err
}

// ContactHit is a contact search result with its name marked.
type ContactHit struct {
	store.ContactHit
	Fragments []textsearch.Fragment
}

// NoteHit is a note search result with the matching parts marked.
type NoteHit struct {
	store.NoteHit
	Fragments []textsearch.Fragment
}

// Results are the hits of one search over messages, contacts and notes.
type Results struct {
	Messages []SearchHit
	Contacts []ContactHit
	Notes    []NoteHit
}

// SearchAll searches messages, contacts (names and handles) and internal notes,
// each newest first with highlighted hits.
func (s *Service) SearchAll(ctx context.Context, query string, limit int) (Results, error) {
	var r Results
	var err error
	if r.Messages, err = s.Search(ctx, query, limit); err != nil {
		return r, err
	}
	contacts, err := s.Store.SearchContacts(ctx, query, limit)
	if err != nil {
		return r, err
	}
	for _, c := range contacts {
		label := strings.TrimSpace(c.DisplayName + " " + c.Handles)
		r.Contacts = append(r.Contacts, ContactHit{ContactHit: c, Fragments: textsearch.Highlight(label, query, SearchFragmentRunes)})
	}
	notes, err := s.Store.SearchNotes(ctx, query, limit)
	if err != nil {
		return r, err
	}
	for _, n := range notes {
		r.Notes = append(r.Notes, NoteHit{NoteHit: n, Fragments: textsearch.Highlight(n.Text, query, SearchFragmentRunes)})
	}
	return r, nil
}
