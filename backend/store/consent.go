package store

import (
	"context"
)

// Opt-out scopes: what a STOP stops.
const (
	ScopeAutomated = "automated"
	ScopeMarketing = "marketing"
)

// OptOutEntry is one row of the opt-out ledger (a STOP or a START).
type OptOutEntry struct {
	ID         int64  `gorm:"column:id;primaryKey"`
	ContactID  *int64 `gorm:"column:contact_id"`
	IdentityID *int64 `gorm:"column:identity_id"`
	Scope      string `gorm:"column:scope"`
	OptedOut   bool   `gorm:"column:opted_out"`
	At         int64  `gorm:"column:at"`
	MessageID  *int64 `gorm:"column:message_id"`
	Channel    string `gorm:"column:channel"`
	Keyword    string `gorm:"column:keyword"`
	Actor      string `gorm:"column:actor"`
	// ContactName is joined for lists.
	ContactName string `gorm:"column:contact_name;->"`
}

// TableName implements gorm's Tabler.
func (OptOutEntry) TableName() string { return "optouts" }

// ConsentRecord is one consent given or withdrawn.
type ConsentRecord struct {
	ID                int64  `gorm:"column:id;primaryKey"`
	ContactID         int64  `gorm:"column:contact_id"`
	Purpose           string `gorm:"column:purpose"`
	Granted           bool   `gorm:"column:granted"`
	At                int64  `gorm:"column:at"`
	Channel           string `gorm:"column:channel"`
	EvidenceMessageID *int64 `gorm:"column:evidence_message_id"`
	Note              string `gorm:"column:note"`
	Actor             string `gorm:"column:actor"`
	ContactName       string `gorm:"column:contact_name;->"`
}

// TableName implements gorm's Tabler.
func (ConsentRecord) TableName() string { return "consents" }

// RecordOptOut appends a STOP (optedOut) or START to the ledger.
func (s *Store) RecordOptOut(ctx context.Context, e OptOutEntry) (OptOutEntry, error) {
	if e.At == 0 {
		e.At = s.nowMillis()
	}
	return e, classify(s.W.WithContext(ctx).Omit("contact_name").Create(&e).Error)
}

// OptedOut reports whether a contact's newest ledger row for scope is a STOP.
func (s *Store) OptedOut(ctx context.Context, contactID int64, scope string) (bool, OptOutEntry, error) {
	var rows []OptOutEntry
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM optouts WHERE contact_id = ? AND scope = ? ORDER BY id DESC LIMIT 1`,
		contactID, scope).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return false, OptOutEntry{}, classify(err)
	}
	return rows[0].OptedOut, rows[0], nil
}

// OptOutLedger lists ledger rows newest first (contactID 0 = every contact).
func (s *Store) OptOutLedger(ctx context.Context, contactID int64, limit int) ([]OptOutEntry, error) {
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	q := `SELECT o.*, COALESCE(c.display_name, '') AS contact_name FROM optouts o LEFT JOIN contacts c ON c.id = o.contact_id`
	args := []any{}
	if contactID != 0 {
		q += ` WHERE o.contact_id = ?`
		args = append(args, contactID)
	}
	q += ` ORDER BY o.at DESC, o.id DESC LIMIT ?`
	var out []OptOutEntry
	return out, classify(s.R.WithContext(ctx).Raw(q, append(args, limit)...).Scan(&out).Error)
}

// RecordConsent appends a consent (granted or withdrawn) for a purpose.
func (s *Store) RecordConsent(ctx context.Context, c ConsentRecord) (ConsentRecord, error) {
	if c.At == 0 {
		c.At = s.nowMillis()
	}
	return c, classify(s.W.WithContext(ctx).Omit("contact_name").Create(&c).Error)
}

// HasConsent reports whether the contact's newest record for purpose grants it.
func (s *Store) HasConsent(ctx context.Context, contactID int64, purpose string) (bool, error) {
	var rows []ConsentRecord
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM consents WHERE contact_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1`,
		contactID, purpose).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return false, classify(err)
	}
	return rows[0].Granted, nil
}

// Consents lists consent records newest first (contactID 0 = every contact).
func (s *Store) Consents(ctx context.Context, contactID int64, limit int) ([]ConsentRecord, error) {
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	q := `SELECT k.*, COALESCE(c.display_name, '') AS contact_name FROM consents k LEFT JOIN contacts c ON c.id = k.contact_id`
	args := []any{}
	if contactID != 0 {
		q += ` WHERE k.contact_id = ?`
		args = append(args, contactID)
	}
	q += ` ORDER BY k.at DESC, k.id DESC LIMIT ?`
	var out []ConsentRecord
	return out, classify(s.R.WithContext(ctx).Raw(q, append(args, limit)...).Scan(&out).Error)
}

// Disclosed reports whether the contact already got the assistant notice on channel.
func (s *Store) Disclosed(ctx context.Context, contactID int64, channel string) (bool, error) {
	var n int64
	err := s.R.WithContext(ctx).Raw(`SELECT COUNT(*) FROM disclosures WHERE contact_id = ? AND channel = ?`, contactID, channel).Scan(&n).Error
	return n > 0, classify(err)
}

// RecordDisclosure notes the message that carried the assistant notice (the first one wins).
func (s *Store) RecordDisclosure(ctx context.Context, contactID int64, channel string, messageID int64) error {
	return classify(s.W.WithContext(ctx).Exec(`INSERT INTO disclosures(contact_id, channel, message_id, at) VALUES (?, ?, ?, ?)
		ON CONFLICT(contact_id, channel) DO NOTHING`, contactID, channel, messageID, s.nowMillis()).Error)
}

// BumpCounter adds one to a fixed-window counter and returns the new count.
func (s *Store) BumpCounter(ctx context.Context, key string, windowStart int64) (int, error) {
	db := s.W.WithContext(ctx)
	if err := db.Exec(`INSERT INTO automation_counters(scope_key, window_start, count) VALUES (?, ?, 1)
		ON CONFLICT(scope_key, window_start) DO UPDATE SET count = automation_counters.count + 1`, key, windowStart).Error; err != nil {
		return 0, classify(err)
	}
	return s.Counter(ctx, key, windowStart)
}

// Counter returns a fixed-window counter's value (0 when absent).
func (s *Store) Counter(ctx context.Context, key string, windowStart int64) (int, error) {
	var n []int
	err := s.W.WithContext(ctx).Raw(`SELECT count FROM automation_counters WHERE scope_key = ? AND window_start = ?`, key, windowStart).Scan(&n).Error
	if err != nil || len(n) == 0 {
		return 0, classify(err)
	}
	return n[0], nil
}

// PruneCounters deletes windows that started before cutoff (Unix ms).
func (s *Store) PruneCounters(ctx context.Context, cutoff int64) error {
	return classify(s.W.WithContext(ctx).Exec(`DELETE FROM automation_counters WHERE window_start < ?`, cutoff).Error)
}

// AuthorIdentity returns the contact identity that wrote a message, or ErrNotFound.
func (s *Store) AuthorIdentity(ctx context.Context, id int64) (Identity, error) {
	var rows []Identity
	if err := s.R.WithContext(ctx).Raw(`SELECT i.*, a.platform FROM contact_identities i JOIN accounts a ON a.id = i.account_id
		WHERE i.id = ?`, id).Scan(&rows).Error; err != nil {
		return Identity{}, classify(err)
	}
	if len(rows) == 0 {
		return Identity{}, ErrNotFound
	}
	return rows[0], nil
}

// ContactAttributes returns every column of a contact row as text, so rules
// can test attributes other areas add later without a change here.
func (s *Store) ContactAttributes(ctx context.Context, contactID int64) (map[string]string, error) {
	var rows []map[string]any
	if err := s.R.WithContext(ctx).Raw(`SELECT * FROM contacts WHERE id = ?`, contactID).Scan(&rows).Error; err != nil {
		return nil, classify(err)
	}
	if len(rows) == 0 {
		return nil, ErrNotFound
	}
	out := make(map[string]string, len(rows[0]))
	for k, v := range rows[0] {
		out[k] = anyText(v)
	}
	return out, nil
}
