//go:build linux

package desktop

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// runningWindow stands in for the first instance's Wails single-instance
// listener: it owns the bus name and hands every message to got.
type runningWindow chan string

func (w runningWindow) SendMessage(message string) *dbus.Error {
	w <- message
	return nil
}

func TestRaiseRunningReachesTheOpenWindow(t *testing.T) {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Skip("no session bus (make test runs this inside one)")
	}
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	id := UniqueID(t.TempDir())
	name, path, _ := busNames(id)
	got := make(runningWindow, 1)
	if err := conn.Export(got, path, name); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own %s: reply %v err %v", name, reply, err)
	}

	if err := RaiseRunning(id, []string{"--demo"}); err != nil {
		t.Fatalf("raise: %v", err)
	}
	select {
	case msg := <-got:
		var data secondLaunch
		if err := json.Unmarshal([]byte(msg), &data); err != nil {
			t.Fatalf("message %q: %v", msg, err)
		}
		if len(data.Args) != 1 || data.Args[0] != "--demo" || data.WorkingDirectory == "" {
			t.Fatalf("message %+v", data)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the running window never heard from the second launch")
	}

	if err := RaiseRunning(UniqueID(t.TempDir()), nil); err == nil {
		t.Fatal("raising a folder nobody has open should fail")
	}
}
