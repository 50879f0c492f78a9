package app

import (
	"context"
	"fmt"
	"io/fs"
	goruntime "runtime"
	"time"

	"creatordesk/backend/desktop"
	"creatordesk/backend/notify"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// wailsRuntime is the Runtime backed by the Wails runtime of a running window.
type wailsRuntime struct{ ctx context.Context }

// Emit implements Runtime.
func (r wailsRuntime) Emit(event string, payload any) { runtime.EventsEmit(r.ctx, event, payload) }

// OpenURL implements URLOpener: the system browser (OAuth sign-in pages).
func (r wailsRuntime) OpenURL(_ context.Context, url string) error {
	runtime.BrowserOpenURL(r.ctx, url)
	return nil
}

// wailsWindow is the Window backed by the Wails runtime.
type wailsWindow struct{ ctx context.Context }

// Quit implements Window.
func (w wailsWindow) Quit() { runtime.Quit(w.ctx) }

// Show implements Window.
func (w wailsWindow) Show() {
	runtime.WindowShow(w.ctx)
	runtime.WindowUnminimise(w.ctx)
}

// OpenURL implements Window.
func (w wailsWindow) OpenURL(url string) { runtime.BrowserOpenURL(w.ctx, url) }

// geometry reads the window's current size and position.
func (w wailsWindow) geometry() desktop.Window {
	width, height := runtime.WindowGetSize(w.ctx)
	x, y := runtime.WindowGetPosition(w.ctx)
	return desktop.Window{Width: width, Height: height, X: x, Y: y, Maximised: runtime.WindowIsMaximised(w.ctx)}
}

// GUIOptions are what the window needs besides the session.
type GUIOptions struct {
	// Desktop is the machine-level facade (preferences, quit, update check).
	Desktop *Desktop
	// UniqueID names this data folder's window for single-instance messaging:
	// launching CreatorDesk again on the same folder shows this window.
	UniqueID string
}

// RunGUI opens the window with the frontend assets and binds the facades. It
// returns when the app quits, after the session's workspace is closed. The
// window opens at its remembered size and position; closing it hides it
// instead when background sync is on.
func RunGUI(assets fs.FS, s *Session, o GUIOptions) error {
	d := o.Desktop
	prefs := d.Prefs()
	var win wailsWindow
	start := options.Normal
	if prefs.Window.Maximised {
		start = options.Maximised
	}
	return wails.Run(&options.App{
		Title:            "CreatorDesk",
		Width:            prefs.Window.Width,
		Height:           prefs.Window.Height,
		MinWidth:         desktop.MinWidth,
		MinHeight:        desktop.MinHeight,
		WindowStartState: start,
		BackgroundColour: &options.RGBA{R: 250, G: 250, B: 252, A: 255},
		AssetServer:      &assetserver.Options{Assets: assets},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               o.UniqueID,
			OnSecondInstanceLaunch: func(options.SecondInstanceData) { win.Show() },
		},
		OnStartup: func(ctx context.Context) {
			win = wailsWindow{ctx: ctx}
			d.SetWindow(win)
			s.SetRuntime(wailsRuntime{ctx: ctx})
			s.CheckKeyring(ctx)
			useWailsNotifications(ctx, s)
		},
		OnDomReady: func(ctx context.Context) {
			if prefs.Window.Placed && !prefs.Window.Maximised {
				runtime.WindowSetPosition(ctx, prefs.Window.X, prefs.Window.Y)
			}
		},
		OnBeforeClose: func(ctx context.Context) bool {
			d.SaveWindow(win.geometry())
			if d.KeepRunningOnClose() {
				runtime.WindowHide(ctx)
				return true // keep running and syncing; launching again shows the window
			}
			return false
		},
		OnShutdown: func(ctx context.Context) {
			if goruntime.GOOS != "linux" {
				runtime.CleanupNotifications(ctx)
			}
			_ = s.Close()
		},
		ErrorFormatter: FormatError,
		Bind:           append(Facades(s), d),
	})
}

// useWailsNotifications routes desktop notifications through the Wails runtime
// on macOS and Windows. Linux keeps the D-Bus notifier (backend/notify), which
// needs no window and is tested against a real bus.
func useWailsNotifications(ctx context.Context, s *Session) {
	if goruntime.GOOS == "linux" || runtime.InitializeNotifications(ctx) != nil {
		return
	}
	s.SetNotifier(notify.Func{Label: "wails", Send: func(_ context.Context, n notify.Notification) error {
		return runtime.SendNotification(ctx, runtime.NotificationOptions{
			ID: fmt.Sprint(time.Now().UnixNano()), Title: n.Title, Body: n.Body})
	}})
}
