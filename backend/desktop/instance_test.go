package desktop

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the test binary act as a second process holding a lock.
func TestMain(m *testing.M) {
	if dir := os.Getenv("DESKTOP_TEST_HOLD_LOCK"); dir != "" {
		l, err := AcquireInstance(dir)
		if err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(3)
		}
		os.Stdout.WriteString("locked\n")
		// Hold the lock until the parent closes our stdin.
		_, _ = os.Stdin.Read(make([]byte, 1))
		_ = l.Release()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestInstanceLockIsExclusiveAcrossProcesses(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "DESKTOP_TEST_HOLD_LOCK="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	n, _ := out.Read(buf)
	if !strings.HasPrefix(string(buf[:n]), "locked") {
		t.Fatalf("child did not take the lock: %q", buf[:n])
	}

	if _, err := AcquireInstance(dir); !errors.Is(err, ErrAlreadyRunning) {
		t.Fatalf("second acquire while the child holds it: err = %v, want ErrAlreadyRunning", err)
	}

	// The child ends: the operating system frees the lock, no stale file blocks us.
	_ = stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	l, err := AcquireInstance(dir)
	if err != nil {
		t.Fatalf("acquire after the holder exited: %v", err)
	}
	defer l.Release()
	info, err := os.Stat(filepath.Join(dir, lockFileName))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("lock file mode %v, want 0600", info.Mode().Perm())
	}
}

func TestInstanceLockReleaseLetsTheNextOneIn(t *testing.T) {
	dir := t.TempDir()
	a, err := AcquireInstance(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Release(); err != nil {
		t.Fatal(err)
	}
	if err := a.Release(); err != nil {
		t.Fatalf("second release: %v", err)
	}
	b, err := AcquireInstance(dir)
	if err != nil {
		t.Fatalf("acquire after release: %v", err)
	}
	_ = b.Release()
}

func TestUniqueIDDependsOnTheDataFolder(t *testing.T) {
	a, b := UniqueID("/tmp/one"), UniqueID("/tmp/two")
	if a == b {
		t.Fatalf("two folders share the id %q", a)
	}
	if a != UniqueID("/tmp/one/") {
		t.Fatalf("the same folder written two ways gives two ids")
	}
	if strings.ContainsAny(a, "/- ") {
		t.Fatalf("id %q has characters a D-Bus name cannot hold", a)
	}
}
