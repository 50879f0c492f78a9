package teamtest

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	gosync "sync"
	"syscall"
	"testing"
	"time"
)

// deadline bounds every wait: generous, since these are not speed checks.
const deadline = 60 * time.Second

// instance is a running child instance and everything it printed.
type instance struct {
	t     *testing.T
	label string
	cmd   *exec.Cmd
	stdin io.WriteCloser

	mu     gosync.Mutex
	events []event
	stderr bytes.Buffer
	exited chan struct{}
}

// startInstance runs a child instance of the workspace in dsn as member memberID.
func startInstance(t *testing.T, label, dsn, token string, memberID int64, ttl time.Duration) *instance {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envRole+"=instance", envDSN+"="+dsn, envDir+"="+t.TempDir(), envLabel+"="+label,
		envToken+"="+token, envMember+"="+strconv.FormatInt(memberID, 10), envTTL+"="+strconv.FormatInt(ttl.Milliseconds(), 10))
	in := &instance{t: t, label: label, cmd: cmd, exited: make(chan struct{})}
	cmd.Stderr = &lockedBuffer{mu: &in.mu, b: &in.stderr}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if in.stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			var e event
			if json.Unmarshal(sc.Bytes(), &e) == nil {
				in.mu.Lock()
				in.events = append(in.events, e)
				in.mu.Unlock()
			}
		}
		_ = cmd.Wait()
		close(in.exited)
	}()
	t.Cleanup(func() {
		_ = in.stdin.Close()
		select {
		case <-in.exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-in.exited
		}
		if t.Failed() {
			in.mu.Lock()
			t.Logf("%s's stderr:\n%s", label, in.stderr.String())
			in.mu.Unlock()
		}
	})
	return in
}

// send writes one command line.
func (in *instance) send(format string, args ...any) {
	in.t.Helper()
	if _, err := fmt.Fprintf(in.stdin, format+"\n", args...); err != nil {
		in.t.Fatalf("%s: send: %v", in.label, err)
	}
}

// find returns the first event since index from that matches.
func (in *instance) find(from int, match func(event) bool) (event, int, bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for i := from; i < len(in.events); i++ {
		if match(in.events[i]) {
			return in.events[i], i, true
		}
	}
	return event{}, len(in.events), false
}

// await waits for an event that matches.
func (in *instance) await(what string, match func(event) bool) event {
	in.t.Helper()
	end := time.Now().Add(deadline)
	for time.Now().Before(end) {
		if e, _, ok := in.find(0, match); ok {
			return e
		}
		select {
		case <-in.exited:
			if e, _, ok := in.find(0, match); ok {
				return e
			}
			in.t.Fatalf("%s exited before %s: %s", in.label, what, in.stderrText())
		case <-time.After(10 * time.Millisecond):
		}
	}
	in.t.Fatalf("%s: no %s within %v", in.label, what, deadline)
	return event{}
}

// state is the latest state event (the zero event before the first).
func (in *instance) state() event {
	in.mu.Lock()
	defer in.mu.Unlock()
	for i := len(in.events) - 1; i >= 0; i-- {
		if in.events[i].Ev == "state" {
			return in.events[i]
		}
	}
	return event{}
}

// all returns the events of kind ev.
func (in *instance) all(ev string) []event {
	in.mu.Lock()
	defer in.mu.Unlock()
	var out []event
	for _, e := range in.events {
		if e.Ev == ev {
			out = append(out, e)
		}
	}
	return out
}

func (in *instance) stderrText() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.stderr.String()
}

// kill ends the instance with SIGKILL: no release, no goodbye.
func (in *instance) kill() {
	in.t.Helper()
	if err := in.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		in.t.Fatal(err)
	}
	<-in.exited
}

// lockedBuffer is a buffer written under the instance's lock.
type lockedBuffer struct {
	mu *gosync.Mutex
	b  *bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// awaitListeners waits until n sessions LISTEN on the workspace's channel, so
// no announcement made from now on is missed.
func awaitListeners(t *testing.T, admin *sql.DB, schema string, n int) {
	t.Helper()
	end := time.Now().Add(deadline)
	for time.Now().Before(end) {
		var got int
		err := admin.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND query LIKE '%cd_' || $1 || '%'`,
			schema).Scan(&got)
		if err != nil {
			t.Fatal(err)
		}
		if got >= n {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("fewer than %d instances listen to the team database", n)
}
