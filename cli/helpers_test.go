package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/secrets"
)

// childEnv marks a re-executed test binary that runs the CLI instead of tests.
const childEnv = "CREATORDESK_CLI_CHILD"

// TestMain lets tests run the CLI in a real child process (for SIGKILL tests).
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(Main(os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
	}
	os.Exit(m.Run())
}

// testToken is a well-formed token the fake accepts; it is nowhere near a real one.
const testToken = "5550001111:fake-test-token-abcdefghijklmnopqrstuv"

// run calls Main in-process with stdin and returns its exit code and outputs.
func run(t *testing.T, vault secrets.Vault, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Vault: vault})
	return code, out.String(), errOut.String()
}

// mustRun is run that fails the test on a non-zero exit.
func mustRun(t *testing.T, vault secrets.Vault, stdin string, args ...string) string {
	t.Helper()
	code, out, errOut := run(t, vault, stdin, args...)
	if code != 0 {
		t.Fatalf("creatordesk %v exited %d: %s", args, code, errOut)
	}
	return out
}

// startFake starts a fake Bot API with n private chats of one message each.
func startFake(t *testing.T, chats, perChat int) (*telegramfake.Server, string) {
	t.Helper()
	fake := telegramfake.New(testToken)
	url := fake.Start()
	t.Cleanup(fake.Close)
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for m := 0; m < perChat; m++ {
		for c := 0; c < chats; c++ {
			id := int64(1000 + c)
			fake.AddMessage(telegramfake.Chat{ID: id, Type: "private", FirstName: fmt.Sprintf("Customer%d", c)},
				telegramfake.User{ID: id, FirstName: fmt.Sprintf("Customer%d", c)}, fmt.Sprintf("message %d from chat %d", m, c), at)
			at = at.Add(time.Second)
		}
	}
	return fake, url
}

// keyringOrSkip returns the real OS keyring, skipping (or failing under
// CREATORDESK_REQUIRE_KEYRING=1) when none is usable.
func keyringOrSkip(t *testing.T) secrets.Vault {
	t.Helper()
	k := secrets.NewKeyring()
	if err := k.Check(context.Background()); err != nil {
		if os.Getenv("CREATORDESK_REQUIRE_KEYRING") == "1" {
			t.Fatalf("a real keyring is required: %v", err)
		}
		t.Skipf("no keyring here: %v", err)
	}
	return k
}

// childCommand builds a command that runs the CLI in a child process.
func childCommand(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	return cmd
}

// decode parses JSON output into v.
func decode(t *testing.T, out string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("bad JSON %q: %v", out, err)
	}
}

// withContext rebuilds cmd so that ctx ending sends SIGQUIT (a goroutine dump) and then kills it.
func withContext(ctx context.Context, cmd *exec.Cmd) *exec.Cmd {
	c := exec.CommandContext(ctx, cmd.Path, cmd.Args[1:]...)
	c.Env = cmd.Env
	c.Cancel = func() error { return c.Process.Signal(syscall.SIGQUIT) }
	c.WaitDelay = 5 * time.Second
	return c
}
