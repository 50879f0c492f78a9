package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"creatordesk/backend/secrets"
)

func TestAccountsHealthAndChannelSettings(t *testing.T) {
	_, url := startFake(t, 3, 2)
	dir := t.TempDir()
	vault := secrets.NewMemory()
	mustRun(t, vault, testToken+"\n", "--data-dir", dir, "accounts", "add", "telegram", "--token-stdin", "--base-url", url, "--channel", "@glazeandco")
	mustRun(t, vault, "", "--data-dir", dir, "sync", "--once")

	var list []struct {
		AccountID    int64             `json:"accountId"`
		Status       string            `json:"status"`
		LastSyncAt   string            `json:"lastSyncAt"`
		ItemsSynced  int64             `json:"itemsSynced"`
		ItemsLast24h int64             `json:"itemsLast24h"`
		Advice       string            `json:"advice"`
		Settings     map[string]string `json:"settings"`
	}
	out := mustRun(t, vault, "", "--data-dir", dir, "accounts", "health", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 {
		t.Fatalf("accounts health --json: %v\n%s", err, out)
	}
	h := list[0]
	if h.ItemsSynced != 6 || h.ItemsLast24h != 6 || h.LastSyncAt == "" || h.Advice != "none" || h.Settings["channel"] != "@glazeandco" {
		t.Fatalf("health %+v", h)
	}
	text := mustRun(t, vault, "", "--data-dir", dir, "accounts", "health")
	for _, want := range []string{"last successful sync: 20", "items synced: 6 (last 24 h: 6)", "token: does not expire", "channel: @glazeandco"} {
		if !strings.Contains(text, want) {
			t.Errorf("accounts health lacks %q:\n%s", want, text)
		}
	}

	mustRun(t, vault, "", "--data-dir", dir, "accounts", "settings", "1", "--channel", "-1001234567890")
	out = mustRun(t, vault, "", "--data-dir", dir, "accounts", "health", "--json")
	_ = json.Unmarshal([]byte(out), &list)
	if list[0].Settings["channel"] != "-1001234567890" {
		t.Fatalf("channel after settings: %+v", list[0].Settings)
	}
	if code, _, errOut := run(t, vault, "", "--data-dir", dir, "accounts", "settings", "1", "--channel", "no spaces allowed"); code != 1 || !strings.Contains(errOut, "channel") {
		t.Fatalf("a bad channel exited %d: %s", code, errOut)
	}
	// The wrapped accounts command still serves its own subcommands.
	if out := mustRun(t, vault, "", "--data-dir", dir, "accounts", "list"); !strings.Contains(out, "telegram") {
		t.Fatalf("accounts list: %s", out)
	}
}
