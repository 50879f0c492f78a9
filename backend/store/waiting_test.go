package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

func TestWaitingFilterKeepsUnansweredOldConversations(t *testing.T) {
	f := newTriage(t)
	ctx := context.Background()
	// ro arrived at +1 min, zh at +2, hi at +3. Now is +2m30s: ro and zh waited at least 30 s.
	cutoff := fixedNow.Add(2 * time.Minute).UnixMilli()
	rows, _, err := f.s.ConversationRows(ctx, ConversationFilter{WaitingSince: cutoff}, ConversationCursor{}, 10)
	if want := []int64{f.convs["zh"], f.convs["ro"]}; err != nil || !reflect.DeepEqual(ids(rows), want) {
		t.Fatalf("waiting: got %v want %v (%v)", ids(rows), want, err)
	}
	// A reply to ro means nobody waits there any more, however old the question is.
	reply := msg("ro", "ro:2", "Verificăm acum.", 4)
	reply.Direction = platforms.DirectionOut
	if _, err := f.s.IngestPage(ctx, f.tg.ID, []platforms.Message{reply}, "2"); err != nil {
		t.Fatal(err)
	}
	rows, _, err = f.s.ConversationRows(ctx, ConversationFilter{WaitingSince: cutoff, Status: StatusOpen}, ConversationCursor{}, 10)
	if want := []int64{f.convs["zh"]}; err != nil || !reflect.DeepEqual(ids(rows), want) {
		t.Fatalf("after reply: got %v want %v (%v)", ids(rows), want, err)
	}
	// The customer writes again: ro waits again, from its new message's time.
	again := msg("ro", "ro:3", "Mulțumesc!", 5)
	if _, err := f.s.IngestPage(ctx, f.tg.ID, []platforms.Message{again}, "3"); err != nil {
		t.Fatal(err)
	}
	rows, _, _ = f.s.ConversationRows(ctx, ConversationFilter{WaitingSince: fixedNow.Add(5 * time.Minute).UnixMilli()}, ConversationCursor{}, 10)
	if want := []int64{f.convs["ro"], f.convs["hi"], f.convs["zh"]}; !reflect.DeepEqual(ids(rows), want) {
		t.Fatalf("after new message: got %v want %v", ids(rows), want)
	}
	n, err := f.s.CountUnread(ctx, ConversationFilter{WaitingSince: cutoff})
	if err != nil || n != 1 {
		t.Fatalf("unread waiting count %d (%v)", n, err)
	}
}

func TestWaitingFilterUsesAnIndex(t *testing.T) {
	f := newTriage(t)
	for _, flt := range []ConversationFilter{{WaitingSince: 5}, {Status: StatusOpen, WaitingSince: 5}} {
		q, args := conversationListSQL(flt, ConversationCursor{})
		var plan []string
		rows, err := f.s.reader().Query(`EXPLAIN QUERY PLAN `+q, append(args, 100)...)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id, parent, notused int
			var detail string
			_ = rows.Scan(&id, &parent, &notused, &detail)
			plan = append(plan, detail)
		}
		rows.Close()
		for _, d := range plan {
			if strings.HasPrefix(d, "SCAN c") && !strings.Contains(d, "INDEX") {
				t.Errorf("%+v scans the conversations table: %v", flt, plan)
			}
		}
	}
}
