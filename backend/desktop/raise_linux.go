//go:build linux

package desktop

import (
	"encoding/json"
	"os"
	"strings"

	"github.com/godbus/dbus/v5"
)

// busNames are the D-Bus name, object path and method through which the
// running window (Wails' SingleInstanceLock on Linux) accepts a "second
// launch" message and comes to the front.
func busNames(uniqueID string) (name string, path dbus.ObjectPath, method string) {
	id := "wails_app_" + strings.NewReplacer("-", "_", ".", "_").Replace(uniqueID)
	name = "org." + id + ".SingleInstance"
	return name, dbus.ObjectPath("/org/" + id + "/SingleInstance"), name + ".SendMessage"
}

// secondLaunch is the message the running window reads (Wails'
// options.SecondInstanceData, by field name).
type secondLaunch struct {
	Args             []string
	WorkingDirectory string
}

// RaiseRunning asks the window already open on the same data folder to come to
// the front, over the session bus. It fails when there is no session bus or no
// window answers; the caller then just says the app is already open.
func RaiseRunning(uniqueID string, args []string) error {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return err
	}
	defer conn.Close()
	wd, _ := os.Getwd()
	msg, err := json.Marshal(secondLaunch{Args: args, WorkingDirectory: wd})
	if err != nil {
		return err
	}
	name, path, method := busNames(uniqueID)
	return conn.Object(name, path).Call(method, 0, string(msg)).Store()
}
