package cli

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms/bluesky/blueskyfake"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/workspace"
)

// TestCLIConnectsMastodon runs the generic connect path for a second platform:
// accounts add mastodon, sync, list, and a DM reply that reaches the fake.
func TestCLIConnectsMastodon(t *testing.T) {
	const token = "mastodon-test-token-0123456789"
	fake := mastodonfake.New(token)
	url := fake.Start()
	t.Cleanup(fake.Close)
	ana := mastodonfake.Account{ID: "77", Username: "ana", DisplayName: "Ana Pop"}
	conv := fake.AddConversation(ana)
	fake.AddDirect(conv, mastodonfake.Post{From: ana, Text: "Bună! Mai aveți cana verde?"})
	fake.AddMention(mastodonfake.Post{From: ana, Text: "@brand love the new glaze!"})

	dir := t.TempDir()
	vault := secrets.NewMemory()
	if code, _, errOut := run(t, vault, token, "--data-dir", dir, "accounts", "add", "mastodon", "--token-stdin"); code != 1 || !strings.Contains(errOut, "creatordesk:") {
		t.Fatalf("mastodon without --base-url: exit %d %q", code, errOut)
	}
	mustRun(t, vault, token, "--data-dir", dir, "accounts", "add", "mastodon", "--token-stdin", "--base-url", url)
	if out := mustRun(t, vault, "", "--data-dir", dir, "sync", "--once"); !strings.Contains(out, "2 new") {
		t.Fatalf("sync: %q", out)
	}
	var convs []struct {
		ID       int64  `json:"id"`
		Platform string `json:"platform"`
		Kind     string `json:"kind"`
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)
	kinds := map[string]int64{}
	for _, c := range convs {
		if c.Platform != "mastodon" {
			t.Fatalf("platform %q", c.Platform)
		}
		kinds[c.Kind] = c.ID
	}
	if len(convs) != 2 || kinds["dm"] == 0 || kinds["comment"] == 0 {
		t.Fatalf("want one DM and one comment thread, got %+v", convs)
	}
	mustRun(t, vault, "Da, o trimitem mâine!", "--data-dir", dir, "reply", "--conversation", itoa(kinds["dm"]), "--text-stdin")
	sent := fake.Sent()
	if len(sent) != 1 || sent[0].Visibility != "direct" || !strings.Contains(sent[0].Text, "Da, o trimitem mâine!") {
		t.Fatalf("fake got %+v", sent)
	}
	if code, _, errOut := run(t, vault, "x", "--data-dir", dir, "accounts", "add", "myspace", "--token-stdin"); code != 1 || !strings.Contains(errOut, "invalid_input") {
		t.Fatalf("unknown platform: exit %d %q", code, errOut)
	}
}

// TestCLIConnectsBlueskyAndKeepsTheSessionInTheVault connects with a handle and an
// app password, syncs a DM twice (the second sync reuses the session instead of
// logging in again), replies, and checks that disconnecting forgets the session.
func TestCLIConnectsBlueskyAndKeepsTheSessionInTheVault(t *testing.T) {
	const appPassword = "abcd-efgh-ijkl-mnop"
	fake := blueskyfake.New(appPassword)
	url := fake.Start()
	t.Cleanup(fake.Close)
	mei := blueskyfake.Profile{DID: "did:plc:mei000000000000000000000", Handle: "mei.test", DisplayName: "Mei"}
	fake.AddProfile(mei)
	convo := fake.AddConvo(mei)
	if _, err := fake.AddMessage(convo, mei.DID, "这个花瓶还有货吗？", time.Now()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	vault := secrets.NewMemory()
	if code, _, errOut := run(t, vault, "my-main-password", "--data-dir", dir, "accounts", "add", "bluesky", "--token-stdin",
		"--base-url", url, "--identifier", blueskyfake.DefaultHandle); code != 1 || !strings.Contains(errOut, "token_format") {
		t.Fatalf("a main password must be refused: exit %d %q", code, errOut)
	}
	mustRun(t, vault, appPassword, "--data-dir", dir, "accounts", "add", "bluesky", "--token-stdin", "--base-url", url, "--identifier", blueskyfake.DefaultHandle)
	if out := mustRun(t, vault, "", "--data-dir", dir, "sync", "--once"); !strings.Contains(out, "1 new") {
		t.Fatalf("sync: %q", out)
	}
	logins := fake.CreateSessionCalls()
	mustRun(t, vault, "", "--data-dir", dir, "sync", "--once")
	if fake.CreateSessionCalls() != logins {
		t.Fatalf("a second sync logged in again (%d → %d): sessions must be reused from the keyring", logins, fake.CreateSessionCalls())
	}
	var convs []struct {
		ID       int64  `json:"id"`
		Language string `json:"language"`
	}
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)
	if len(convs) != 1 || convs[0].Language != "zh-Hans" {
		t.Fatalf("conversations %+v", convs)
	}
	mustRun(t, vault, "有的，今天发货！", "--data-dir", dir, "reply", "--conversation", itoa(convs[0].ID), "--text-stdin")
	if sent := fake.SentMessages(); len(sent) != 1 {
		t.Fatalf("fake got %+v", sent)
	}
	mustRun(t, vault, "", "--data-dir", dir, "accounts", "disconnect", "1")
	ws, err := workspace.Open(workspace.Config{Dir: dir, Vault: vault})
	if err != nil {
		t.Fatal(err)
	}
	id := ws.ID
	_ = ws.Close()
	for _, key := range []string{secrets.AccountTokenKey(id, 1), id + "/bluesky/" + blueskyfake.DefaultDID + "/session"} {
		if _, err := vault.Get(context.Background(), key); !errors.Is(err, secrets.ErrNotFound) {
			t.Errorf("after disconnect %s is still in the vault (%v)", key, err)
		}
	}
}
