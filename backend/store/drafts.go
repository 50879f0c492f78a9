package store

import "context"

// Draft statuses.
const (
	DraftPending  = "pending"
	DraftApproved = "approved"
	DraftRejected = "rejected"
	DraftSent     = "sent"
	DraftRefused  = "refused"
)

// AutomationDraft is a reply an automation wrote, waiting for (or past) a person's decision.
type AutomationDraft struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	ConversationID int64  `gorm:"column:conversation_id"`
	MessageID      *int64 `gorm:"column:message_id"`
	RuleID         *int64 `gorm:"column:rule_id"`
	Provider       string `gorm:"column:provider"`
	Text           string `gorm:"column:text"`
	Intent         string `gorm:"column:intent"`
	// Categories are the sensitive topics found (comma separated): price, refund, legal, personal_data.
	Categories    string `gorm:"column:categories"`
	NeedsApproval bool   `gorm:"column:needs_approval"`
	Status        string `gorm:"column:status"`
	SentMessageID *int64 `gorm:"column:sent_message_id"`
	CreatedAt     int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt     int64  `gorm:"column:updated_at;autoUpdateTime:false"`
	// ConversationTitle is joined for lists.
	ConversationTitle string `gorm:"column:conversation_title;->"`
	// ContactID and ContactName are the conversation's contact, joined for lists (0 and "" when unknown).
	ContactID   int64  `gorm:"column:contact_id;->"`
	ContactName string `gorm:"column:contact_name;->"`
}

// TableName implements gorm's Tabler.
func (AutomationDraft) TableName() string { return "automation_drafts" }

// CreateDraft stores a new draft.
func (s *Store) CreateDraft(ctx context.Context, d *AutomationDraft) error {
	now := s.nowMillis()
	d.CreatedAt, d.UpdatedAt = now, now
	if d.Status == "" {
		d.Status = DraftPending
	}
	return classify(s.W.WithContext(ctx).Omit("conversation_title", "contact_id", "contact_name").Create(d).Error)
}

// Drafts lists drafts with a status ("" = any), newest first.
func (s *Store) Drafts(ctx context.Context, status string, limit int) ([]AutomationDraft, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	q := `SELECT d.*, c.title AS conversation_title, COALESCE(c.contact_id, 0) AS contact_id, COALESCE(k.display_name, '') AS contact_name
		FROM automation_drafts d JOIN conversations c ON c.id = d.conversation_id LEFT JOIN contacts k ON k.id = c.contact_id`
	args := []any{}
	if status != "" {
		q += ` WHERE d.status = ?`
		args = append(args, status)
	}
	q += ` ORDER BY d.id DESC LIMIT ?`
	var out []AutomationDraft
	return out, classify(s.R.WithContext(ctx).Raw(q, append(args, limit)...).Scan(&out).Error)
}

// DraftByID returns one draft or ErrNotFound.
func (s *Store) DraftByID(ctx context.Context, id int64) (AutomationDraft, error) {
	var out []AutomationDraft
	err := s.R.WithContext(ctx).Raw(`SELECT d.*, c.title AS conversation_title FROM automation_drafts d
		JOIN conversations c ON c.id = d.conversation_id WHERE d.id = ?`, id).Scan(&out).Error
	if err != nil {
		return AutomationDraft{}, classify(err)
	}
	if len(out) == 0 {
		return AutomationDraft{}, ErrNotFound
	}
	return out[0], nil
}

// DecideDraft records a person's decision on a draft and sets its status (and
// the message it became, when sent), in one transaction.
func (s *Store) DecideDraft(ctx context.Context, id int64, status, actor, note, text string, sentMessageID *int64) error {
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	now := s.nowMillis()
	res, err := tx.ExecContext(ctx, `UPDATE automation_drafts SET status = ?, text = ?, sent_message_id = ?, updated_at = ? WHERE id = ?`,
		status, text, sentMessageID, now, id)
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO automation_approvals(draft_id, decision, actor, note, at) VALUES (?, ?, ?, ?, ?)`,
		id, status, actor, note, now); err != nil {
		return classify(err)
	}
	return classify(tx.Commit())
}
