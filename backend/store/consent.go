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

// OptedOut reports whether a contact is opted out of scope. A contact that
// absorbed others by merging keeps their ledgers: see familyNewest for how
// the newest entries of the merged contacts combine (the stricter wins, a
// later STOP or START decides). The entry returned is the deciding one.
func (s *Store) OptedOut(ctx context.Context, contactID int64, scope string) (bool, OptOutEntry, error) {
	fam, mergedAt, err := s.contactFamily(ctx, contactID)
	if err != nil {
		return false, OptOutEntry{}, err
	}
	var rows []OptOutEntry
	err = s.R.WithContext(ctx).Raw(`SELECT o.* FROM optouts o WHERE o.contact_id IN ? AND o.scope = ?
		AND o.id = (SELECT MAX(x.id) FROM optouts x WHERE x.contact_id = o.contact_id AND x.scope = o.scope)`, fam, scope).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return false, OptOutEntry{}, classify(err)
	}
	i := familyNewest(len(rows), func(i int) (int64, bool) { return rows[i].At, rows[i].OptedOut }, mergedAt, true)
	return rows[i].OptedOut, rows[i], nil
}

// familyNewest picks the deciding entry among the newest entry of each
// contact of a merged family: an entry made at or after the latest merge
// (a STOP or START the person sent since) decides; before that, the
// strictest one does (strict is the value that blocks: an opt-out, or a
// withdrawn consent).
func familyNewest(n int, at func(int) (int64, bool), mergedAt int64, strict bool) int {
	newest, newestAt := 0, int64(0)
	for i := range n {
		if t, _ := at(i); i == 0 || t > newestAt {
			newest, newestAt = i, t
		}
	}
	if n == 1 || (mergedAt > 0 && newestAt >= mergedAt) {
		return newest
	}
	for i := range n {
		if _, v := at(i); v == strict {
			return i
		}
	}
	return newest
}

// contactFamily is a contact and every contact merged into it (directly or
// through a chain of merges), and when the latest of those merges happened
// (0 when none).
func (s *Store) contactFamily(ctx context.Context, contactID int64) ([]int64, int64, error) {
	fam := []int64{contactID}
	frontier := []int64{contactID}
	for hops := 0; len(frontier) > 0 && hops < 16; hops++ {
		var next []int64
		if err := s.R.WithContext(ctx).Raw(`SELECT id FROM contacts WHERE merged_into IN ?`, frontier).Scan(&next).Error; err != nil {
			return nil, 0, classify(err)
		}
		fam = append(fam, next...)
		frontier = next
	}
	if len(fam) == 1 {
		return fam, 0, nil
	}
	var at []int64
	if err := s.R.WithContext(ctx).Raw(`SELECT COALESCE(MAX(created_at), 0) FROM contact_merges WHERE survivor_id IN ? AND undone_at = 0`, fam).
		Scan(&at).Error; err != nil {
		return nil, 0, classify(err)
	}
	if len(at) == 0 {
		return fam, 0, nil
	}
	return fam, at[0], nil
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

// HasConsent reports whether the contact consents to purpose: the newest
// record grants it. For a contact that absorbed others by merging, a
// withdrawal on any of them wins over a grant made before the merge, a grant
// on any of them counts when none withdrew, and a record made since the merge decides.
func (s *Store) HasConsent(ctx context.Context, contactID int64, purpose string) (bool, error) {
	fam, mergedAt, err := s.contactFamily(ctx, contactID)
	if err != nil {
		return false, err
	}
	var rows []ConsentRecord
	err = s.R.WithContext(ctx).Raw(`SELECT k.* FROM consents k WHERE k.contact_id IN ? AND k.purpose = ?
		AND k.id = (SELECT MAX(y.id) FROM consents y WHERE y.contact_id = k.contact_id AND y.purpose = k.purpose)`, fam, purpose).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return false, classify(err)
	}
	i := familyNewest(len(rows), func(i int) (int64, bool) { return rows[i].At, rows[i].Granted }, mergedAt, false)
	return rows[i].Granted, nil
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
