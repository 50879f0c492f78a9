package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creatordesk/backend/secrets"
)

// `releases export` prints the register as CSV or JSON, or writes it to a file.
func TestCLIReleasesExport(t *testing.T) {
	vault := secrets.NewMemory()
	data := filepath.Join(t.TempDir(), "ws")
	out := mustRun(t, vault, "", "--data-dir", data, "releases", "export", "--format", "csv")
	if strings.TrimSpace(out) != "id,status,creator,author,title,content_url,channels,paid_use,starts_at,expires_at,territories,compensation,edits_allowed,conversation_id,consent_message_id,requested_at,notes" {
		t.Fatalf("empty register csv %q", out)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, vault, "", "--data-dir", data, "releases", "export", "--format", "json")), &rows); err != nil || len(rows) != 0 {
		t.Fatalf("json %v %v", rows, err)
	}
	file := filepath.Join(t.TempDir(), "register.csv")
	mustRun(t, vault, "", "--data-dir", data, "releases", "export", "--format", "csv", "--out", file)
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("file %v %v", st, err)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", data, "releases", "export", "--format", "xml"); code != 2 {
		t.Fatalf("xml exit %d", code)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", data, "releases", "list"); code != 2 {
		t.Fatalf("unknown subcommand exit %d", code)
	}
}
