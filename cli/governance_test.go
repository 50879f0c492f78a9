package cli

import (
	"archive/zip"
	"bufio"
	"database/sql"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

func TestClassifyJSONOneResultPerLine(t *testing.T) {
	dir := t.TempDir()
	in := "How much is the blue mug?\n这个多少钱\n\nCât costă cana?\nमेरा ऑर्डर नहीं आया\nI will kill you\n"
	out := mustRun(t, secrets.NewMemory(), in, "--data-dir", dir, "classify", "--json")
	sc := bufio.NewScanner(strings.NewReader(out))
	var intents []string
	for sc.Scan() {
		var r map[string]any
		decode(t, sc.Text(), &r)
		for _, k := range []string{"text", "intent", "sentiment", "confidence"} {
			if _, ok := r[k]; !ok {
				t.Fatalf("no %q in %s", k, sc.Text())
			}
		}
		intents = append(intents, r["intent"].(string))
	}
	if strings.Join(intents, ",") != "sales,sales,sales,support,danger" {
		t.Fatalf("intents %v", intents)
	}
}

// setupSynced adds a Telegram account with chats and syncs once.
func setupSynced(t *testing.T, chats int) (string, secrets.Vault) {
	t.Helper()
	dir, vault := t.TempDir(), secrets.NewMemory()
	_, url := startFake(t, chats, 2)
	mustRun(t, vault, testToken+"\n", "--data-dir", dir, "accounts", "add", "telegram", "--token-stdin", "--base-url", url)
	mustRun(t, vault, "", "--data-dir", dir, "sync", "--once")
	return dir, vault
}

func TestAuditVerifyNamesAChangedOrDeletedRow(t *testing.T) {
	for _, tc := range []struct{ name, stmt, want string }{
		{"changed", `UPDATE audit_events SET actor = 'mallory' WHERE id = 2`, "#2 was changed"},
		{"deleted", `DELETE FROM audit_events WHERE id = 2`, "before #3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, vault := setupSynced(t, 2)
			// A few audited actions: erasing nothing fails, so export twice instead.
			for i := 0; i < 3; i++ {
				mustRun(t, vault, "", "--data-dir", dir, "contact", "export", "1", "--out", filepath.Join(dir, "x"+string(rune('a'+i))+".zip"))
			}
			if out := mustRun(t, vault, "", "--data-dir", dir, "audit", "verify"); !strings.HasPrefix(out, "ok:") {
				t.Fatalf("intact: %s", out)
			}
			db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, store.FileName))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(tc.stmt); err != nil {
				t.Fatal(err)
			}
			_ = db.Close()
			code, out, errOut := run(t, vault, "", "--data-dir", dir, "audit", "verify")
			if code == 0 || !strings.Contains(out+errOut, tc.want) {
				t.Fatalf("exit %d, out %q err %q", code, out, errOut)
			}
		})
	}
}

func TestAuditExportCSVAndJSON(t *testing.T) {
	dir, vault := setupSynced(t, 1)
	mustRun(t, vault, "", "--data-dir", dir, "contact", "export", "1", "--out", filepath.Join(dir, "c.zip"))
	js := mustRun(t, vault, "", "--data-dir", dir, "audit", "export", "--format", "json")
	var rows []map[string]any
	decode(t, js, &rows)
	if len(rows) == 0 || rows[len(rows)-1]["action"] != "datarequest.export" {
		t.Fatalf("json rows %v", rows)
	}
	out := filepath.Join(dir, "audit.csv")
	mustRun(t, vault, "", "--data-dir", dir, "audit", "export", "--format", "csv", "--out", out)
	if code, _, _ := run(t, vault, "", "--data-dir", dir, "audit", "export", "--format", "xml"); code != 2 {
		t.Fatalf("bad format exit %d", code)
	}
}

func TestContactExportZipAndEraseFromSearch(t *testing.T) {
	dir, vault := setupSynced(t, 2)
	zipPath := filepath.Join(dir, "contact1.zip")
	mustRun(t, vault, "", "--data-dir", dir, "contact", "export", "1", "--out", zipPath)
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		_ = rc.Close()
		files[f.Name] = string(b)
	}
	_ = zr.Close()
	if _, ok := files["messages.csv"]; !ok {
		t.Fatalf("files %v", len(files))
	}
	var doc struct {
		Tables map[string][]map[string]string `json:"tables"`
	}
	if err := json.Unmarshal([]byte(files["contact.json"]), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables["messages"]) != 2 {
		t.Fatalf("messages %v", doc.Tables["messages"])
	}
	for _, m := range doc.Tables["messages"] {
		if !strings.HasSuffix(m["text"], "from chat 0") {
			t.Fatalf("another contact's message exported: %v", m)
		}
	}
	mustRun(t, vault, "", "--data-dir", dir, "contact", "erase", "1")
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{SkipBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// Every message says "from chat N": only the other contact's two remain findable.
	hits, _ := st.Search(t.Context(), "from chat", 10)
	if len(hits) != 2 {
		t.Fatalf("hits after erase: %+v", hits)
	}
	for _, h := range hits {
		if !strings.HasSuffix(h.Text, "from chat 1") {
			t.Fatalf("erased contact still found: %+v", h)
		}
	}
	reqs, _ := st.DataRequests(t.Context(), 10)
	if len(reqs) != 2 || reqs[0].Kind != "erase" {
		t.Fatalf("requests %+v", reqs)
	}
}
