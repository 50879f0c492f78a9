package inbox

import (
	"context"

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
