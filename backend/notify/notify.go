// Package notify shows desktop notifications and decides which new messages
// deserve one. The decision (Decide) is pure; delivery goes through a Notifier:
// the freedesktop D-Bus service on Linux, the Wails runtime elsewhere (wrapped
// with Func by the app), or Unsupported, which says so honestly.
package notify

import (
	"context"
	"errors"
)

// ErrUnsupported: this system offers no way to show a desktop notification.
var ErrUnsupported = errors.New("notify: desktop notifications are not available on this system")

// Notification is one desktop notification.
type Notification struct {
	// Title is the one-line summary.
	Title string
	// Body is plain text (implementations escape it where the desktop reads markup).
	Body string
	// Urgent asks the desktop to keep it visible (danger messages).
	Urgent bool
	// ConversationIDs, when set, are the conversations the notification is
	// about: clicking it may open the inbox filtered to them.
	ConversationIDs []int64
}

// Notifier delivers desktop notifications.
type Notifier interface {
	// Notify shows n, or returns ErrUnsupported or the desktop's error.
	Notify(ctx context.Context, n Notification) error
	// Name says which mechanism this is ("dbus", "wails", "none"), for Settings.
	Name() string
}

// Unsupported is the fallback Notifier: it shows nothing and says so.
type Unsupported struct{}

// Notify implements Notifier.
func (Unsupported) Notify(context.Context, Notification) error { return ErrUnsupported }

// Name implements Notifier.
func (Unsupported) Name() string { return "none" }

// Func adapts a function (for example one calling the Wails runtime's
// SendNotification) to a Notifier.
type Func struct {
	Label string
	Send  func(ctx context.Context, n Notification) error
}

// Notify implements Notifier.
func (f Func) Notify(ctx context.Context, n Notification) error {
	if f.Send == nil {
		return ErrUnsupported
	}
	return f.Send(ctx, n)
}

// Name implements Notifier.
func (f Func) Name() string { return f.Label }

// Unavailable is the error ErrorKey-translated for the UI (errors.notify.unsupported).
type Unavailable struct{ Err error }

// Error implements error.
func (e *Unavailable) Error() string { return e.Err.Error() }

// Unwrap gives the cause.
func (e *Unavailable) Unwrap() error { return e.Err }

// ErrorKey implements app.KeyedError.
func (e *Unavailable) ErrorKey() (code, key string, args map[string]string) {
	if errors.Is(e.Err, ErrUnsupported) {
		return "notify_unsupported", "errors.notify.unsupported", nil
	}
	return "notify_failed", "errors.notify.failed", map[string]string{"detail": e.Err.Error()}
}
