package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/workspace"
)

func TestTeamdbCopyWithoutATeamDatabase(t *testing.T) {
	dir := t.TempDir()
	vault := secrets.NewMemory()
	mustRun(t, vault, "", "--data-dir", dir, "accounts", "list", "--json")
	code, out, errOut := run(t, vault, "", "--data-dir", dir, "teamdb", "copy")
	if code != 1 || out != "" || !strings.Contains(errOut, "teamcopy_noTeamDatabase") {
		t.Fatalf("copy in a solo folder: exit %d, %q %q", code, out, errOut)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", dir, "teamdb", "copy", "--dsn-stdin"); code != 2 {
		t.Fatalf("--dsn-stdin with nothing on stdin: exit %d", code)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	_ = l.Close()
	dsn := "postgres://dana:s3cret-pw@127.0.0.1:" + port + "/studio?sslmode=disable&connect_timeout=3\n"
	code, out, errOut = run(t, vault, dsn, "--data-dir", dir, "teamdb", "copy", "--dsn-stdin")
	if code != 1 || !strings.Contains(errOut, "teamdb_unreachable") || strings.Contains(out+errOut, "s3cret-pw") {
		t.Fatalf("closed port: exit %d, %q %q", code, out, errOut)
	}
}

func TestTeamdbCopyDSNFromStdin(t *testing.T) {
	dsn := os.Getenv("CREATORDESK_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CREATORDESK_TEST_POSTGRES is not set (run under scripts/with-postgres.sh)")
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "cdtest_copy_" + hex.EncodeToString(b)
	conn, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		_ = conn.Close(context.Background())
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	target := u.String()

	dir := t.TempDir()
	vault := secrets.NewMemory()
	ws, err := workspace.Open(workspace.Config{Dir: dir, Vault: vault})
	if err != nil {
		t.Fatal(err)
	}
	acc := store.Account{Platform: "telegram", Name: "shop", ExternalID: "7"}
	if err := ws.Store.CreateAccount(context.Background(), &acc); err != nil {
		t.Fatal(err)
	}
	_ = ws.Close()

	code, out, errOut := run(t, vault, target+"\n", "--data-dir", dir, "teamdb", "copy", "--dsn-stdin", "--json")
	if code != 0 {
		t.Fatalf("copy: exit %d: %s", code, errOut)
	}
	var res struct {
		Tables []struct {
			Name       string `json:"name"`
			SourceRows int64  `json:"sourceRows"`
			TargetRows int64  `json:"targetRows"`
			Match      bool   `json:"match"`
		} `json:"tables"`
		Copied   int64 `json:"copied"`
		Verified bool  `json:"verified"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if !res.Verified || res.Copied == 0 || len(res.Tables) < 50 {
		t.Fatalf("result %+v", res)
	}
	found := false
	for _, tb := range res.Tables {
		if !tb.Match || tb.SourceRows != tb.TargetRows {
			t.Errorf("table %+v", tb)
		}
		found = found || (tb.Name == "accounts" && tb.TargetRows == 1)
	}
	if !found {
		t.Fatal("the account was not copied")
	}
	if !strings.Contains(errOut, "copy: ") || !strings.Contains(errOut, "verify: ") || strings.Contains(out+errOut, target) {
		t.Fatalf("progress on stderr: %s", errOut)
	}
	out = mustRun(t, vault, target+"\n", "--data-dir", dir, "teamdb", "copy", "--dsn-stdin")
	if !strings.Contains(out, "Already copied before") || !strings.Contains(out, "accounts") {
		t.Fatalf("second copy: %s", out)
	}
}
