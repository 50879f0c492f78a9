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
func (s *Store) Search(ctx context.Context, query string, limit int) ([]SearchRow, error) {
	expr := textsearch.MatchExpression(textsearch.Parse(query))
	if expr == "" {
		return nil, nil
	}
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	var out []SearchRow
	err := s.R.WithContext(ctx).Raw(`SELECT m.id, m.conversation_id, m.text, m.sent_at, c.title, a.platform
		FROM (SELECT rowid AS rid FROM message_search WHERE message_search MATCH ? ORDER BY rowid DESC LIMIT ?) hit
		JOIN messages m ON m.id = hit.rid
		JOIN conversations c ON c.id = m.conversation_id
		JOIN accounts a ON a.id = c.account_id`, expr, limit).Scan(&out).Error
	if err != nil {
		return nil, classify(err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].SentAt != out[j].SentAt {
			return out[i].SentAt > out[j].SentAt
		}
		return out[i].MessageID > out[j].MessageID
	})
	return out, nil
}
