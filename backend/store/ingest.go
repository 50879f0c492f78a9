package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"

	"creatordesk/backend/lang"
	"creatordesk/backend/platforms"
	"creatordesk/backend/textsearch"
)

// SnippetRunes is how much of the newest message a conversation row keeps for the list.
const SnippetRunes = 140

// IngestResult says what one IngestPage call changed.
type IngestResult struct {
	// Inserted counts messages stored for the first time.
	Inserted int
	// Updated counts edits and deletions applied to stored messages.
	Updated int
	// ConversationIDs lists every conversation that received new or changed messages.
	ConversationIDs []int64
	// MessageIDs lists the ids of newly inserted messages.
	MessageIDs []int64
}

// IngestPage stores one page of platform messages for an account and saves the
// account's cursor, all in one transaction (which also counts the new messages
// in the account's hourly synced-item counter, see AddSyncedItems). It is idempotent: a message already
// stored (same account and external id) is never stored twice, so re-delivering a
// page after a crash adds nothing. Edits and deletions update the stored row and
// its search entry. The full-text index is kept current in the same transaction.
func (s *Store) IngestPage(ctx context.Context, accountID int64, msgs []platforms.Message, cursor string) (IngestResult, error) {
	var res IngestResult
	// Prepare before BeginTx: the writer has one connection, which the transaction holds.
	prepared, err := s.ingestStatements(ctx)
	if err != nil {
		return res, err
	}
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return res, classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	// The statements run without ctx's cancellation: with it, the SQLite driver
	// starts a goroutine per statement to watch ctx, a cost near that of the
	// insert itself. ctx is checked between messages instead, and ending it
	// still rolls the transaction back (BeginTx watches it).
	in := newIngester(context.WithoutCancel(ctx), tx, prepared, accountID, s.nowMillis())
	defer in.close()
	if err := in.prefetch(msgs); err != nil {
		return IngestResult{}, err
	}
	for i := range msgs {
		if err := ctx.Err(); err != nil {
			return IngestResult{}, err
		}
		if err := in.add(&msgs[i], &res); err != nil {
			return IngestResult{}, err
		}
	}
	if err := in.finish(cursor, &res); err != nil {
		return IngestResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return IngestResult{}, classify(err)
	}
	return res, nil
}

// convDelta accumulates what a page changes on one conversation row.
type convDelta struct {
	lastAt, lastInboundAt int64
	snippet, language     string
	newMessages, unread   int
}

// ingester holds the prepared statements of one IngestPage transaction.
type ingester struct {
	ctx       context.Context
	tx        *sql.Tx
	accountID int64
	now       int64
	stmts     map[string]*sql.Stmt
	convs     map[string]int64 // thread external id -> conversation id
	idents    map[string]int64 // author external id -> identity id
	deltas    map[int64]*convDelta
	order     []int64
	// index holds the page's new search entries, written by flushIndex in one statement.
	index []indexEntry
	// pending maps a message id to its entry in index (an edit in the same page replaces it).
	pending map[int64]int
	// kpi collects the page's changes to the KPI facts (kpi_facts.go), written by finish.
	kpi kpiChanges
}

// indexEntry is one search entry waiting for flushIndex.
type indexEntry struct {
	rowid int64
	body  string
}

// ingestSQL are the statements an ingest transaction prepares once.
var ingestSQL = map[string]string{
	// selConvs/selIdents look up a whole page's threads and authors in one query each
	// (a JSON array of external ids) instead of one query per thread and per author.
	"selConvs": `SELECT external_id, id FROM conversations
		WHERE account_id = ? AND external_id IN (SELECT value FROM json_each(?))`,
	"insConv": `INSERT INTO conversations(account_id, external_id, kind, title, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)`,
	"selIdents": `SELECT external_id, id FROM contact_identities
		WHERE account_id = ? AND external_id IN (SELECT value FROM json_each(?))`,
	"insContact": `INSERT INTO contacts(display_name, first_name, language, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
	"insIdent": `INSERT INTO contact_identities(contact_id, account_id, external_id, handle, display_name, is_bot)
		VALUES (?, ?, ?, ?, ?, ?)`,
	"linkContact": `UPDATE conversations SET contact_id = ? WHERE id = ? AND contact_id IS NULL`,
	"insMsg": `INSERT INTO messages(conversation_id, account_id, external_id, direction, author_identity_id, author_name,
		text, sent_at, edited_at, deleted, state, reply_to_external_id, attachments, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(account_id, external_id) DO NOTHING`,
	"editMsg": `UPDATE messages SET text = ?, edited_at = ?, deleted = ?
		WHERE account_id = ? AND external_id = ? AND (text <> ? OR deleted <> ?) RETURNING id, conversation_id, direction, sent_at`,
	"insFTS": `INSERT INTO message_search(rowid, body) VALUES (?, ?)`,
	// insFTSBatch indexes a page's new messages in one statement: a JSON array of [rowid, folded text].
	"insFTSBatch": `INSERT INTO message_search(rowid, body)
		SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`,
	"delFTS": `DELETE FROM message_search WHERE rowid = ?`,
	"updConv": `UPDATE conversations SET
		snippet = CASE WHEN ? >= last_message_at THEN ? ELSE snippet END,
		last_message_at = MAX(last_message_at, ?),
		last_inbound_at = MAX(last_inbound_at, ?),
		unread_count = unread_count + ?,
		message_count = message_count + ?,
		status = CASE WHEN ? > 0 AND status IN ('resolved', 'snoozed', 'pending') THEN 'open' ELSE status END,
		language = CASE WHEN language = '' THEN ? ELSE language END,
		updated_at = ?
		WHERE id = ?`,
	"updAccount": `UPDATE accounts SET sync_cursor = ?, items_synced = items_synced + ?, last_sync_at = ?, updated_at = ? WHERE id = ?`,
}

// newIngester binds the store's prepared statements to one transaction.
func newIngester(ctx context.Context, tx *sql.Tx, prepared map[string]*sql.Stmt, accountID, now int64) *ingester {
	in := &ingester{ctx: ctx, tx: tx, accountID: accountID, now: now, stmts: make(map[string]*sql.Stmt, len(prepared)),
		convs: map[string]int64{}, idents: map[string]int64{}, deltas: map[int64]*convDelta{}, pending: map[int64]int{}}
	for name, st := range prepared {
		in.stmts[name] = tx.StmtContext(ctx, st)
	}
	return in
}

// ingestStatements prepares ingestSQL once on the writer (its single connection
// keeps them compiled); each transaction binds them with tx.StmtContext.
func (s *Store) ingestStatements(ctx context.Context) (map[string]*sql.Stmt, error) {
	s.prepMu.Lock()
	defer s.prepMu.Unlock()
	if s.prepared != nil {
		return s.prepared, nil
	}
	all := maps.Clone(ingestSQL)
	if v, err := currentVersion(s.writer()); err == nil {
		// Tests build older schemas: their tables are written only when they exist.
		for _, since := range []struct {
			version int
			stmts   map[string]string
		}{{syncHoursVersion, syncHoursSQL}, {kpiFactsVersion, kpiFactsSQL}} {
			if v >= since.version {
				maps.Copy(all, since.stmts)
			}
		}
	}
	out := make(map[string]*sql.Stmt, len(all))
	for name, q := range all {
		st, err := s.writer().PrepareContext(ctx, q)
		if err != nil {
			for _, p := range out {
				_ = p.Close()
			}
			return nil, fmt.Errorf("store: prepare %s: %w", name, classify(err))
		}
		out[name] = st
	}
	s.prepared = out
	return out, nil
}

// close releases the transaction's bindings of the prepared statements.
func (in *ingester) close() {
	for _, st := range in.stmts {
		_ = st.Close()
	}
}

// add stores one message (or applies an edit or deletion) and records its effect.
func (in *ingester) add(m *platforms.Message, res *IngestResult) error {
	convID, err := in.conversation(m)
	if err != nil {
		return err
	}
	if m.EditedAt != nil || m.Deleted {
		outcome, err := in.edit(m)
		if err != nil {
			return err
		}
		switch outcome {
		case editApplied:
			res.Updated++
			in.touch(convID)
			return in.applyHidden(m)
		case editUnchanged:
			return in.applyHidden(m) // the same edit delivered again
		}
		// An edit of a message we never saw: store it as a new message.
	}
	var identID *int64
	if m.Direction == platforms.DirectionIn && m.Author.ExternalID != "" {
		id, err := in.identity(m.Author, convID)
		if err != nil {
			return err
		}
		identID = &id
	}
	attachments := ""
	if len(m.Attachments) > 0 {
		b, _ := json.Marshal(m.Attachments)
		attachments = string(b)
	}
	var editedAt int64
	if m.EditedAt != nil {
		editedAt = m.EditedAt.UnixMilli()
	}
	state := StateReceived
	if m.Direction == platforms.DirectionOut {
		state = StateSent
	}
	sentAt := m.SentAt.UnixMilli()
	// Exec, not RETURNING: SQLite's RETURNING path costs about three times as much
	// per row (measured by make bench). No row affected means already stored.
	r, err := in.stmts["insMsg"].ExecContext(in.ctx, convID, in.accountID, m.ExternalID, string(m.Direction), identID,
		authorName(m.Author), m.Text, sentAt, editedAt, m.Deleted, state, m.ReplyToExternalID, attachments, in.now)
	if err != nil {
		return fmt.Errorf("store: insert message: %w", classify(err))
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return in.applyHidden(m) // already stored: idempotent re-delivery
	}
	msgID, err := r.LastInsertId()
	if err != nil {
		return classify(err)
	}
	if err := in.applyHidden(m); err != nil {
		return err
	}
	if !m.Deleted {
		in.queueIndex(msgID, m.Text)
	}
	if !m.Deleted {
		in.kpi.touch(convID, sentAt)
		if m.Direction == platforms.DirectionIn {
			in.kpi.inbound(sentAt, +1)
			if m.ThreadKind == platforms.ThreadComment {
				if err := in.markComment(msgID, convID, sentAt, m.Text); err != nil {
					return err
				}
			}
		}
	}
	res.Inserted++
	res.MessageIDs = append(res.MessageIDs, msgID)
	d := in.touch(convID)
	d.newMessages++
	if sentAt >= d.lastAt {
		d.lastAt, d.snippet = sentAt, snippet(m.Text)
	}
	if m.Direction == platforms.DirectionIn {
		d.unread++
		if sentAt > d.lastInboundAt {
			d.lastInboundAt = sentAt
		}
		if d.language == "" {
			d.language = lang.Detect(m.Text, m.Author.Language)
		}
	}
	return nil
}

// applyHidden sets the hidden flag of a stored message when the connector
// reported one (schema step 13). Few connectors report it, so it is a plain
// statement outside the prepared hot path.
func (in *ingester) applyHidden(m *platforms.Message) error {
	if m.Hidden == nil {
		return nil
	}
	_, err := in.tx.ExecContext(in.ctx, `UPDATE messages SET hidden = ? WHERE account_id = ? AND external_id = ? AND hidden <> ?`,
		*m.Hidden, in.accountID, m.ExternalID, *m.Hidden)
	return classify(err)
}

// editOutcome says what applying an edit did.
type editOutcome int

// Edit outcomes.
const (
	editUnknown   editOutcome = iota // no stored message has that id
	editUnchanged                    // stored already, with the same text and deletion state
	editApplied                      // the stored message and its search entry were changed
)

// edit applies an edit or deletion to a stored message.
func (in *ingester) edit(m *platforms.Message) (editOutcome, error) {
	var editedAt int64
	if m.EditedAt != nil {
		editedAt = m.EditedAt.UnixMilli()
	}
	// The deletion state before the edit tells the KPI facts whether a message appears or disappears.
	var wasDeleted bool
	err := in.tx.QueryRowContext(in.ctx, `SELECT deleted FROM messages WHERE account_id = ? AND external_id = ?`, in.accountID, m.ExternalID).Scan(&wasDeleted)
	if err == sql.ErrNoRows {
		return editUnknown, nil
	}
	if err != nil {
		return editUnknown, fmt.Errorf("store: edit message: %w", classify(err))
	}
	var msgID, convID, sentAt int64
	var direction string
	err = in.stmts["editMsg"].QueryRowContext(in.ctx, m.Text, editedAt, m.Deleted, in.accountID, m.ExternalID, m.Text, m.Deleted).Scan(&msgID, &convID, &direction, &sentAt)
	if err == sql.ErrNoRows {
		return editUnchanged, nil
	}
	if err != nil {
		return editUnknown, fmt.Errorf("store: edit message: %w", classify(err))
	}
	if wasDeleted != m.Deleted {
		in.kpi.touch(convID, sentAt)
		if direction == string(platforms.DirectionIn) {
			delta := +1 // restored
			if m.Deleted {
				delta = -1
			}
			in.kpi.inbound(sentAt, delta)
		}
	}
	if err := in.remarkComment(msgID, convID, sentAt, direction, m); err != nil {
		return editUnknown, err
	}
	if i, ok := in.pending[msgID]; ok {
		// Stored earlier in this page and not indexed yet: index the new text instead.
		in.index[i].body = textsearch.Fold(m.Text)
		if m.Deleted {
			in.index[i].body = ""
		}
		return editApplied, nil
	}
	if _, err := in.stmts["delFTS"].ExecContext(in.ctx, msgID); err != nil {
		return editUnknown, classify(err)
	}
	if !m.Deleted {
		if _, err := in.stmts["insFTS"].ExecContext(in.ctx, msgID, textsearch.Fold(m.Text)); err != nil {
			return editUnknown, classify(err)
		}
	}
	return editApplied, nil
}

// markComment records the text flags of a new inbound comment (kpi_comment_marks).
func (in *ingester) markComment(msgID, convID, sentAt int64, text string) error {
	if in.stmts["kpiMarkSet"] == nil { // a schema older than step 19
		return nil
	}
	question, substantial := commentMark(text)
	if _, err := in.stmts["kpiMarkSet"].ExecContext(in.ctx, msgID, convID, sentAt, question, substantial); err != nil {
		return fmt.Errorf("store: kpi comment marks: %w", classify(err))
	}
	return nil
}

// remarkComment updates the text flags of an edited, deleted or restored inbound comment.
func (in *ingester) remarkComment(msgID, convID, sentAt int64, direction string, m *platforms.Message) error {
	if in.stmts["kpiMarkSet"] == nil || direction != string(platforms.DirectionIn) {
		return nil
	}
	var kind string
	if err := in.tx.QueryRowContext(in.ctx, `SELECT kind FROM conversations WHERE id = ?`, convID).Scan(&kind); err != nil {
		return classify(err)
	}
	if kind != string(platforms.ThreadComment) {
		return nil
	}
	if m.Deleted {
		_, err := in.stmts["kpiMarkDel"].ExecContext(in.ctx, msgID)
		return classify(err)
	}
	return in.markComment(msgID, convID, sentAt, m.Text)
}

// queueIndex adds a new message's search entry to the page's batch.
func (in *ingester) queueIndex(msgID int64, text string) {
	in.pending[msgID] = len(in.index)
	in.index = append(in.index, indexEntry{rowid: msgID, body: textsearch.Fold(text)})
}

// flushIndex writes the page's queued search entries in one statement.
func (in *ingester) flushIndex() error {
	rows := make([][2]any, 0, len(in.index))
	for _, e := range in.index {
		if e.body != "" {
			rows = append(rows, [2]any{e.rowid, e.body})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	if _, err := in.stmts["insFTSBatch"].ExecContext(in.ctx, string(b)); err != nil {
		return fmt.Errorf("store: index messages: %w", classify(err))
	}
	return nil
}

// prefetch loads the ids of the page's known threads and authors in two queries.
func (in *ingester) prefetch(msgs []platforms.Message) error {
	threads, authors := map[string]bool{}, map[string]bool{}
	var threadIDs, authorIDs []string
	for i := range msgs {
		if t := msgs[i].ThreadExternalID; !threads[t] {
			threads[t] = true
			threadIDs = append(threadIDs, t)
		}
		if a := msgs[i].Author.ExternalID; a != "" && msgs[i].Direction == platforms.DirectionIn && !authors[a] {
			authors[a] = true
			authorIDs = append(authorIDs, a)
		}
	}
	if err := in.loadIDs("selConvs", threadIDs, in.convs); err != nil {
		return fmt.Errorf("store: conversations: %w", err)
	}
	if err := in.loadIDs("selIdents", authorIDs, in.idents); err != nil {
		return fmt.Errorf("store: identities: %w", err)
	}
	return nil
}

// loadIDs runs a (external_id, id) lookup for a list of external ids into into.
func (in *ingester) loadIDs(stmt string, externalIDs []string, into map[string]int64) error {
	if len(externalIDs) == 0 {
		return nil
	}
	list, err := json.Marshal(externalIDs)
	if err != nil {
		return err
	}
	rows, err := in.stmts[stmt].QueryContext(in.ctx, in.accountID, string(list))
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var ext string
		var id int64
		if err := rows.Scan(&ext, &id); err != nil {
			return classify(err)
		}
		into[ext] = id
	}
	return classify(rows.Err())
}

// conversation returns the id of the message's thread, creating the row on first sight.
func (in *ingester) conversation(m *platforms.Message) (int64, error) {
	if id, ok := in.convs[m.ThreadExternalID]; ok {
		return id, nil
	}
	// prefetch loaded every stored thread of the page: a miss is a new thread.
	kind := string(m.ThreadKind)
	if kind == "" {
		kind = string(platforms.ThreadDM)
	}
	id, err := insertID(in.stmts["insConv"].ExecContext(in.ctx, in.accountID, m.ThreadExternalID, kind, m.ThreadTitle, in.now, in.now))
	if err != nil {
		return 0, fmt.Errorf("store: conversation: %w", classify(err))
	}
	in.convs[m.ThreadExternalID] = id
	return id, nil
}

// identity returns the author's identity id, creating a contact for a new person.
func (in *ingester) identity(p platforms.Person, convID int64) (int64, error) {
	if id, ok := in.idents[p.ExternalID]; ok {
		return id, nil
	}
	// prefetch loaded every stored author of the page: a miss is a new person.
	contactID, err := insertID(in.stmts["insContact"].ExecContext(in.ctx, authorName(p), firstName(p), p.Language, in.now, in.now))
	if err != nil {
		return 0, fmt.Errorf("store: contact: %w", classify(err))
	}
	id, err := insertID(in.stmts["insIdent"].ExecContext(in.ctx, contactID, in.accountID, p.ExternalID, p.Handle, authorName(p), p.IsBot))
	if err != nil {
		return 0, fmt.Errorf("store: identity: %w", classify(err))
	}
	if _, err = in.stmts["linkContact"].ExecContext(in.ctx, contactID, convID); err != nil {
		return 0, classify(err)
	}
	in.idents[p.ExternalID] = id
	return id, nil
}

// touch returns the pending change record of a conversation, creating it.
func (in *ingester) touch(convID int64) *convDelta {
	d, ok := in.deltas[convID]
	if !ok {
		d = &convDelta{}
		in.deltas[convID] = d
		in.order = append(in.order, convID)
	}
	return d
}

// finish writes the search entries, the conversation aggregates and the account's cursor.
func (in *ingester) finish(cursor string, res *IngestResult) error {
	if err := in.flushIndex(); err != nil {
		return err
	}
	for _, id := range in.order {
		d := in.deltas[id]
		if d.newMessages > 0 {
			if _, err := in.stmts["updConv"].ExecContext(in.ctx, d.lastAt, d.snippet, d.lastAt, d.lastInboundAt,
				d.unread, d.newMessages, d.unread, d.language, in.now, id); err != nil {
				return fmt.Errorf("store: update conversation: %w", classify(err))
			}
		}
		res.ConversationIDs = append(res.ConversationIDs, id)
	}
	if in.stmts["kpiDelEx"] != nil { // nil only on a schema older than step 19 (tests build those)
		if err := in.kpi.apply(in.ctx, func(ctx context.Context, name string, args ...any) error {
			_, err := in.stmts[name].ExecContext(ctx, args...)
			return err
		}); err != nil {
			return err
		}
	}
	if _, err := in.stmts["updAccount"].ExecContext(in.ctx, cursor, res.Inserted, in.now, in.now, in.accountID); err != nil {
		return fmt.Errorf("store: save cursor: %w", classify(err))
	}
	if in.stmts["syncHourAdd"] == nil {
		return nil
	}
	err := addSyncedItems(func(name string, args ...any) error {
		_, err := in.stmts[name].ExecContext(in.ctx, args...)
		return err
	}, in.accountID, res.Inserted, in.now)
	if err != nil {
		return fmt.Errorf("store: count synced items: %w", err)
	}
	return nil
}

// insertID returns the rowid of a plain INSERT's new row.
func insertID(r sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// authorName is the best display name a person has.
func authorName(p platforms.Person) string {
	switch {
	case p.DisplayName != "":
		return p.DisplayName
	case p.Handle != "":
		return "@" + p.Handle
	}
	return p.ExternalID
}

// firstName is the first word of a person's display name.
func firstName(p platforms.Person) string {
	for i, r := range p.DisplayName {
		if r == ' ' {
			return p.DisplayName[:i]
		}
	}
	return p.DisplayName
}

// snippet shortens text for the conversation list.
func snippet(text string) string {
	r := []rune(text)
	if len(r) <= SnippetRunes {
		return text
	}
	return string(r[:SnippetRunes-1]) + "…"
}
