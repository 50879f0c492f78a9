package store

import (
	"context"
	"strings"
)

// listColumn is one column of the inbox list: its SQL and the field of a row
// it is scanned into. Keeping both in one table keeps them in step.
type listColumn struct {
	sql  string
	into func(r *ConversationRow) any
}

// conversationListColumns are a conversation's list columns, with its
// platform; message bodies are never read here. id and last_message_at carry
// their names as aliases, so the ORDER BY of a UNION ALL of list queries
// (platformListSQL) can name them.
var conversationListColumns = []listColumn{
	{"c.id AS id", func(r *ConversationRow) any { return &r.ID }},
	{"c.account_id", func(r *ConversationRow) any { return &r.AccountID }},
	{"a.platform", func(r *ConversationRow) any { return &r.Platform }},
	{"c.external_id", func(r *ConversationRow) any { return &r.ExternalID }},
	{"c.kind", func(r *ConversationRow) any { return &r.Kind }},
	{"c.title", func(r *ConversationRow) any { return &r.Title }},
	{"c.contact_id", func(r *ConversationRow) any { return &r.ContactID }},
	{"c.snippet", func(r *ConversationRow) any { return &r.Snippet }},
	{"c.last_message_at AS last_message_at", func(r *ConversationRow) any { return &r.LastMessageAt }},
	{"c.last_inbound_at", func(r *ConversationRow) any { return &r.LastInboundAt }},
	{"c.unread_count", func(r *ConversationRow) any { return &r.UnreadCount }},
	{"c.message_count", func(r *ConversationRow) any { return &r.MessageCount }},
	{"c.status", func(r *ConversationRow) any { return &r.Status }},
	{"c.assignee", func(r *ConversationRow) any { return &r.Assignee }},
	{"c.language", func(r *ConversationRow) any { return &r.Language }},
	{"c.priority", func(r *ConversationRow) any { return &r.Priority }},
	{"c.created_at", func(r *ConversationRow) any { return &r.CreatedAt }},
	{"c.updated_at", func(r *ConversationRow) any { return &r.UpdatedAt }},
}

// rowListColumns add the triage columns to conversationListColumns. HasHidden
// is answered per returned row by ix_messages_hidden (a partial index).
var rowListColumns = append(conversationListColumns[:len(conversationListColumns):len(conversationListColumns)],
	listColumn{"c.snoozed_until", func(r *ConversationRow) any { return &r.SnoozedUntil }},
	listColumn{"COALESCE(sla.state, '') AS sla_state", func(r *ConversationRow) any { return &r.SLAState }},
	listColumn{"COALESCE(sla.due_at, 0) AS sla_due_at", func(r *ConversationRow) any { return &r.SLADueAt }},
	listColumn{"EXISTS(SELECT 1 FROM messages hm WHERE hm.conversation_id = c.id AND hm.hidden = 1) AS has_hidden",
		func(r *ConversationRow) any { return &r.HasHidden }},
)

var (
	// conversationColumns is the SELECT list of conversationListColumns.
	conversationColumns = joinColumns(conversationListColumns)
	// rowColumns is the SELECT list of rowListColumns.
	rowColumns = joinColumns(rowListColumns)
)

// joinColumns renders columns as a SELECT list.
func joinColumns(cols []listColumn) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = c.sql
	}
	return strings.Join(parts, ", ")
}

// queryConversationRows runs a query selecting rowColumns and scans its rows
// straight into their fields (database/sql, without GORM's reflection per
// row: about a third of a page's time).
func (s *Store) queryConversationRows(ctx context.Context, q string, args ...any) ([]ConversationRow, error) {
	rows, err := s.reader().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []ConversationRow{} // empty, not nil, as GORM's Scan left it
	var r ConversationRow
	dest := make([]any, len(rowListColumns))
	for i, c := range rowListColumns {
		dest[i] = c.into(&r)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, classify(err)
		}
		out = append(out, r)
	}
	return out, classify(rows.Err())
}
