package notify

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"github.com/godbus/dbus/v5"
)

// The freedesktop notification service (Desktop Notifications Specification 1.2).
const (
	dbusName   = "org.freedesktop.Notifications"
	dbusPath   = "/org/freedesktop/Notifications"
	dbusNotify = dbusName + ".Notify"
)

// DBus shows notifications through org.freedesktop.Notifications on a
// session bus (GNOME, KDE, XFCE, dunst, mako...).
type DBus struct {
	conn    *dbus.Conn
	appName string
}

// NewDBus uses an open bus connection (the session bus, or a test's private bus).
func NewDBus(conn *dbus.Conn, appName string) *DBus { return &DBus{conn: conn, appName: appName} }

// ConnectSession connects to the user's session bus and checks that a
// notification service is there (running or activatable); otherwise it returns
// ErrUnsupported.
func ConnectSession(appName string) (*DBus, error) {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	d := NewDBus(conn, appName)
	if !d.serviceAvailable() {
		_ = conn.Close()
		return nil, ErrUnsupported
	}
	return d, nil
}

// serviceAvailable reports whether the notification service runs or can be started.
func (d *DBus) serviceAvailable() bool {
	var has bool
	if err := d.conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, dbusName).Store(&has); err == nil && has {
		return true
	}
	var names []string
	if err := d.conn.BusObject().Call("org.freedesktop.DBus.ListActivatableNames", 0).Store(&names); err == nil {
		for _, n := range names {
			if n == dbusName {
				return true
			}
		}
	}
	return false
}

// Notify implements Notifier.
func (d *DBus) Notify(ctx context.Context, n Notification) error {
	urgency := byte(1)
	if n.Urgent {
		urgency = 2
	}
	hints := map[string]dbus.Variant{
		"urgency":       dbus.MakeVariant(urgency),
		"category":      dbus.MakeVariant("im.received"),
		"desktop-entry": dbus.MakeVariant(strings.ToLower(d.appName)),
	}
	var id uint32
	call := d.conn.Object(dbusName, dbusPath).CallWithContext(ctx, dbusNotify, 0,
		d.appName, uint32(0), "", n.Title, escapeMarkup(n.Body), []string{}, hints, int32(-1))
	if call.Err != nil {
		if de, ok := call.Err.(dbus.Error); ok && de.Name == "org.freedesktop.DBus.Error.ServiceUnknown" {
			return ErrUnsupported
		}
		return fmt.Errorf("notify: %w", call.Err)
	}
	return call.Store(&id)
}

// Name implements Notifier.
func (d *DBus) Name() string { return "dbus" }

// Close closes the bus connection.
func (d *DBus) Close() error { return d.conn.Close() }

// escapeMarkup keeps customer text literal on servers that read body markup.
func escapeMarkup(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// System returns the best Notifier this process can use without the GUI
// runtime: D-Bus on Linux and the BSDs when a notification service answers,
// else Unsupported. (On macOS and Windows the app wraps the Wails runtime's
// SendNotification in a Func instead.)
func System(appName string) Notifier {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd":
		if d, err := ConnectSession(appName); err == nil {
			return d
		}
	}
	return Unsupported{}
}
