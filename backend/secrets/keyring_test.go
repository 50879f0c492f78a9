package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestKeyringRoundTrip runs against the real OS keyring. Under `make test` it runs
// inside scripts/with-keyring.sh (a real Secret Service), which sets
// CREATORDESK_REQUIRE_KEYRING=1 so that a missing keyring fails instead of skipping.
func TestKeyringRoundTrip(t *testing.T) {
	ctx := context.Background()
	k := &Keyring{Service: "CreatorDeskTest", Timeout: 5 * time.Second}
	if err := k.Check(ctx); err != nil {
		if os.Getenv("CREATORDESK_REQUIRE_KEYRING") == "1" {
			t.Fatalf("keyring required but unusable: %v", err)
		}
		t.Skipf("no keyring on this machine: %v", err)
	}
	key := fmt.Sprintf("test/%d", time.Now().UnixNano())
	if _, err := k.Get(ctx, key); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get of a missing key = %v, want ErrNotFound", err)
	}
	if err := k.Set(ctx, key, "s3cret-value"); err != nil {
		t.Fatal(err)
	}
	got, err := k.Get(ctx, key)
	if err != nil || got != "s3cret-value" {
		t.Fatalf("Get = %q, %v", got, err)
	}
	if err := k.Set(ctx, key, "second"); err != nil {
		t.Fatal(err)
	}
	if got, _ := k.Get(ctx, key); got != "second" {
		t.Fatalf("overwrite: got %q", got)
	}
	if err := k.Delete(ctx, key); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Get(ctx, key); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after Delete, Get = %v, want ErrNotFound", err)
	}
	if err := k.Delete(ctx, key); err != nil {
		t.Fatalf("deleting a missing key: %v", err)
	}
}

func TestKeyringRefusesOversizedValue(t *testing.T) {
	k := &Keyring{Service: "CreatorDeskTest", Timeout: time.Second}
	big := make([]byte, MaxValueBytes+1)
	if err := k.Set(context.Background(), "big", string(big)); !errors.Is(err, ErrTooBig) {
		t.Fatalf("Set oversized = %v, want ErrTooBig", err)
	}
}

func TestKeyringWithoutSecretServiceIsUnavailable(t *testing.T) {
	// godbus keeps one session-bus connection per process, so the check runs in a
	// child process whose D-Bus address points at a socket that does not exist.
	if os.Getenv("CREATORDESK_NO_BUS_CHILD") == "1" {
		k := &Keyring{Service: "CreatorDeskTest", Timeout: 5 * time.Second}
		_, err := k.Get(context.Background(), "anything")
		if errors.Is(err, ErrNotFound) || !errors.Is(err, ErrUnavailable) {
			fmt.Printf("WRONG: %v\n", err)
			os.Exit(1)
		}
		fmt.Println("unavailable as expected")
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestKeyringWithoutSecretServiceIsUnavailable$")
	cmd.Env = append(os.Environ(), "CREATORDESK_NO_BUS_CHILD=1", "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/creatordesk-test-bus")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "unavailable as expected") {
		t.Fatalf("without a Secret Service the keyring must report ErrUnavailable (never ErrNotFound): %v\n%s", err, out)
	}
}

func TestMapKeyringError(t *testing.T) {
	cases := []struct {
		in   error
		want error
	}{
		{errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"), ErrLocked},
		{errors.New("The name org.freedesktop.secrets was not provided by any .service files"), ErrUnavailable},
	}
	for _, c := range cases {
		if got := mapKeyringError(c.in); !errors.Is(got, c.want) {
			t.Errorf("mapKeyringError(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	if mapKeyringError(nil) != nil {
		t.Error("nil must map to nil")
	}
}

func TestMemoryVault(t *testing.T) {
	ctx := context.Background()
	m := NewMemory()
	if _, err := m.Get(ctx, "a"); !errors.Is(err, ErrNotFound) {
		t.Fatal("want ErrNotFound")
	}
	_ = m.Set(ctx, "a", "1")
	if v, _ := m.Get(ctx, "a"); v != "1" {
		t.Fatalf("got %q", v)
	}
	m.SetFailure(ErrLocked)
	if err := m.Set(ctx, "b", "2"); !errors.Is(err, ErrLocked) {
		t.Fatalf("want ErrLocked, got %v", err)
	}
	m.SetFailure(nil)
	_ = m.Delete(ctx, "a")
	if _, err := m.Get(ctx, "a"); !errors.Is(err, ErrNotFound) {
		t.Fatal("want ErrNotFound after delete")
	}
}
