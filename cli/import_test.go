package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creatordesk/backend/secrets"
)

// TestCLIImportsExportsOnceAndRefusesBrokenFiles imports a WhatsApp chat export
// twice (the second run adds nothing), checks the archive shows in the inbox as
// read history that cannot be answered, and that a broken file stores nothing.
func TestCLIImportsExportsOnceAndRefusesBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	vault := secrets.NewMemory()
	file := filepath.Join("..", "backend", "importers", "testdata", "whatsapp", "WhatsApp Chat with Lumen Cosmetics.txt")
	var first, second struct {
		AccountID int64 `json:"accountId"`
		Platform  string
		Read, New int
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "import", "whatsapp", file, "--owner", "Ana", "--json"), &first)
	if first.Platform != "whatsapp" || first.Read == 0 || first.New != first.Read {
		t.Fatalf("first import %+v", first)
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "import", "whatsapp", file, "--owner", "Ana", "--json"), &second)
	if second.AccountID != first.AccountID || second.New != 0 {
		t.Fatalf("re-import added messages: %+v", second)
	}
	var convs []struct {
		ID       int64  `json:"id"`
		Platform string `json:"platform"`
		Unread   int    `json:"unread"`
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)
	if len(convs) != 1 || convs[0].Platform != "whatsapp" || convs[0].Unread != 0 {
		t.Fatalf("imported conversations %+v", convs)
	}
	if code, _, errOut := run(t, vault, "hi", "--data-dir", dir, "reply", "--conversation", itoa(convs[0].ID), "--text-stdin"); code != 1 || !strings.Contains(errOut, "imported_archive") {
		t.Fatalf("reply to an archive: exit %d %q", code, errOut)
	}
	if out := mustRun(t, vault, "", "--data-dir", dir, "sync", "--once"); strings.Contains(out, "whatsapp") {
		t.Fatalf("sync touched the archive: %q", out)
	}

	broken := filepath.Join(t.TempDir(), "result.json")
	_ = os.WriteFile(broken, []byte(`{"name": "Ana", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2024-`), 0o600)
	code, _, errOut := run(t, vault, "", "--data-dir", dir, "import", "telegram-desktop", broken)
	if code != 1 || !strings.Contains(errOut, "import_failed") {
		t.Fatalf("broken file: exit %d %q", code, errOut)
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)
	if len(convs) != 1 {
		t.Fatalf("a broken file added conversations: %+v", convs)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", dir, "import", "fax", broken); code == 0 {
		t.Fatal("an unknown kind was accepted")
	}
}
