package app

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/teamtest"
	"creatordesk/backend/workspace"
)

// teamForm is a Connect form for a fresh schema of the test server (skips without one).
func teamForm(t *testing.T) TeamDBConnectRequest {
	t.Helper()
	dsn := teamtest.RequirePostgres(t)
	pc, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	_, schema := teamtest.FreshSchema(t, dsn)
	return TeamDBConnectRequest{Password: pc.Password, Config: TeamDBConfigDTO{Host: pc.Host, Port: int(pc.Port),
		Database: pc.Database, User: pc.User, SSLMode: "disable", Schema: schema, Label: "Studio"}}
}

func closedTCPPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	_ = l.Close()
	return port
}

func TestTeamDBTestReportsAClosedPortAndBadForm(t *testing.T) {
	s, _, _, _ := newSession(t)
	db := NewTeamDB(s)
	p, err := db.Test(TeamDBConnectRequest{Password: "pw", Config: TeamDBConfigDTO{Host: "127.0.0.1", Port: closedTCPPort(t),
		Database: "d", User: "u", SSLMode: "disable"}})
	if err != nil || p.OK || p.Reason != workspace.ProbeUnreachable || p.Error == nil || p.Error.Key != "errors.teamdb.probe.unreachable" {
		t.Fatalf("probe = %+v, %v", p, err)
	}
	_, err = db.Test(TeamDBConnectRequest{Config: TeamDBConfigDTO{Host: "h", Database: "d", User: "u", SSLMode: "prefer"}})
	if ae := ToAppError(err); ae == nil || ae.Key != "errors.teamdb.config.sslMode" {
		t.Fatalf("bad TLS mode: %v", err)
	}
	// A failed Connect leaves the data folder in solo mode.
	_, err = db.Connect(TeamDBConnectRequest{Password: "pw", Config: TeamDBConfigDTO{Host: "127.0.0.1", Port: closedTCPPort(t),
		Database: "d", User: "u", SSLMode: "disable"}})
	if ae := ToAppError(err); ae == nil || ae.Key != "errors.teamdb.probe.unreachable" {
		t.Fatalf("connect to a closed port: %v", err)
	}
	if _, ok, _ := workspace.LoadTeamConfig(s.Workspace().Dir); ok {
		t.Fatal("a failed Connect saved the settings")
	}
	if st, _ := db.Status(); st.Mode != "solo" || st.Config != nil {
		t.Fatalf("status %+v", st)
	}
}

// An unreachable team database at start-up: the window opens on an empty
// placeholder (never the local data) and says why; Work locally returns to
// the local workspace.
func TestOpenSessionWithUnreachableTeamDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ws")
	vault := secrets.NewMemory()
	local, err := workspace.Open(workspace.Config{Dir: dir, Vault: vault})
	if err != nil {
		t.Fatal(err)
	}
	acc := store.Account{Platform: "telegram", Name: "local shop", ExternalID: "9"}
	if err := local.Store.CreateAccount(context.Background(), &acc); err != nil {
		t.Fatal(err)
	}
	_ = local.Close()
	if err := workspace.SaveTeamConfig(dir, vault, workspace.TeamConfig{Host: "127.0.0.1", Port: closedTCPPort(t),
		Database: "d", User: "u", SSLMode: "disable"}, "pw"); err != nil {
		t.Fatal(err)
	}
	s, err := OpenSession(workspace.Config{Dir: dir, Vault: vault})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	placeholder := s.Workspace().Dir
	if accs, _ := s.Workspace().Store.Accounts(context.Background(), false); len(accs) != 0 {
		t.Fatal("the window shows the local data while the team database is unavailable")
	}
	db := NewTeamDB(s)
	st, err := db.Status()
	if err != nil || st.Mode != "unavailable" || st.Error == nil || st.Error.Key != "errors.teamdb.open.unreachable" || st.Config == nil {
		t.Fatalf("status %+v %v", st, err)
	}
	if st, _ = db.Retry(); st.Mode != "unavailable" {
		t.Fatalf("retry against a closed port: %+v", st)
	}
	st, err = db.Disconnect()
	if err != nil || st.Mode != "solo" {
		t.Fatalf("work locally: %+v %v", st, err)
	}
	if accs, _ := s.Workspace().Store.Accounts(context.Background(), false); len(accs) != 1 {
		t.Fatalf("local workspace after disconnect: %d accounts", len(accs))
	}
	if _, err := os.Stat(placeholder); !os.IsNotExist(err) {
		t.Fatalf("placeholder dir left behind: %v", err)
	}
}

// Connect moves the window to the team database (migrated), live events of
// another instance reach the frontend, the status shows the link and the other
// instance; Disconnect returns to the untouched local workspace.
func TestTeamDBConnectForwardsRemoteChangesAndDisconnects(t *testing.T) {
	form := teamForm(t)
	s, rec, _, _ := newSession(t)
	ctx := context.Background()
	localAcc := store.Account{Platform: "telegram", Name: "local shop", ExternalID: "9"}
	if err := s.Workspace().Store.CreateAccount(ctx, &localAcc); err != nil {
		t.Fatal(err)
	}
	db := NewTeamDB(s)
	st, err := db.Connect(form)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode != "team" || st.Config == nil || st.Config.Schema != form.Config.Schema || !st.HasPassword == (form.Password != "") {
		t.Fatalf("status after connect %+v", st)
	}
	if !s.Workspace().Store.IsPostgres() {
		t.Fatal("the session is not on the team database")
	}
	if rec.count(EventWorkspaceChanged) == 0 {
		t.Fatal("the frontend was not told the workspace changed")
	}
	waitFor(t, "live link", func() bool { return s.Workspace().Team.Link().State == workspace.LinkLive })
	if st, _ := db.Status(); st.Link.State != workspace.LinkLive {
		t.Fatalf("status link %+v", st.Link)
	}
	// The link's state changes reach the frontend as team:link.
	s.Workspace().Bus.Publish(workspace.TeamLinkChanged, workspace.TeamLink{State: workspace.LinkReconnecting, Error: "reset"})
	waitFor(t, "team:link forwarded", func() bool {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		evs := rec.events[EventTeamLink]
		return len(evs) > 0 && evs[len(evs)-1].(TeamLinkDTO).State == workspace.LinkReconnecting
	})

	// Another member's instance on the same database.
	dsn, _, err := workspace.TeamDSN(s.Workspace().Dir, s.base.Vault)
	if err != nil {
		t.Fatal(err)
	}
	other, err := workspace.Open(workspace.Config{Dir: t.TempDir(), Vault: secrets.NewMemory(), Postgres: dsn})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	waitFor(t, "the other instance in the status", func() bool {
		st, _ := db.Status()
		return len(st.Others) == 1
	})
	acc := store.Account{Platform: "telegram", Name: "team shop", ExternalID: "1"}
	if err := other.Store.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	before := rec.count(EventInboxChanged)
	res, err := other.Store.IngestPage(ctx, acc.ID, []platforms.Message{{ExternalID: "m1", ThreadExternalID: "t1",
		ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: "u1", DisplayName: "Ana"},
		Direction: platforms.DirectionIn, Text: "hi", SentAt: other.Store.Now()}}, "c")
	if err != nil {
		t.Fatal(err)
	}
	conv := res.ConversationIDs[0]
	waitFor(t, "inbox:changed for the remote message", func() bool {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		for _, p := range rec.events[EventInboxChanged][before:] {
			if ids, ok := p.(map[string]any)["conversationIds"].([]int64); ok && len(ids) == 1 && ids[0] == conv {
				return true
			}
		}
		return false
	})

	// Optimistic locking through the facade: the other member assigned it first.
	dana := store.Member{Name: "Dana", Role: store.RoleOwner, Color: "#1971c2", Active: true}
	if err := other.Store.SaveMember(ctx, "setup", &dana); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Store.ApplyChange(ctx, "Dana", []int64{conv}, store.ConversationChange{Kind: store.ChangeAssign,
		Assignee: strconv.FormatInt(dana.ID, 10)}); err != nil {
		t.Fatal(err)
	}
	unassigned := ""
	out, err := NewTeamTriage(s).Apply(CheckedActionRequest{Action: "status", Status: "resolved",
		Seen: []SeenDTO{{ID: conv, Status: "open", Assignee: &unassigned}}})
	if err != nil || out.Changed != 0 || len(out.Conflicts) != 1 || out.Conflicts[0].Error.Key != "errors.teamdb.conflictBy.self" ||
		out.Conflicts[0].Error.Args["by"] != "Dana" || len(out.Items) != 1 || out.Items[0].Status != "open" {
		t.Fatalf("stale change: %+v %v", out, err)
	}

	st, err = db.Disconnect()
	if err != nil || st.Mode != "solo" || s.Workspace().Store.IsPostgres() {
		t.Fatalf("disconnect: %+v %v", st, err)
	}
	accs, _ := s.Workspace().Store.Accounts(ctx, false)
	if len(accs) != 1 || accs[0].Name != "local shop" {
		t.Fatalf("local workspace after disconnect: %+v", accs)
	}
}
