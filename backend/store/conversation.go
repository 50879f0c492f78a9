package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// ConversationFilter narrows the inbox list. Empty fields match everything.
type ConversationFilter struct {
	Platform   string
	AccountID  int64
	Kind       string
	Status     string
	UnreadOnly bool
	// TagID keeps conversations carrying this tag.
	TagID int64
	// Assignee is a member id as text, AssigneeNone for unassigned conversations, or "" for any.
	Assignee string
	// SLAState is none|ok|warning|breached|met (conversation_sla; no row counts as none).
	SLAState string
	// Language is a language code (conversations.language).
	Language string
	// ContactID keeps one contact's conversations.
	ContactID int64
	// WaitingSince keeps conversations whose newest message is the customer's
	// (nobody answered yet) and arrived at or before this time (Unix ms; 0 = any).
	WaitingSince int64
}

// AssigneeNone is the filter value for unassigned conversations.
const AssigneeNone = "none"

// where renders the filter as SQL conditions on c (conversations) and sla
// (conversation_sla, LEFT JOINed) with their arguments.
func (f ConversationFilter) where() ([]string, []any) {
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	if f.Platform != "" {
		add("c.account_id IN (SELECT id FROM accounts WHERE platform = ?)", f.Platform)
	}
	if f.AccountID != 0 {
		add("c.account_id = ?", f.AccountID)
	}
	if f.Kind != "" {
		add("c.kind = ?", f.Kind)
	}
	if f.Status != "" {
		add("c.status = ?", f.Status)
	}
	if f.UnreadOnly {
		add("c.unread_count > 0")
	}
	if f.TagID != 0 {
		add("c.id IN (SELECT conversation_id FROM conversation_tags WHERE tag_id = ?)", f.TagID)
	}
	switch f.Assignee {
	case "":
	case AssigneeNone:
		add("c.assignee = ''")
	default:
		add("c.assignee = ?", f.Assignee)
	}
	switch f.SLAState {
	case "":
	case "none":
		add("(sla.state IS NULL OR sla.state = 'none')")
	default:
		add("sla.state = ?", f.SLAState)
	}
	if f.Language != "" {
		add("c.language = ?", f.Language)
	}
	if f.ContactID != 0 {
		add("c.contact_id = ?", f.ContactID)
	}
	if f.WaitingSince != 0 {
		add("c.last_inbound_at > 0 AND c.last_inbound_at >= c.last_message_at AND c.last_inbound_at <= ?", f.WaitingSince)
	}
	return where, args
}

// ConversationRow is a list row: the conversation plus what triage shows beside it.
type ConversationRow struct {
	Conversation
	// SnoozedUntil is when a snoozed conversation comes back (Unix ms, 0 = not snoozed).
	SnoozedUntil int64 `gorm:"column:snoozed_until"`
	// SLAState and SLADueAt come from conversation_sla ("" and 0 without a timer).
	SLAState string `gorm:"column:sla_state"`
	SLADueAt int64  `gorm:"column:sla_due_at"`
	// HasHidden reports a comment of the conversation hidden on its platform
	// (ix_messages_hidden, a partial index, answers it per row).
	HasHidden bool `gorm:"column:has_hidden"`
	// TagIDs are the conversation's tags (filled by a second, indexed query).
	TagIDs []int64 `gorm:"-"`
}

// ConversationCursor is the position after the last row of a page: (last_message_at, id).
type ConversationCursor struct {
	LastMessageAt int64
	ID            int64
}

// String encodes the cursor as an opaque token.
func (c ConversationCursor) String() string {
	if c.ID == 0 {
		return ""
	}
	return fmt.Sprintf("%d.%d", c.LastMessageAt, c.ID)
}

// ParseConversationCursor decodes a token from String ("" is the first page).
func ParseConversationCursor(s string) (ConversationCursor, error) {
	if s == "" {
		return ConversationCursor{}, nil
	}
	at, id, ok := strings.Cut(s, ".")
	a, err1 := strconv.ParseInt(at, 10, 64)
	b, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return ConversationCursor{}, fmt.Errorf("store: bad cursor %q", s)
	}
	return ConversationCursor{LastMessageAt: a, ID: b}, nil
}

// rowFrom is the FROM clause of list rows.
const rowFrom = ` FROM conversations c JOIN accounts a ON a.id = c.account_id
	LEFT JOIN conversation_sla sla ON sla.conversation_id = c.id`

// Conversations returns one page of the inbox, newest activity first, after cursor.
// The returned cursor is empty on the last page. Served by ix_conversations_recent.
func (s *Store) Conversations(ctx context.Context, f ConversationFilter, after ConversationCursor, limit int) ([]Conversation, ConversationCursor, error) {
	rows, next, err := s.conversationRows(ctx, f, after, limit)
	out := make([]Conversation, len(rows))
	for i, r := range rows {
		out[i] = r.Conversation
	}
	return out, next, err
}

// ConversationRows is Conversations with the triage columns and tags of each row.
func (s *Store) ConversationRows(ctx context.Context, f ConversationFilter, after ConversationCursor, limit int) ([]ConversationRow, ConversationCursor, error) {
	rows, next, err := s.conversationRows(ctx, f, after, limit)
	if err != nil {
		return nil, next, err
	}
	return rows, next, s.fillTags(ctx, rows)
}

// conversationListSQL builds the list query for a filter and cursor (without LIMIT's value).
func conversationListSQL(f ConversationFilter, after ConversationCursor) (string, []any) {
	q, args := listSelectSQL(f, after)
	return q + ` ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`, args
}

// listSelectSQL is the list query for a filter and cursor without its order and limit.
func listSelectSQL(f ConversationFilter, after ConversationCursor) (string, []any) {
	where, args := f.where()
	if after.ID != 0 {
		where = append([]string{"(c.last_message_at, c.id) < (?, ?)"}, where...)
		args = append([]any{after.LastMessageAt, after.ID}, args...)
	}
	if len(where) == 0 {
		where = []string{"1=1"}
	}
	return `SELECT ` + rowColumns + rowFrom + ` WHERE ` + strings.Join(where, " AND "), args
}

// conversationRows runs the list query.
func (s *Store) conversationRows(ctx context.Context, f ConversationFilter, after ConversationCursor, limit int) ([]ConversationRow, ConversationCursor, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	out, err := s.listConversationRows(ctx, f, after, limit+1)
	if err != nil {
		return nil, ConversationCursor{}, err
	}
	var next ConversationCursor
	if len(out) > limit {
		out = out[:limit]
		last := out[limit-1]
		next = ConversationCursor{LastMessageAt: last.LastMessageAt, ID: last.ID}
	}
	return out, next, nil
}

// listConversationRows reads up to n list rows after the cursor, newest first.
// A platform filter is resolved to its accounts first: one account is listed
// on its own index, several through platformListSQL.
func (s *Store) listConversationRows(ctx context.Context, f ConversationFilter, after ConversationCursor, n int) ([]ConversationRow, error) {
	q, args := "", []any(nil)
	if f.Platform != "" && f.AccountID == 0 {
		ids, err := s.platformAccountIDs(ctx, f.Platform)
		if err != nil {
			return nil, err
		}
		q, args = platformListSQL(f, ids, after)
		if q == "" {
			return []ConversationRow{}, nil
		}
	} else {
		q, args = conversationListSQL(f, after)
	}
	return s.queryConversationRows(ctx, q, append(args, n)...)
}

// fillTags loads the tag ids of rows (one query on conversation_tags' primary key).
func (s *Store) fillTags(ctx context.Context, rows []ConversationRow) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]int64, len(rows))
	pos := make(map[int64]int, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
		pos[r.ID] = i
		rows[i].TagIDs = []int64{}
	}
	var links []struct {
		ConversationID int64 `gorm:"column:conversation_id"`
		TagID          int64 `gorm:"column:tag_id"`
	}
	err := s.R.WithContext(ctx).Raw(`SELECT conversation_id, tag_id FROM conversation_tags WHERE conversation_id IN ? ORDER BY conversation_id, tag_id`, ids).Scan(&links).Error
	if err != nil {
		return classify(err)
	}
	for _, l := range links {
		rows[pos[l.ConversationID]].TagIDs = append(rows[pos[l.ConversationID]].TagIDs, l.TagID)
	}
	return nil
}

// ConversationRowsByIDs returns the listed conversations as list rows (missing ids are left out).
func (s *Store) ConversationRowsByIDs(ctx context.Context, ids []int64) ([]ConversationRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	out, err := s.queryConversationRows(ctx, `SELECT `+rowColumns+rowFrom+` WHERE c.id IN (`+marks+`)`, args...)
	if err != nil {
		return nil, err
	}
	return out, s.fillTags(ctx, out)
}

// ConversationByID returns one conversation with its platform, or ErrNotFound.
func (s *Store) ConversationByID(ctx context.Context, id int64) (Conversation, error) {
	var out []Conversation
	err := s.R.WithContext(ctx).Raw(`SELECT `+conversationColumns+` FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE c.id = ?`, id).Scan(&out).Error
	if err != nil {
		return Conversation{}, classify(err)
	}
	if len(out) == 0 {
		return Conversation{}, ErrNotFound
	}
	return out[0], nil
}

// ConversationsByIDs returns the listed conversations (missing ids are left out).
func (s *Store) ConversationsByIDs(ctx context.Context, ids []int64) ([]Conversation, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []Conversation
	err := s.R.WithContext(ctx).Raw(`SELECT `+conversationColumns+` FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE c.id IN ?`, ids).Scan(&out).Error
	return out, classify(err)
}

// MarkConversationRead sets a conversation's unread count to zero.
func (s *Store) MarkConversationRead(ctx context.Context, id int64) error {
	return s.updateConversation(ctx, id, map[string]any{"unread_count": 0})
}

// MarkAccountRead sets the unread count of every conversation of an account to zero
// (an imported archive is history, not new mail).
func (s *Store) MarkAccountRead(ctx context.Context, accountID int64) error {
	return classify(s.W.WithContext(ctx).Model(&Conversation{}).Where("account_id = ? AND unread_count > 0", accountID).
		Updates(map[string]any{"unread_count": 0, "updated_at": s.nowMillis()}).Error)
}

// SetConversationStatus changes a conversation's status.
func (s *Store) SetConversationStatus(ctx context.Context, id int64, status string) error {
	switch status {
	case StatusOpen, StatusPending, StatusSnoozed, StatusResolved:
	default:
		return fmt.Errorf("store: unknown status %q", status)
	}
	return s.updateConversation(ctx, id, map[string]any{"status": status})
}

// updateConversation applies column changes to one conversation, or returns ErrNotFound.
func (s *Store) updateConversation(ctx context.Context, id int64, cols map[string]any) error {
	cols["updated_at"] = s.nowMillis()
	res := s.W.WithContext(ctx).Model(&Conversation{}).Where("id = ?", id).Updates(cols)
	if res.Error != nil {
		return classify(res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// isNotFound reports a gorm or store not-found error.
func isNotFound(err error) bool {
	return errors.Is(err, gorm.ErrRecordNotFound) || errors.Is(err, ErrNotFound)
}

// Bulk action kinds (ConversationChange.Kind).
const (
	ChangeStatus   = "status"
	ChangeTag      = "tag"
	ChangeUntag    = "untag"
	ChangeAssign   = "assign"
	ChangeMarkRead = "read"
)

// ConversationChange is one triage action applied to a selection of conversations.
type ConversationChange struct {
	// Kind is one of the Change* constants.
	Kind string
	// Status and SnoozedUntil (Unix ms) for ChangeStatus; SnoozedUntil only with StatusSnoozed.
	Status       string
	SnoozedUntil int64
	// TagID for ChangeTag and ChangeUntag.
	TagID int64
	// Assignee (member id as text, "" to unassign) for ChangeAssign.
	Assignee string
	// Note, when set, is added to every conversation in the same transaction (a hand-off summary).
	Note *Note
}

// conversationState is what the audit trail records before and after a change.
type conversationState struct {
	Status       string  `json:"status"`
	SnoozedUntil int64   `json:"snoozedUntil,omitempty"`
	Assignee     string  `json:"assignee"`
	Unread       int     `json:"unread"`
	Tags         []int64 `json:"tags"`
}

// ApplyChange applies one change to every listed conversation in a single
// transaction, with one audit entry per conversation: either all of them change
// or none does (an unknown id or tag rolls the whole selection back).
// It returns how many conversations actually changed.
func (s *Store) ApplyChange(ctx context.Context, actor string, ids []int64, ch ConversationChange) (int, error) {
	switch ch.Kind {
	case ChangeStatus:
		switch ch.Status {
		case StatusOpen, StatusPending, StatusResolved:
			ch.SnoozedUntil = 0
		case StatusSnoozed:
			if ch.SnoozedUntil <= s.nowMillis() {
				return 0, fmt.Errorf("store: snooze time must be in the future")
			}
		default:
			return 0, fmt.Errorf("store: unknown status %q", ch.Status)
		}
	case ChangeTag, ChangeUntag, ChangeAssign, ChangeMarkRead:
	default:
		return 0, fmt.Errorf("store: unknown change %q", ch.Kind)
	}
	changed := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if ch.Kind == ChangeTag || ch.Kind == ChangeUntag {
			var one int
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM tags WHERE id = ?`, ch.TagID).Scan(&one); err != nil {
				return notFoundOr(err)
			}
		}
		for _, id := range ids {
			ok, err := s.applyOne(ctx, tx, actor, id, ch)
			if err != nil {
				return err
			}
			if ok {
				changed++
			}
		}
		return nil
	})
	return changed, err
}

// applyOne applies a change to one conversation inside tx and audits it.
func (s *Store) applyOne(ctx context.Context, tx *sql.Tx, actor string, id int64, ch ConversationChange) (bool, error) {
	before, err := readConversationState(ctx, tx, id)
	if err != nil {
		return false, err
	}
	now := s.nowMillis()
	var res sql.Result
	action := "conversation." + ch.Kind
	switch ch.Kind {
	case ChangeStatus:
		action = "conversation.status"
		res, err = tx.ExecContext(ctx, `UPDATE conversations SET status = ?, snoozed_until = ?, updated_at = ?
			WHERE id = ? AND (status <> ? OR snoozed_until <> ?)`, ch.Status, ch.SnoozedUntil, now, id, ch.Status, ch.SnoozedUntil)
	case ChangeTag:
		res, err = tx.ExecContext(ctx, `INSERT INTO conversation_tags(conversation_id, tag_id, created_at) VALUES (?, ?, ?)
			ON CONFLICT (conversation_id, tag_id) DO NOTHING`, id, ch.TagID, now)
	case ChangeUntag:
		res, err = tx.ExecContext(ctx, `DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?`, id, ch.TagID)
	case ChangeAssign:
		res, err = tx.ExecContext(ctx, `UPDATE conversations SET assignee = ?, updated_at = ? WHERE id = ? AND assignee <> ?`,
			ch.Assignee, now, id, ch.Assignee)
	case ChangeMarkRead:
		res, err = tx.ExecContext(ctx, `UPDATE conversations SET unread_count = 0, updated_at = ? WHERE id = ? AND unread_count > 0`, now, id)
	}
	if err != nil {
		return false, classify(err)
	}
	n, _ := res.RowsAffected()
	if ch.Note != nil {
		note := *ch.Note
		note.ConversationID = id
		if _, err := s.insertNote(ctx, tx, &note); err != nil {
			return false, err
		}
	}
	if n == 0 {
		return false, nil
	}
	after, err := readConversationState(ctx, tx, id)
	if err != nil {
		return false, err
	}
	if err := s.auditTx(ctx, tx, AuditEvent{Actor: actor, Action: action, TargetType: "conversation",
		TargetID: strconv.FormatInt(id, 10), BeforeJSON: toJSON(before), AfterJSON: toJSON(after)}); err != nil {
		return false, err
	}
	if ch.Kind == ChangeStatus && ch.Status == StatusResolved {
		// The audited resolve is a KPI fact (kpi_exchanges.resolved_at).
		return true, refreshKpiExchangesTx(ctx, tx, id)
	}
	return true, nil
}

// readConversationState reads the audited state of a conversation (ErrNotFound if missing).
func readConversationState(ctx context.Context, tx *sql.Tx, id int64) (conversationState, error) {
	var st conversationState
	err := tx.QueryRowContext(ctx, `SELECT status, snoozed_until, assignee, unread_count FROM conversations WHERE id = ?`, id).
		Scan(&st.Status, &st.SnoozedUntil, &st.Assignee, &st.Unread)
	if err != nil {
		return st, notFoundOr(err)
	}
	st.Tags, err = idsTx(ctx, tx, `SELECT tag_id FROM conversation_tags WHERE conversation_id = ? ORDER BY tag_id`, id)
	return st, err
}

// WakeSnoozed reopens every snoozed conversation whose wake-up time has passed
// (served by the partial index ix_conversations_snoozed) and audits each one.
// The inbox calls it before listing; the app may also call it periodically.
func (s *Store) WakeSnoozed(ctx context.Context) (int, error) {
	now := s.nowMillis()
	var due []int64
	err := s.R.WithContext(ctx).Raw(`SELECT id FROM conversations WHERE status = 'snoozed' AND snoozed_until <= ? LIMIT 500`, now).Scan(&due).Error
	if err != nil || len(due) == 0 {
		return 0, classify(err)
	}
	return s.ApplyChange(ctx, "snooze", due, ConversationChange{Kind: ChangeStatus, Status: StatusOpen})
}

// inTx runs fn in one write transaction on the writer connection.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.writer().BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	defer func() { _ = tx.Rollback() }()
	if err := fn(tx); err != nil {
		return err
	}
	return classify(tx.Commit())
}

// notFoundOr maps sql.ErrNoRows to ErrNotFound and classifies anything else.
func notFoundOr(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return classify(err)
}

// toJSON encodes v for the audit trail.
func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
