package app

import (
	"context"
	"fmt"
	"io/fs"
	goruntime "runtime"
	"time"

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

// RunGUI opens the window with the frontend assets and binds the facades. It
// returns when the window is closed, after the session's workspace is closed.
func RunGUI(assets fs.FS, s *Session) error {
	return wails.Run(&options.App{
		Title:            "CreatorDesk",
		Width:            1280,
		Height:           820,
		MinWidth:         960,
		MinHeight:        620,
		BackgroundColour: &options.RGBA{R: 250, G: 250, B: 252, A: 255},
		AssetServer:      &assetserver.Options{Assets: assets},
		OnStartup: func(ctx context.Context) {
			s.SetRuntime(wailsRuntime{ctx: ctx})
			s.CheckKeyring(ctx)
			useWailsNotifications(ctx, s)
		},
		OnShutdown: func(ctx context.Context) {
			if goruntime.GOOS != "linux" {
				runtime.CleanupNotifications(ctx)
			}
			_ = s.Close()
		},
		ErrorFormatter: FormatError,
		Bind:           Facades(s),
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
