package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ErrOnLegalHold: the contact is under legal hold; nothing about them may be deleted.
var ErrOnLegalHold = errors.New("store: the contact is under legal hold")

// Rows is a generic table extract: column values as text, keyed by column name.
type Rows []map[string]string

// ContactData is everything stored about one contact, table by table.
type ContactData struct {
	ContactID int64
	// Tables maps a table name to its rows about the contact.
	Tables map[string]Rows
}

// contactTables are the queries that find a contact's rows in each table
// (the contact id is bound to every ?). Messages are those in the contact's
// conversations and those the contact wrote elsewhere (comments on posts).
var contactTables = []struct{ name, query string }{
	{"contact", `SELECT * FROM contacts WHERE id = ?`},
	{"identities", `SELECT * FROM contact_identities WHERE contact_id = ?`},
	{"conversations", `SELECT * FROM conversations WHERE contact_id = ?`},
	{"messages", `SELECT * FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE contact_id = ?)
		OR author_identity_id IN (SELECT id FROM contact_identities WHERE contact_id = ?) ORDER BY sent_at, id`},
	{"conversation_tags", `SELECT ct.conversation_id, t.name AS tag FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
		WHERE ct.conversation_id IN (SELECT id FROM conversations WHERE contact_id = ?)`},
	{"classifications", `SELECT * FROM message_classifications WHERE conversation_id IN (SELECT id FROM conversations WHERE contact_id = ?)`},
	{"optouts", `SELECT * FROM optouts WHERE contact_id = ?`},
	{"consents", `SELECT * FROM consents WHERE contact_id = ?`},
	{"disclosures", `SELECT * FROM disclosures WHERE contact_id = ?`},
	{"drafts", `SELECT * FROM automation_drafts WHERE conversation_id IN (SELECT id FROM conversations WHERE contact_id = ?)`},
	{"appeals", `SELECT * FROM appeals WHERE contact_id = ?`},
	{"legal_holds", `SELECT * FROM legal_holds WHERE target_type = 'contact' AND target_id = ?`},
	{"data_requests", `SELECT * FROM data_requests WHERE contact_id = ?`},
	// Tables other areas add; read when present.
	{"conversation_notes", `SELECT * FROM conversation_notes WHERE conversation_id IN (SELECT id FROM conversations WHERE contact_id = ?)`},
	{"contact_order_ids", `SELECT * FROM contact_order_ids WHERE contact_id = ?`},
}

// ContactExport gathers everything stored about a contact, and nothing about anyone else.
func (s *Store) ContactExport(ctx context.Context, contactID int64) (ContactData, error) {
	out := ContactData{ContactID: contactID, Tables: map[string]Rows{}}
	db := s.reader()
	for _, t := range contactTables {
		args := make([]any, strings.Count(t.query, "?"))
		for i := range args {
			args[i] = contactID
		}
		rows, err := queryRows(ctx, db, t.query, args...)
		if err != nil {
			if strings.Contains(err.Error(), "no such table") {
				continue
			}
			return ContactData{}, fmt.Errorf("store: export %s: %w", t.name, err)
		}
		out.Tables[t.name] = rows
	}
	if len(out.Tables["contact"]) == 0 {
		return ContactData{}, ErrNotFound
	}
	return out, nil
}

// queryRows runs a query and returns its rows as text maps.
func queryRows(ctx context.Context, db *sql.DB, q string, args ...any) (Rows, error) {
	rs, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rs.Close()
	cols, err := rs.Columns()
	if err != nil {
		return nil, err
	}
	var out Rows
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make(map[string]string, len(cols))
		for i, c := range cols {
			row[c] = anyText(vals[i])
		}
		out = append(out, row)
	}
	return out, classify(rs.Err())
}

// EraseResult says what an erasure removed.
type EraseResult struct {
	Conversations int
	Messages      int
}

// EraseContact deletes a contact everywhere in the local data, in one
// transaction: their conversations with every message and note, the messages
// they wrote in other threads (comments), every search index entry of those,
// their identities, ledgers and the contact row. Appeals keep no link to them.
// The audit trail keeps only ids. It refuses a contact under legal hold.
func (s *Store) EraseContact(ctx context.Context, contactID int64) (EraseResult, error) {
	var res EraseResult
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return res, classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM contacts WHERE id = ?`, contactID).Scan(&exists); err != nil {
		return res, classify(err)
	}
	if exists == 0 {
		return res, ErrNotFound
	}
	var held int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM legal_holds WHERE target_type = 'contact' AND target_id = ? AND released_at = 0`,
		contactID).Scan(&held); err != nil {
		return res, classify(err)
	}
	if held > 0 {
		return res, ErrOnLegalHold
	}
	convIDs, err := governanceIDsTx(ctx, tx, `SELECT id FROM conversations WHERE contact_id = ?`, contactID)
	if err != nil {
		return res, err
	}
	for _, id := range convIDs {
		n, err := purgeConversationTx(ctx, tx, id)
		if err != nil {
			return res, err
		}
		res.Messages += n
	}
	res.Conversations = len(convIDs)
	authored, err := governanceIDsTx(ctx, tx, `SELECT id FROM messages WHERE author_identity_id IN
		(SELECT id FROM contact_identities WHERE contact_id = ?)`, contactID)
	if err != nil {
		return res, err
	}
	if err := deleteMessageSearchTx(ctx, tx, authored); err != nil {
		return res, err
	}
	for _, mid := range authored {
		kpiAfter, err := kpiMessageGoneTx(ctx, tx, mid)
		if err != nil {
			return res, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM messages WHERE id = ?`, mid); err != nil {
			return res, classify(err)
		}
		if err := kpiAfter(); err != nil {
			return res, err
		}
	}
	res.Messages += len(authored)
	if ok, err := tableExistsTx(ctx, tx, "contact_search"); err != nil {
		return res, err
	} else if ok {
		if _, err := tx.ExecContext(ctx, `DELETE FROM contact_search WHERE rowid = ?`, contactID); err != nil {
			return res, classify(err)
		}
	}
	for _, q := range []string{
		`UPDATE appeals SET contact_id = NULL, reason = '' WHERE contact_id = ?`,
		`DELETE FROM optouts WHERE contact_id = ?`,
		`DELETE FROM consents WHERE contact_id = ?`,
		`DELETE FROM disclosures WHERE contact_id = ?`,
		`DELETE FROM contact_identities WHERE contact_id = ?`,
		`DELETE FROM contacts WHERE id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, contactID); err != nil {
			return res, classify(err)
		}
	}
	return res, classify(tx.Commit())
}

// DataRequest is one recorded data-subject request (export or erase).
type DataRequest struct {
	ID        int64  `gorm:"column:id;primaryKey"`
	ContactID int64  `gorm:"column:contact_id"`
	Kind      string `gorm:"column:kind"`
	Actor     string `gorm:"column:actor"`
	Detail    string `gorm:"column:detail"`
	At        int64  `gorm:"column:at"`
}

// TableName implements gorm's Tabler.
func (DataRequest) TableName() string { return "data_requests" }

// RecordDataRequest logs a data-subject request.
func (s *Store) RecordDataRequest(ctx context.Context, r DataRequest) (DataRequest, error) {
	if r.At == 0 {
		r.At = s.nowMillis()
	}
	return r, classify(s.W.WithContext(ctx).Create(&r).Error)
}

// DataRequests lists the recorded requests, newest first.
func (s *Store) DataRequests(ctx context.Context, limit int) ([]DataRequest, error) {
	if limit <= 0 || limit > 1000 {
		limit = 200
	}
	var out []DataRequest
	return out, classify(s.R.WithContext(ctx).Order("id DESC").Limit(limit).Find(&out).Error)
}

// governanceIDsTx runs a query returning one integer column.
func governanceIDsTx(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rs, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rs.Close()
	var out []int64
	for rs.Next() {
		var id int64
		if err := rs.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, classify(rs.Err())
}
