package cli

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
)

func TestCLIConnectSyncListReply(t *testing.T) {
	fake, url := startFake(t, 30, 2)
	dir := t.TempDir()
	vault := secrets.NewMemory()
	out := mustRun(t, vault, testToken+"\n", "--data-dir", dir, "accounts", "add", "telegram", "--token-stdin", "--base-url", url, "--name", "Shop bot")
	if !strings.Contains(out, `"Shop bot"`) {
		t.Fatalf("add output: %q", out)
	}
	var accs []struct {
		ID       int64  `json:"id"`
		Platform string `json:"platform"`
		Status   string `json:"status"`
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "accounts", "list", "--json"), &accs)
	if len(accs) != 1 || accs[0].Platform != "telegram" {
		t.Fatalf("accounts: %+v", accs)
	}
	if out := mustRun(t, vault, "", "--data-dir", dir, "sync", "--once"); !strings.Contains(out, "60 new") {
		t.Fatalf("sync output: %q", out)
	}
	if out := mustRun(t, vault, "", "--data-dir", dir, "sync", "--once"); !strings.Contains(out, "0 new") {
		t.Fatalf("second sync must add nothing: %q", out)
	}
	var convs []struct {
		ID            int64  `json:"id"`
		Platform      string `json:"platform"`
		Title         string `json:"title"`
		LastMessageAt string `json:"lastMessageAt"`
		Unread        int    `json:"unread"`
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)
	if len(convs) != 30 || convs[0].Unread != 2 || convs[0].Platform != "telegram" || convs[0].Title == "" {
		t.Fatalf("conversations: %d %+v", len(convs), convs[0])
	}
	if _, err := time.Parse(time.RFC3339, convs[0].LastMessageAt); err != nil {
		t.Fatalf("lastMessageAt not RFC 3339: %v", err)
	}
	var msgs []struct {
		ID         int64  `json:"id"`
		ExternalID string `json:"externalId"`
		Direction  string `json:"direction"`
		Text       string `json:"text"`
		SentAt     string `json:"sentAt"`
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "messages", "list", "--conversation", itoa(convs[0].ID), "--json"), &msgs)
	if len(msgs) != 2 || msgs[0].Direction != "in" || !strings.HasPrefix(msgs[0].Text, "message 0") || msgs[0].ExternalID == "" {
		t.Fatalf("messages: %+v", msgs)
	}
	reply := "Thanks! <b>Your</b> order ships today 📦"
	mustRun(t, vault, reply+"\n", "--data-dir", dir, "reply", "--conversation", itoa(convs[0].ID), "--text-stdin")
	sent := fake.Sent()
	if len(sent) != 1 || sent[0].Text != reply {
		t.Fatalf("fake received %+v", sent)
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "messages", "list", "--conversation", itoa(convs[0].ID), "--json"), &msgs)
	if len(msgs) != 3 || msgs[2].Direction != "out" || msgs[2].Text != reply {
		t.Fatalf("reply not stored: %+v", msgs)
	}
}

func TestCLIRefusesBadInputAndStoresNothing(t *testing.T) {
	_, url := startFake(t, 1, 1)
	dir := t.TempDir()
	vault := secrets.NewMemory()
	cases := []struct {
		name, stdin string
		args        []string
		code        int
		stderr      string
	}{
		{"malformed token", "not-a-token", []string{"accounts", "add", "telegram", "--token-stdin", "--base-url", url}, 1, "token"},
		{"token Telegram rejects", "5550001111:wrong-token-abcdefghijklmnopqrstuvwxy", []string{"accounts", "add", "telegram", "--token-stdin", "--base-url", url}, 1, "auth"},
		{"token as argument", "", []string{"accounts", "add", "telegram"}, 2, "--token-stdin"},
		{"unknown command", "", []string{"frobnicate"}, 2, "unknown command"},
		{"reply without conversation", "hi", []string{"reply", "--text-stdin"}, 2, "--conversation"},
		{"reply to a missing conversation", "hi", []string{"reply", "--conversation", "999", "--text-stdin"}, 1, "not_found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := run(t, vault, c.stdin, append([]string{"--data-dir", dir}, c.args...)...)
			if code != c.code || !strings.Contains(errOut, c.stderr) {
				t.Fatalf("exit %d stderr %q; want exit %d mentioning %q", code, errOut, c.code, c.stderr)
			}
		})
	}
	if out := mustRun(t, vault, "", "--data-dir", dir, "accounts", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("a refused connect stored an account: %s", out)
	}
	vault.SetFailure(secrets.ErrLocked)
	code, _, errOut := run(t, vault, testToken, "--data-dir", dir, "accounts", "add", "telegram", "--token-stdin", "--base-url", url)
	if code != 1 || !strings.Contains(errOut, "keyring_locked") {
		t.Fatalf("locked keyring: exit %d %q", code, errOut)
	}
	vault.SetFailure(nil)
	if out := mustRun(t, vault, "", "--data-dir", dir, "accounts", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("a connect with a locked keyring stored an account: %s", out)
	}
}

func TestVersion(t *testing.T) {
	if out := mustRun(t, nil, "", "version"); !strings.HasPrefix(out, "creatordesk ") {
		t.Fatalf("version: %q", out)
	}
}

// itoa formats an id for a flag.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func TestCLIBackupAndRestore(t *testing.T) {
	fake, url := startFake(t, 5, 1)
	dir := t.TempDir()
	vault := secrets.NewMemory()
	mustRun(t, vault, testToken, "--data-dir", dir, "accounts", "add", "telegram", "--token-stdin", "--base-url", url)
	mustRun(t, vault, "", "--data-dir", dir, "sync", "--once")
	var backup struct{ Path string }
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "backup", "--json"), &backup)
	fake.AddMessage(telegramfake.Chat{ID: 77, Type: "private", FirstName: "Late"}, telegramfake.User{ID: 77, FirstName: "Late"}, "after the backup", time.Now())
	mustRun(t, vault, "", "--data-dir", dir, "sync", "--once")
	var convs []struct{ ID int64 }
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)
	if len(convs) != 6 {
		t.Fatalf("before restore: %d conversations", len(convs))
	}
	if out := mustRun(t, vault, "", "--data-dir", dir, "restore", backup.Path); !strings.Contains(out, "kept in") {
		t.Fatalf("restore output %q", out)
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)
	if len(convs) != 5 {
		t.Fatalf("after restore: %d conversations, want the backup's 5", len(convs))
	}
	if code, _, errOut := run(t, vault, "", "--data-dir", dir, "restore", filepath.Join(dir, "nope.db")); code != 1 || errOut == "" {
		t.Fatalf("restoring a missing file: exit %d %q", code, errOut)
	}
}
