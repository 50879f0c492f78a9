package store

import (
	"context"
)

// LabeledText is one training example for the classifier.
type LabeledText struct {
	Text  string `gorm:"column:text"`
	Label string `gorm:"column:label"`
	// Source is "tag" (a tag a person set on the conversation) or "manual".
	Source string `gorm:"column:source"`
}

// ClassifierLabel says which tag teaches which intent or kind.
type ClassifierLabel struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	TagID     int64  `gorm:"column:tag_id"`
	TagName   string `gorm:"column:tag_name;->"`
	Intent    string `gorm:"column:intent"`
	CreatedAt int64  `gorm:"column:created_at;autoCreateTime:false"`
}

// TableName implements gorm's Tabler.
func (ClassifierLabel) TableName() string { return "classifier_labels" }

// ClassifierModelRow is one trained model with its held-out quality.
type ClassifierModelRow struct {
	ID          int64  `gorm:"column:id;primaryKey"`
	TrainedAt   int64  `gorm:"column:trained_at"`
	Examples    int    `gorm:"column:examples"`
	ModelJSON   string `gorm:"column:model_json"`
	MetricsJSON string `gorm:"column:metrics_json"`
}

// TableName implements gorm's Tabler.
func (ClassifierModelRow) TableName() string { return "classifier_models" }

// MessageClassification is the classifier's verdict on one message.
type MessageClassification struct {
	MessageID      int64   `gorm:"column:message_id;primaryKey"`
	ConversationID int64   `gorm:"column:conversation_id"`
	Intent         string  `gorm:"column:intent"`
	Kind           string  `gorm:"column:kind"`
	Sentiment      string  `gorm:"column:sentiment"`
	Confidence     float64 `gorm:"column:confidence"`
	Source         string  `gorm:"column:source"`
	ClassifiedAt   int64   `gorm:"column:classified_at"`
}

// TableName implements gorm's Tabler.
func (MessageClassification) TableName() string { return "message_classifications" }

// ClassifierExamples returns the team's labeled messages: every inbound
// message of a conversation carrying a tag mapped to an intent, and the
// examples entered by hand. At most limit rows (newest first).
func (s *Store) ClassifierExamples(ctx context.Context, limit int) ([]LabeledText, error) {
	if limit <= 0 {
		limit = 50000
	}
	var out []LabeledText
	err := s.R.WithContext(ctx).Raw(`SELECT text, label, source FROM (
		SELECT m.id AS id, m.text AS text, cl.intent AS label, 'tag' AS source
			FROM classifier_labels cl
			JOIN conversation_tags ct ON ct.tag_id = cl.tag_id
			JOIN messages m ON m.conversation_id = ct.conversation_id
			WHERE m.direction = 'in' AND m.deleted = 0 AND m.text <> ''
		UNION ALL
		SELECT -id AS id, text, intent AS label, 'manual' AS source FROM classifier_examples WHERE intent <> ''
	) x ORDER BY id DESC LIMIT ?`, limit).Scan(&out).Error
	return out, classify(err)
}

// AddClassifierExample stores a hand-entered example.
func (s *Store) AddClassifierExample(ctx context.Context, text, intent, sentiment string) error {
	return classify(s.W.WithContext(ctx).Exec(`INSERT INTO classifier_examples(text, intent, sentiment, source, created_at)
		VALUES (?, ?, ?, 'manual', ?)`, text, intent, sentiment, s.nowMillis()).Error)
}

// ClassifierLabels lists which tags teach which intent.
func (s *Store) ClassifierLabels(ctx context.Context) ([]ClassifierLabel, error) {
	var out []ClassifierLabel
	err := s.R.WithContext(ctx).Raw(`SELECT cl.id, cl.tag_id, t.name AS tag_name, cl.intent, cl.created_at
		FROM classifier_labels cl JOIN tags t ON t.id = cl.tag_id ORDER BY t.name`).Scan(&out).Error
	return out, classify(err)
}

// SetClassifierLabel maps a tag (by name) to an intent or kind; "" removes the mapping.
func (s *Store) SetClassifierLabel(ctx context.Context, tagName, intent string) error {
	var ids []int64
	if err := s.R.WithContext(ctx).Raw(`SELECT id FROM tags WHERE name = ?`, tagName).Scan(&ids).Error; err != nil {
		return classify(err)
	}
	if len(ids) == 0 {
		return ErrNotFound
	}
	if intent == "" {
		return classify(s.W.WithContext(ctx).Exec(`DELETE FROM classifier_labels WHERE tag_id = ?`, ids[0]).Error)
	}
	return classify(s.W.WithContext(ctx).Exec(`INSERT INTO classifier_labels(tag_id, intent, created_at) VALUES (?, ?, ?)
		ON CONFLICT(tag_id) DO UPDATE SET intent = excluded.intent`, ids[0], intent, s.nowMillis()).Error)
}

// SaveClassifierModel stores a trained model and its quality figures.
func (s *Store) SaveClassifierModel(ctx context.Context, examples int, modelJSON, metricsJSON string) error {
	return classify(s.W.WithContext(ctx).Create(&ClassifierModelRow{TrainedAt: s.nowMillis(), Examples: examples,
		ModelJSON: modelJSON, MetricsJSON: metricsJSON}).Error)
}

// LatestClassifierModel returns the newest trained model, or ErrNotFound.
func (s *Store) LatestClassifierModel(ctx context.Context) (ClassifierModelRow, error) {
	var rows []ClassifierModelRow
	if err := s.R.WithContext(ctx).Order("id DESC").Limit(1).Find(&rows).Error; err != nil {
		return ClassifierModelRow{}, classify(err)
	}
	if len(rows) == 0 {
		return ClassifierModelRow{}, ErrNotFound
	}
	return rows[0], nil
}

// SaveClassification stores a message's classification and copies its intent
// and sentiment onto the conversation (the newest inbound message decides).
func (s *Store) SaveClassification(ctx context.Context, c MessageClassification) error {
	return s.SaveClassifications(ctx, []MessageClassification{c})
}

// SaveClassifications stores many verdicts in one transaction, with each
// statement prepared once: a synced page's messages are classified together,
// so the classifier never costs the sync a transaction per message.
func (s *Store) SaveClassifications(ctx context.Context, cs []MessageClassification) error {
	if len(cs) == 0 {
		return nil
	}
	now := s.nowMillis()
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	save, err := tx.PrepareContext(ctx, `INSERT INTO message_classifications(message_id, conversation_id, intent, kind, sentiment, confidence, source, classified_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(message_id) DO UPDATE SET intent = excluded.intent, kind = excluded.kind, sentiment = excluded.sentiment,
		confidence = excluded.confidence, source = excluded.source, classified_at = excluded.classified_at`)
	if err != nil {
		return classify(err)
	}
	defer save.Close()
	// The conversation shows the verdict of its newest inbound message only.
	latest, err := tx.PrepareContext(ctx, `UPDATE conversations SET intent = ?, sentiment = ? WHERE id = ? AND NOT EXISTS (
		SELECT 1 FROM messages n WHERE n.conversation_id = ? AND n.direction = 'in'
		AND n.sent_at > (SELECT sent_at FROM messages WHERE id = ?))`)
	if err != nil {
		return classify(err)
	}
	defer latest.Close()
	for _, c := range cs {
		if c.ClassifiedAt == 0 {
			c.ClassifiedAt = now
		}
		if _, err := save.ExecContext(ctx, c.MessageID, c.ConversationID, c.Intent, c.Kind, c.Sentiment, c.Confidence, c.Source, c.ClassifiedAt); err != nil {
			return classify(err)
		}
		if _, err := latest.ExecContext(ctx, c.Intent, c.Sentiment, c.ConversationID, c.ConversationID, c.MessageID); err != nil {
			return classify(err)
		}
	}
	return classify(tx.Commit())
}

// ClassificationOf returns a message's classification, or ErrNotFound.
func (s *Store) ClassificationOf(ctx context.Context, messageID int64) (MessageClassification, error) {
	var rows []MessageClassification
	if err := s.R.WithContext(ctx).Where("message_id = ?", messageID).Limit(1).Find(&rows).Error; err != nil {
		return MessageClassification{}, classify(err)
	}
	if len(rows) == 0 {
		return MessageClassification{}, ErrNotFound
	}
	return rows[0], nil
}

// ConversationIntent returns the intent and sentiment columns of a conversation.
func (s *Store) ConversationIntent(ctx context.Context, conversationID int64) (intent, sentiment string, err error) {
	var rows []struct {
		Intent    string `gorm:"column:intent"`
		Sentiment string `gorm:"column:sentiment"`
	}
	if err := s.R.WithContext(ctx).Raw(`SELECT intent, sentiment FROM conversations WHERE id = ?`, conversationID).Scan(&rows).Error; err != nil {
		return "", "", classify(err)
	}
	if len(rows) == 0 {
		return "", "", ErrNotFound
	}
	return rows[0].Intent, rows[0].Sentiment, nil
}
