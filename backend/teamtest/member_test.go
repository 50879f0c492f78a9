package teamtest

import (
	"context"
	"testing"
	"time"

	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

// A member whose keyring lacks the account's token still works the inbox: new
// messages reach them live, their app never syncs the account nor marks it
// "needs reconnect" for the team (even when the member with the token goes
// away), and a reply from it is refused before anything is stored, with the
// message that tells them how to send from their computer.
func TestMemberWithoutTheTokenWorksTheInbox(t *testing.T) {
	tm := newTeam(t)
	ctx := context.Background()
	ana := tm.start(t, "Ana's laptop", "Ana", token)
	bo := tm.start(t, "Bo's desktop", "Bo", "")
	awaitListeners(t, tm.admin, tm.schema, 2)
	ana.await("Ana holds the lease", func(e event) bool { return e.Ev == "state" && e.LeaseHeld })
	bo.await("Bo's token-elsewhere state", func(e event) bool { return e.Ev == "state" && e.Wait == sync.WaitTokenElsewhere })

	sent := tm.serve(1, "a question")
	stored := ana.await("the message stored", func(e event) bool { return e.Ev == "stored" })
	conv := stored.Conversations[0]
	bo.await("the message announced", func(e event) bool {
		return e.Ev == "remote" && e.Kind == "message" && e.Conversation == conv && e.At >= sent.UnixNano()
	})

	bo.send("send %d", conv)
	refused := bo.await("Bo's reply", func(e event) bool { return e.Ev == "sent" })
	if refused.OK || refused.ConflictKey != "errors.teamdb.no_token" {
		t.Fatalf("Bo's reply = %+v, want refused with errors.teamdb.no_token", refused)
	}
	if n := countOutgoing(t, tm.st); n != 0 || len(tm.fake.Sent()) != 0 {
		t.Fatalf("a refused reply left %d stored messages and %d sent ones", n, len(tm.fake.Sent()))
	}
	ana.send("send %d", conv)
	if e := ana.await("Ana's reply", func(e event) bool { return e.Ev == "sent" }); !e.OK || len(tm.fake.Sent()) != 1 {
		t.Fatalf("Ana's reply = %+v (fake got %d)", e, len(tm.fake.Sent()))
	}

	// Ana's app goes away: Bo's cannot sync without the token, and says so instead of breaking the account.
	ana.kill()
	time.Sleep(2*ttl + time.Second)
	if st := bo.state(); st.Wait != sync.WaitTokenElsewhere || st.LeaseHeld {
		t.Fatalf("Bo's state after Ana left: %+v", st)
	}
	if n := len(bo.all("stored")); n != 0 {
		t.Fatalf("Bo stored %d batches without the token", n)
	}
	a, err := tm.st.AccountByID(ctx, tm.acc.ID)
	if err != nil || a.Status != store.AccountConnected || a.LastErrorKind != "" {
		t.Fatalf("the shared account after Bo's app ran without the token: %s %q (%v)", a.Status, a.LastErrorKind, err)
	}
}

// countOutgoing counts the stored outgoing messages.
func countOutgoing(t *testing.T, st *store.Store) int {
	t.Helper()
	db, _ := st.R.DB()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM messages WHERE direction = 'out'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
