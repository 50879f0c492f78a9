package teamtest

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"testing"
	"time"

	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
	"creatordesk/backend/workspace"
)

// token is a well-formed bot token the fake accepts (nowhere near a real one).
const token = "5550003333:team-test-token-abcdefghijklmnopqrst"

// ttl is the lease time of the test instances (the app's is 30 s).
const ttl = 2 * time.Second

// Two app processes on one team database: one syncs, the other sees new
// messages live; both assign the same conversation at once and one wins;
// SIGKILL the syncing one and the other takes over after the lease time; no
// message is lost or stored twice.
func TestTwoInstancesShareOneTeamWorkspace(t *testing.T) {
	tm := newTeam(t)
	ctx, st, members, acc := context.Background(), tm.st, tm.members, tm.acc
	serve, served := tm.serve, func() []string { return tm.served }
	serve(6, "before start")

	ana := tm.start(t, "Ana's laptop", "Ana", token)
	bo := tm.start(t, "Bo's desktop", "Bo", token)
	awaitListeners(t, tm.admin, tm.schema, 2)

	// 1. Exactly one syncs; the other says who does.
	var holder, other *instance
	end := time.Now().Add(deadline)
	for holder == nil && time.Now().Before(end) {
		a, b := ana.state(), bo.state()
		switch {
		case a.LeaseHeld && b.Wait == sync.WaitLeased && b.HeldBy == ana.label:
			holder, other = ana, bo
		case b.LeaseHeld && a.Wait == sync.WaitLeased && a.HeldBy == bo.label:
			holder, other = bo, ana
		}
		time.Sleep(10 * time.Millisecond)
	}
	if holder == nil {
		t.Fatalf("no single holder: Ana %+v, Bo %+v; %s", ana.state(), bo.state(), leaseHolders(ctx, st))
	}
	t.Logf("%s syncs; %s waits (%q)", holder.label, other.label, other.state().HeldBy)
	awaitStored(t, st, len(served()))

	// A new message reaches the other instance live.
	time.Sleep(200 * time.Millisecond) // let the announcements of the first messages settle
	sent := serve(1, "live")
	stored := holder.await("the live message stored", func(e event) bool { return e.Ev == "stored" && e.At >= sent.UnixNano() })
	remote := other.await("the live message announced", func(e event) bool {
		return e.Ev == "remote" && e.Kind == "message" && e.Direction == "in" && e.At >= sent.UnixNano() && contains(stored.Conversations, e.Conversation)
	})
	t.Logf("live update: a message the platform served at T appeared in the other instance after %v (stored by the holder after %v)",
		time.Duration(remote.At-sent.UnixNano()).Round(time.Millisecond), time.Duration(stored.At-sent.UnixNano()).Round(time.Millisecond))
	if n := len(other.all("stored")); n != 0 {
		t.Fatalf("%s stored %d batches while %s held the lease", other.label, n, holder.label)
	}

	// 2. Both assign the same conversation at the same moment, each from what it saw.
	conv := stored.Conversations[0]
	ana.send("see %d", conv)
	bo.send("see %d", conv)
	for _, in := range []*instance{ana, bo} {
		if e := in.await("seen", func(e event) bool { return e.Ev == "seen" }); e.Assignee != "" {
			t.Fatalf("%s saw the conversation assigned to %q", in.label, e.Assignee)
		}
	}
	at := time.Now().Add(300 * time.Millisecond).UnixNano()
	ana.send("assign %d %d", conv, at)
	bo.send("assign %d %d", conv, at)
	ra := ana.await("assigned", func(e event) bool { return e.Ev == "assigned" })
	rb := bo.await("assigned", func(e event) bool { return e.Ev == "assigned" })
	if ra.Error != "" || rb.Error != "" || ra.OK == rb.OK || ra.Conflict == rb.Conflict {
		t.Fatalf("assignments: Ana %+v, Bo %+v; want exactly one winner and one conflict", ra, rb)
	}
	winner, loser, winnerID := ana, rb, members["Ana"].ID
	if rb.OK {
		winner, loser, winnerID = bo, ra, members["Bo"].ID
	}
	if loser.Assignee != strconv.FormatInt(winnerID, 10) || loser.ConflictKey == "" {
		t.Fatalf("the conflict says %+v, want the winner's member id %d and a translated key", loser, winnerID)
	}
	if c, err := st.ConversationByID(ctx, conv); err != nil || c.Assignee != strconv.FormatInt(winnerID, 10) {
		t.Fatalf("conversation after the race: %+v %v, want assigned to %d", c, err, winnerID)
	}
	t.Logf("assignment race: %s won; the other got %s", winner.label, loser.ConflictKey)

	// 3. SIGKILL the syncing instance while more messages arrive; the other takes over after the lease time.
	serve(5, "during the kill")
	time.Sleep(100 * time.Millisecond) // let the holder be mid-way through them
	killed := time.Now()
	holder.kill()
	took := awaitFrom(t, other, 0, "the takeover", func(e event) bool { return e.Ev == "state" && e.LeaseHeld && e.At >= killed.UnixNano() })
	t.Logf("takeover: %s held the lease %v after %s was killed (lease time %v)", other.label,
		time.Duration(took.At-killed.UnixNano()).Round(time.Millisecond), holder.label, ttl)
	serve(7, "after the takeover")
	awaitStored(t, st, len(served()))
	for _, e := range other.all("stored") {
		if e.At < took.At {
			t.Fatalf("%s stored a batch before it held the lease", other.label)
		}
	}

	// 4. Every served message is stored exactly once, and the shared account never broke: the
	// fake answers two polls at once with 409, which would have been recorded as a sync failure.
	checkExactlyOnce(t, st, served())
	a, err := st.AccountByID(ctx, acc.ID)
	if err != nil || a.LastErrorKind != "" || a.Status != store.AccountConnected {
		t.Fatalf("account after the run: %s %q %q (%v)", a.Status, a.LastErrorKind, a.LastError, err)
	}
	if failures, err := st.SyncFailures(ctx); err != nil || failures[acc.ID].LastErrorAt != 0 {
		t.Fatalf("the account had a sync failure during the run: %+v %v", failures[acc.ID], err)
	}
	other.send("quit")
	<-other.exited
	leases, err := st.SyncLeases(ctx)
	if err != nil || len(leases) != 1 || leases[0].Holder != "" {
		t.Fatalf("leases after the survivor closed: %+v %v (closing releases the lease)", leases, err)
	}
}

// team is a team workspace on a fresh schema of the test server with one
// Telegram account on a fake Bot API and two members, Ana and Bo.
type team struct {
	dsn, schema string
	admin       *sql.DB
	st          *store.Store // the test's own view of the database
	fake        *telegramfake.Server
	acc         store.Account
	members     map[string]*store.Member
	// served are the texts of the messages the fake served, each unique.
	served []string
}

func newTeam(t *testing.T) *team {
	t.Helper()
	tm := &team{}
	tm.dsn, tm.schema = FreshSchema(t, RequirePostgres(t))
	tm.admin = OpenAdmin(t, tm.dsn)
	ctx := context.Background()
	tm.fake = telegramfake.New(token)
	fakeURL := tm.fake.Start()
	t.Cleanup(tm.fake.Close)

	// The team workspace as the first member sets it up: the schema, the
	// workspace id, the account and the two members.
	setup, err := workspace.Open(workspace.Config{Dir: t.TempDir(), Vault: secrets.NewMemory(), Postgres: tm.dsn})
	if err != nil {
		t.Fatal(err)
	}
	tm.acc = store.Account{Platform: telegram.Platform, Name: "Studio bot", ExternalID: "1", BaseURL: fakeURL}
	if err := setup.Store.CreateAccount(ctx, &tm.acc); err != nil {
		t.Fatal(err)
	}
	tm.members = map[string]*store.Member{"Ana": {Name: "Ana", Role: store.RoleAgent, Active: true}, "Bo": {Name: "Bo", Role: store.RoleAgent, Active: true}}
	for _, m := range tm.members {
		if err := setup.Store.SaveMember(ctx, "setup", m); err != nil {
			t.Fatal(err)
		}
	}
	if err := setup.Close(); err != nil {
		t.Fatal(err)
	}
	if tm.st, err = store.OpenPostgres(tm.dsn, store.Options{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tm.st.Close() })
	return tm
}

// serve has the fake serve n new messages from four customers and returns when it started.
func (tm *team) serve(n int, what string) time.Time {
	at := time.Now()
	for i := 0; i < n; i++ {
		id := int64(7000 + len(tm.served)%4)
		text := fmt.Sprintf("%s %d", what, len(tm.served))
		tm.fake.AddMessage(telegramfake.Chat{ID: id, Type: "private", FirstName: fmt.Sprint("Customer", id)},
			telegramfake.User{ID: id, FirstName: fmt.Sprint("Customer", id)}, text, time.Now())
		tm.served = append(tm.served, text)
	}
	return at
}

// start runs an instance for member name; token "" leaves its keyring without the account's token.
func (tm *team) start(t *testing.T, label, member, token string) *instance {
	t.Helper()
	in := startInstance(t, label, tm.dsn, token, tm.members[member].ID, ttl)
	in.await("ready", func(e event) bool { return e.Ev == "ready" })
	return in
}

// awaitFrom waits for an event at index from or later.
func awaitFrom(t *testing.T, in *instance, from int, what string, match func(event) bool) event {
	t.Helper()
	end := time.Now().Add(deadline)
	for time.Now().Before(end) {
		if e, _, ok := in.find(from, match); ok {
			return e
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s: no %s within %v", in.label, what, deadline)
	return event{}
}

// awaitStored waits until n inbound messages are stored.
func awaitStored(t *testing.T, st *store.Store, n int) {
	t.Helper()
	end := time.Now().Add(deadline)
	got := 0
	for time.Now().Before(end) {
		db, _ := st.R.DB()
		if err := db.QueryRow(`SELECT COUNT(*) FROM messages WHERE direction = 'in'`).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%d of %d messages stored within %v", got, n, deadline)
}

// checkExactlyOnce checks that every served text is stored once and nothing else came in.
func checkExactlyOnce(t *testing.T, st *store.Store, served []string) {
	t.Helper()
	db, _ := st.R.DB()
	rows, err := db.Query(`SELECT text, COUNT(*) FROM messages WHERE direction = 'in' GROUP BY text`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]int{}
	for rows.Next() {
		var text string
		var n int
		if err := rows.Scan(&text, &n); err != nil {
			t.Fatal(err)
		}
		got[text] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, text := range served {
		if got[text] != 1 {
			t.Errorf("%q stored %d times, want once", text, got[text])
		}
		delete(got, text)
	}
	if len(got) > 0 {
		t.Errorf("stored messages nobody served: %v", got)
	}
	t.Logf("%d served messages, each stored exactly once", len(served))
}

// contains reports whether ids has id.
func contains(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
