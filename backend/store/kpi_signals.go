package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strconv"
)

// kpiWords shares one string per distinct value of a column with few values (labels, kinds).
type kpiWords map[string]string

// of is v as text, shared with the earlier rows of the same value.
func (w kpiWords) of(v driver.Value) string {
	if v == nil {
		return ""
	}
	if b, ok := v.([]byte); ok {
		if s, ok := w[string(b)]; ok {
			return s
		}
	}
	s := kpiText(v)
	if have, ok := w[s]; ok {
		return have
	}
	w[s] = s
	return s
}

// convertFloat reads a numeric column value of kpiRows that is neither float64 nor int64.
func convertFloat(v driver.Value, out *float64) error {
	f, err := strconv.ParseFloat(kpiText(v), 64)
	*out = f
	return err
}

// More KPI reads: the classifier's verdicts, lead tags, attribution details,
// experiments, live sessions and the names the splits show. Like kpi.go, each
// returns raw rows of a window starting at since; backend/kpi does the arithmetic.

// KpiInbound is an inbound message of a comment thread with the classifier's verdict.
type KpiInbound struct {
	ConversationID int64
	SentAt         int64
	Text           string
	// Question and Substantial are the comment's text flags (backend/kpi/commenttext),
	// precomputed in kpi_comment_marks; Text is then left empty.
	Question, Substantial bool
	Intent                string
	Kind                  string
	Sentiment             string
	Confidence            float64
}

// KpiCommentMessages lists inbound, not deleted messages sent at or after since
// in comment conversations that may be meaningful (a question, substantial, or
// classified as sales, support or a collaboration offer; never spam or
// dangerous), with their text flags (Question, Substantial; Text is empty) and
// classification ("" when not classified), in no particular order. Comments
// that cannot be meaningful are left out: no figure counts them. It reads
// kpi_comment_marks (filled on first use; it holds comments that are not
// deleted) through ix_kpi_comment_marks_sent, never the messages' text.
func (s *Store) KpiCommentMessages(ctx context.Context, since int64) ([]KpiInbound, error) {
	var out []KpiInbound
	err := s.EachKpiCommentMessage(ctx, since, func(m KpiInbound) { out = append(out, m) })
	return out, err
}

// EachKpiCommentMessage hands each row of KpiCommentMessages to each as it is
// read (the dashboard keeps only a little of each of its 100,000 rows).
func (s *Store) EachKpiCommentMessage(ctx context.Context, since int64, each func(KpiInbound)) error {
	if err := s.EnsureKpiCommentMarks(ctx); err != nil {
		return err
	}
	// An unclassified comment's classification columns are NULL (read as "" and 0).
	words := kpiWords{}
	return s.kpiRows(ctx, `SELECT k.conversation_id, k.sent_at, k.question, k.substantial, mc.intent,
			mc.kind, mc.sentiment, mc.confidence
		FROM kpi_comment_marks k LEFT JOIN message_classifications mc ON mc.message_id = k.message_id
		WHERE k.sent_at >= ? AND COALESCE(mc.intent, '') NOT IN ('spam', 'danger')
		AND (k.question = 1 OR k.substantial = 1 OR mc.intent IN ('sales', 'support') OR mc.kind = 'collaboration')`, []any{since}, func(r []driver.Value) error {
		var m KpiInbound
		var question, substantial int64
		if err := kpiInts(r, &m.ConversationID, &m.SentAt, &question, &substantial); err != nil {
			return err
		}
		m.Question, m.Substantial = question != 0, substantial != 0
		m.Intent, m.Kind, m.Sentiment = words.of(r[4]), words.of(r[5]), words.of(r[6])
		switch c := r[7].(type) {
		case float64:
			m.Confidence = c
		case int64:
			m.Confidence = float64(c)
		case nil:
		default:
			if err := convertFloat(c, &m.Confidence); err != nil {
				return err
			}
		}
		each(m)
		return nil
	})
}

// KpiSalesSignals lists inbound messages sent at or after since that the
// classifier put in the sales intent (Text is left empty), in no particular order.
func (s *Store) KpiSalesSignals(ctx context.Context, since int64) ([]KpiInbound, error) {
	return s.kpiInbound(ctx, `SELECT mc.conversation_id, m.sent_at, '', mc.intent, mc.kind, mc.sentiment, mc.confidence
		FROM message_classifications mc JOIN messages m ON m.id = mc.message_id
		WHERE mc.intent = 'sales' AND mc.classified_at >= ? AND m.sent_at >= ? AND m.direction = 'in'`, since, since)
}

// kpiInbound runs a query whose columns are a KpiInbound.
func (s *Store) kpiInbound(ctx context.Context, q string, args ...any) ([]KpiInbound, error) {
	var out []KpiInbound
	err := s.kpiQuery(ctx, q, args, func(r *sql.Rows) error {
		var m KpiInbound
		err := r.Scan(&m.ConversationID, &m.SentAt, &m.Text, &m.Intent, &m.Kind, &m.Sentiment, &m.Confidence)
		out = append(out, m)
		return err
	})
	return out, err
}

// KpiLeadTags lists the names of tags the team mapped to the sales intent or
// one of its kinds (classifier labels): a conversation carrying one is a lead.
func (s *Store) KpiLeadTags(ctx context.Context) ([]string, error) {
	var out []string
	err := s.kpiQuery(ctx, `SELECT t.name FROM classifier_labels l JOIN tags t ON t.id = l.tag_id
		WHERE l.intent IN ('sales', 'product_inquiry', 'collaboration') ORDER BY t.name`, nil, func(r *sql.Rows) error {
		var name string
		err := r.Scan(&name)
		out = append(out, name)
		return err
	})
	return out, err
}

// KpiOrderDetail is what attribution adds to an order beyond its creator and
// code: the saved reply credited and the creators who assisted.
type KpiOrderDetail struct {
	OrderID int64
	// TemplateID is the saved reply the credited message came from (0 = none).
	TemplateID int64
	// AssistCreatorID is one assisting creator (0 on the template row) and AssistName its name.
	AssistCreatorID int64
	AssistName      string
}

// KpiOrderTemplates lists orders placed at or after since credited to a saved reply.
func (s *Store) KpiOrderTemplates(ctx context.Context, since int64) ([]KpiOrderDetail, error) {
	var out []KpiOrderDetail
	err := s.kpiQuery(ctx, `SELECT o.id, a.template_id FROM orders o JOIN attribution_results a ON a.order_id = o.id
		WHERE o.ordered_at >= ? AND a.template_id <> 0`, []any{since}, func(r *sql.Rows) error {
		var d KpiOrderDetail
		err := r.Scan(&d.OrderID, &d.TemplateID)
		out = append(out, d)
		return err
	})
	return out, err
}

// KpiOrderAssists lists (order, assisting creator) for orders placed at or after since.
func (s *Store) KpiOrderAssists(ctx context.Context, since int64) ([]KpiOrderDetail, error) {
	var out []KpiOrderDetail
	err := s.kpiQuery(ctx, `SELECT o.id, x.creator_id, cr.name FROM orders o JOIN attribution_assists x ON x.order_id = o.id
		JOIN creators cr ON cr.id = x.creator_id
		WHERE o.ordered_at >= ? ORDER BY o.id, x.creator_id`, []any{since}, func(r *sql.Rows) error {
		var d KpiOrderDetail
		err := r.Scan(&d.OrderID, &d.AssistCreatorID, &d.AssistName)
		out = append(out, d)
		return err
	})
	return out, err
}

// KpiOrderVariant ties an order to the experiment variant its customer was in:
// the order's credited conversation has a contact assigned to the variant
// before the order was placed.
type KpiOrderVariant struct {
	OrderID        int64
	ExperimentID   int64
	ExperimentName string
	VariantID      int64
	TemplateID     int64
}

// KpiOrderVariants lists the experiment variants of orders placed at or after since.
func (s *Store) KpiOrderVariants(ctx context.Context, since int64) ([]KpiOrderVariant, error) {
	var out []KpiOrderVariant
	err := s.kpiQuery(ctx, `SELECT o.id, e.id, e.name, v.id, v.template_id FROM orders o
		JOIN attribution_results a ON a.order_id = o.id
		JOIN conversations c ON c.id = a.conversation_id
		JOIN experiment_assignments ea ON ea.contact_id = c.contact_id AND ea.assigned_at <= o.ordered_at
		JOIN experiments e ON e.id = ea.experiment_id
		JOIN experiment_variants v ON v.id = ea.variant_id
		WHERE o.ordered_at >= ? ORDER BY o.id, e.id`, []any{since}, func(r *sql.Rows) error {
		var v KpiOrderVariant
		err := r.Scan(&v.OrderID, &v.ExperimentID, &v.ExperimentName, &v.VariantID, &v.TemplateID)
		out = append(out, v)
		return err
	})
	return out, err
}

// KpiConversationCreators lists (conversation, creator id, creator name) for
// conversations active since since in which a creator's code or link was shared.
func (s *Store) KpiConversationCreators(ctx context.Context, since int64) ([]KpiEvent, error) {
	var out []KpiEvent
	err := s.kpiQuery(ctx, `SELECT DISTINCT sh.conversation_id, sh.creator_id, cr.name FROM conversations c
		JOIN conversation_shares sh ON sh.conversation_id = c.id JOIN creators cr ON cr.id = sh.creator_id
		WHERE c.last_message_at >= ? ORDER BY sh.conversation_id, sh.creator_id`, []any{since}, func(r *sql.Rows) error {
		var e KpiEvent
		var id int64
		var name string
		err := r.Scan(&e.ConversationID, &id, &name)
		e.At, e.Value = id, name
		out = append(out, e)
		return err
	})
	return out, err
}

// KpiTemplateNames maps saved-reply ids to their names.
func (s *Store) KpiTemplateNames(ctx context.Context) (map[int64]string, error) {
	out := map[int64]string{}
	err := s.kpiQuery(ctx, `SELECT id, name FROM templates`, nil, func(r *sql.Rows) error {
		var id int64
		var name string
		err := r.Scan(&id, &name)
		out[id] = name
		return err
	})
	return out, err
}

// KpiLive is one live session with its recorded figures and question counts.
type KpiLive struct {
	ID    int64
	Title string
	State string
	// At is when it went on air (its calendar start when that was not recorded).
	At           int64
	PeakViewers  int64
	WatchMinutes int64
	Orders       int64
	SalesMinor   int64
	Currency     string
	Questions    int64
	Answered     int64
}

// KpiLiveSessions lists live sessions that went on air (or were planned to
// start) at or after since and are on air or ended.
func (s *Store) KpiLiveSessions(ctx context.Context, since int64) ([]KpiLive, error) {
	var out []KpiLive
	err := s.kpiQuery(ctx, `SELECT l.id, i.title, l.state, CASE WHEN l.started_at > 0 THEN l.started_at ELSE i.start_at END,
			l.peak_viewers, l.watch_minutes, l.orders_count, l.sales_cents, l.currency,
			(SELECT COUNT(*) FROM live_session_questions q WHERE q.live_id = l.id),
			(SELECT COUNT(*) FROM live_session_questions q WHERE q.live_id = l.id AND q.answered = 1)
		FROM live_sessions l JOIN calendar_items i ON i.id = l.item_id
		WHERE l.state IN ('live', 'ended') AND (l.started_at >= ? OR (l.started_at = 0 AND i.start_at >= ?))
		ORDER BY 4, l.id`, []any{since, since}, func(r *sql.Rows) error {
		var l KpiLive
		err := r.Scan(&l.ID, &l.Title, &l.State, &l.At, &l.PeakViewers, &l.WatchMinutes, &l.Orders, &l.SalesMinor,
			&l.Currency, &l.Questions, &l.Answered)
		out = append(out, l)
		return err
	})
	return out, err
}
