package teamdb

import (
	"context"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
	"creatordesk/backend/teamtest"
)

// Two instances share one workspace on PostgreSQL: what one stores or assigns
// reaches the other's bus as a RemoteChanged event.
func TestListenerRelaysMessagesAndAssignments(t *testing.T) {
	dsn := os.Getenv("CREATORDESK_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CREATORDESK_TEST_POSTGRES is not set (run under scripts/with-postgres.sh)")
	}
	dsn = freshSchema(t, dsn)
	now := time.Date(2026, 3, 29, 9, 30, 0, 0, time.UTC)
	writer, err := store.OpenPostgres(dsn, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()

	bus := events.New()
	got := make(chan Change, 16)
	bus.Subscribe(RemoteChanged, func(p any) { got <- p.(Change) })
	ready := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	l := &Listener{DSN: dsn, Bus: bus, Ready: func() { ready <- struct{}{} }, OnError: func(err error) { t.Log(err) }}
	go func() { done <- l.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	waitFor(t, ready)

	acct := store.Account{Platform: "telegram", Name: "shop", ExternalID: "1"}
	if err := writer.CreateAccount(context.Background(), &acct); err != nil {
		t.Fatal(err)
	}
	msgs := []platforms.Message{}
	for i, text := range []string{"is the blue mug back?", "and the green one?"} {
		msgs = append(msgs, platforms.Message{ExternalID: "m" + string(rune('1'+i)), ThreadExternalID: "t1",
			ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: "u1", DisplayName: "Ana"},
			Direction: platforms.DirectionIn, Text: text, SentAt: now.Add(time.Duration(i) * time.Minute)})
	}
	res, err := writer.IngestPage(context.Background(), acct.ID, msgs, "c1")
	if err != nil {
		t.Fatal(err)
	}
	conv := res.ConversationIDs[0]
	ch := waitFor(t, got)
	if ch.Kind != KindMessage || ch.ConversationID != conv || ch.AccountID != acct.ID || ch.Direction != "in" {
		t.Fatalf("message announcement = %+v", ch)
	}
	// One page, one conversation: the two inserts are announced once.
	if _, err := writer.ApplyChange(context.Background(), "member:1", []int64{conv},
		store.ConversationChange{Kind: store.ChangeAssign, Assignee: "1"}); err != nil {
		t.Fatal(err)
	}
	ch = waitFor(t, got)
	if ch.Kind != KindConversation || ch.ConversationID != conv || ch.Assignee != "1" || ch.Status != "open" {
		t.Fatalf("assignment announcement = %+v (a page's messages must be announced once)", ch)
	}
}

// waitFor returns the next value or fails after a generous bound (not a speed check).
func waitFor[T any](t *testing.T, c <-chan T) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(15 * time.Second):
		t.Fatal("nothing arrived")
	}
	var zero T
	return zero
}

// freshSchema creates a schema for the test, drops it afterwards, and returns
// the connection string that selects it.
func freshSchema(t *testing.T, dsn string) string {
	t.Helper()
	withSchema, _ := teamtest.FreshSchema(t, dsn)
	return withSchema
}

// A member starting or stopping a reply is announced (schema step 23), so the
// other machine's "X is replying" warning appears without waiting for a poll.
func TestListenerRelaysPresence(t *testing.T) {
	dsn := os.Getenv("CREATORDESK_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CREATORDESK_TEST_POSTGRES is not set (run under scripts/with-postgres.sh)")
	}
	dsn = freshSchema(t, dsn)
	now := time.Date(2026, 3, 29, 9, 30, 0, 0, time.UTC)
	writer, err := store.OpenPostgres(dsn, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	ctx := context.Background()
	acct := store.Account{Platform: "telegram", Name: "shop", ExternalID: "1"}
	if err := writer.CreateAccount(ctx, &acct); err != nil {
		t.Fatal(err)
	}
	res, err := writer.IngestPage(ctx, acct.ID, []platforms.Message{{ExternalID: "m1", ThreadExternalID: "t1",
		ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: "u1", DisplayName: "Ana"},
		Direction: platforms.DirectionIn, Text: "hi", SentAt: now}}, "c1")
	if err != nil {
		t.Fatal(err)
	}
	conv := res.ConversationIDs[0]
	dana := store.Member{Name: "Dana", Role: store.RoleOwner, Color: "#1971c2", Active: true}
	if err := writer.SaveMember(ctx, "setup", &dana); err != nil {
		t.Fatal(err)
	}

	bus := events.New()
	got := make(chan Change, 16)
	bus.Subscribe(RemoteChanged, func(p any) {
		if ch := p.(Change); ch.Kind == KindPresence {
			got <- ch
		}
	})
	ready := make(chan struct{}, 1)
	lctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	l := &Listener{DSN: dsn, Bus: bus, Ready: func() { ready <- struct{}{} }}
	go func() { done <- l.Run(lctx) }()
	defer func() {
		cancel()
		<-done
	}()
	waitFor(t, ready)

	if err := writer.Heartbeat(ctx, conv, dana.ID); err != nil {
		t.Fatal(err)
	}
	if ch := waitFor(t, got); ch.ConversationID != conv {
		t.Fatalf("presence announcement = %+v", ch)
	}
	// A refresh of the same heartbeat is not announced; stopping is.
	if err := writer.Heartbeat(ctx, conv, dana.ID); err != nil {
		t.Fatal(err)
	}
	if err := writer.StopReplying(ctx, conv, dana.ID); err != nil {
		t.Fatal(err)
	}
	if ch := waitFor(t, got); ch.ConversationID != conv {
		t.Fatalf("stop announcement = %+v", ch)
	}
	select {
	case ch := <-got:
		t.Fatalf("unexpected extra announcement %+v (a heartbeat refresh must stay quiet)", ch)
	case <-time.After(300 * time.Millisecond):
	}
}
