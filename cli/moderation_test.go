package cli

import (
	"strings"
	"testing"

	"creatordesk/app"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
	"creatordesk/backend/secrets"
)

// TestCLIModerateBlocksOnMastodonAndRefusesHide blocks a comment's author
// through the fake, and shows that hiding, which Mastodon does not offer, is
// refused with a translated error naming the platforms that can.
func TestCLIModerateBlocksOnMastodonAndRefusesHide(t *testing.T) {
	const token = "mastodon-moderation-token-0123456789"
	fake := mastodonfake.New(token)
	url := fake.Start()
	t.Cleanup(fake.Close)
	troll := mastodonfake.Account{ID: "66", Username: "troll", DisplayName: "Troll"}
	fake.AddAccount(troll)
	fake.AddMention(mastodonfake.Post{From: troll, Text: "@brand your mugs are junk"})

	dir := t.TempDir()
	vault := secrets.NewMemory()
	mustRun(t, vault, token, "--data-dir", dir, "accounts", "add", "mastodon", "--token-stdin", "--base-url", url)
	mustRun(t, vault, "", "--data-dir", dir, "sync", "--once")
	var convs []app.ConversationDTO
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)
	if len(convs) != 1 || convs[0].Kind != "comment" {
		t.Fatalf("convs %+v", convs)
	}
	var msgs []app.MessageDTO
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "messages", "list", "--conversation", itoa(convs[0].ID), "--json"), &msgs)
	if len(msgs) != 1 {
		t.Fatalf("msgs %+v", msgs)
	}
	id := itoa(msgs[0].ID)

	if code, _, errOut := run(t, vault, "", "--data-dir", dir, "moderate", "--message", id, "--action", "hide"); code == 0 ||
		!strings.Contains(errOut, "moderation_unsupported") {
		t.Fatalf("hide on Mastodon: exit %d %q", code, errOut)
	}
	var out app.ModerationOutcomeDTO
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "moderate", "--message", id, "--action", "block", "--json"), &out)
	if out.Record.Action != "block" || out.Record.Outcome != "done" || out.Record.Origin != "human" {
		t.Fatalf("outcome %+v", out)
	}
	if b := fake.Blocks(); len(b) != 1 || b[0] != "66" {
		t.Fatalf("fake blocks %v", b)
	}
	if code, _, _ := run(t, vault, "", "--data-dir", dir, "moderate", "--action", "mute"); code != 2 {
		t.Fatalf("missing --message: exit %d", code)
	}
}
