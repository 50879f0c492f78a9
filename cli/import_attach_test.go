package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

func TestImportWhatsAppIntoTheCloudAccount(t *testing.T) {
	dir := t.TempDir()
	vault := secrets.NewMemory()
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	acc := store.Account{Platform: "whatsapp", Name: "Glaze & Co.", ExternalID: "106540352242922", BaseURL: "https://graph.facebook.com/v21.0", Status: store.AccountConnected}
	if err := st.CreateAccount(context.Background(), &acc); err != nil {
		t.Fatal(err)
	}
	_ = st.Close()
	file := filepath.Join(t.TempDir(), "WhatsApp Chat with +40 722 123 456.txt")
	chat := "14/03/2026, 09:58 - +40 722 123 456: Is the celadon mug back?\n14/03/2026, 10:02 - Glaze & Co.: Yes, since this morning.\n"
	if err := os.WriteFile(file, []byte(chat), 0o600); err != nil {
		t.Fatal(err)
	}
	var out struct {
		AccountID int64  `json:"accountId"`
		Phone     string `json:"phone"`
		New       int    `json:"new"`
	}
	args := []string{"--data-dir", dir, "import", "whatsapp", file, "--owner", "Glaze & Co.", "--account", "1", "--json"}
	if err := json.Unmarshal([]byte(mustRun(t, vault, "", args...)), &out); err != nil || out.AccountID != acc.ID || out.Phone != "40722123456" || out.New != 2 {
		t.Fatalf("first import: %+v %v", out, err)
	}
	if err := json.Unmarshal([]byte(mustRun(t, vault, "", args...)), &out); err != nil || out.New != 0 {
		t.Fatalf("re-import: %+v %v", out, err)
	}
	if list := mustRun(t, vault, "", "--data-dir", dir, "accounts", "list"); strings.Count(list, "whatsapp") != 1 {
		t.Fatalf("accounts:\n%s", list)
	}
	// --phone needs --account, and a number in international form.
	if code, _, errOut := run(t, vault, "", "--data-dir", dir, "import", "whatsapp", file, "--phone", "+40722123456"); code == 0 || !strings.Contains(errOut, "--account") {
		t.Fatalf("--phone alone: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, vault, "", "--data-dir", dir, "import", "whatsapp", file, "--account", "1", "--phone", "12"); code == 0 || !strings.Contains(errOut, "international form") {
		t.Fatalf("bad phone: %d %s", code, errOut)
	}
}
