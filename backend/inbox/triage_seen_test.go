package inbox_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
	"creatordesk/backend/teamtest"
)

// seenStores opens two handles on one workspace ("two machines"): two
// connections to a fresh PostgreSQL schema, or, on SQLite, two stores on one file.
func seenStores(t *testing.T, dialect string) (*store.Store, *store.Store) {
	t.Helper()
	now := time.Date(2026, 3, 29, 9, 0, 0, 0, time.UTC)
	opts := store.Options{Now: func() time.Time { return now }}
	open := func() (*store.Store, error) { return nil, nil }
	switch dialect {
	case "sqlite":
		path := filepath.Join(t.TempDir(), store.FileName)
		open = func() (*store.Store, error) { return store.Open(path, opts) }
	case "postgres":
		dsn := os.Getenv("CREATORDESK_TEST_POSTGRES")
		if dsn == "" {
			t.Skip("CREATORDESK_TEST_POSTGRES is not set (run under scripts/with-postgres.sh)")
		}
		dsn = freshPGSchema(t, dsn)
		open = func() (*store.Store, error) { return store.OpenPostgres(dsn, opts) }
	}
	a, err := open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = a.Close() })
	b, err := open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.Close() })
	return a, b
}

// Two members act on what they saw: the second one's stale change is refused
// with a conflict naming who changed it; nothing is overwritten.
func TestSeenChangesConflictInsteadOfOverwriting(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			a, b := seenStores(t, dialect)
			ctx := context.Background()
			acc := store.Account{Platform: "telegram", Name: "shop", ExternalID: "1"}
			if err := a.CreateAccount(ctx, &acc); err != nil {
				t.Fatal(err)
			}
			var convs []int64
			for i := range 3 {
				res, err := a.IngestPage(ctx, acc.ID, []platforms.Message{{ExternalID: "m" + strconv.Itoa(i), ThreadExternalID: "t" + strconv.Itoa(i),
					ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: "u" + strconv.Itoa(i), DisplayName: "Ana"},
					Direction: platforms.DirectionIn, Text: "hello", SentAt: a.Now()}}, "c")
				if err != nil {
					t.Fatal(err)
				}
				convs = append(convs, res.ConversationIDs[0])
			}
			dana := store.Member{Name: "Dana", Role: store.RoleOwner, Color: "#1971c2", Active: true}
			ion := store.Member{Name: "Ion", Role: store.RoleAgent, Color: "#2f9e44", Active: true}
			trA, trB := inbox.NewTriage(a, "a"), inbox.NewTriage(b, "b")
			for _, m := range []*store.Member{&dana, &ion} {
				if err := trA.Team.Save(ctx, "setup", m); err != nil {
					t.Fatal(err)
				}
			}
			unassigned := ""
			// Both saw conversation 0 unassigned. Dana claims it first (machine A)...
			if _, err := trA.Team.SetCurrent(ctx, dana.ID); err != nil {
				t.Fatal(err)
			}
			res, err := trA.AssignSeen(ctx, []inbox.Seen{{ID: convs[0], Assignee: &unassigned}}, dana.ID, "")
			if err != nil || res.Changed != 1 {
				t.Fatalf("Dana's claim: %+v %v", res, err)
			}
			// ...then Ion (machine B) assigns it to himself from the stale row.
			if _, err := trB.Team.SetCurrent(ctx, ion.ID); err != nil {
				t.Fatal(err)
			}
			_, err = trB.AssignSeen(ctx, []inbox.Seen{{ID: convs[0], Assignee: &unassigned}}, ion.ID, "")
			var ce *inbox.ConflictError
			if !errors.As(err, &ce) || ce.Field != "assignee" || ce.CurrentName != "Dana" || ce.By != "Dana" {
				t.Fatalf("stale assign: %v (%+v)", err, ce)
			}
			if _, key, args := ce.ErrorKey(); key != "errors.teamdb.conflictBy.self" || args["by"] != "Dana" || args["assignee"] != "Dana" {
				t.Fatalf("key %s %v", key, args)
			}
			rows, _ := b.ConversationRowsByIDs(ctx, []int64{convs[0]})
			if rows[0].Assignee != strconv.FormatInt(dana.ID, 10) {
				t.Fatalf("assignee overwritten: %q", rows[0].Assignee)
			}

			// Status: Dana resolves conversation 1; Ion's bulk "pending" over 1 and 2
			// (both seen open) changes 2 only and reports 1.
			// (Who is working is a workspace setting today, so each step picks its member.)
			_, _ = trA.Team.SetCurrent(ctx, dana.ID)
			if _, err := trA.SetStatusSeen(ctx, []inbox.Seen{{ID: convs[1], Status: store.StatusOpen}}, store.StatusResolved); err != nil {
				t.Fatal(err)
			}
			_, _ = trB.Team.SetCurrent(ctx, ion.ID)
			res, err = trB.SetStatusSeen(ctx, []inbox.Seen{{ID: convs[1], Status: store.StatusOpen}, {ID: convs[2], Status: store.StatusOpen}}, store.StatusPending)
			if err != nil || res.Changed != 1 || len(res.Conflicts) != 1 || res.Conflicts[0].ConversationID != convs[1] ||
				res.Conflicts[0].Current != store.StatusResolved || res.Conflicts[0].By != "Dana" {
				t.Fatalf("bulk: %+v %v", res, err)
			}
			if _, key, _ := res.Conflicts[0].ErrorKey(); key != "errors.teamdb.conflictBy.resolved" {
				t.Fatalf("key %s", key)
			}
			rows, _ = a.ConversationRowsByIDs(ctx, convs[1:])
			got := map[int64]string{}
			for _, r := range rows {
				got[r.ID] = r.Status
			}
			if got[convs[1]] != store.StatusResolved || got[convs[2]] != store.StatusPending {
				t.Fatalf("statuses %v", got)
			}
		})
	}
}

// freshPGSchema creates a schema for the test, drops it afterwards, and
// returns the connection string that selects it.
func freshPGSchema(t *testing.T, dsn string) string {
	t.Helper()
	withSchema, _ := teamtest.FreshSchema(t, dsn)
	return withSchema
}

func TestConflictKeysNameWhatHappened(t *testing.T) {
	cases := []struct {
		e    inbox.ConflictError
		want string
	}{
		{inbox.ConflictError{Field: "assignee", Current: "2", CurrentName: "Ion", By: "Dana"}, "errors.teamdb.conflictBy.assignee"},
		{inbox.ConflictError{Field: "assignee", Current: "1", CurrentName: "Dana", By: "Dana"}, "errors.teamdb.conflictBy.self"},
		{inbox.ConflictError{Field: "assignee", Current: "", By: "Dana"}, "errors.teamdb.conflictBy.unassigned"},
		{inbox.ConflictError{Field: "assignee", Current: "2", CurrentName: "Ion"}, "errors.teamdb.conflictAnon.assignee"},
		{inbox.ConflictError{Field: "status", Current: "snoozed"}, "errors.teamdb.conflictAnon.snoozed"},
		{inbox.ConflictError{Field: "status", Current: "pending", By: "Ion"}, "errors.teamdb.conflictBy.pending"},
	}
	for _, c := range cases {
		if _, key, _ := c.e.ErrorKey(); key != c.want {
			t.Errorf("%+v: %s, want %s", c.e, key, c.want)
		}
	}
}

// Two members claim the same conversation at the same moment from two
// machines: exactly one wins, the other gets a conflict.
func TestSimultaneousClaimsExactlyOneWins(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			a, b := seenStores(t, dialect)
			ctx := context.Background()
			acc := store.Account{Platform: "telegram", Name: "shop", ExternalID: "1"}
			if err := a.CreateAccount(ctx, &acc); err != nil {
				t.Fatal(err)
			}
			res, err := a.IngestPage(ctx, acc.ID, []platforms.Message{{ExternalID: "m", ThreadExternalID: "t",
				ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: "u", DisplayName: "Ana"},
				Direction: platforms.DirectionIn, Text: "hello", SentAt: a.Now()}}, "c")
			if err != nil {
				t.Fatal(err)
			}
			conv := res.ConversationIDs[0]
			members := []store.Member{{Name: "Dana", Role: store.RoleOwner, Color: "#1971c2", Active: true},
				{Name: "Ion", Role: store.RoleAgent, Color: "#2f9e44", Active: true}}
			tr := []*inbox.Triage{inbox.NewTriage(a, "a"), inbox.NewTriage(b, "b")}
			for i := range members {
				if err := tr[0].Team.Save(ctx, "setup", &members[i]); err != nil {
					t.Fatal(err)
				}
			}
			unassigned := ""
			type outcome struct {
				res inbox.SeenResult
				err error
			}
			out := make(chan outcome, 2)
			start := make(chan struct{})
			for i := range tr {
				go func() {
					<-start
					r, err := tr[i].AssignSeen(ctx, []inbox.Seen{{ID: conv, Assignee: &unassigned}}, members[i].ID, "")
					out <- outcome{r, err}
				}()
			}
			close(start)
			wins, conflicts := 0, 0
			for range tr {
				o := <-out
				var ce *inbox.ConflictError
				switch {
				case o.err == nil && o.res.Changed == 1:
					wins++
				case errors.As(o.err, &ce):
					conflicts++
				default:
					t.Fatalf("unexpected outcome %+v %v", o.res, o.err)
				}
			}
			if wins != 1 || conflicts != 1 {
				t.Fatalf("wins %d conflicts %d", wins, conflicts)
			}
		})
	}
}
