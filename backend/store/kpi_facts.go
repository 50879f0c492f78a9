package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"sort"
)

// The KPI facts of schema step 19, kept current wherever messages and statuses
// are written: IngestPage (synced messages, edits and deletions), the send
// gate's MarkSent/MarkFailed/MarkQueued (a reply counts once it reached the
// platform) and applyOne (resolves). Every writer refreshes the exchanges of
// the conversations it touched from the earliest instant it changed
// (refreshKpiExchanges) and adjusts the inbound counts of the quarter hours it
// changed; RebuildKpiFacts recomputes both from scratch with the migration's SQL.

// kpiFactsVersion is the schema version that added the KPI facts (step 19).
const kpiFactsVersion = 19

// KpiQuarterMillis is the width of a kpi_inbound_quarters bucket (15 minutes).
const KpiQuarterMillis = 900_000

// kpiExchangesInsert is the column list every exchange computation inserts.
const kpiExchangesInsert = `INSERT INTO kpi_exchanges(conversation_id, reply_id, first_in_at, last_in_at, in_count,
	reply_at, reply_automated, resolved_at) `

// kpiExchangesSelect computes exchanges from the messages and the audit trail:
// each counted inbound message is paired with its first later counted reply,
// and the messages sharing a reply form one exchange. filter narrows the
// inbound messages (alias m); it may hold placeholders.
func kpiExchangesSelect(filter string) string {
	return `SELECT g.conversation_id, g.reply_id, g.first_in, g.last_in, g.n, COALESCE(r.sent_at, 0),
		CASE WHEN r.author_name LIKE 'automation:%' THEN 1 ELSE 0 END,
		COALESCE((SELECT MIN(a.at) FROM audit_events a WHERE a.target_type = 'conversation'
			AND a.target_id = CAST(g.conversation_id AS TEXT) AND a.action = 'conversation.status'
			AND a.after_json LIKE '%"status":"resolved"%' AND a.at >= g.first_in), 0)
	FROM (SELECT x.conversation_id, x.reply_id, MIN(x.sent_at) AS first_in, MAX(x.sent_at) AS last_in, COUNT(*) AS n
		FROM (SELECT m.conversation_id, m.sent_at,
				COALESCE((SELECT r2.id FROM messages r2 WHERE r2.conversation_id = m.conversation_id AND r2.sent_at > m.sent_at
					AND r2.direction = 'out' AND r2.deleted = 0 AND r2.state NOT IN ('failed', 'queued')
					ORDER BY r2.sent_at, r2.id LIMIT 1), 0) AS reply_id
			FROM messages m WHERE m.direction = 'in' AND m.deleted = 0` + filter + `) x
		GROUP BY x.conversation_id, x.reply_id) g
	LEFT JOIN messages r ON r.id = g.reply_id`
}

// kpiQuartersBackfill counts every inbound message per quarter hour.
const kpiQuartersBackfill = `INSERT INTO kpi_inbound_quarters(bucket, inbound)
	SELECT sent_at / 900000 AS b, COUNT(*) FROM messages WHERE direction = 'in' AND deleted = 0 GROUP BY sent_at / 900000`

// kpiFactsSQL are the statements that keep the facts current (prepared with the ingest statements).
var kpiFactsSQL = map[string]string{
	// kpiDelEx drops the listed conversations' (a JSON array) exchanges that a
	// change at or after the instant (second argument) can affect: the open one
	// and those answered at or after it.
	"kpiDelEx": `DELETE FROM kpi_exchanges WHERE conversation_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))
		AND (reply_id = 0 OR reply_at >= ?)`,
	// kpiInsEx recomputes them from the inbound messages sent at or after each
	// conversation's last kept reply (earlier ones belong to the kept exchanges).
	"kpiInsEx": kpiExchangesInsert + kpiExchangesSelect(` AND m.conversation_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))
		AND m.sent_at >= COALESCE((SELECT MAX(k.reply_at) FROM kpi_exchanges k WHERE k.conversation_id = m.conversation_id), 0)`),
	// kpiQuarters adds one inbound message per listed bucket (a JSON array, repeats allowed).
	"kpiQuartersAdd": `INSERT INTO kpi_inbound_quarters(bucket, inbound)
		SELECT CAST(value AS INTEGER) AS b, COUNT(*) FROM json_each(?) GROUP BY CAST(value AS INTEGER)
		ON CONFLICT(bucket) DO UPDATE SET inbound = kpi_inbound_quarters.inbound + excluded.inbound`,
	// kpiQuartersSub removes one inbound message per listed bucket.
	// kpiMarkSet records the text flags of an inbound comment; kpiMarkDel forgets them.
	"kpiMarkSet": `INSERT INTO kpi_comment_marks(message_id, conversation_id, sent_at, question, substantial) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT(message_id) DO UPDATE SET question = excluded.question, substantial = excluded.substantial`,
	"kpiMarkDel": `DELETE FROM kpi_comment_marks WHERE message_id = ?`,
	"kpiQuartersSub": `UPDATE kpi_inbound_quarters SET inbound = inbound -
		(SELECT COUNT(*) FROM json_each(?) j WHERE CAST(j.value AS INTEGER) = kpi_inbound_quarters.bucket)
		WHERE bucket IN (SELECT CAST(value AS INTEGER) FROM json_each(?))`,
}

// kpiChanges collects what one write transaction changes in the KPI facts.
type kpiChanges struct {
	// since maps a conversation to the earliest instant (Unix ms) a change touched.
	since map[int64]int64
	// add and sub list quarter-hour buckets gaining or losing an inbound message.
	add, sub []int64
}

// touch records a change of conversation id at instant at.
func (c *kpiChanges) touch(id, at int64) {
	if c.since == nil {
		c.since = map[int64]int64{}
	}
	if t, ok := c.since[id]; !ok || at < t {
		c.since[id] = at
	}
}

// inbound records an inbound message sent at at appearing (delta +1) or disappearing (-1).
func (c *kpiChanges) inbound(at int64, delta int) {
	if delta > 0 {
		c.add = append(c.add, at/KpiQuarterMillis)
	} else {
		c.sub = append(c.sub, at/KpiQuarterMillis)
	}
}

// kpiStmt runs one of kpiFactsSQL in tx, through stmts when it is prepared there.
type kpiStmt func(ctx context.Context, name string, args ...any) error

// txKpiStmt runs kpiFactsSQL statements as plain statements of tx.
func txKpiStmt(tx *sql.Tx) kpiStmt {
	return func(ctx context.Context, name string, args ...any) error {
		_, err := tx.ExecContext(ctx, kpiFactsSQL[name], args...)
		return err
	}
}

// apply writes the collected changes. The exchanges of every touched
// conversation are recomputed from the earliest instant any of them changed,
// in two statements: recomputing a conversation from earlier than its own
// change gives the same exchanges, so one instant serves the whole transaction.
func (c *kpiChanges) apply(ctx context.Context, exec kpiStmt) error {
	if len(c.since) > 0 {
		ids := make([]int64, 0, len(c.since))
		from := int64(0)
		for id, at := range c.since {
			if len(ids) == 0 || at < from {
				from = at
			}
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		list, err := json.Marshal(ids)
		if err != nil {
			return err
		}
		if err := exec(ctx, "kpiDelEx", string(list), from); err != nil {
			return fmt.Errorf("store: kpi exchanges: %w", classify(err))
		}
		if err := exec(ctx, "kpiInsEx", string(list)); err != nil {
			return fmt.Errorf("store: kpi exchanges: %w", classify(err))
		}
	}
	for name, buckets := range map[string][]int64{"kpiQuartersAdd": c.add, "kpiQuartersSub": c.sub} {
		if len(buckets) == 0 {
			continue
		}
		b, err := json.Marshal(buckets)
		if err != nil {
			return err
		}
		args := []any{string(b)}
		if name == "kpiQuartersSub" {
			args = append(args, string(b))
		}
		if err := exec(ctx, name, args...); err != nil {
			return fmt.Errorf("store: kpi quarters: %w", classify(err))
		}
	}
	*c = kpiChanges{}
	return nil
}

// refreshKpiExchangesTx recomputes every exchange of the listed conversations in tx
// (a status change, or any change whose instant is unknown).
func refreshKpiExchangesTx(ctx context.Context, tx *sql.Tx, ids ...int64) error {
	var c kpiChanges
	for _, id := range ids {
		c.touch(id, 0)
	}
	return c.apply(ctx, txKpiStmt(tx))
}

// RebuildKpiFacts recomputes the KPI facts of every conversation from scratch,
// with the same SQL as the migration's backfill (for a workspace whose messages
// were written around the store, such as the benchmark's raw loader).
func (s *Store) RebuildKpiFacts(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM kpi_exchanges`, `DELETE FROM kpi_inbound_quarters`,
			kpiExchangesInsert + kpiExchangesSelect(""), kpiQuartersBackfill} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("store: rebuild kpi facts: %w", classify(err))
			}
		}
		if err := rebuildKpiCommentMarksTx(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings(key, value, updated_at) VALUES (?, '1', ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, kpiMarksReadyKey, s.nowMillis())
		return classify(err)
	})
}

// KpiExchange is one row of kpi_exchanges.
type KpiExchange struct {
	ConversationID, ReplyID int64
	FirstInAt, LastInAt     int64
	InCount                 int64
	ReplyAt                 int64
	ReplyAutomated          bool
	ResolvedAt              int64
}

// KpiExchangesOf lists the stored exchanges of the listed conversations (all
// when ids is empty), by conversation and first inbound time: what the
// exactness tests compare with a recomputation.
func (s *Store) KpiExchangesOf(ctx context.Context, ids ...int64) ([]KpiExchange, error) {
	q := `SELECT conversation_id, reply_id, first_in_at, last_in_at, in_count, reply_at, reply_automated, resolved_at
		FROM kpi_exchanges`
	var args []any
	if len(ids) > 0 {
		b, _ := json.Marshal(ids)
		q += ` WHERE conversation_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))`
		args = append(args, string(b))
	}
	var out []KpiExchange
	err := s.kpiQuery(ctx, q+` ORDER BY conversation_id, first_in_at, reply_id`, args, func(r *sql.Rows) error {
		var e KpiExchange
		err := r.Scan(&e.ConversationID, &e.ReplyID, &e.FirstInAt, &e.LastInAt, &e.InCount, &e.ReplyAt, &e.ReplyAutomated, &e.ResolvedAt)
		out = append(out, e)
		return err
	})
	return out, err
}

// KpiInboundQuarters returns the inbound message count of every non-empty
// quarter-hour bucket in [from, to) (Unix ms, multiples of KpiQuarterMillis).
func (s *Store) KpiInboundQuarters(ctx context.Context, from, to int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	err := s.kpiQuery(ctx, `SELECT bucket, inbound FROM kpi_inbound_quarters WHERE bucket >= ? AND bucket < ? AND inbound <> 0`,
		[]any{from / KpiQuarterMillis, to / KpiQuarterMillis}, func(r *sql.Rows) error {
			var b, n int64
			err := r.Scan(&b, &n)
			out[b] = n
			return err
		})
	return out, err
}

// updateOutgoing applies column changes to one outgoing message and refreshes
// its conversation's exchanges in the same transaction (a reply counts once it
// is neither queued nor failed, at its sent time), or returns ErrNotFound.
// cols names columns of messages (never user input).
func (s *Store) updateOutgoing(ctx context.Context, id int64, cols map[string]any) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var convID, sentAt int64
		if err := tx.QueryRowContext(ctx, `SELECT conversation_id, sent_at FROM messages WHERE id = ?`, id).Scan(&convID, &sentAt); err != nil {
			return notFoundOr(err)
		}
		names := make([]string, 0, len(cols))
		for name := range cols {
			names = append(names, name)
		}
		sort.Strings(names)
		set, args := "", make([]any, 0, len(cols)+1)
		for i, name := range names {
			if i > 0 {
				set += ", "
			}
			set += name + " = ?"
			args = append(args, cols[name])
		}
		if _, err := tx.ExecContext(ctx, `UPDATE messages SET `+set+` WHERE id = ?`, append(args, id)...); err != nil {
			return classify(err)
		}
		var c kpiChanges
		c.touch(convID, sentAt)
		if at, ok := cols["sent_at"].(int64); ok {
			c.touch(convID, at)
		}
		return c.apply(ctx, txKpiStmt(tx))
	})
}

// KpiExchangesSince lists the exchanges whose last inbound message was sent at
// or after since (from the covering index ix_kpi_exchanges_last_in), in no
// particular order (ReplyID, InCount and ReplyAutomated are left zero: no
// figure reads them yet). The rows come straight from the driver (kpiRows).
func (s *Store) KpiExchangesSince(ctx context.Context, since int64) ([]KpiExchange, error) {
	var out kpiChunks[KpiExchange]
	err := s.kpiRows(ctx, `SELECT conversation_id, first_in_at, last_in_at, reply_at, resolved_at
		FROM kpi_exchanges WHERE last_in_at >= ?`, []any{since}, func(r []driver.Value) error {
		var e KpiExchange
		err := kpiInts(r, &e.ConversationID, &e.FirstInAt, &e.LastInAt, &e.ReplyAt, &e.ResolvedAt)
		out.add(e)
		return err
	})
	return out.all(), err
}

// KpiFirstInboundSince returns, for each listed conversation, its first inbound
// message (not deleted) sent at or after from (conversations without one are
// left out): the first inbound message of a period inside an exchange that
// began before it.
func (s *Store) KpiFirstInboundSince(ctx context.Context, ids []int64, from int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	if len(ids) == 0 {
		return out, nil
	}
	b, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	err = s.kpiQuery(ctx, `SELECT m.conversation_id, MIN(m.sent_at) FROM messages m
		WHERE m.conversation_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))
		AND m.sent_at >= ? AND m.direction = 'in' AND m.deleted = 0 GROUP BY m.conversation_id`,
		[]any{string(b), from}, func(r *sql.Rows) error {
			var id, at int64
			err := r.Scan(&id, &at)
			out[id] = at
			return err
		})
	return out, err
}

// kpiMessageGoneTx keeps the KPI facts exact when a message is deleted or
// erased outside IngestPage (a moderation delete, an erasure). Call it in the
// change's transaction before the message is updated or removed, then call
// the returned function after: the message's comment flags and inbound count
// go at once, its conversation's exchanges are recomputed after the change.
func kpiMessageGoneTx(ctx context.Context, tx *sql.Tx, id int64) (func() error, error) {
	var convID, sentAt int64
	var direction string
	var deleted bool
	err := tx.QueryRowContext(ctx, `SELECT conversation_id, direction, sent_at, deleted FROM messages WHERE id = ?`, id).
		Scan(&convID, &direction, &sentAt, &deleted)
	if err != nil || deleted {
		return func() error { return nil }, notFoundOr(err)
	}
	if _, err := tx.ExecContext(ctx, kpiFactsSQL["kpiMarkDel"], id); err != nil {
		return nil, classify(err)
	}
	var c kpiChanges
	c.touch(convID, sentAt)
	if direction == "in" {
		c.inbound(sentAt, -1)
	}
	return func() error { return c.apply(ctx, txKpiStmt(tx)) }, nil
}

// kpiConversationGoneTx keeps the inbound counts per quarter hour exact when a
// whole conversation is purged (retention, erasure): call it in the purge's
// transaction before the conversation's messages go. Its exchanges and comment
// flags go with it (foreign keys).
func kpiConversationGoneTx(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE kpi_inbound_quarters SET inbound = inbound -
		(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = ? AND m.direction = 'in' AND m.deleted = 0
			AND m.sent_at / 900000 = kpi_inbound_quarters.bucket)
		WHERE bucket IN (SELECT m.sent_at / 900000 FROM messages m WHERE m.conversation_id = ? AND m.direction = 'in' AND m.deleted = 0)`, id, id)
	return classify(err)
}
