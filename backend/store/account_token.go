package store

import "context"

// SetAccountTokenExpiry records when an account's token lapses (Unix ms; 0 = never or unknown).
func (s *Store) SetAccountTokenExpiry(ctx context.Context, id, expiresAt int64) error {
	res := s.W.WithContext(ctx).Model(&Account{}).Where("id = ?", id).
		Updates(map[string]any{"token_expires_at": expiresAt, "updated_at": s.nowMillis()})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}
