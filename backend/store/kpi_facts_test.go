package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// TestKpiFactsMatchRecomputation drives randomized conversations through every
// write path that maintains the KPI facts (synced pages delivered out of order,
// deletions and restorations, replies sent by people and automations that are
// queued, fail, are retried and sent, resolves and reopens) and compares the
// stored facts with a from-scratch recomputation in Go after every step, then
// with the migration's SQL backfill (RebuildKpiFacts).
func TestKpiFactsMatchRecomputation(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { runKpiFactsScenario(t, seed) })
	}
}

// runKpiFactsScenario plays one randomized scenario.
func runKpiFactsScenario(t *testing.T, seed uint64) {
	ctx := context.Background()
	clock := newTestClock(fixedNow)
	s := openTestClock(t, clock.Now)
	acct := addAccount(t, s, "telegram", fmt.Sprint("kpi", seed))
	rng := rand.New(rand.NewPCG(seed, 19))
	const threads = 6
	var synced []platforms.Message // every message delivered so far (for deletions)
	var outgoing []int64           // ids of replies stored by the send path
	next := 0
	newMsg := func() platforms.Message {
		next++
		n := rng.IntN(threads)
		th := fmt.Sprint("th", n)
		// Minutes, so that ties happen; up to two hours in the past: out of order.
		at := clock.Now().Add(time.Duration(rng.IntN(180)-120) * time.Minute).Truncate(time.Minute)
		m := msg(th, fmt.Sprint("m", next), fmt.Sprint("text ", next), 0)
		m.SentAt = at
		if n >= threads/2 { // half the threads are comment threads (kpi_comment_marks)
			m.ThreadKind = platforms.ThreadComment
		}
		texts := []string{"how much is it", "love it", "The glaze on my mug cracked after a month in the dishwasher, please advise soon"}
		m.Text = texts[rng.IntN(len(texts))]
		if rng.IntN(3) == 0 {
			m.Direction = platforms.DirectionOut
			m.Author = platforms.Person{ExternalID: "brand", DisplayName: "Brand"}
			if rng.IntN(4) == 0 {
				m.Author.DisplayName = "automation:welcome"
			}
		}
		return m
	}
	for step := 0; step < 120; step++ {
		clock.Advance(time.Duration(rng.IntN(20)) * time.Minute)
		switch op := rng.IntN(11); {
		case op == 10 && rng.IntN(8) == 0: // a purge (retention), which keeps the facts through kpiConversationGoneTx
			convID := kpiTestConversation(t, s, acct.ID, fmt.Sprint("th", rng.IntN(threads)))
			if convID == 0 {
				continue
			}
			err := s.inTx(ctx, func(tx *sql.Tx) error {
				_, err := purgeConversationTx(ctx, tx, convID)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		case op == 10: // a deletion outside IngestPage (moderation), through kpiMessageGoneTx
			kpiTestDeleteElsewhere(t, s, rng)
		case op < 4: // a synced page, maybe with a message twice
			var page []platforms.Message
			for range 1 + rng.IntN(5) {
				page = append(page, newMsg())
			}
			if rng.IntN(4) == 0 {
				page = append(page, page[0])
			}
			if _, err := s.IngestPage(ctx, acct.ID, page, fmt.Sprint("c", step)); err != nil {
				t.Fatal(err)
			}
			synced = append(synced, page...)
		case op < 6 && len(synced) > 0: // a deletion, a restoration or a plain edit
			m := synced[rng.IntN(len(synced))]
			edited := clock.Now()
			m.EditedAt, m.Deleted = &edited, rng.IntN(3) > 0
			m.Text = []string{"Is it blue?", "nice", m.Text + " (edited)"}[rng.IntN(3)]
			if _, err := s.IngestPage(ctx, acct.ID, []platforms.Message{m}, fmt.Sprint("e", step)); err != nil {
				t.Fatal(err)
			}
		case op < 8: // a reply through the send path
			convID := kpiTestConversation(t, s, acct.ID, fmt.Sprint("th", rng.IntN(threads)))
			if convID == 0 {
				continue
			}
			author := "Ana"
			if rng.IntN(2) == 0 {
				author = "automation:rule-7"
			}
			m, err := s.InsertOutgoing(ctx, convID, author, "reply")
			if err != nil {
				t.Fatal(err)
			}
			outgoing = append(outgoing, m.ID)
			kpiTestSettle(t, s, rng, m.ID, clock.Now())
		case op < 9 && len(outgoing) > 0: // a retry of an earlier reply
			id := outgoing[rng.IntN(len(outgoing))]
			if err := s.MarkQueued(ctx, id); errors.Is(err, ErrNotFound) {
				continue // its conversation was purged
			} else if err != nil {
				t.Fatal(err)
			}
			kpiTestSettle(t, s, rng, id, clock.Now())
		default: // resolve or reopen
			convID := kpiTestConversation(t, s, acct.ID, fmt.Sprint("th", rng.IntN(threads)))
			if convID == 0 {
				continue
			}
			status := StatusResolved
			if rng.IntN(3) == 0 {
				status = StatusOpen
			}
			if _, err := s.ApplyChange(ctx, "user:1", []int64{convID}, ConversationChange{Kind: ChangeStatus, Status: status}); err != nil {
				t.Fatal(err)
			}
		}
		compareKpiFacts(t, s, fmt.Sprint("step ", step))
		if t.Failed() {
			return
		}
	}
	if err := s.RebuildKpiFacts(ctx); err != nil {
		t.Fatal(err)
	}
	compareKpiFacts(t, s, "after RebuildKpiFacts")
	compareKpiReads(t, s)
}

// compareKpiCommentMarks recomputes the text flags of every inbound comment and compares them with the stored ones.
func compareKpiCommentMarks(t *testing.T, s *Store, when string) {
	t.Helper()
	want := map[int64][2]bool{}
	rows, err := s.writer().Query(`SELECT m.id, m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id
		WHERE c.kind = 'comment' AND m.direction = 'in' AND m.deleted = 0`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			t.Fatal(err)
		}
		q, sub := commentMark(text)
		want[id] = [2]bool{q, sub}
	}
	rows.Close()
	got := map[int64][2]bool{}
	rows, err = s.writer().Query(`SELECT message_id, question, substantial FROM kpi_comment_marks`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var q, sub bool
		if err := rows.Scan(&id, &q, &sub); err != nil {
			t.Fatal(err)
		}
		got[id] = [2]bool{q, sub}
	}
	rows.Close()
	if !maps.Equal(got, want) {
		t.Errorf("%s: comment marks differ\n got %v\nwant %v", when, got, want)
	}
}

// kpiTestDeleteElsewhere deletes a random message through the moderation log
// (RecordModeration), which keeps the facts with kpiMessageGoneTx.
func kpiTestDeleteElsewhere(t *testing.T, s *Store, rng *rand.Rand) {
	t.Helper()
	ctx := context.Background()
	var ids []int64
	rows, err := s.writer().Query(`SELECT id FROM messages ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if len(ids) == 0 {
		return
	}
	id := ids[rng.IntN(len(ids))]
	if _, err := s.RecordModeration(ctx, ModerationRecord{MessageID: id, Action: "delete", Actor: "Dana"}); err != nil {
		t.Fatal(err)
	}
}

// kpiTestConversation returns the id of a thread's conversation (0 when not synced yet).
func kpiTestConversation(t *testing.T, s *Store, accountID int64, thread string) int64 {
	t.Helper()
	var id int64
	err := s.writer().QueryRow(`SELECT id FROM conversations WHERE account_id = ? AND external_id = ?`, accountID, thread).Scan(&id)
	if err != nil && !strings.Contains(err.Error(), "no rows") {
		t.Fatal(err)
	}
	return id
}

// kpiTestSettle ends a queued reply as the gate would: sent (at a platform
// time that may be earlier than when it was queued), failed, or left queued.
func kpiTestSettle(t *testing.T, s *Store, rng *rand.Rand, id int64, now time.Time) {
	t.Helper()
	var err error
	switch rng.IntN(4) {
	case 0, 1:
		err = s.MarkSent(context.Background(), id, fmt.Sprint("sent-", id, "-", rng.IntN(1000)), now.Add(-time.Duration(rng.IntN(90))*time.Minute).Truncate(time.Minute).UnixMilli())
	case 2:
		err = s.MarkFailed(context.Background(), id, "transient", "timeout")
	}
	if err != nil {
		t.Fatal(err)
	}
}

// kpiTestMessage is what the recomputation reads of a message.
type kpiTestMessage struct {
	id, conv, sentAt int64
	direction, state string
	author           string
	deleted          bool
}

// compareKpiFacts recomputes the facts from the messages and the audit trail and compares them with the stored ones.
func compareKpiFacts(t *testing.T, s *Store, when string) {
	t.Helper()
	ctx := context.Background()
	rows, err := s.writer().Query(`SELECT id, conversation_id, sent_at, direction, state, author_name, deleted FROM messages`)
	if err != nil {
		t.Fatal(err)
	}
	byConv := map[int64][]kpiTestMessage{}
	quarters := map[int64]int64{}
	for rows.Next() {
		var m kpiTestMessage
		if err := rows.Scan(&m.id, &m.conv, &m.sentAt, &m.direction, &m.state, &m.author, &m.deleted); err != nil {
			t.Fatal(err)
		}
		byConv[m.conv] = append(byConv[m.conv], m)
		if m.direction == "in" && !m.deleted {
			quarters[m.sentAt/KpiQuarterMillis]++
		}
	}
	rows.Close()
	resolves := map[int64][]int64{}
	audit, err := s.writer().Query(`SELECT target_id, at, after_json FROM audit_events WHERE action = 'conversation.status'`)
	if err != nil {
		t.Fatal(err)
	}
	for audit.Next() {
		var target, after string
		var at, id int64
		if err := audit.Scan(&target, &at, &after); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(after, `"status":"resolved"`) {
			fmt.Sscan(target, &id)
			resolves[id] = append(resolves[id], at)
		}
	}
	audit.Close()
	var want []KpiExchange
	for conv, msgs := range byConv {
		want = append(want, recomputeExchanges(conv, msgs, resolves[conv])...)
	}
	slices.SortFunc(want, func(a, b KpiExchange) int {
		return cmp.Or(cmp.Compare(a.ConversationID, b.ConversationID), cmp.Compare(a.FirstInAt, b.FirstInAt), cmp.Compare(a.ReplyID, b.ReplyID))
	})
	got, err := s.KpiExchangesOf(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: exchanges differ\n got %+v\nwant %+v", when, got, want)
	}
	compareKpiCommentMarks(t, s, when)
	gotQ, err := s.KpiInboundQuarters(ctx, 0, 1<<62)
	if err != nil {
		t.Fatal(err)
	}
	for b, n := range quarters {
		if gotQ[b] != n {
			t.Errorf("%s: quarter %d: %d inbound, want %d", when, b, gotQ[b], n)
		}
	}
	for b, n := range gotQ {
		if quarters[b] == 0 {
			t.Errorf("%s: quarter %d: %d inbound, want none", when, b, n)
		}
	}
}

// recomputeExchanges is the definition of an exchange, written plainly: each
// inbound message (not deleted) goes with the first reply (outbound, not
// deleted, queued or failed) sent strictly after it, in (sent_at, id) order.
func recomputeExchanges(conv int64, msgs []kpiTestMessage, resolves []int64) []KpiExchange {
	slices.SortFunc(msgs, func(a, b kpiTestMessage) int { return cmp.Or(cmp.Compare(a.sentAt, b.sentAt), cmp.Compare(a.id, b.id)) })
	groups := map[int64]*KpiExchange{}
	var order []int64
	for _, in := range msgs {
		if in.direction != "in" || in.deleted {
			continue
		}
		var reply *kpiTestMessage
		for i := range msgs {
			r := &msgs[i]
			if r.direction == "out" && !r.deleted && r.state != StateQueued && r.state != StateFailed && r.sentAt > in.sentAt {
				reply = r
				break
			}
		}
		var key int64
		if reply != nil {
			key = reply.id
		}
		e := groups[key]
		if e == nil {
			e = &KpiExchange{ConversationID: conv, ReplyID: key, FirstInAt: in.sentAt}
			if reply != nil {
				e.ReplyAt, e.ReplyAutomated = reply.sentAt, strings.HasPrefix(reply.author, "automation:")
			}
			groups[key] = e
			order = append(order, key)
		}
		e.LastInAt = max(e.LastInAt, in.sentAt)
		e.InCount++
	}
	var out []KpiExchange
	for _, key := range order {
		e := groups[key]
		for _, at := range resolves {
			if at >= e.FirstInAt && (e.ResolvedAt == 0 || at < e.ResolvedAt) {
				e.ResolvedAt = at
			}
		}
		out = append(out, *e)
	}
	return out
}
