package cli

import (
	"fmt"
	"strings"
	"testing"

	"creatordesk/app"
	"creatordesk/backend/secrets"
)

func TestCLITriageTagAssignAndFilter(t *testing.T) {
	vault := secrets.NewMemory()
	_, url := startFake(t, 3, 1)
	dir := t.TempDir()
	mustRun(t, vault, testToken+"\n", "--data-dir", dir, "accounts", "add", "telegram", "--token-stdin", "--base-url", url, "--name", "Shop bot")
	mustRun(t, vault, "", "--data-dir", dir, "sync", "--once")
	var tags []app.TagDTO
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "tags", "list", "--json"), &tags)
	if len(tags) != 9 || tags[5].Name != "order issue" {
		t.Fatalf("tags %+v", tags)
	}
	var convs []app.ConversationDTO
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json"), &convs)
	id := fmt.Sprint(convs[1].ID)
	mustRun(t, vault, "", "--data-dir", dir, "team", "add", "Dana", "--role", "owner")
	mustRun(t, vault, "", "--data-dir", dir, "team", "use", "Dana")
	mustRun(t, vault, "", "--data-dir", dir, "conversations", "tag", id, "--tag", "order issue")
	mustRun(t, vault, "", "--data-dir", dir, "conversations", "assign", id, "--to", "Dana")
	var mine []app.ConversationDTO
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json", "--tag", "order issue", "--assignee", "me"), &mine)
	if len(mine) != 1 || fmt.Sprint(mine[0].ID) != id || len(mine[0].TagIDs) != 1 || mine[0].Limit == nil || mine[0].Limit.Max != 4096 {
		t.Fatalf("filtered list %+v", mine)
	}
	if code, _, errOut := run(t, vault, "", "--data-dir", dir, "conversations", "tag", id, "--tag", "no such tag"); code == 0 || !strings.Contains(errOut, "no such name") {
		t.Fatalf("unknown tag: %d %q", code, errOut)
	}
	mustRun(t, vault, "", "--data-dir", dir, "conversations", "status", id, "--status", "resolved")
	var resolved []app.ConversationDTO
	decode(t, mustRun(t, vault, "", "--data-dir", dir, "conversations", "list", "--json", "--status", "resolved"), &resolved)
	if len(resolved) != 1 {
		t.Fatalf("resolved %+v", resolved)
	}
}
