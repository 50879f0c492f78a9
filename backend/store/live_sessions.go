package store

import (
	"context"

	"gorm.io/gorm/clause"
)

// LiveSession is the plan and the figures of a live broadcast (a calendar
// item of kind "live").
type LiveSession struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	ItemID         int64  `gorm:"column:item_id"`
	Agenda         string `gorm:"column:agenda"`
	CTA            string `gorm:"column:cta"`
	IntakeKeywords string `gorm:"column:intake_keywords"`
	FollowupText   string `gorm:"column:followup_text"`
	AnnounceItemID *int64 `gorm:"column:announce_item_id"`
	State          string `gorm:"column:state"`
	StartedAt      int64  `gorm:"column:started_at"`
	EndedAt        int64  `gorm:"column:ended_at"`
	PeakViewers    int64  `gorm:"column:peak_viewers"`
	WatchMinutes   int64  `gorm:"column:watch_minutes"`
	OrdersCount    int64  `gorm:"column:orders_count"`
	SalesCents     int64  `gorm:"column:sales_cents"`
	Currency       string `gorm:"column:currency"`
	CreatedAt      int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt      int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (LiveSession) TableName() string { return "live_sessions" }

// Live session states.
const (
	LivePlanned = "planned"
	LiveOnAir   = "live"
	LiveEnded   = "ended"
)

// CreateLiveSession inserts a live session for its calendar item.
func (s *Store) CreateLiveSession(ctx context.Context, l *LiveSession) error {
	now := s.nowMillis()
	l.ID, l.CreatedAt, l.UpdatedAt = 0, now, now
	if l.State == "" {
		l.State = LivePlanned
	}
	return classify(s.W.WithContext(ctx).Create(l).Error)
}

// SaveLiveSession writes every column of a live session.
func (s *Store) SaveLiveSession(ctx context.Context, l *LiveSession) error {
	l.UpdatedAt = s.nowMillis()
	res := s.W.WithContext(ctx).Select("*").Omit("created_at").Where("id = ?", l.ID).Updates(l)
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// LiveSessionByID returns one live session or ErrNotFound.
func (s *Store) LiveSessionByID(ctx context.Context, id int64) (LiveSession, error) {
	return firstLive(s, ctx, "id = ?", id)
}

// LiveSessionByItem returns the live session of a calendar item or ErrNotFound.
func (s *Store) LiveSessionByItem(ctx context.Context, itemID int64) (LiveSession, error) {
	return firstLive(s, ctx, "item_id = ?", itemID)
}

func firstLive(s *Store, ctx context.Context, where string, arg any) (LiveSession, error) {
	var out []LiveSession
	if err := s.R.WithContext(ctx).Where(where, arg).Limit(1).Find(&out).Error; err != nil {
		return LiveSession{}, classify(err)
	}
	if len(out) == 0 {
		return LiveSession{}, ErrNotFound
	}
	return out[0], nil
}

// LiveSessionsAround returns the live sessions whose item starts in [from, to), soonest first.
func (s *Store) LiveSessionsAround(ctx context.Context, from, to int64) ([]LiveSession, error) {
	var out []LiveSession
	err := s.R.WithContext(ctx).Raw(`SELECT l.* FROM live_sessions l JOIN calendar_items i ON i.id = l.item_id
		WHERE i.start_at >= ? AND i.start_at < ? ORDER BY i.start_at, l.id`, from, to).Scan(&out).Error
	return out, classify(err)
}

// LiveQuestionEntry is a question collected for a live session (from a DM
// before it, or typed in during it), grouped with similar ones by GroupKey.
type LiveQuestionEntry struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	LiveID         int64  `gorm:"column:live_id"`
	ConversationID *int64 `gorm:"column:conversation_id"`
	MessageID      *int64 `gorm:"column:message_id"`
	Author         string `gorm:"column:author"`
	Text           string `gorm:"column:text"`
	OrderNumber    string `gorm:"column:order_number"`
	GroupKey       string `gorm:"column:group_key"`
	AgentRequested bool   `gorm:"column:agent_requested"`
	Answered       bool   `gorm:"column:answered"`
	Source         string `gorm:"column:source"`
	CreatedAt      int64  `gorm:"column:created_at;autoCreateTime:false"`
}

// TableName implements gorm's Tabler.
func (LiveQuestionEntry) TableName() string { return "live_session_questions" }

// AddLiveQuestionEntry stores a question unless its message is already on
// this live's list; it reports whether it was added.
func (s *Store) AddLiveQuestionEntry(ctx context.Context, q *LiveQuestionEntry) (bool, error) {
	q.ID = 0
	if q.CreatedAt == 0 {
		q.CreatedAt = s.nowMillis()
	}
	res := s.W.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(q)
	return res.RowsAffected == 1, classify(res.Error)
}

// LiveQuestionEntries lists a live's questions in arrival order.
func (s *Store) LiveQuestionEntries(ctx context.Context, liveID int64) ([]LiveQuestionEntry, error) {
	var out []LiveQuestionEntry
	return out, classify(s.R.WithContext(ctx).Where("live_id = ?", liveID).Order("created_at, id").Find(&out).Error)
}

// SetLiveQuestionGroup sets the similarity group of questions.
func (s *Store) SetLiveQuestionGroup(ctx context.Context, ids []int64, key string) error {
	if len(ids) == 0 {
		return nil
	}
	return classify(s.W.WithContext(ctx).Model(&LiveQuestionEntry{}).Where("id IN ?", ids).Update("group_key", key).Error)
}

// SetLiveQuestionFlags marks questions of a group (or one question) answered and/or escalated.
func (s *Store) SetLiveQuestionFlags(ctx context.Context, liveID int64, ids []int64, cols map[string]any) error {
	if len(ids) == 0 {
		return nil
	}
	res := s.W.WithContext(ctx).Model(&LiveQuestionEntry{}).Where("live_id = ? AND id IN ?", liveID, ids).Updates(cols)
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// IntakeMessage is an inbound DM for keyword intake.
type IntakeMessage struct {
	ID             int64  `gorm:"column:id"`
	ConversationID int64  `gorm:"column:conversation_id"`
	AuthorName     string `gorm:"column:author_name"`
	Text           string `gorm:"column:text"`
	SentAt         int64  `gorm:"column:sent_at"`
}

// RecentInboundDMs returns inbound direct messages sent at or after since,
// oldest first (through ix_conversations_recent and ix_messages_conversation).
func (s *Store) RecentInboundDMs(ctx context.Context, since int64, limit int) ([]IntakeMessage, error) {
	if limit <= 0 || limit > 5000 {
		limit = 1000
	}
	var out []IntakeMessage
	err := s.R.WithContext(ctx).Raw(`SELECT m.id, m.conversation_id, m.author_name, m.text, m.sent_at
		FROM conversations c JOIN messages m ON m.conversation_id = c.id
		WHERE c.last_message_at >= ? AND c.kind = 'dm' AND m.sent_at >= ? AND m.direction = 'in' AND m.deleted = 0
		ORDER BY m.sent_at, m.id LIMIT ?`, since, since, limit).Scan(&out).Error
	return out, classify(err)
}
