package store

import "context"

// MarkLiveQuestionsTaken records that the calendar put the rules' board
// questions on a live (status "taken"), so they are not added again.
func (s *Store) MarkLiveQuestionsTaken(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return classify(s.W.WithContext(ctx).Model(&LiveQuestion{}).Where("id IN ?", ids).Update("status", "taken").Error)
}
