package store

import (
	"context"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ConversationShare records that one of our outgoing messages carried a known
// discount code or tracked link (the "conversation" attribution rule).
type ConversationShare struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	ConversationID int64  `gorm:"column:conversation_id"`
	MessageID      int64  `gorm:"column:message_id"`
	ContactID      *int64 `gorm:"column:contact_id"`
	CreatorID      *int64 `gorm:"column:creator_id"`
	CodeID         int64  `gorm:"column:code_id"`
	LinkID         int64  `gorm:"column:link_id"`
	TemplateID     int64  `gorm:"column:template_id"`
	SentAt         int64  `gorm:"column:sent_at"`
}

// TableName implements gorm's Tabler.
func (ConversationShare) TableName() string { return "conversation_shares" }

// AddConversationShares stores shares, ignoring ones already recorded; a
// template id given later fills in one recorded without it.
func (s *Store) AddConversationShares(ctx context.Context, shares []ConversationShare) error {
	if len(shares) == 0 {
		return nil
	}
	return classify(s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, sh := range shares {
			sh.ID = 0
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&sh).Error; err != nil {
				return err
			}
			if sh.TemplateID != 0 {
				if err := tx.Model(&ConversationShare{}).Where("message_id = ? AND template_id = 0", sh.MessageID).
					Update("template_id", sh.TemplateID).Error; err != nil {
					return err
				}
			}
		}
		return nil
	}))
}

// ConversationShares returns every share, oldest first.
func (s *Store) ConversationShares(ctx context.Context) ([]ConversationShare, error) {
	var out []ConversationShare
	return out, classify(s.R.WithContext(ctx).Order("sent_at, id").Find(&out).Error)
}

// OutboundMessage is an outgoing message with its conversation's contact, for scanning.
type OutboundMessage struct {
	ID             int64  `gorm:"column:id"`
	ConversationID int64  `gorm:"column:conversation_id"`
	ContactID      *int64 `gorm:"column:contact_id"`
	Text           string `gorm:"column:text"`
	SentAt         int64  `gorm:"column:sent_at"`
}

// OutboundMessagesAfter returns sent outgoing messages with id > afterID, in id order.
func (s *Store) OutboundMessagesAfter(ctx context.Context, afterID int64, limit int) ([]OutboundMessage, error) {
	var out []OutboundMessage
	err := s.R.WithContext(ctx).Table("messages m").
		Select("m.id, m.conversation_id, c.contact_id, m.text, m.sent_at").
		Joins("JOIN conversations c ON c.id = m.conversation_id").
		Where("m.id > ? AND m.direction = ? AND m.state = ? AND m.deleted = ?", afterID, "out", StateSent, false).
		Order("m.id").Limit(limit).Scan(&out).Error
	return out, classify(err)
}

// ContactRefs maps lower-cased handles (without "@") of contact identities to contact ids,
// so an order's customer reference can be tied to a conversation's contact.
func (s *Store) ContactRefs(ctx context.Context) (map[string]int64, error) {
	type row struct {
		ContactID int64  `gorm:"column:contact_id"`
		Handle    string `gorm:"column:handle"`
	}
	var rows []row
	if err := s.R.WithContext(ctx).Table("contact_identities").Select("contact_id, handle").
		Where("handle <> ''").Scan(&rows).Error; err != nil {
		return nil, classify(err)
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[strings.ToLower(strings.TrimPrefix(r.Handle, "@"))] = r.ContactID
	}
	return out, nil
}

// AttributionResult is where one order is credited and why.
type AttributionResult struct {
	OrderID        int64  `gorm:"column:order_id;primaryKey"`
	Model          string `gorm:"column:model"`
	Rule           string `gorm:"column:rule"`
	CreatorID      *int64 `gorm:"column:creator_id"`
	CampaignID     *int64 `gorm:"column:campaign_id"`
	CodeID         *int64 `gorm:"column:code_id"`
	LinkID         *int64 `gorm:"column:link_id"`
	ConversationID *int64 `gorm:"column:conversation_id"`
	TemplateID     int64  `gorm:"column:template_id"`
	// Explanation is a JSON document the UI renders in plain words.
	Explanation string              `gorm:"column:explanation"`
	ComputedAt  int64               `gorm:"column:computed_at"`
	Assists     []AttributionAssist `gorm:"-"`
}

// TableName implements gorm's Tabler.
func (AttributionResult) TableName() string { return "attribution_results" }

// AttributionAssist is a creator who touched an order without being credited.
type AttributionAssist struct {
	OrderID   int64  `gorm:"column:order_id;primaryKey"`
	CreatorID int64  `gorm:"column:creator_id;primaryKey"`
	Rule      string `gorm:"column:rule"`
}

// TableName implements gorm's Tabler.
func (AttributionAssist) TableName() string { return "attribution_assists" }

// SaveAttribution replaces the attribution of the given orders, all in one transaction.
func (s *Store) SaveAttribution(ctx context.Context, results []AttributionResult) error {
	now := s.nowMillis()
	return classify(s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, r := range results {
			r.ComputedAt = now
			if err := tx.Where("order_id = ?", r.OrderID).Delete(&AttributionAssist{}).Error; err != nil {
				return err
			}
			if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&r).Error; err != nil {
				return err
			}
			for _, a := range r.Assists {
				a.OrderID = r.OrderID
				if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&a).Error; err != nil {
					return err
				}
			}
		}
		return nil
	}))
}

// AttributionFor returns one order's attribution with its assists, or ErrNotFound.
func (s *Store) AttributionFor(ctx context.Context, orderID int64) (AttributionResult, error) {
	var rows []AttributionResult
	if err := s.R.WithContext(ctx).Where("order_id = ?", orderID).Limit(1).Find(&rows).Error; err != nil {
		return AttributionResult{}, classify(err)
	}
	if len(rows) == 0 {
		return AttributionResult{}, ErrNotFound
	}
	err := s.R.WithContext(ctx).Where("order_id = ?", orderID).Order("creator_id").Find(&rows[0].Assists).Error
	return rows[0], classify(err)
}
