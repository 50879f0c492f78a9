package store

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"creatordesk/backend/platforms"
)

// migrateChildEnv names the database a re-executed test binary migrates (see
// TestMigrateChildProcess).
const migrateChildEnv = "CREATORDESK_MIGRATE_CHILD"

// TestMigrateChildProcess is the child half of the migration kill test: it only
// runs when the parent re-executes the test binary with migrateChildEnv set,
// and then opens (so migrates) that database like an app starting up.
func TestMigrateChildProcess(t *testing.T) {
	path := os.Getenv(migrateChildEnv)
	if path == "" {
		t.Skip("child process of TestSIGKILLDuringMigrationLeavesAWorkingDatabase")
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
}

// migrationKillPoints is how many migrations the test kills (CREATORDESK_MIGRATION_KILL_POINTS overrides).
func migrationKillPoints() int {
	if n, err := strconv.Atoi(os.Getenv("CREATORDESK_MIGRATION_KILL_POINTS")); err == nil && n > 0 {
		return n
	}
	return 25
}

// TestSIGKILLDuringMigrationLeavesAWorkingDatabase builds a schema-1 database
// holding thousands of messages, then kills an app process at random moments
// while it backs the file up and upgrades it, many times over. Every time, the
// next start must finish the upgrade with nothing lost or doubled, the file
// must be sound, search must still find the messages, and the pre-migration
// backups left behind must be complete databases.
func TestSIGKILLDuringMigrationLeavesAWorkingDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	ctx := context.Background()
	root := t.TempDir()
	template := filepath.Join(root, "template.db")
	const threads, perThread = 250, 40
	old, err := Open(template, Options{schemaTarget: 1, SkipBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	var accountID int64
	if err := old.writer().QueryRow(`INSERT INTO accounts(platform, name, external_id, created_at, updated_at)
		VALUES ('telegram', 'old bot', '42', 1, 1) RETURNING id`).Scan(&accountID); err != nil {
		t.Fatal(err)
	}
	for th := 0; th < threads; th++ {
		page := make([]platforms.Message, 0, perThread)
		for i := 0; i < perThread; i++ {
			id := strconv.Itoa(th)
			page = append(page, msg(id, fmt.Sprintf("%d:%d", th, i), fmt.Sprintf("comanda %d mulțumesc pentru mesaj %d", th, i), i))
		}
		if _, err := old.IngestPage(ctx, accountID, page, ""); err != nil {
			t.Fatal(err)
		}
	}
	_ = old.Close()
	const want = threads * perThread

	// How long a whole upgrade takes here, to spread the kills over it.
	probe := copyDB(t, template, filepath.Join(root, "probe"))
	began := time.Now()
	if out, err := migrateChild(probe).CombinedOutput(); err != nil {
		t.Fatalf("a full migration in a child failed: %v\n%s", err, out)
	}
	full := time.Since(began)

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	killed := 0
	for run := 0; killed < migrationKillPoints() && run < 4*migrationKillPoints(); run++ {
		path := copyDB(t, template, filepath.Join(root, fmt.Sprintf("run%d", run)))
		cmd := migrateChild(path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		}
		checkMigratedAfterKill(t, path, want)
		_ = os.RemoveAll(filepath.Dir(path))
	}
	if killed < migrationKillPoints() {
		t.Fatalf("killed only %d migrations, want %d (a full one takes %v)", killed, migrationKillPoints(), full)
	}
	t.Logf("killed %d migrations (a full one takes %v)", killed, full)
}

// checkMigratedAfterKill starts the app's store on a database whose migration
// was killed and checks it comes up whole.
func checkMigratedAfterKill(t *testing.T, path string, want int) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("the start after a killed migration failed: %v", err)
	}
	defer s.Close()
	if v, _ := currentVersion(s.writer()); v != SchemaVersion() {
		t.Fatalf("schema version %d after restart, want %d", v, SchemaVersion())
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	var total, distinct, sum int
	_ = s.writer().QueryRow(`SELECT COUNT(*), COUNT(DISTINCT external_id) FROM messages`).Scan(&total, &distinct)
	_ = s.writer().QueryRow(`SELECT SUM(message_count) FROM conversations`).Scan(&sum)
	if total != want || distinct != want || sum != want {
		t.Fatalf("after a killed migration: %d messages (%d distinct, conversation sum %d), want %d", total, distinct, sum, want)
	}
	if hits, err := s.Search(ctx, "multumesc", 5); err != nil || len(hits) != 5 {
		t.Fatalf("search after a killed migration: %d hits, %v", len(hits), err)
	}
	backups, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", "*.db"))
	for _, b := range backups {
		if err := checkBackupFile(b, want); err != nil {
			t.Fatalf("a backup left after the kill is not a usable database: %s: %v", filepath.Base(b), err)
		}
	}
}

// checkBackupFile opens a backup read-only (never migrating it) and checks it
// is a sound database holding every message.
func checkBackupFile(path string, want int) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity_check: %s", res)
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM messages`).Scan(&n); err != nil {
		return err
	}
	if n != want {
		return fmt.Errorf("%d messages, want %d", n, want)
	}
	return nil
}

// migrateChild is the test binary re-executed to migrate path like an app start.
func migrateChild(path string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestMigrateChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), migrateChildEnv+"="+path)
	return cmd
}

// copyDB copies a closed database file into a new folder and returns its path.
func copyDB(t *testing.T, src, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, FileName)
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dst
}
