package cli

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

// `conversations assign --expect` refuses a change when the conversation is
// no longer as the member saw it, naming who changed it.
func TestConversationsAssignWithExpect(t *testing.T) {
	dir := t.TempDir()
	vault := secrets.NewMemory()
	mustRun(t, vault, "", "--data-dir", dir, "team", "add", "Dana", "--role", "owner")
	mustRun(t, vault, "", "--data-dir", dir, "team", "add", "Ion", "--role", "agent")
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	acc := store.Account{Platform: "telegram", Name: "shop", ExternalID: "1"}
	if err := st.CreateAccount(context.Background(), &acc); err != nil {
		t.Fatal(err)
	}
	res, err := st.IngestPage(context.Background(), acc.ID, []platforms.Message{{ExternalID: "m1", ThreadExternalID: "t1",
		ThreadKind: platforms.ThreadDM, Author: platforms.Person{ExternalID: "u1", DisplayName: "Ana"},
		Direction: platforms.DirectionIn, Text: "hi", SentAt: time.Now()}}, "c")
	_ = st.Close()
	if err != nil {
		t.Fatal(err)
	}
	conv := strconv.FormatInt(res.ConversationIDs[0], 10)

	mustRun(t, vault, "", "--data-dir", dir, "team", "use", "Dana")
	out := mustRun(t, vault, "", "--data-dir", dir, "conversations", "assign", conv, "--to", "Dana", "--expect", "none")
	if !strings.Contains(out, "1 changed") {
		t.Fatalf("first assign: %s", out)
	}
	mustRun(t, vault, "", "--data-dir", dir, "team", "use", "Ion")
	code, _, errOut := run(t, vault, "", "--data-dir", dir, "conversations", "assign", conv, "--to", "Ion", "--expect", "none")
	if code != 1 || !strings.Contains(errOut, "(conflict)") {
		t.Fatalf("stale assign: exit %d, %s", code, errOut)
	}
	code, _, errOut = run(t, vault, "", "--data-dir", dir, "conversations", "status", conv, "--status", "resolved", "--expect", "pending")
	if code != 1 || !strings.Contains(errOut, "(conflict)") {
		t.Fatalf("stale status: exit %d, %s", code, errOut)
	}
	out = mustRun(t, vault, "", "--data-dir", dir, "conversations", "status", conv, "--status", "resolved", "--expect", "open")
	if !strings.Contains(out, "1 changed") {
		t.Fatalf("status as seen: %s", out)
	}
	// Without --expect the command behaves as before.
	out = mustRun(t, vault, "", "--data-dir", dir, "conversations", "assign", conv, "--to", "none")
	if !strings.Contains(out, "1 changed") {
		t.Fatalf("plain assign: %s", out)
	}
}
