package store

import (
	"context"
	"sort"

	"creatordesk/backend/textsearch"
)

// SearchRow is one message that matched a search.
type SearchRow struct {
	MessageID      int64  `gorm:"column:id"`
	ConversationID int64  `gorm:"column:conversation_id"`
	Text           string `gorm:"column:text"`
	SentAt         int64  `gorm:"column:sent_at"`
	Title          string `gorm:"column:title"`
	Platform       string `gorm:"column:platform"`
}

// Search finds messages matching query, newest first, at most limit of them.
// The query is parsed into quoted terms (textsearch.Parse), so its text can never
// alter the FTS5 expression or the SQL. The newest matches are taken by rowid,
// which follows arrival order, then ordered by the time they were sent.
//
// The last word is matched as a prefix ("ord" finds "order") only when whole-word
// matches do not fill the page: a prefix over a common word makes SQLite gather
// every match before it can take the newest (7 ms vs 70 µs at 1M messages).
func (s *Store) Search(ctx context.Context, query string, limit int) ([]SearchRow, error) {
	terms := textsearch.Parse(query)
	if len(terms) == 0 {
		return nil, nil
	}
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	exact := make([]textsearch.Term, len(terms))
	copy(exact, terms)
	exact[len(exact)-1].Prefix = false
	out, err := s.searchMatch(ctx, textsearch.MatchExpression(exact), limit)
	if err != nil || len(out) >= limit || !terms[len(terms)-1].Prefix {
		return sortNewest(out), err
	}
	more, err := s.searchMatch(ctx, textsearch.MatchExpression(terms), limit)
	if err != nil {
		return nil, err
	}
	seen := make(map[int64]bool, len(out))
	for _, r := range out {
		seen[r.MessageID] = true
	}
	for _, r := range more {
		if !seen[r.MessageID] && len(out) < limit {
			out = append(out, r)
		}
	}
	return sortNewest(out), nil
}

// searchMatch runs one FTS5 match expression and returns its newest hits.
func (s *Store) searchMatch(ctx context.Context, expr string, limit int) ([]SearchRow, error) {
	var out []SearchRow
	err := s.R.WithContext(ctx).Raw(`SELECT m.id, m.conversation_id, m.text, m.sent_at, c.title, a.platform
		FROM (SELECT rowid AS rid FROM message_search WHERE message_search MATCH ? ORDER BY rowid DESC LIMIT ?) hit
		JOIN messages m ON m.id = hit.rid
		JOIN conversations c ON c.id = m.conversation_id
		JOIN accounts a ON a.id = c.account_id`, expr, limit).Scan(&out).Error
	return out, classify(err)
}

// sortNewest orders search rows newest first (ties by id).
func sortNewest(out []SearchRow) []SearchRow {
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].SentAt != out[j].SentAt {
			return out[i].SentAt > out[j].SentAt
		}
		return out[i].MessageID > out[j].MessageID
	})
	return out
}
