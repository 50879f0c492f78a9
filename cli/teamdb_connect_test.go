package cli

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"creatordesk/backend/secrets"
	"creatordesk/backend/workspace"
)

func TestTeamdbConnectRefusesPasswordFlagsAndReportsClosedPort(t *testing.T) {
	dir := t.TempDir()
	vault := secrets.NewMemory()
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	_ = l.Close()
	code, _, errOut := run(t, vault, "", "--data-dir", dir, "teamdb", "connect", "--host", "127.0.0.1", "--database", "d", "--user", "u", "--password", "hunter2")
	if code != 2 || strings.Contains(errOut, "hunter2") {
		t.Fatalf("--password flag: exit %d, %s", code, errOut)
	}
	code, _, errOut = run(t, vault, "", "--data-dir", dir, "teamdb", "connect", "--host", "127.0.0.1", "--database", "d", "--user", "u")
	if code != 2 || !strings.Contains(errOut, "--password-stdin") {
		t.Fatalf("no --password-stdin: exit %d, %s", code, errOut)
	}
	code, out, errOut := run(t, vault, "s3cret-pw\n", "--data-dir", dir, "teamdb", "connect", "--host", "127.0.0.1", "--port", port,
		"--database", "d", "--user", "u", "--sslmode", "disable", "--password-stdin")
	if code != 1 || !strings.Contains(errOut, "teamdb_unreachable") || strings.Contains(out+errOut, "s3cret-pw") {
		t.Fatalf("closed port: exit %d, %s%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, workspace.TeamConfigFileName)); err == nil {
		t.Fatal("a failed connect saved team.json")
	}
	out = mustRun(t, vault, "", "--data-dir", dir, "teamdb", "status")
	if !strings.Contains(out, "Local workspace") {
		t.Fatalf("status: %s", out)
	}
}

func TestTeamdbConnectStatusDisconnect(t *testing.T) {
	dsn := os.Getenv("CREATORDESK_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CREATORDESK_TEST_POSTGRES is not set (run under scripts/with-postgres.sh)")
	}
	pc, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := "cdtest_cli_" + strconv.Itoa(os.Getpid())
	conn, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = conn.Exec(t.Context(), "DROP SCHEMA "+schema+" CASCADE"); _ = conn.Close(t.Context()) })

	dir := t.TempDir()
	vault := secrets.NewMemory()
	out := mustRun(t, vault, pc.Password, "--data-dir", dir, "teamdb", "connect", "--host", pc.Host, "--port", strconv.Itoa(int(pc.Port)),
		"--database", pc.Database, "--user", pc.User, "--sslmode", "disable", "--schema", schema, "--password-stdin")
	if !strings.Contains(out, "Connected") || !strings.Contains(out, schema) {
		t.Fatalf("connect: %s", out)
	}
	out = mustRun(t, vault, "", "--data-dir", dir, "teamdb", "test")
	if !strings.HasPrefix(out, "OK: PostgreSQL ") || !strings.Contains(out, "TLS off") {
		t.Fatalf("test: %s", out)
	}
	var st struct {
		Mode   string `json:"mode"`
		Config struct {
			Schema string `json:"schema"`
		} `json:"config"`
	}
	raw := mustRun(t, vault, "", "--data-dir", dir, "teamdb", "status", "--json")
	if err := json.Unmarshal([]byte(raw), &st); err != nil || st.Mode != "team" || st.Config.Schema != schema {
		t.Fatalf("status --json: %s (%v)", raw, err)
	}
	// Every command now works on the team database.
	mustRun(t, vault, "", "--data-dir", dir, "conversations", "list")
	out = mustRun(t, vault, "", "--data-dir", dir, "teamdb", "disconnect")
	if !strings.Contains(out, "Disconnected") {
		t.Fatalf("disconnect: %s", out)
	}
	if _, ok, _ := workspace.LoadTeamConfig(dir); ok {
		t.Fatal("team.json left after disconnect")
	}
	out = mustRun(t, vault, "", "--data-dir", dir, "teamdb", "status")
	if !strings.Contains(out, "Local workspace") {
		t.Fatalf("status after disconnect: %s", out)
	}
}
