package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"creatordesk/backend/secrets"
)

func TestCalendarSequencesSaveListOutbox(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "ws")
	file := filepath.Join(dir, "seq.json")
	body := `{"name":"Cart nudge","kind":"cart_recovery","steps":[{"delayHours":2,"text":"Hi {first_name|there}, your cart is waiting."},{"delayHours":24,"text":"Last call."}]}`
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	vault := secrets.NewMemory()
	out := mustRun(t, vault, "", "--data-dir", ws, "calendar", "sequences", "save", "--file", file, "--json")
	var saved struct {
		Sequence struct {
			ID    int64 `json:"id"`
			Steps []struct {
				DelayHours int `json:"delayHours"`
			} `json:"steps"`
		} `json:"sequence"`
	}
	if err := json.Unmarshal([]byte(out), &saved); err != nil || saved.Sequence.ID == 0 || len(saved.Sequence.Steps) != 2 {
		t.Fatalf("save: %q %v", out, err)
	}
	list := mustRun(t, vault, "", "--data-dir", ws, "calendar", "sequences", "list")
	if !strings.Contains(list, "Cart nudge (cart_recovery, 2 steps)") {
		t.Fatalf("list %q", list)
	}
	if code, _, stderr := run(t, vault, "", "--data-dir", ws, "calendar", "sequences", "enroll", "--sequence", "1", "--conversation", "99"); code == 0 {
		t.Fatalf("enrolled a missing conversation: %s", stderr)
	}
	if out := mustRun(t, vault, "", "--data-dir", ws, "calendar", "sequences", "outbox", "--state", "queued", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("outbox %q", out)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", ws, "calendar", "sequences", "save"); code == 0 {
		t.Fatal("save without --file accepted")
	}
	if out := mustRun(t, vault, "", "--data-dir", ws, "calendar", "sequences", "delete", "--sequence", "1"); !strings.Contains(out, "deleted") {
		t.Fatalf("delete %q", out)
	}
}
