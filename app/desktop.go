package app

import (
	"context"
	"errors"
	"net/http"
	gosync "sync"
	"time"

	"creatordesk/backend/desktop"
)

// Window is what the Desktop facade needs from the app window (Wails in the
// GUI, a recorder in tests).
type Window interface {
	// Quit ends the app, even when closing the window would only hide it.
	Quit()
	// Show brings the window back (after it was hidden or minimised) and to the front.
	Show()
	// OpenURL opens an https page in the person's browser.
	OpenURL(url string)
}

// Desktop is the bound facade for what belongs to this machine rather than to
// a workspace: background sync, the optional update check, the guided tour,
// quitting. Its preferences live in desktop.json in the data folder (0600).
type Desktop struct {
	s       *Session
	dir     string
	feedURL string
	client  *http.Client

	mu     gosync.Mutex
	window Window
	// quitting is set by Quit so that closing no longer just hides the window.
	quitting bool
}

// NewDesktop binds the facade to a session, the folder its preferences live in
// and the build's update feed ("" = none).
func NewDesktop(s *Session, prefsDir, feedURL string) *Desktop {
	return &Desktop{s: s, dir: prefsDir, feedURL: feedURL, client: &http.Client{Timeout: 15 * time.Second}}
}

// SetWindow connects the facade to the open window (called at startup).
func (d *Desktop) SetWindow(w Window) {
	d.mu.Lock()
	d.window = w
	d.mu.Unlock()
}

// Prefs returns the saved preferences (the window geometry included).
func (d *Desktop) Prefs() desktop.Prefs {
	d.mu.Lock()
	defer d.mu.Unlock()
	return desktop.LoadPrefs(d.dir)
}

// update changes the saved preferences under the lock.
func (d *Desktop) update(change func(*desktop.Prefs)) (DesktopDTO, error) {
	d.mu.Lock()
	p := desktop.LoadPrefs(d.dir)
	change(&p)
	err := desktop.SavePrefs(d.dir, p)
	d.mu.Unlock()
	if err != nil {
		return DesktopDTO{}, err
	}
	return d.Get()
}

// Get returns the machine's desktop preferences.
func (d *Desktop) Get() (DesktopDTO, error) {
	p := d.Prefs()
	return DesktopDTO{
		BackgroundSync: p.BackgroundSync,
		UpdateCheck:    p.UpdateCheck,
		UpdateFeed:     d.feedURL != "",
		TourDone:       p.TourDone,
		Version:        Version,
	}, nil
}

// SetBackgroundSync chooses whether closing the window keeps the app syncing
// (hidden; opening CreatorDesk again shows it) or quits.
func (d *Desktop) SetBackgroundSync(on bool) (DesktopDTO, error) {
	return d.update(func(p *desktop.Prefs) { p.BackgroundSync = on })
}

// SetUpdateCheck turns the optional update check on or off (off by default).
func (d *Desktop) SetUpdateCheck(on bool) (DesktopDTO, error) {
	return d.update(func(p *desktop.Prefs) { p.UpdateCheck = on })
}

// SetTourDone records that the guided tour was finished or skipped (false
// offers it again).
func (d *Desktop) SetTourDone(done bool) (DesktopDTO, error) {
	return d.update(func(p *desktop.Prefs) { p.TourDone = done })
}

// CheckForUpdates asks the build's update feed for a newer version. It refuses
// while the check is off: the app makes no network call the person did not ask for.
func (d *Desktop) CheckForUpdates() (UpdateDTO, error) {
	if !d.Prefs().UpdateCheck {
		return UpdateDTO{}, &AppError{Code: "update_check_off", Key: "errors.desktop.updateCheckOff", Message: "the update check is off"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	r, err := desktop.CheckForUpdate(ctx, d.client, d.feedURL, Version)
	switch {
	case errors.Is(err, desktop.ErrNoUpdateFeed):
		return UpdateDTO{}, &AppError{Code: "no_update_feed", Key: "errors.desktop.noUpdateFeed", Message: err.Error()}
	case errors.Is(err, desktop.ErrBadUpdateFeed):
		return UpdateDTO{}, &AppError{Code: "bad_update_feed", Key: "errors.desktop.badUpdateFeed", Message: err.Error()}
	case err != nil:
		return UpdateDTO{}, &AppError{Code: "update_unreachable", Key: "errors.desktop.updateUnreachable", Message: err.Error()}
	}
	return UpdateDTO{Current: Version, Latest: r.Version, Newer: r.Newer, URL: r.URL, Notes: r.Notes}, nil
}

// OpenDownload opens the release page of the last check in the browser.
func (d *Desktop) OpenDownload(url string) error {
	if len(url) < 8 || url[:8] != "https://" {
		return invalidInput("download address")
	}
	d.mu.Lock()
	w := d.window
	d.mu.Unlock()
	if w != nil {
		w.OpenURL(url)
	}
	return nil
}

// Quit ends the app now, whatever the background-sync choice.
func (d *Desktop) Quit() error {
	d.mu.Lock()
	d.quitting = true
	w := d.window
	d.mu.Unlock()
	if w != nil {
		w.Quit()
	}
	return nil
}

// KeepRunningOnClose is asked when the window is being closed: true means hide
// the window and keep syncing, false means quit.
func (d *Desktop) KeepRunningOnClose() bool {
	d.mu.Lock()
	quitting := d.quitting
	d.mu.Unlock()
	return !quitting && d.Prefs().BackgroundSync
}

// SaveWindow remembers the window's geometry for the next start. A failure is
// not worth an error: the next start just uses the default size.
func (d *Desktop) SaveWindow(w desktop.Window) {
	if w.Width <= 0 || w.Height <= 0 {
		return
	}
	_, _ = d.update(func(p *desktop.Prefs) {
		if w.Maximised {
			// Keep the size to return to when the person un-maximises.
			p.Window.Maximised = true
			return
		}
		p.Window = w
		p.Window.Placed = true
	})
}

// ErrAlreadyRunning is returned when the app is already open on the same data
// folder and its window could not be brought to the front.
var ErrAlreadyRunning = &AppError{Code: "already_running", Key: "errors.desktop.alreadyRunning",
	Message: "CreatorDesk is already open on this data folder; switch to its window"}
