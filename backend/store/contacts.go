package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"creatordesk/backend/textsearch"
)

// Errors of contact merging.
var (
	// ErrMergeSelf: a contact cannot be merged into itself.
	ErrMergeSelf = errors.New("store: a contact cannot be merged into itself")
	// ErrMergeUndone: the merge was already undone, or a later merge depends on it.
	ErrMergeUndone = errors.New("store: this merge cannot be undone any more")
)

// Contact is one person across platforms.
type Contact struct {
	ID          int64  `gorm:"column:id;primaryKey"`
	DisplayName string `gorm:"column:display_name"`
	FirstName   string `gorm:"column:first_name"`
	Language    string `gorm:"column:language"`
	Notes       string `gorm:"column:notes"`
	MergedInto  int64  `gorm:"column:merged_into"`
	CreatedAt   int64  `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt   int64  `gorm:"column:updated_at;autoUpdateTime:false"`
}

// TableName implements gorm's Tabler.
func (Contact) TableName() string { return "contacts" }

// Identity is a contact's account on one platform.
type Identity struct {
	ID          int64  `gorm:"column:id;primaryKey"`
	ContactID   int64  `gorm:"column:contact_id"`
	AccountID   int64  `gorm:"column:account_id"`
	Platform    string `gorm:"column:platform;->"`
	ExternalID  string `gorm:"column:external_id"`
	Handle      string `gorm:"column:handle"`
	DisplayName string `gorm:"column:display_name"`
	IsBot       bool   `gorm:"column:is_bot"`
}

// TableName implements gorm's Tabler.
func (Identity) TableName() string { return "contact_identities" }

// ContactMerge is one merge, with what is needed to split the contacts back exactly.
type ContactMerge struct {
	ID              int64  `gorm:"column:id;primaryKey"`
	SurvivorID      int64  `gorm:"column:survivor_id"`
	MergedID        int64  `gorm:"column:merged_id"`
	IdentityIDs     string `gorm:"column:identity_ids"`
	ConversationIDs string `gorm:"column:conversation_ids"`
	OrderIDs        string `gorm:"column:order_ids"`
	SurvivorBefore  string `gorm:"column:survivor_before"`
	Actor           string `gorm:"column:actor"`
	CreatedAt       int64  `gorm:"column:created_at"`
	UndoneAt        int64  `gorm:"column:undone_at"`
}

// ContactCursor is the position after the last row of a contacts page: (display_name, id).
type ContactCursor struct {
	Name string
	ID   int64
}

// String encodes the cursor ("" for none).
func (c ContactCursor) String() string {
	if c.ID == 0 {
		return ""
	}
	return strconv.FormatInt(c.ID, 10) + ":" + c.Name
}

// ParseContactCursor decodes ContactCursor.String.
func ParseContactCursor(s string) (ContactCursor, error) {
	if s == "" {
		return ContactCursor{}, nil
	}
	id, name, ok := strings.Cut(s, ":")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil {
		return ContactCursor{}, fmt.Errorf("store: bad cursor %q", s)
	}
	return ContactCursor{Name: name, ID: n}, nil
}

// Contacts returns one page of contacts (merged ones hidden) by name, served by ix_contacts_name.
func (s *Store) Contacts(ctx context.Context, after ContactCursor, limit int) ([]Contact, ContactCursor, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	var out []Contact
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM contacts WHERE merged_into = 0 AND (display_name, id) > (?, ?)
		ORDER BY display_name, id LIMIT ?`, after.Name, after.ID, limit+1).Scan(&out).Error
	if err != nil {
		return nil, ContactCursor{}, classify(err)
	}
	var next ContactCursor
	if len(out) > limit {
		out = out[:limit]
		next = ContactCursor{Name: out[limit-1].DisplayName, ID: out[limit-1].ID}
	}
	return out, next, nil
}

// ContactByID returns one contact (merged or not) or ErrNotFound.
func (s *Store) ContactByID(ctx context.Context, id int64) (Contact, error) {
	var out []Contact
	if err := s.R.WithContext(ctx).Raw(`SELECT * FROM contacts WHERE id = ?`, id).Scan(&out).Error; err != nil {
		return Contact{}, classify(err)
	}
	if len(out) == 0 {
		return Contact{}, ErrNotFound
	}
	return out[0], nil
}

// ContactsByIDs returns the listed contacts (missing ids left out).
func (s *Store) ContactsByIDs(ctx context.Context, ids []int64) ([]Contact, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []Contact
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM contacts WHERE id IN ?`, ids).Scan(&out).Error
	return out, classify(err)
}

// Identities returns a contact's identities with their platform.
func (s *Store) Identities(ctx context.Context, contactID int64) ([]Identity, error) {
	var out []Identity
	err := s.R.WithContext(ctx).Raw(`SELECT i.*, a.platform FROM contact_identities i JOIN accounts a ON a.id = i.account_id
		WHERE i.contact_id = ? ORDER BY i.id`, contactID).Scan(&out).Error
	return out, classify(err)
}

// OrderIDs returns a contact's order ids, oldest first.
func (s *Store) OrderIDs(ctx context.Context, contactID int64) ([]string, error) {
	var out []string
	err := s.R.WithContext(ctx).Raw(`SELECT order_id FROM contact_order_ids WHERE contact_id = ? ORDER BY created_at, order_id`, contactID).Scan(&out).Error
	return out, classify(err)
}

// ContactFields are the editable parts of a contact.
type ContactFields struct {
	DisplayName string
	FirstName   string
	Language    string
	Notes       string
	OrderIDs    []string
}

// UpdateContact replaces a contact's editable fields and order ids, reindexes it and audits the change.
func (s *Store) UpdateContact(ctx context.Context, actor string, id int64, f ContactFields) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var b Contact
		err := tx.QueryRowContext(ctx, `SELECT display_name, first_name, language, notes FROM contacts WHERE id = ? AND merged_into = 0`, id).
			Scan(&b.DisplayName, &b.FirstName, &b.Language, &b.Notes)
		if err != nil {
			return notFoundOr(err)
		}
		beforeOrders, err := orderIDsTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE contacts SET display_name = ?, first_name = ?, language = ?, notes = ?, updated_at = ? WHERE id = ?`,
			f.DisplayName, f.FirstName, f.Language, f.Notes, s.nowMillis(), id); err != nil {
			return classify(err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM contact_order_ids WHERE contact_id = ?`, id); err != nil {
			return classify(err)
		}
		if err := s.addOrderIDsTx(ctx, tx, id, f.OrderIDs); err != nil {
			return err
		}
		if err := reindexContact(ctx, tx, id); err != nil {
			return err
		}
		return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "contact.updated", TargetType: "contact", TargetID: strconv.FormatInt(id, 10),
			BeforeJSON: toJSON(map[string]any{"displayName": b.DisplayName, "firstName": b.FirstName, "language": b.Language, "notes": b.Notes, "orderIds": beforeOrders}),
			AfterJSON:  toJSON(map[string]any{"displayName": f.DisplayName, "firstName": f.FirstName, "language": f.Language, "notes": f.Notes, "orderIds": f.OrderIDs})})
	})
}

// AddOrderIDs links order ids to a contact (ids it already has are kept once).
func (s *Store) AddOrderIDs(ctx context.Context, contactID int64, orderIDs []string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.addOrderIDsTx(ctx, tx, contactID, orderIDs) })
}

// addOrderIDsTx inserts order ids inside tx.
func (s *Store) addOrderIDsTx(ctx context.Context, tx *sql.Tx, contactID int64, orderIDs []string) error {
	for _, o := range orderIDs {
		if o = strings.TrimSpace(o); o == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO contact_order_ids(contact_id, order_id, created_at) VALUES (?, ?, ?)
			ON CONFLICT (contact_id, order_id) DO NOTHING`, contactID, o, s.nowMillis()); err != nil {
			return classify(err)
		}
	}
	return nil
}

// orderIDsTx reads a contact's order ids inside tx.
func orderIDsTx(ctx context.Context, tx *sql.Tx, contactID int64) ([]string, error) {
	return stringsTx(ctx, tx, `SELECT order_id FROM contact_order_ids WHERE contact_id = ? ORDER BY order_id`, contactID)
}

// MergeContacts moves everything of merged into survivor: its identities, its
// conversations and its order ids; the survivor's empty first name and language
// are filled from merged. The merged contact is kept, hidden, and the merge
// records what moved, so UndoMerge can split the two back exactly.
func (s *Store) MergeContacts(ctx context.Context, actor string, survivorID, mergedID int64) (ContactMerge, error) {
	if survivorID == mergedID {
		return ContactMerge{}, ErrMergeSelf
	}
	m := ContactMerge{SurvivorID: survivorID, MergedID: mergedID, Actor: actor, CreatedAt: s.nowMillis()}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var sv, mg Contact
		for _, c := range []*Contact{&sv, &mg} {
			id := survivorID
			if c == &mg {
				id = mergedID
			}
			if err := tx.QueryRowContext(ctx, `SELECT id, display_name, first_name, language, notes FROM contacts WHERE id = ? AND merged_into = 0`, id).
				Scan(&c.ID, &c.DisplayName, &c.FirstName, &c.Language, &c.Notes); err != nil {
				return notFoundOr(err)
			}
		}
		idents, err := idsTx(ctx, tx, `SELECT id FROM contact_identities WHERE contact_id = ? ORDER BY id`, mergedID)
		if err != nil {
			return err
		}
		convs, err := idsTx(ctx, tx, `SELECT id FROM conversations WHERE contact_id = ? ORDER BY id`, mergedID)
		if err != nil {
			return err
		}
		// Only the order ids the survivor did not have move (and move back on undo).
		moved, err := stringsTx(ctx, tx, `SELECT order_id FROM contact_order_ids WHERE contact_id = ? AND order_id NOT IN
			(SELECT order_id FROM contact_order_ids WHERE contact_id = ?) ORDER BY order_id`, mergedID, survivorID)
		if err != nil {
			return err
		}
		m.IdentityIDs, m.ConversationIDs, m.OrderIDs = toJSON(idents), toJSON(convs), toJSON(moved)
		m.SurvivorBefore = toJSON(map[string]string{"firstName": sv.FirstName, "language": sv.Language, "notes": sv.Notes})
		now := s.nowMillis()
		stmts := []struct {
			q    string
			args []any
		}{
			{`UPDATE contact_identities SET contact_id = ? WHERE contact_id = ?`, []any{survivorID, mergedID}},
			{`UPDATE conversations SET contact_id = ? WHERE contact_id = ?`, []any{survivorID, mergedID}},
			{`UPDATE contact_order_ids SET contact_id = ? WHERE contact_id = ? AND order_id NOT IN
				(SELECT order_id FROM contact_order_ids WHERE contact_id = ?)`, []any{survivorID, mergedID, survivorID}},
			{`UPDATE contacts SET first_name = CASE WHEN first_name = '' THEN ? ELSE first_name END,
				language = CASE WHEN language = '' THEN ? ELSE language END, updated_at = ? WHERE id = ?`, []any{mg.FirstName, mg.Language, now, survivorID}},
			{`UPDATE contacts SET merged_into = ?, updated_at = ? WHERE id = ?`, []any{survivorID, now, mergedID}},
			{`DELETE FROM contact_search WHERE rowid = ?`, []any{mergedID}},
		}
		for _, st := range stmts {
			if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
				return classify(err)
			}
		}
		if err := reindexContact(ctx, tx, survivorID); err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO contact_merges(survivor_id, merged_id, identity_ids, conversation_ids, order_ids, survivor_before, actor, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, m.SurvivorID, m.MergedID, m.IdentityIDs, m.ConversationIDs, m.OrderIDs, m.SurvivorBefore, actor, m.CreatedAt).Scan(&m.ID)
		if err != nil {
			return classify(err)
		}
		return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "contact.merged", TargetType: "contact", TargetID: strconv.FormatInt(survivorID, 10),
			AfterJSON: toJSON(map[string]any{"mergeId": m.ID, "mergedId": mergedID, "identities": idents, "conversations": convs, "orderIds": moved})})
	})
	return m, err
}

// UndoMerge splits a merge back: the identities, conversations and order ids
// that moved return to the merged contact, and the survivor's first name,
// language and notes are restored. Only the newest merge into a survivor that
// is not itself merged can be undone (later merges build on it).
func (s *Store) UndoMerge(ctx context.Context, actor string, mergeID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var m ContactMerge
		err := tx.QueryRowContext(ctx, `SELECT id, survivor_id, merged_id, identity_ids, conversation_ids, order_ids, survivor_before, undone_at
			FROM contact_merges WHERE id = ?`, mergeID).Scan(&m.ID, &m.SurvivorID, &m.MergedID, &m.IdentityIDs, &m.ConversationIDs, &m.OrderIDs, &m.SurvivorBefore, &m.UndoneAt)
		if err != nil {
			return notFoundOr(err)
		}
		var later, survivorMerged int64
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM contact_merges WHERE survivor_id = ? AND id > ? AND undone_at = 0`, m.SurvivorID, m.ID).Scan(&later); err != nil {
			return classify(err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT merged_into FROM contacts WHERE id = ?`, m.SurvivorID).Scan(&survivorMerged); err != nil {
			return notFoundOr(err)
		}
		if m.UndoneAt != 0 || later > 0 || survivorMerged != 0 {
			return ErrMergeUndone
		}
		var idents, convs []int64
		var orders []string
		var before map[string]string
		if json.Unmarshal([]byte(m.IdentityIDs), &idents) != nil || json.Unmarshal([]byte(m.ConversationIDs), &convs) != nil ||
			json.Unmarshal([]byte(m.OrderIDs), &orders) != nil || json.Unmarshal([]byte(m.SurvivorBefore), &before) != nil {
			return fmt.Errorf("store: merge %d record is unreadable", m.ID)
		}
		now := s.nowMillis()
		for _, id := range idents {
			if _, err := tx.ExecContext(ctx, `UPDATE contact_identities SET contact_id = ? WHERE id = ? AND contact_id = ?`, m.MergedID, id, m.SurvivorID); err != nil {
				return classify(err)
			}
		}
		for _, id := range convs {
			if _, err := tx.ExecContext(ctx, `UPDATE conversations SET contact_id = ? WHERE id = ? AND contact_id = ?`, m.MergedID, id, m.SurvivorID); err != nil {
				return classify(err)
			}
		}
		for _, o := range orders {
			if _, err := tx.ExecContext(ctx, `UPDATE contact_order_ids SET contact_id = ? WHERE contact_id = ? AND order_id = ?`, m.MergedID, m.SurvivorID, o); err != nil {
				return classify(err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE contacts SET first_name = ?, language = ?, notes = ?, updated_at = ? WHERE id = ?`,
			before["firstName"], before["language"], before["notes"], now, m.SurvivorID); err != nil {
			return classify(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE contacts SET merged_into = 0, updated_at = ? WHERE id = ?`, now, m.MergedID); err != nil {
			return classify(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE contact_merges SET undone_at = ? WHERE id = ?`, now, m.ID); err != nil {
			return classify(err)
		}
		for _, id := range []int64{m.SurvivorID, m.MergedID} {
			if err := reindexContact(ctx, tx, id); err != nil {
				return err
			}
		}
		return s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: "contact.merge_undone", TargetType: "contact",
			TargetID: strconv.FormatInt(m.SurvivorID, 10), AfterJSON: toJSON(map[string]any{"mergeId": m.ID, "restored": m.MergedID})})
	})
}

// ContactMerges returns the merges into a contact that are not undone, newest first.
func (s *Store) ContactMerges(ctx context.Context, survivorID int64) ([]ContactMerge, error) {
	var out []ContactMerge
	err := s.R.WithContext(ctx).Raw(`SELECT * FROM contact_merges WHERE survivor_id = ? AND undone_at = 0 ORDER BY id DESC`, survivorID).Scan(&out).Error
	return out, classify(err)
}

// contactSearchWatermark is the settings key holding the highest contact id indexed.
const contactSearchWatermark = "triage.contact_search_upto"

// IndexNewContacts adds the contacts created since the last call (by sync or
// import) to the contact search index. Contacts are created with their first
// identity and only change through this package, which reindexes them itself,
// so a watermark on the id is enough. It returns how many were indexed.
func (s *Store) IndexNewContacts(ctx context.Context) (int, error) {
	upto, err := s.Setting(ctx, contactSearchWatermark, "0")
	if err != nil {
		return 0, err
	}
	from, _ := strconv.ParseInt(upto, 10, 64)
	var maxID int64
	if err := s.reader().QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM contacts`).Scan(&maxID); err != nil {
		return 0, classify(err)
	}
	if maxID <= from {
		return 0, nil
	}
	n := 0
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		ids, err := idsTx(ctx, tx, `SELECT id FROM contacts WHERE id > ? AND id <= ? AND merged_into = 0 ORDER BY id`, from, maxID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := reindexContact(ctx, tx, id); err != nil {
				return err
			}
		}
		n = len(ids)
		_, err = tx.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, contactSearchWatermark, strconv.FormatInt(maxID, 10), s.nowMillis())
		return classify(err)
	})
	return n, err
}

// reindexContact rewrites a contact's search entry: its names and every identity's handle and name.
func reindexContact(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM contact_search WHERE rowid = ?`, id); err != nil {
		return classify(err)
	}
	text, err := contactSearchText(ctx, tx, id)
	if err != nil {
		return err
	}
	body := textsearch.Fold(text)
	if body == "" {
		return nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO contact_search(rowid, body) VALUES (?, ?)`, id, body)
	return classify(err)
}

// idsTx reads a column of ids inside tx.
func idsTx(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// stringsTx reads a column of text inside tx.
func stringsTx(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]string, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// ConsentLine is the newest consent or opt-out entry of a contact for one purpose or scope.
type ConsentLine struct {
	// Kind is "optout" (a STOP/START for a scope) or "consent" (agreement to a purpose).
	Kind string `gorm:"column:kind"`
	// Topic is the opt-out scope or the consent purpose.
	Topic string `gorm:"column:topic"`
	// On is true when opted out (optout) or when consent is granted (consent).
	On bool  `gorm:"column:is_on"`
	At int64 `gorm:"column:at"`
}

// ConsentState reads the newest opt-out and consent entries of a contact from
// the governance ledgers (read-only here). recorded is false when those ledgers
// do not exist in this database.
func (s *Store) ConsentState(ctx context.Context, contactID int64) (lines []ConsentLine, recorded bool, err error) {
	err = s.R.WithContext(ctx).Raw(`SELECT 'optout' AS kind, o.scope AS topic, o.opted_out AS is_on, o.at FROM optouts o
		WHERE o.contact_id = ? AND o.id = (SELECT MAX(id) FROM optouts x WHERE x.contact_id = o.contact_id AND x.scope = o.scope)
		UNION ALL
		SELECT 'consent', c.purpose, c.granted, c.at FROM consents c
		WHERE c.contact_id = ? AND c.id = (SELECT MAX(id) FROM consents y WHERE y.contact_id = c.contact_id AND y.purpose = c.purpose)
		ORDER BY 1, 2`, contactID, contactID).Scan(&lines).Error
	if err != nil && strings.Contains(strings.ToLower(err.Error()), "no such table") {
		return nil, false, nil
	}
	return lines, err == nil, classify(err)
}
