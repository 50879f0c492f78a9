package sync_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	"creatordesk/backend/events"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
	"creatordesk/backend/teamtest"
)

// leaseTTL is the lease time of these tests; the clock is fixed, so it only
// moves when a test advances it.
const leaseTTL = 30 * time.Second

// clock is a fixed clock the tests advance by hand.
type clock struct{ ms atomic.Int64 }

func (c *clock) Now() time.Time          { return time.UnixMilli(c.ms.Load()).UTC() }
func (c *clock) Advance(d time.Duration) { c.ms.Add(d.Milliseconds()) }

// leaseFixture is a store on a fixed clock (SQLite, or the test PostgreSQL
// server when CREATORDESK_TEST_POSTGRES is set) with one Telegram account on a
// fake Bot API; engines built from it play app instances of one workspace.
type leaseFixture struct {
	*fixture
	clock *clock
}

func newLeaseFixture(t *testing.T) *leaseFixture {
	t.Helper()
	c := &clock{}
	c.ms.Store(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC).UnixMilli())
	st := openLeaseStore(t, c.Now)
	fake := telegramfake.New(token)
	base := fake.Start()
	t.Cleanup(fake.Close)
	f := &fixture{store: st, fake: fake, vault: secrets.NewMemory()}
	f.account = store.Account{Platform: telegram.Platform, Name: "Studio bot", ExternalID: "1", BaseURL: base}
	if err := st.CreateAccount(context.Background(), &f.account); err != nil {
		t.Fatal(err)
	}
	_ = f.vault.Set(context.Background(), secrets.AccountTokenKey("ws", f.account.ID), token)
	lf := &leaseFixture{fixture: f, clock: c}
	f.engine = lf.instance("Ana's laptop")
	return lf
}

// instance is one more app instance named label; its waits are short real pauses.
func (f *leaseFixture) instance(label string) *sync.Engine {
	return &sync.Engine{Store: f.store, Vault: f.vault, Bus: events.New(), WorkspaceID: "ws",
		Registry: platforms.Registry{telegram.Platform: telegram.New}, Wait: time.Second,
		LeaseTTL: leaseTTL, LeaseRenew: 20 * time.Millisecond, HolderLabel: label,
		Sleep: func(ctx context.Context, d time.Duration) error {
			f.mu.Lock()
			f.sleeps = append(f.sleeps, d)
			f.mu.Unlock()
			select {
			case <-time.After(10 * time.Millisecond):
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}}
}

// lease returns the account's lease row.
func (f *leaseFixture) lease(t *testing.T) store.Lease {
	t.Helper()
	list, err := f.store.SyncLeases(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range list {
		if l.AccountID == f.account.ID {
			return l
		}
	}
	return store.Lease{AccountID: f.account.ID}
}

// noSharedFailure fails when the account's shared status says it broke.
func (f *leaseFixture) noSharedFailure(t *testing.T) {
	t.Helper()
	a := f.accountNow(t)
	if a.Status == store.AccountError || a.Status == store.AccountNeedsReconnect {
		t.Fatalf("account marked %s (%s: %s) for everybody", a.Status, a.LastErrorKind, a.LastError)
	}
}

// openLeaseStore opens a workspace store on now: in a new schema of the test
// PostgreSQL server when one is set, else a SQLite file in a temp dir.
func openLeaseStore(t *testing.T, now func() time.Time) *store.Store {
	t.Helper()
	dsn := os.Getenv(teamtest.PostgresEnv)
	var st *store.Store
	var err error
	if dsn == "" {
		st, err = store.Open(filepath.Join(t.TempDir(), store.FileName), store.Options{Now: now})
	} else {
		dsn, _ = teamtest.FreshSchema(t, dsn)
		st, err = store.OpenPostgres(dsn, store.Options{Now: now})
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// Two instances of one workspace: the first syncs the account; the second
// says who does and waits without polling (the fake answers a second
// concurrent poll with 409, which would mark the account failed) and without
// marking the account; when the first stops it releases the lease and the
// second takes over at once.
func TestOnlyTheLeaseHolderSyncs(t *testing.T) {
	f := newLeaseFixture(t)
	ctx := context.Background()
	ana, bo := f.engine, f.instance("Bo's desktop")
	f.add(3)
	ana.Start(ctx, f.account.ID)
	defer ana.Stop()
	eventually(t, "Ana's instance holds the lease and syncs", func() bool {
		return ana.State(f.account.ID).LeaseHeld && f.count(t) == 3
	})
	bo.Start(ctx, f.account.ID)
	defer bo.Stop()
	eventually(t, "Bo's instance waits for the lease", func() bool { return bo.State(f.account.ID).Wait == sync.WaitLeased })
	st := bo.State(f.account.ID)
	if st.LeaseHeld || st.HeldBy != "Ana's laptop" {
		t.Fatalf("Bo's state %+v, want held by Ana's laptop", st)
	}
	// Ana renews on the fixed clock: her lease ends one lease time from now; Bo looks again just after.
	if want := f.clock.Now().Add(leaseTTL); !st.NextRunAt.After(want) || st.NextRunAt.After(want.Add(time.Second)) {
		t.Fatalf("Bo checks again at %v, want just after %v", st.NextRunAt, want)
	}
	f.add(4)
	eventually(t, "new messages", func() bool { return f.count(t) == 7 })
	if l := f.lease(t); l.Holder != ana.Holder() {
		t.Fatalf("lease %+v, want Ana's %q", l, ana.Holder())
	}
	f.noSharedFailure(t)

	ana.StopAccount(f.account.ID)
	if l := f.lease(t); l.HeldAt(f.clock.Now().UnixMilli()) {
		t.Fatalf("a stopped loop kept its lease: %+v", l)
	}
	eventually(t, "Bo takes over the released lease", func() bool { return bo.State(f.account.ID).LeaseHeld })
	if st := bo.State(f.account.ID); st.HeldBy != "" {
		t.Fatalf("Bo holds the lease but still names %q", st.HeldBy)
	}
	f.add(2)
	eventually(t, "Bo syncs", func() bool { return f.count(t) == 9 })
	f.noSharedFailure(t)
	bo.Stop()
	if l := f.lease(t); l.Holder != "" {
		t.Fatalf("Stop kept the lease: %+v", l)
	}
}

// An instance that vanished without releasing (killed) keeps the account
// until its lease expires; then another instance takes over, and the takeover
// is audited.
func TestTakeoverAfterTheHolderVanishes(t *testing.T) {
	f := newLeaseFixture(t)
	ctx := context.Background()
	if _, ok, err := f.store.AcquireLease(ctx, f.account.ID, "Ana's laptop#5e1f00", leaseTTL); err != nil || !ok {
		t.Fatalf("the vanished instance's lease: %v %v", ok, err)
	}
	expires := f.clock.Now().Add(leaseTTL)
	f.add(2)
	bo := f.instance("Bo's desktop")
	bo.Start(ctx, f.account.ID)
	defer bo.Stop()
	eventually(t, "Bo waits for the lease", func() bool { return bo.State(f.account.ID).Wait == sync.WaitLeased })
	if st := bo.State(f.account.ID); st.HeldBy != "Ana's laptop" || !st.NextRunAt.After(expires) {
		t.Fatalf("Bo's state %+v, want held by Ana's laptop until %v", st, expires)
	}
	time.Sleep(50 * time.Millisecond) // several retries on the unmoving clock
	if n := f.count(t); n != 0 {
		t.Fatalf("%d messages stored while another instance held the lease", n)
	}
	f.clock.Advance(leaseTTL - time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	if bo.State(f.account.ID).LeaseHeld {
		t.Fatal("taken over before the lease expired")
	}
	f.clock.Advance(time.Millisecond)
	eventually(t, "Bo takes over and syncs", func() bool { return bo.State(f.account.ID).LeaseHeld && f.count(t) == 2 })
	l := f.lease(t)
	if l.Holder != bo.Holder() || l.Generation != 2 {
		t.Fatalf("lease after takeover %+v", l)
	}
	entries, err := f.store.SearchAudit(ctx, store.AuditFilter{Action: "sync.lease.takeover"}, 10)
	if err != nil || len(entries) != 1 {
		t.Fatalf("takeover audit = %v, %v", entries, err)
	}
	f.noSharedFailure(t)
}

// A holder whose lease was taken over (it could not renew in time) stops
// polling at its next renewal and waits, naming the new holder.
func TestALostLeaseStopsTheLoop(t *testing.T) {
	f := newLeaseFixture(t)
	ctx := context.Background()
	ana := f.engine
	ana.Start(ctx, f.account.ID)
	defer ana.Stop()
	eventually(t, "Ana holds the lease", func() bool { return ana.State(f.account.ID).LeaseHeld })
	// Another instance took the lease over (as after a long network outage on Ana's side).
	db, _ := f.store.W.DB()
	if _, err := db.Exec(`UPDATE sync_leases SET holder = 'Cy''s phone#77aa00', generation = generation + 1 WHERE account_id = ?`,
		f.account.ID); err != nil {
		t.Fatal(err)
	}
	eventually(t, "Ana gives up the account", func() bool {
		st := ana.State(f.account.ID)
		return !st.LeaseHeld && st.Wait == sync.WaitLeased && st.HeldBy == "Cy's phone"
	})
	f.add(1)
	time.Sleep(100 * time.Millisecond)
	if n := f.count(t); n != 0 {
		t.Fatalf("Ana stored %d messages without the lease", n)
	}
	if l := f.lease(t); l.Holder != "Cy's phone#77aa00" {
		t.Fatalf("Ana's loop touched the new holder's lease: %+v", l)
	}
}

// `sync --once` (SyncOnce) fetches nothing while a running app holds the
// lease, and says who holds it; otherwise it syncs and lets the lease go.
func TestSyncOnceRespectsARunningAppsLease(t *testing.T) {
	f := newLeaseFixture(t)
	ctx := context.Background()
	held, ok, err := f.store.AcquireLease(ctx, f.account.ID, "Ana's laptop#0a0b0c", leaseTTL)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	f.add(2)
	cli := f.instance("build server")
	_, err = cli.SyncOnce(ctx, f.account.ID)
	var lh *sync.LeaseHeldError
	if !errors.As(err, &lh) || lh.Holder != "Ana's laptop" || !lh.Until.Equal(time.UnixMilli(held.ExpiresAt)) {
		t.Fatalf("SyncOnce = %v, want a LeaseHeldError naming Ana's laptop", err)
	}
	if code, key, args := lh.ErrorKey(); code != "sync_leased" || key != "errors.teamsync.leased" || args["holder"] != "Ana's laptop" {
		t.Fatalf("ErrorKey = %q %q %v", code, key, args)
	}
	if n := f.count(t); n != 0 {
		t.Fatalf("stored %d messages under another instance's lease", n)
	}
	f.noSharedFailure(t)

	if err := f.store.ReleaseLease(ctx, held); err != nil {
		t.Fatal(err)
	}
	st, err := cli.SyncOnce(ctx, f.account.ID)
	if err != nil || st.Inserted != 2 {
		t.Fatalf("SyncOnce after release = %+v, %v", st, err)
	}
	if l := f.lease(t); l.Holder != "" {
		t.Fatalf("SyncOnce kept the lease: %+v", l)
	}

}

// In team mode an account whose token is in another member's keyring is not
// synced here and not marked for reconnecting (the status is shared); a send
// is refused with a message saying how to send from this computer.
func TestTeamAccountSignedInOnAnotherComputer(t *testing.T) {
	f := newLeaseFixture(t)
	ctx := context.Background()
	if err := f.store.SetAccountStatus(ctx, f.account.ID, store.AccountConnected, "", ""); err != nil {
		t.Fatal(err)
	}
	bo := f.instance("Bo's desktop")
	bo.Vault = secrets.NewMemory() // Bo's keyring: no token for the account
	bo.Team = true
	f.add(2)

	_, _, err := bo.Connector(ctx, f.account.ID)
	var nt *sync.NoTokenHereError
	if !errors.As(err, &nt) || !errors.Is(err, sync.ErrNoToken) {
		t.Fatalf("Connector = %v, want a NoTokenHereError wrapping ErrNoToken", err)
	}
	if code, key, args := nt.ErrorKey(); code != "no_token_here" || key != "errors.teamdb.no_token" || args["account"] != "Studio bot" {
		t.Fatalf("ErrorKey = %q %q %v", code, key, args)
	}
	if err := bo.CheckSend(ctx, f.account.ID); !sync.IsNoTokenHere(err) {
		t.Fatalf("CheckSend = %v, want the refusal", err)
	}
	if err := f.engine.CheckSend(ctx, f.account.ID); err != nil {
		t.Fatalf("CheckSend outside team mode = %v", err)
	}
	if _, err := bo.SyncOnce(ctx, f.account.ID); !sync.IsNoTokenHere(err) {
		t.Fatalf("SyncOnce = %v", err)
	}

	bo.Start(ctx, f.account.ID)
	defer bo.Stop()
	eventually(t, "the token-elsewhere state", func() bool { return bo.State(f.account.ID).Wait == sync.WaitTokenElsewhere })
	if st := bo.State(f.account.ID); st.LeaseHeld || !st.NextRunAt.Equal(f.clock.Now().Add(sync.TokenRecheck)) {
		t.Fatalf("state %+v", st)
	}
	if a := f.accountNow(t); a.Status != store.AccountConnected || a.LastErrorKind != "" {
		t.Fatalf("account %s (%s) after a member without the token opened it", a.Status, a.LastErrorKind)
	}
	if l := f.lease(t); l.Holder != "" {
		t.Fatalf("took the lease without the token: %+v", l)
	}
	if n := f.count(t); n != 0 {
		t.Fatalf("synced %d messages without the token", n)
	}

	// The member with the token syncs it meanwhile.
	ana := f.engine
	ana.Team = true
	ana.Start(ctx, f.account.ID)
	defer ana.Stop()
	eventually(t, "Ana syncs", func() bool { return f.count(t) == 2 })

	// Solo mode (SQLite) keeps the old meaning: no token here = reconnect.
	if f.store.IsPostgres() {
		return // a team database is always team mode
	}
	solo := f.instance("solo")
	solo.Vault = secrets.NewMemory()
	if _, _, err := solo.Connector(ctx, f.account.ID); !errors.Is(err, sync.ErrNoToken) || sync.IsNoTokenHere(err) {
		t.Fatalf("solo Connector = %v, want plain ErrNoToken", err)
	}
}

// Many instances started at once: exactly one holds the lease at any time.
func TestOneHolderAmongManyInstances(t *testing.T) {
	f := newLeaseFixture(t)
	ctx := context.Background()
	var engines []*sync.Engine
	for _, name := range []string{"a", "b", "c", "d"} {
		engines = append(engines, f.instance(name))
	}
	var wg gosync.WaitGroup
	for _, e := range engines {
		wg.Add(1)
		go func() { defer wg.Done(); e.Start(ctx, f.account.ID) }()
	}
	wg.Wait()
	defer func() {
		for _, e := range engines {
			e.Stop()
		}
	}()
	holders := func() (n int) {
		for _, e := range engines {
			if e.State(f.account.ID).LeaseHeld {
				n++
			}
		}
		return n
	}
	eventually(t, "one holder", func() bool { return holders() == 1 })
	f.add(5)
	for i := 0; i < 20; i++ {
		if n := holders(); n != 1 {
			t.Fatalf("%d instances hold the lease", n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	eventually(t, "the messages", func() bool { return f.count(t) == 5 })
	f.noSharedFailure(t)
}

// On SQLite (one machine) a lease left by a process that has ended is taken
// over at once, as after `sync --once` was killed; a live process's lease is
// waited out.
func TestALeaseOfAnEndedProcessIsTakenOverAtOnce(t *testing.T) {
	f := newLeaseFixture(t)
	if f.store.IsPostgres() {
		t.Skip("a team database may be shared by other machines: leases are waited out")
	}
	ctx := context.Background()
	ended := exec.Command("true")
	if err := ended.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	live := fmt.Sprintf("Ana's laptop#aaaaaa-p%d", os.Getppid())
	if _, ok, err := f.store.AcquireLease(ctx, f.account.ID, live, leaseTTL); err != nil || !ok {
		t.Fatal(ok, err)
	}
	f.add(1)
	cli := f.instance("cli")
	var lh *sync.LeaseHeldError
	if _, err := cli.SyncOnce(ctx, f.account.ID); !errors.As(err, &lh) || lh.Holder != "Ana's laptop" {
		t.Fatalf("SyncOnce beside a live process's lease = %v", err)
	}
	db, _ := f.store.W.DB()
	dead := fmt.Sprintf("Ana's laptop#bbbbbb-p%d", ended.Process.Pid)
	if _, err := db.Exec(`UPDATE sync_leases SET holder = ? WHERE account_id = ?`, dead, f.account.ID); err != nil {
		t.Fatal(err)
	}
	if st, err := cli.SyncOnce(ctx, f.account.ID); err != nil || st.Inserted != 1 {
		t.Fatalf("SyncOnce after the holder's process ended = %+v, %v", st, err)
	}
	entries, err := f.store.SearchAudit(ctx, store.AuditFilter{Action: "sync.lease.takeover"}, 10)
	if err != nil || len(entries) != 1 || entries[0].Reason != "the previous holder's process has ended" {
		t.Fatalf("takeover audit = %+v, %v", entries, err)
	}
}
