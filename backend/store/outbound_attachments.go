package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"gorm.io/gorm"
)

// OutgoingAttachment is a file sent (or to be sent) with an outgoing message.
// The bytes are the app's own copy in the data folder, named by SHA256.
type OutgoingAttachment struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	MessageID int64  `gorm:"column:message_id"`
	Position  int    `gorm:"column:position"`
	SHA256    string `gorm:"column:sha256"`
	Name      string `gorm:"column:name"`
	MimeType  string `gorm:"column:mime_type"`
	// Kind is the platform-neutral kind (image, video, audio, document).
	Kind string `gorm:"column:kind"`
	Size int64  `gorm:"column:size"`
	// ExternalID is the platform's id for the sent file ("" until it is sent).
	ExternalID string `gorm:"column:external_id"`
	CreatedAt  int64  `gorm:"column:created_at;autoCreateTime:false"`
}

// TableName implements gorm's Tabler.
func (OutgoingAttachment) TableName() string { return "outgoing_attachments" }

// messageAttachment is the shape of messages.attachments (platforms.Attachment's JSON).
type messageAttachment struct {
	Kind     string
	Name     string
	MimeType string
	Size     int64
}

// AddOutgoingAttachments records the files of a queued outgoing message and
// lists them on the message (messages.attachments, which the thread shows),
// in one transaction. InsertOutgoingWithFiles does the same together with the
// message itself, which is what the send gate uses.
func (s *Store) AddOutgoingAttachments(ctx context.Context, messageID int64, atts []OutgoingAttachment) error {
	if len(atts) == 0 {
		return nil
	}
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := addOutgoingAttachmentsTx(ctx, tx, messageID, atts, s.nowMillis()); err != nil {
		return err
	}
	return classify(tx.Commit())
}

// addOutgoingAttachmentsTx writes the file rows of an outgoing message and its
// attachments list inside tx, and returns that list (messages.attachments).
func addOutgoingAttachmentsTx(ctx context.Context, tx *sql.Tx, messageID int64, atts []OutgoingAttachment, now int64) (string, error) {
	shown := make([]messageAttachment, len(atts))
	for i, a := range atts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO outgoing_attachments(message_id, position, sha256, name, mime_type, kind, size, external_id, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)`, messageID, i, a.SHA256, a.Name, a.MimeType, a.Kind, a.Size, now); err != nil {
			return "", classify(err)
		}
		shown[i] = messageAttachment{Kind: shownKind(a.Kind), Name: a.Name, MimeType: a.MimeType, Size: a.Size}
	}
	raw, err := json.Marshal(shown)
	if err != nil {
		return "", err
	}
	res, err := tx.ExecContext(ctx, `UPDATE messages SET attachments = ? WHERE id = ? AND direction = 'out'`, string(raw), messageID)
	if err != nil {
		return "", classify(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return "", ErrNotFound
	}
	return string(raw), nil
}

// shownKind is the thread's word for an attachment kind: the thread calls
// images photos, as the platforms' inbound attachments do.
func shownKind(kind string) string {
	if kind == "image" {
		return "photo"
	}
	return kind
}

// OutgoingAttachments returns a message's files in the order they are sent.
func (s *Store) OutgoingAttachments(ctx context.Context, messageID int64) ([]OutgoingAttachment, error) {
	var out []OutgoingAttachment
	err := s.R.WithContext(ctx).Where("message_id = ?", messageID).Order("position, id").Find(&out).Error
	return out, classify(err)
}

// MarkAttachmentSent records the platform's id for a sent file, so a retry
// of its message does not send it twice.
func (s *Store) MarkAttachmentSent(ctx context.Context, id int64, externalID string) error {
	res := s.W.WithContext(ctx).Exec(`UPDATE outgoing_attachments SET external_id = ? WHERE id = ?`, externalID, id)
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// AttachmentInUse reports whether any stored message still refers to the
// file with this SHA-256 (the data folder's copy may then not be removed).
func (s *Store) AttachmentInUse(ctx context.Context, sha string) (bool, error) {
	var n int64
	err := s.R.WithContext(ctx).Raw(`SELECT COUNT(*) FROM outgoing_attachments WHERE sha256 = ?`, sha).Scan(&n).Error
	return n > 0, classify(err)
}

// OutgoingTemplate is the WhatsApp template an outgoing message was sent as.
type OutgoingTemplate struct {
	MessageID int64  `gorm:"column:message_id;primaryKey"`
	Name      string `gorm:"column:name"`
	Language  string `gorm:"column:language"`
	Category  string `gorm:"column:category"`
	// ParamsJSON is the {{n}} parameters as a JSON array of strings.
	ParamsJSON string `gorm:"column:params_json"`
	CreatedAt  int64  `gorm:"column:created_at;autoCreateTime:false"`
}

// TableName implements gorm's Tabler.
func (OutgoingTemplate) TableName() string { return "outgoing_templates" }

// Params decodes the template's parameters.
func (t OutgoingTemplate) Params() []string {
	var p []string
	_ = json.Unmarshal([]byte(t.ParamsJSON), &p)
	return p
}

// SetOutgoingTemplate records the template a queued message is sent as.
func (s *Store) SetOutgoingTemplate(ctx context.Context, messageID int64, name, language, category string, params []string) error {
	if params == nil {
		params = []string{}
	}
	raw, err := json.Marshal(params)
	if err != nil {
		return err
	}
	return classify(s.W.WithContext(ctx).Exec(`INSERT INTO outgoing_templates(message_id, name, language, category, params_json, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, messageID, name, language, category, string(raw), s.nowMillis()).Error)
}

// OutgoingTemplateOf returns the template a message was sent as (ok false: a normal message).
func (s *Store) OutgoingTemplateOf(ctx context.Context, messageID int64) (OutgoingTemplate, bool, error) {
	var t OutgoingTemplate
	err := s.R.WithContext(ctx).Take(&t, "message_id = ?", messageID).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return t, false, nil
	}
	return t, err == nil, classify(err)
}
