package notify

import (
	"bufio"
	"context"
	"errors"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// privateBus starts a real dbus-daemon with the session configuration, private
// to this test, and returns its address.
func privateBus(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Skip("dbus-daemon is not installed")
	}
	cmd := exec.Command(bin, "--session", "--nofork", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon address: %v", err)
	}
	return strings.TrimSpace(line)
}

// connect opens a private connection to the bus at addr.
func connect(t *testing.T, addr string) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

// fakeDaemon is a tiny org.freedesktop.Notifications service that records calls.
type fakeDaemon struct {
	mu   sync.Mutex
	got  []received
	next uint32
}

type received struct {
	app, summary, body string
	urgency            byte
	timeout            int32
}

// Notify implements the service's Notify method.
func (f *fakeDaemon) Notify(app string, replaces uint32, icon, summary, body string, actions []string,
	hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var urgency byte
	if v, ok := hints["urgency"]; ok {
		urgency, _ = v.Value().(byte)
	}
	f.got = append(f.got, received{app, summary, body, urgency, timeout})
	f.next++
	return f.next, nil
}

func (f *fakeDaemon) calls() []received {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]received(nil), f.got...)
}

func TestDBusNotifierAgainstARealBus(t *testing.T) {
	addr := privateBus(t)
	client := NewDBus(connect(t, addr), "CreatorDesk")
	if client.serviceAvailable() {
		t.Fatal("no daemon yet, but the service looks available")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := client.Notify(ctx, Notification{Title: "x"}); !errors.Is(err, ErrUnsupported) {
		t.Fatalf("without a daemon: %v", err)
	}

	daemonConn := connect(t, addr)
	fake := &fakeDaemon{}
	if err := daemonConn.Export(fake, dbusPath, dbusName); err != nil {
		t.Fatal(err)
	}
	if reply, err := daemonConn.RequestName(dbusName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("request name: %v %v", reply, err)
	}
	if !client.serviceAvailable() {
		t.Fatal("daemon running, service not seen")
	}
	if err := client.Notify(ctx, Notification{Title: "Urgent: Ana", Body: "<b>refund</b> & now", Urgent: true}); err != nil {
		t.Fatal(err)
	}
	if err := client.Notify(ctx, Notification{Title: "Wei", Body: "请问多少钱？"}); err != nil {
		t.Fatal(err)
	}
	got := fake.calls()
	if len(got) != 2 {
		t.Fatalf("daemon got %d notifications", len(got))
	}
	if got[0].app != "CreatorDesk" || got[0].summary != "Urgent: Ana" || got[0].body != "&lt;b&gt;refund&lt;/b&gt; &amp; now" || got[0].urgency != 2 || got[0].timeout != -1 {
		t.Fatalf("first: %+v", got[0])
	}
	if got[1].body != "请问多少钱？" || got[1].urgency != 1 {
		t.Fatalf("second: %+v", got[1])
	}
}

func TestUnsupportedSaysSo(t *testing.T) {
	var n Notifier = Unsupported{}
	if err := n.Notify(context.Background(), Notification{Title: "x"}); !errors.Is(err, ErrUnsupported) || n.Name() != "none" {
		t.Fatalf("unsupported: %v", err)
	}
	var ke interface {
		ErrorKey() (string, string, map[string]string)
	}
	if !errors.As(error(&Unavailable{Err: ErrUnsupported}), &ke) {
		t.Fatal("no key")
	}
	if _, key, _ := ke.ErrorKey(); key != "errors.notify.unsupported" {
		t.Fatalf("key %s", key)
	}
	f := Func{Label: "wails"}
	if err := f.Notify(context.Background(), Notification{}); !errors.Is(err, ErrUnsupported) {
		t.Fatal("empty Func must be unsupported")
	}
}
