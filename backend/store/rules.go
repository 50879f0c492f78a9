package store

import (
	"context"
	"fmt"
	"strings"
)

// AutomationRule is one rule: when its conditions hold, its actions run.
type AutomationRule struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	Name           string `gorm:"column:name"`
	Position       int    `gorm:"column:position"`
	Enabled        bool   `gorm:"column:enabled"`
	ConditionsJSON string `gorm:"column:conditions_json"`
	ActionsJSON    string `gorm:"column:actions_json"`
	CreatedAt      int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt      int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (AutomationRule) TableName() string { return "automation_rules" }

// AutomationRun records what a rule did (or would have done) for one message.
type AutomationRun struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	RuleID         int64  `gorm:"column:rule_id"`
	MessageID      *int64 `gorm:"column:message_id"`
	ConversationID *int64 `gorm:"column:conversation_id"`
	DryRun         bool   `gorm:"column:dry_run"`
	ActionsJSON    string `gorm:"column:actions_json"`
	Outcome        string `gorm:"column:outcome"`
	At             int64  `gorm:"column:at"`
}

// TableName implements gorm's Tabler.
func (AutomationRun) TableName() string { return "automation_runs" }

// AutomationRules returns every rule in order.
func (s *Store) AutomationRules(ctx context.Context) ([]AutomationRule, error) {
	var out []AutomationRule
	return out, classify(s.R.WithContext(ctx).Order("position, id").Find(&out).Error)
}

// AutomationRuleByID returns one rule or ErrNotFound.
func (s *Store) AutomationRuleByID(ctx context.Context, id int64) (AutomationRule, error) {
	var out []AutomationRule
	if err := s.R.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&out).Error; err != nil {
		return AutomationRule{}, classify(err)
	}
	if len(out) == 0 {
		return AutomationRule{}, ErrNotFound
	}
	return out[0], nil
}

// SaveAutomationRule creates (ID 0, placed last) or updates a rule.
func (s *Store) SaveAutomationRule(ctx context.Context, r *AutomationRule) error {
	now := s.nowMillis()
	r.UpdatedAt = now
	db := s.W.WithContext(ctx)
	if r.ID == 0 {
		r.CreatedAt = now
		var maxPos []int
		if err := db.Raw(`SELECT COALESCE(MAX(position), 0) FROM automation_rules`).Scan(&maxPos).Error; err != nil {
			return classify(err)
		}
		if len(maxPos) == 1 {
			r.Position = maxPos[0] + 1
		}
		return classify(db.Create(r).Error)
	}
	res := db.Model(&AutomationRule{}).Where("id = ?", r.ID).Updates(map[string]any{
		"name": r.Name, "enabled": r.Enabled, "conditions_json": r.ConditionsJSON, "actions_json": r.ActionsJSON, "updated_at": now})
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// SetAutomationRuleEnabled switches one rule on or off.
func (s *Store) SetAutomationRuleEnabled(ctx context.Context, id int64, on bool) error {
	res := s.W.WithContext(ctx).Model(&AutomationRule{}).Where("id = ?", id).Updates(map[string]any{"enabled": on, "updated_at": s.nowMillis()})
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteAutomationRule removes a rule (its runs go with it).
func (s *Store) DeleteAutomationRule(ctx context.Context, id int64) error {
	return classify(s.W.WithContext(ctx).Exec(`DELETE FROM automation_rules WHERE id = ?`, id).Error)
}

// ReorderAutomationRules sets positions in the order of ids.
func (s *Store) ReorderAutomationRules(ctx context.Context, ids []int64) error {
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE automation_rules SET position = ?, updated_at = ? WHERE id = ?`, i+1, s.nowMillis(), id); err != nil {
			return classify(err)
		}
	}
	return classify(tx.Commit())
}

// RecordAutomationRun stores what a rule did for a message.
func (s *Store) RecordAutomationRun(ctx context.Context, r AutomationRun) error {
	if r.At == 0 {
		r.At = s.nowMillis()
	}
	return classify(s.W.WithContext(ctx).Create(&r).Error)
}

// AutomationRuns lists a rule's newest runs (ruleID 0 = every rule).
func (s *Store) AutomationRuns(ctx context.Context, ruleID int64, limit int) ([]AutomationRun, error) {
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	q := s.R.WithContext(ctx).Order("id DESC").Limit(limit)
	if ruleID != 0 {
		q = q.Where("rule_id = ?", ruleID)
	}
	var out []AutomationRun
	return out, classify(q.Find(&out).Error)
}

// InboundMessage is an inbound message with what rules test about it.
type InboundMessage struct {
	Message
	Kind      string `gorm:"column:kind"`
	Platform  string `gorm:"column:platform"`
	ContactID *int64 `gorm:"column:contact_id"`
	IsBot     bool   `gorm:"column:is_bot"`
}

// inboundColumns are read for the rules engine.
const inboundColumns = `m.*, c.kind AS kind, a.platform AS platform, c.contact_id AS contact_id, COALESCE(i.is_bot, 0) AS is_bot
	FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN accounts a ON a.id = m.account_id
	LEFT JOIN contact_identities i ON i.id = m.author_identity_id`

// InboundMessagesByIDs returns the listed messages that are inbound, oldest first.
func (s *Store) InboundMessagesByIDs(ctx context.Context, ids []int64) ([]InboundMessage, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []InboundMessage
	err := s.R.WithContext(ctx).Raw(`SELECT `+inboundColumns+` WHERE m.id IN ? AND m.direction = 'in' AND m.deleted = 0
		ORDER BY m.sent_at, m.id`, ids).Scan(&out).Error
	return out, classify(err)
}

// InboundMessagesSince returns inbound messages sent at or after since (Unix
// ms), newest first, at most limit: what a dry run replays.
func (s *Store) InboundMessagesSince(ctx context.Context, since int64, limit int) ([]InboundMessage, error) {
	if limit <= 0 || limit > 5000 {
		limit = 500
	}
	var out []InboundMessage
	err := s.R.WithContext(ctx).Raw(`SELECT `+inboundColumns+` WHERE m.sent_at >= ? AND m.direction = 'in' AND m.deleted = 0
		ORDER BY m.sent_at DESC, m.id DESC LIMIT ?`, since, limit).Scan(&out).Error
	return out, classify(err)
}

// RecentMessages returns a conversation's newest messages, newest first (loop and echo guards).
func (s *Store) RecentMessages(ctx context.Context, conversationID int64, limit int) ([]Message, error) {
	var out []Message
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM messages WHERE conversation_id = ? ORDER BY sent_at DESC, id DESC LIMIT ?`,
		conversationID, limit).Scan(&out).Error
	return out, classify(err)
}

// RuleTagConversation puts a tag (created if missing) on a conversation; it
// reports whether the tag was new on it.
func (s *Store) RuleTagConversation(ctx context.Context, conversationID int64, tagName string) (bool, error) {
	tagName = strings.TrimSpace(tagName)
	if tagName == "" {
		return false, fmt.Errorf("store: empty tag name")
	}
	db := s.W.WithContext(ctx)
	now := s.nowMillis()
	if err := db.Exec(`INSERT INTO tags(name, color, builtin, created_at) VALUES (?, '', 0, ?) ON CONFLICT(name) DO NOTHING`, tagName, now).Error; err != nil {
		return false, classify(err)
	}
	res := db.Exec(`INSERT INTO conversation_tags(conversation_id, tag_id, created_at)
		SELECT ?, id, ? FROM tags WHERE name = ? ON CONFLICT(conversation_id, tag_id) DO NOTHING`, conversationID, now, tagName)
	return res.RowsAffected > 0, classify(res.Error)
}

// RuleAssignConversation sets a conversation's assignee (a member id as text).
func (s *Store) RuleAssignConversation(ctx context.Context, conversationID int64, assignee string) error {
	return s.updateConversation(ctx, conversationID, map[string]any{"assignee": assignee})
}

// RuleSetPriority sets a conversation's priority.
func (s *Store) RuleSetPriority(ctx context.Context, conversationID int64, priority int) error {
	return s.updateConversation(ctx, conversationID, map[string]any{"priority": priority})
}

// LiveQuestion is a question a rule put on the live-questions board.
type LiveQuestion struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	ConversationID int64  `gorm:"column:conversation_id"`
	MessageID      int64  `gorm:"column:message_id"`
	RuleID         *int64 `gorm:"column:rule_id"`
	Text           string `gorm:"column:text"`
	Status         string `gorm:"column:status"`
	CreatedAt      int64  `gorm:"column:created_at"`
}

// TableName implements gorm's Tabler.
func (LiveQuestion) TableName() string { return "live_questions" }

// AddLiveQuestion puts a message on the live-questions board.
func (s *Store) AddLiveQuestion(ctx context.Context, q LiveQuestion) (LiveQuestion, error) {
	if q.CreatedAt == 0 {
		q.CreatedAt = s.nowMillis()
	}
	if q.Status == "" {
		q.Status = "new"
	}
	return q, classify(s.W.WithContext(ctx).Create(&q).Error)
}

// LiveQuestions lists the board's questions with a status ("" = any), newest first.
func (s *Store) LiveQuestions(ctx context.Context, status string, limit int) ([]LiveQuestion, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	q := s.R.WithContext(ctx).Order("created_at DESC, id DESC").Limit(limit)
	if status != "" {
		q = q.Where("status = ?", status)
	}
	var out []LiveQuestion
	return out, classify(q.Find(&out).Error)
}
