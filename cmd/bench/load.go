package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"creatordesk/backend/store"
	"creatordesk/backend/textsearch"
)

// bulkTransaction is how many messages the raw loader writes per transaction when loading in bulk.
const bulkTransaction = 50_000

// loadMode says which state the raw loader leaves conversations in.
type loadMode int

const (
	// asSynced leaves conversations as store.IngestPage would: open, every inbound message unread.
	asSynced loadMode = iota
	// asTriaged leaves them as a team working the inbox would (see triage).
	asTriaged
)

// rawSQL are the raw loader's prepared statements: plain inserts into the same
// tables, indexes and full-text index that store.IngestPage writes.
var rawSQL = map[string]string{
	"contact":  `INSERT INTO contacts(display_name, first_name, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
	"identity": `INSERT INTO contact_identities(contact_id, account_id, external_id, handle, display_name, is_bot) VALUES (?, ?, ?, ?, ?, 0)`,
	"conversation": `INSERT INTO conversations(account_id, external_id, kind, title, contact_id, snippet, last_message_at,
		last_inbound_at, unread_count, message_count, status, language, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"message": `INSERT INTO messages(conversation_id, account_id, external_id, direction, author_identity_id, author_name,
		text, sent_at, edited_at, deleted, state, reply_to_external_id, attachments, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, '', '', ?)`,
	"search": `INSERT INTO message_search(rowid, body) VALUES (?, ?)`,
}

// rawWriter is a transaction with the raw loader's statements prepared in it.
type rawWriter struct {
	ctx   context.Context
	db    *sql.DB
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

// begin starts a transaction and prepares the statements in it.
func (w *rawWriter) begin() error {
	tx, err := w.db.BeginTx(w.ctx, nil)
	if err != nil {
		return err
	}
	w.tx, w.stmts = tx, map[string]*sql.Stmt{}
	for name, q := range rawSQL {
		st, err := tx.PrepareContext(w.ctx, q)
		if err != nil {
			_ = tx.Rollback()
			return fmt.Errorf("bench: prepare %s: %w", name, err)
		}
		w.stmts[name] = st
	}
	return nil
}

// commit ends the transaction (statements prepared in a transaction close with it).
func (w *rawWriter) commit() error {
	err := w.tx.Commit()
	w.tx = nil
	return err
}

// rollback abandons an open transaction, if any.
func (w *rawWriter) rollback() {
	if w.tx != nil {
		_ = w.tx.Rollback()
	}
}

// insert runs statement name and returns the new row's id.
func (w *rawWriter) insert(name string, args ...any) (int64, error) {
	res, err := w.stmts[name].ExecContext(w.ctx, args...)
	if err != nil {
		return 0, fmt.Errorf("bench: insert %s: %w", name, err)
	}
	return res.LastInsertId()
}

// loadRaw writes dataset d into st with prepared inserts: contacts, identities and
// conversations (list columns computed in Go) in one transaction, then messages in
// sending order, each with its full-text row, perTx messages per transaction.
// accountIDs are the store ids of d.accounts.
func loadRaw(ctx context.Context, st *store.Store, d *dataset, accountIDs []int64, mode loadMode, perTx int) error {
	db, err := st.W.DB()
	if err != nil {
		return err
	}
	w := &rawWriter{ctx: ctx, db: db}
	defer w.rollback()
	now := st.Now().UnixMilli()
	states := threadStates(d)
	convIDs := make([]int64, len(d.convs))
	identIDs := make([]int64, len(d.convs)*maxAuthors)
	if err := w.begin(); err != nil {
		return err
	}
	for _, c := range creationOrder(states) {
		if convIDs[c], err = insertThread(w, d, c, states[c], accountIDs, identIDs, mode, now); err != nil {
			return err
		}
	}
	for i, m := range d.msgs {
		if i > 0 && i%perTx == 0 {
			if err := w.commit(); err != nil {
				return err
			}
			if err := w.begin(); err != nil {
				return err
			}
		}
		if err := insertMessage(w, d, i, m, convIDs[m.conv], accountIDs, identIDs, now); err != nil {
			return err
		}
	}
	return w.commit()
}

// insertThread writes one conversation, and a contact and identity for each of its
// customers who wrote, and returns the conversation's id.
func insertThread(w *rawWriter, d *dataset, c int32, s threadState, accountIDs, identIDs []int64, mode loadMode, now int64) (int64, error) {
	accountID := accountIDs[d.convs[c].account]
	var contactID any // NULL when no customer wrote
	for a := range uint8(maxAuthors) {
		if s.inAuthors&(1<<a) == 0 {
			continue
		}
		p := d.person(c, a)
		cid, err := w.insert("contact", p.DisplayName, firstWord(p.DisplayName), p.Language, now, now)
		if err != nil {
			return 0, err
		}
		if identIDs[int(c)*maxAuthors+int(a)], err = w.insert("identity", cid, accountID, p.ExternalID, p.Handle, p.DisplayName); err != nil {
			return 0, err
		}
		if int(a) == s.firstAuthor {
			contactID = cid
		}
	}
	status, unread := store.StatusOpen, s.inbound
	if mode == asTriaged {
		status, unread = triage(d.seed, c, s)
	}
	kind := "dm"
	if d.convs[c].comment {
		kind = "comment"
	}
	return w.insert("conversation", accountID, threadID(c), kind, d.threadTitle(c), contactID, snippet(d.text(s.newest)),
		s.lastAt, s.lastInboundAt, unread, s.total, status, s.language, now, now)
}

// insertMessage writes message i and its full-text row.
func insertMessage(w *rawWriter, d *dataset, i int, m message, convID int64, accountIDs, identIDs []int64, now int64) error {
	pm := d.platformMessage(i)
	var identID any // NULL for the brand's replies
	state := store.StateSent
	if !m.out {
		identID, state = identIDs[int(m.conv)*maxAuthors+int(m.author)], store.StateReceived
	}
	id, err := w.insert("message", convID, accountIDs[d.convs[m.conv].account], pm.ExternalID, string(pm.Direction), identID,
		pm.Author.DisplayName, pm.Text, m.sentAt, state, now)
	if err != nil {
		return err
	}
	_, err = w.insert("search", id, textsearch.Fold(pm.Text))
	return err
}

// snippet shortens text for the conversation list as the store does (store.SnippetRunes).
func snippet(text string) string {
	r := []rune(text)
	if len(r) <= store.SnippetRunes {
		return text
	}
	return string(r[:store.SnippetRunes-1]) + "…"
}

// firstWord is the first word of a display name (the store's first_name column).
func firstWord(name string) string {
	first, _, _ := strings.Cut(name, " ")
	return first
}
