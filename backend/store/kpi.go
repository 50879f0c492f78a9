package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"slices"
)

// The KPI area's reads. Each returns the raw facts of a window of time; the
// arithmetic (medians, rates, splits) happens in backend/kpi so that a figure
// and its drill-down are computed by the same code from the same rows.
//
// Every query is bounded by the window's start: conversations through
// ix_conversations_recent (last_message_at), their messages through
// ix_messages_conversation (conversation_id, sent_at).

// KpiConversation is one conversation active since a window's start, with the
// dimensions the KPI splits use.
type KpiConversation struct {
	ID          int64
	AccountID   int64
	AccountName string
	Platform    string
	Kind        string
	Intent      string
	Title       string
	// Member is the assignee's name ("" = unassigned).
	Member string
}

// KpiMessage is one message of a KPI conversation.
type KpiMessage struct {
	ConversationID int64
	Out            bool
	SentAt         int64
	State          string
	id             int64
}

// KpiEvent is a dated fact about a conversation (a resolve, an SLA outcome, a tag).
type KpiEvent struct {
	ConversationID int64
	At             int64
	Value          string
}

// KpiOrder is one order of a window with its attribution (0 = none).
type KpiOrder struct {
	ID             int64
	Name           string
	TotalMinor     int64
	Currency       string
	OrderedAt      int64
	CreatorID      int64
	CodeID         int64
	ConversationID int64
}

// kpiQuery runs a read-only query on the read pool and hands each row to scan.
func (s *Store) kpiQuery(ctx context.Context, q string, args []any, scan func(*sql.Rows) error) error {
	db, err := s.R.DB()
	if err != nil {
		return err
	}
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("store: kpi row: %w", err)
		}
	}
	return classify(rows.Err())
}

// KpiConversations lists conversations with a message at or after since
// (Title is left empty unless titles is set: only drill-downs show it).
// Accounts and team members are few: they are read apart and joined here, and
// the conversations' repeated kinds and intents share one string each. The
// rows are read straight from the driver (kpiRows).
func (s *Store) KpiConversations(ctx context.Context, since int64, titles bool) ([]KpiConversation, error) {
	type account struct{ name, platform string }
	accounts := map[int64]account{}
	if err := s.kpiQuery(ctx, `SELECT id, name, platform FROM accounts`, nil, func(r *sql.Rows) error {
		var id int64
		var a account
		err := r.Scan(&id, &a.name, &a.platform)
		accounts[id] = a
		return err
	}); err != nil {
		return nil, err
	}
	members := map[string]string{}
	if err := s.kpiQuery(ctx, `SELECT CAST(id AS TEXT), name FROM team_members`, nil, func(r *sql.Rows) error {
		var id, name string
		err := r.Scan(&id, &name)
		members[id] = name
		return err
	}); err != nil {
		return nil, err
	}
	words := kpiWords{}
	var out kpiChunks[KpiConversation]
	title := `''`
	if titles {
		title = `c.title`
	}
	err := s.kpiRows(ctx, `SELECT c.id, c.account_id, c.kind, c.intent, `+title+`, c.assignee
		FROM conversations c WHERE c.last_message_at >= ?`, []any{since}, func(r []driver.Value) error {
		var c KpiConversation
		if err := kpiInts(r, &c.ID, &c.AccountID); err != nil {
			return err
		}
		a, ok := accounts[c.AccountID]
		if !ok {
			return nil // the inner join with accounts this replaces
		}
		c.AccountName, c.Platform = a.name, a.platform
		c.Kind, c.Intent, c.Title = words.of(r[2]), words.of(r[3]), kpiText(r[4])
		if r[5] != nil {
			if assignee := kpiText(r[5]); assignee != "" {
				c.Member = members[assignee]
			}
		}
		out.add(c)
		return nil
	})
	return out.all(), err
}

// KpiMessages lists the messages sent at or after since in conversations with
// a message at or after since, in conversation and time order. Deleted
// messages are left out. The rows are sorted here rather than in SQL: an ORDER
// BY conversation_id makes SQLite walk the whole message index instead of
// seeking each recent conversation's messages.
func (s *Store) KpiMessages(ctx context.Context, since int64) ([]KpiMessage, error) {
	var out []KpiMessage
	err := s.kpiQuery(ctx, `SELECT m.conversation_id, m.direction, m.sent_at, m.id, m.state
		FROM conversations c JOIN messages m ON m.conversation_id = c.id AND m.sent_at >= ?
		WHERE c.last_message_at >= ? AND m.deleted = 0`, []any{since, since}, func(r *sql.Rows) error {
		var m KpiMessage
		var dir string
		err := r.Scan(&m.ConversationID, &dir, &m.SentAt, &m.id, &m.State)
		m.Out = dir == "out"
		out = append(out, m)
		return err
	})
	slices.SortFunc(out, func(a, b KpiMessage) int {
		return cmp.Or(cmp.Compare(a.ConversationID, b.ConversationID), cmp.Compare(a.SentAt, b.SentAt), cmp.Compare(a.id, b.id))
	})
	return out, err
}

// KpiInboundMessages lists the inbound, not deleted messages sent at or after
// since (Out false), in conversation and time order (sorted here, as in
// KpiMessages): the busiest-time drill-down's rows.
func (s *Store) KpiInboundMessages(ctx context.Context, since int64) ([]KpiMessage, error) {
	var out []KpiMessage
	err := s.kpiQuery(ctx, `SELECT m.conversation_id, m.sent_at, m.id, m.state
		FROM conversations c JOIN messages m ON m.conversation_id = c.id AND m.sent_at >= ?
		WHERE c.last_message_at >= ? AND m.deleted = 0 AND m.direction = 'in'`, []any{since, since}, func(r *sql.Rows) error {
		var m KpiMessage
		err := r.Scan(&m.ConversationID, &m.SentAt, &m.id, &m.State)
		out = append(out, m)
		return err
	})
	slices.SortFunc(out, func(a, b KpiMessage) int {
		return cmp.Or(cmp.Compare(a.ConversationID, b.ConversationID), cmp.Compare(a.SentAt, b.SentAt), cmp.Compare(a.id, b.id))
	})
	return out, err
}

// KpiTags lists (conversation, tag name) for conversations with a message at or after since.
func (s *Store) KpiTags(ctx context.Context, since int64) ([]KpiEvent, error) {
	var out []KpiEvent
	err := s.kpiQuery(ctx, `SELECT ct.conversation_id, t.name FROM conversations c
		JOIN conversation_tags ct ON ct.conversation_id = c.id JOIN tags t ON t.id = ct.tag_id
		WHERE c.last_message_at >= ?`, []any{since}, func(r *sql.Rows) error {
		var e KpiEvent
		err := r.Scan(&e.ConversationID, &e.Value)
		out = append(out, e)
		return err
	})
	return out, err
}

// KpiResolutions lists audited changes of a conversation's status to resolved
// at or after since, oldest first (Value is the actor).
func (s *Store) KpiResolutions(ctx context.Context, since int64) ([]KpiEvent, error) {
	var out []KpiEvent
	err := s.kpiQuery(ctx, `SELECT CAST(target_id AS INTEGER), at, actor FROM audit_events
		WHERE action = 'conversation.status' AND target_type = 'conversation' AND at >= ?
		AND after_json LIKE '%"status":"resolved"%' ORDER BY at, id`, []any{since}, func(r *sql.Rows) error {
		var e KpiEvent
		err := r.Scan(&e.ConversationID, &e.At, &e.Value)
		out = append(out, e)
		return err
	})
	return out, err
}

// KpiSLAOutcomes lists response timers started at or after since with their
// state (At is when the timer started; Value is none, ok, warning, breached or met).
func (s *Store) KpiSLAOutcomes(ctx context.Context, since int64) ([]KpiEvent, error) {
	var out []KpiEvent
	err := s.kpiQuery(ctx, `SELECT t.conversation_id, t.started_at, cs.state FROM sla_timers t
		JOIN conversation_sla cs ON cs.conversation_id = t.conversation_id
		WHERE t.started_at >= ?`, []any{since}, func(r *sql.Rows) error {
		var e KpiEvent
		err := r.Scan(&e.ConversationID, &e.At, &e.Value)
		out = append(out, e)
		return err
	})
	return out, err
}

// KpiAutomatedSends lists replies sent at or after since (At), each with its
// conversation and actor (Value), from the audit trail's reply.sent entries:
// the same rows AutomatedReplyShare counts.
func (s *Store) KpiAutomatedSends(ctx context.Context, since int64) ([]KpiEvent, error) {
	var out []KpiEvent
	err := s.kpiQuery(ctx, `SELECT COALESCE(m.conversation_id, 0), a.at, a.actor FROM audit_events a
		LEFT JOIN messages m ON m.id = CAST(a.target_id AS INTEGER)
		WHERE a.action = 'reply.sent' AND a.at >= ? ORDER BY a.at, a.id`, []any{since}, func(r *sql.Rows) error {
		var e KpiEvent
		err := r.Scan(&e.ConversationID, &e.At, &e.Value)
		out = append(out, e)
		return err
	})
	return out, err
}

// KpiModerationReviews lists reviewed moderation actions and resolved appeals
// at or after since (Value "wrong" is a false positive: a review marked wrong or
// an appeal overturned): the rows ModerationFalsePositiveRate counts.
// ConversationID is 0 for an appeal about something other than a conversation.
func (s *Store) KpiModerationReviews(ctx context.Context, since int64) ([]KpiEvent, error) {
	var out []KpiEvent
	err := s.kpiQuery(ctx, `SELECT COALESCE(conversation_id, 0), reviewed_at, verdict FROM review_items
		WHERE kind = 'moderation' AND verdict <> '' AND reviewed_at >= ?
		UNION ALL
		SELECT CASE WHEN target_type = 'conversation' THEN CAST(target_id AS INTEGER) ELSE 0 END, resolved_at,
			CASE WHEN status = 'overturned' THEN 'wrong' ELSE 'right' END
		FROM appeals WHERE status IN ('upheld', 'overturned') AND resolved_at >= ?`, []any{since, since}, func(r *sql.Rows) error {
		var e KpiEvent
		err := r.Scan(&e.ConversationID, &e.At, &e.Value)
		out = append(out, e)
		return err
	})
	return out, err
}

// KpiOrders lists orders placed at or after since with their attribution.
func (s *Store) KpiOrders(ctx context.Context, since int64) ([]KpiOrder, error) {
	var out []KpiOrder
	err := s.kpiQuery(ctx, `SELECT o.id, o.name, o.total_minor, o.currency, o.ordered_at,
			COALESCE(a.creator_id, 0), COALESCE(a.code_id, 0), COALESCE(a.conversation_id, 0)
		FROM orders o LEFT JOIN attribution_results a ON a.order_id = o.id
		WHERE o.ordered_at >= ? ORDER BY o.ordered_at, o.id`, []any{since}, func(r *sql.Rows) error {
		var o KpiOrder
		err := r.Scan(&o.ID, &o.Name, &o.TotalMinor, &o.Currency, &o.OrderedAt, &o.CreatorID, &o.CodeID, &o.ConversationID)
		out = append(out, o)
		return err
	})
	return out, err
}
