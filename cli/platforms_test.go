package cli

import (
	"strings"
	"testing"

	"creatordesk/backend/platforms/mastodon/mastodonfake"
	"creatordesk/backend/secrets"
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
