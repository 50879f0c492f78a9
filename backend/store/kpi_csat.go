package store

import (
	"context"
	"database/sql"

	"gorm.io/gorm/clause"
)

// CSAT request statuses.
const (
	// CsatSent: the rating request was delivered; a reply is awaited.
	CsatSent = "sent"
	// CsatRated: the contact answered with a rating.
	CsatRated = "rated"
	// CsatExpired: no usable answer came in time.
	CsatExpired = "expired"
	// CsatSkipped: nothing was sent (opted out, not a DM, reopened, or the gate refused).
	CsatSkipped = "skipped"
	// CsatFailed: the platform did not take the message.
	CsatFailed = "failed"
)

// CsatRequest is one rating request after a resolution, with the answer once it comes.
type CsatRequest struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	ConversationID int64  `gorm:"column:conversation_id"`
	ResolvedAt     int64  `gorm:"column:resolved_at"`
	MessageID      *int64 `gorm:"column:message_id"`
	Status         string `gorm:"column:status"`
	RequestedAt    int64  `gorm:"column:requested_at"`
	// Rating is 1–5 (0 = none yet).
	Rating          int    `gorm:"column:rating"`
	RatingMessageID *int64 `gorm:"column:rating_message_id"`
	RatedAt         int64  `gorm:"column:rated_at"`
}

// TableName implements gorm's Tabler.
func (CsatRequest) TableName() string { return "kpi_csat_requests" }

// AddCsatRequest records a request for one resolution; it reports false (and
// stores nothing) when that resolution already has one.
func (s *Store) AddCsatRequest(ctx context.Context, r *CsatRequest) (bool, error) {
	r.ID = 0
	res := s.W.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(r)
	return res.RowsAffected == 1, classify(res.Error)
}

// UpdateCsatRequest saves a request's status, message and rating.
func (s *Store) UpdateCsatRequest(ctx context.Context, r CsatRequest) error {
	res := s.W.WithContext(ctx).Model(&CsatRequest{}).Where("id = ?", r.ID).Updates(map[string]any{
		"status": r.Status, "message_id": r.MessageID, "rating": r.Rating,
		"rating_message_id": r.RatingMessageID, "rated_at": r.RatedAt})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

// PendingCsatRequests lists requests still waiting for a rating, oldest first.
func (s *Store) PendingCsatRequests(ctx context.Context) ([]CsatRequest, error) {
	var out []CsatRequest
	return out, classify(s.R.WithContext(ctx).Where("status = ?", CsatSent).Order("requested_at, id").Find(&out).Error)
}

// LatestCsatRequest returns a conversation's newest request (ok false when none).
func (s *Store) LatestCsatRequest(ctx context.Context, conversationID int64) (CsatRequest, bool, error) {
	var out []CsatRequest
	err := s.R.WithContext(ctx).Where("conversation_id = ?", conversationID).Order("requested_at DESC, id DESC").Limit(1).Find(&out).Error
	if err != nil || len(out) == 0 {
		return CsatRequest{}, false, classify(err)
	}
	return out[0], true, nil
}

// InboundText is an inbound message's id, time and text.
type InboundText struct {
	ID     int64
	SentAt int64
	Text   string
}

// InboundAfter lists a conversation's inbound, not deleted messages sent after
// the Unix-ms instant after, oldest first (at most limit).
func (s *Store) InboundAfter(ctx context.Context, conversationID, after int64, limit int) ([]InboundText, error) {
	var out []InboundText
	err := s.kpiQuery(ctx, `SELECT id, sent_at, text FROM messages
		WHERE conversation_id = ? AND sent_at > ? AND direction = 'in' AND deleted = 0
		ORDER BY sent_at, id LIMIT ?`, []any{conversationID, after, limit}, func(r *sql.Rows) error {
		var m InboundText
		err := r.Scan(&m.ID, &m.SentAt, &m.Text)
		out = append(out, m)
		return err
	})
	return out, err
}

// KpiCsat lists the requests made at or after since (the CSAT figure's rows).
func (s *Store) KpiCsat(ctx context.Context, since int64) ([]CsatRequest, error) {
	var out []CsatRequest
	return out, classify(s.R.WithContext(ctx).Where("requested_at >= ? AND status IN ?", since,
		[]string{CsatSent, CsatRated, CsatExpired}).Order("requested_at, id").Find(&out).Error)
}
