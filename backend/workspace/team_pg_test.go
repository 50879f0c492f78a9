package workspace

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/teamdb"
	"creatordesk/backend/teamtest"
)

// teamTestConfig saves a team.json in a new data dir pointing at a fresh
// schema of the test server, or skips without CREATORDESK_TEST_POSTGRES.
func teamTestConfig(t *testing.T) (dir string, vault secrets.Vault, cfg TeamConfig) {
	t.Helper()
	dsn := teamtest.RequirePostgres(t)
	pc, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	_, schema := teamtest.FreshSchema(t, dsn)
	cfg = TeamConfig{Host: pc.Host, Port: int(pc.Port), Database: pc.Database, User: pc.User, SSLMode: SSLDisable, Schema: schema}
	dir, vault = t.TempDir(), secrets.NewMemory()
	if err := SaveTeamConfig(dir, vault, cfg, pc.Password); err != nil {
		t.Fatal(err)
	}
	return dir, vault, cfg
}

// A data folder with team.json opens the team database, runs the live link,
// and relays another instance's changes on its bus.
func TestOpenFollowsTeamConfigAndRelaysRemoteChanges(t *testing.T) {
	dir, vault, _ := teamTestConfig(t)
	links := make(chan TeamLink, 8)
	w, err := Open(Config{Dir: dir, Vault: vault})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if w.Team == nil || w.Store.Dialect() != store.DialectPostgres {
		t.Fatalf("team=%v dialect=%v, want the team database", w.Team, w.Store.Dialect())
	}
	if _, err := os.Stat(dir + "/" + store.FileName); err == nil {
		t.Fatal("a local SQLite file was created in team mode")
	}
	// The server backs a team database up: none is due, and asking for one says so.
	if path, err := w.BackupIfDue(); path != "" || err != nil {
		t.Fatalf("scheduled backup of a team database: %q, %v", path, err)
	}
	if _, err := w.Backup(); !errors.Is(err, ErrTeamBackup) {
		t.Fatalf("backup of a team database: %v", err)
	}
	w.Bus.Subscribe(TeamLinkChanged, func(p any) { links <- p.(TeamLink) })
	remote := make(chan teamdb.Change, 8)
	w.Bus.Subscribe(teamdb.RemoteChanged, func(p any) { remote <- p.(teamdb.Change) })
	if w.Team.Link().State != LinkLive {
		if l := waitTeam(t, links); l.State != LinkLive {
			t.Fatalf("link = %+v", l)
		}
	}

	// A second instance on the same data folder's settings writes.
	dsn, ok, err := TeamDSN(dir, vault)
	if err != nil || !ok {
		t.Fatal(err)
	}
	other, err := store.OpenPostgres(dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	acct := store.Account{Platform: "telegram", Name: "shop", ExternalID: "1"}
	if err := other.CreateAccount(context.Background(), &acct); err != nil {
		t.Fatal(err)
	}
	conv := seedConversation(t, other, acct.ID)
	if _, err := other.ApplyChange(context.Background(), "member:dana", []int64{conv},
		store.ConversationChange{Kind: store.ChangeAssign, Assignee: "dana"}); err != nil {
		t.Fatal(err)
	}
	for {
		ch := waitTeam(t, remote)
		if ch.Kind == teamdb.KindConversation && ch.ConversationID == conv && ch.Assignee == "dana" {
			break
		}
	}
}

func TestProbeTeamReportsVersionAndMissingDatabase(t *testing.T) {
	dir, vault, cfg := teamTestConfig(t)
	dsn, _, _ := TeamDSN(dir, vault)
	p, err := ProbeTeam(context.Background(), dsn)
	if err != nil || !p.OK || p.ServerVersion == "" || p.TLS {
		t.Fatalf("probe = %+v, %v", p, err)
	}
	cfg.Database = "no_such_db_" + strconv.Itoa(int(time.Now().UnixNano()%1e6))
	p, err = ProbeTeam(context.Background(), cfg.DSN(""))
	if err == nil || p.Reason != ProbeDatabaseMissing {
		t.Fatalf("probe of a missing database = %+v, %v", p, err)
	}
	cfg.SSLMode = SSLRequire
	cfg.Database = "postgres"
	p, _ = ProbeTeam(context.Background(), cfg.DSN(""))
	if p.Reason != ProbeTLSRefused {
		t.Fatalf("probe with TLS against a plain server = %+v", p)
	}
}

func TestProbeTeamClosedPortIsUnreachable(t *testing.T) {
	cfg := TeamConfig{Host: "127.0.0.1", Port: closedPort(t), Database: "d", User: "u", SSLMode: SSLDisable}
	p, err := ProbeTeam(context.Background(), cfg.DSN("secret"))
	if err == nil || p.Reason != ProbeUnreachable {
		t.Fatalf("probe = %+v, %v", p, err)
	}
}

// closedPort is a loopback port nothing listens on.
func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	_ = l.Close()
	return port
}

// waitTeam returns the next value or fails after a generous bound (not a speed check).
func waitTeam[T any](t *testing.T, c <-chan T) T {
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

// seedConversation stores one incoming message and returns its conversation.
func seedConversation(t *testing.T, st *store.Store, accountID int64) int64 {
	t.Helper()
	res, err := st.IngestPage(context.Background(), accountID, []platforms.Message{{ExternalID: "m1", ThreadExternalID: "th",
		ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: "u1", DisplayName: "Ana"},
		Direction: platforms.DirectionIn, Text: "is the blue mug back?", SentAt: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}}, "c1")
	if err != nil {
		t.Fatal(err)
	}
	return res.ConversationIDs[0]
}

// When the live link's connection is cut, the workspace reports
// "reconnecting", comes back live by itself and asks for a resync (what was
// announced meanwhile is lost).
func TestTeamLinkReconnectsAndResyncs(t *testing.T) {
	dir, vault, cfg := teamTestConfig(t)
	w, err := Open(Config{Dir: dir, Vault: vault})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	links := make(chan TeamLink, 8)
	w.Bus.Subscribe(TeamLinkChanged, func(p any) { links <- p.(TeamLink) })
	resync := make(chan teamdb.Change, 4)
	w.Bus.Subscribe(teamdb.RemoteChanged, func(p any) {
		if ch := p.(teamdb.Change); ch.Kind == teamdb.KindResync {
			resync <- ch
		}
	})
	for w.Team.Link().State != LinkLive {
		waitTeam(t, links)
	}
	dsn, _, _ := TeamDSN(dir, vault)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	// Cut the LISTEN session of this workspace's channel.
	var n int
	if err := admin.QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE query = $1 AND pid <> pg_backend_pid()`, `LISTEN "cd_`+cfg.Schema+`"`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("terminated %d listen sessions: %v", n, err)
	}
	if l := waitTeam(t, links); l.State != LinkReconnecting || l.Error == "" {
		t.Fatalf("after the cut: %+v", l)
	}
	if l := waitTeam(t, links); l.State != LinkLive {
		t.Fatalf("after reconnecting: %+v", l)
	}
	waitTeam(t, resync)
}
