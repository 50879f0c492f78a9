package desktop

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// prefsFileName is the machine's desktop preferences inside the data folder.
const prefsFileName = "desktop.json"

// Window is the main window's last size and position in screen pixels.
type Window struct {
	Width     int  `json:"width"`
	Height    int  `json:"height"`
	X         int  `json:"x"`
	Y         int  `json:"y"`
	Maximised bool `json:"maximised"`
	// Placed is true once a position was saved (0,0 is a real position).
	Placed bool `json:"placed"`
}

// Prefs are the preferences of the app on this machine, never shared with a team.
type Prefs struct {
	Window Window `json:"window"`
	// BackgroundSync keeps the app running and syncing when its window is
	// closed; opening CreatorDesk again brings the window back.
	BackgroundSync bool `json:"backgroundSync"`
	// UpdateCheck lets the app ask the update feed for a newer version when the
	// person presses "Check now" or at start. Off unless they turn it on.
	UpdateCheck bool `json:"updateCheck"`
	// TourDone is set once the guided tour was finished or skipped.
	TourDone bool `json:"tourDone"`
}

// Default window size, also the smallest the app accepts from the file.
const (
	DefaultWidth  = 1280
	DefaultHeight = 820
	MinWidth      = 960
	MinHeight     = 620
	// maxSide guards against a corrupted file asking for an absurd window.
	maxSide = 16384
)

// DefaultPrefs are the preferences of a machine that never saved any.
func DefaultPrefs() Prefs {
	return Prefs{Window: Window{Width: DefaultWidth, Height: DefaultHeight}}
}

// LoadPrefs reads the preferences of dir. A missing or unreadable file gives
// the defaults: losing a window size must never keep the app from opening.
func LoadPrefs(dir string) Prefs {
	p := DefaultPrefs()
	data, err := os.ReadFile(filepath.Join(dir, prefsFileName))
	if err != nil {
		return p
	}
	var read Prefs
	if json.Unmarshal(data, &read) != nil {
		return p
	}
	read.Window = sane(read.Window)
	return read
}

// sane keeps a saved window within the sizes the app supports.
func sane(w Window) Window {
	if w.Width < MinWidth || w.Width > maxSide || w.Height < MinHeight || w.Height > maxSide {
		w.Width, w.Height = DefaultWidth, DefaultHeight
	}
	if w.X < -maxSide || w.X > maxSide || w.Y < -maxSide || w.Y > maxSide {
		w.X, w.Y, w.Placed = 0, 0, false
	}
	return w
}

// SavePrefs writes the preferences of dir atomically (a crash leaves the old
// file or the new one, never half of one), readable by the owner only.
func SavePrefs(dir string, p Prefs) error {
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, prefsFileName+".*")
	if err != nil {
		return err
	}
	defer func() { _ = os.Remove(tmp.Name()) }()
	if err := tmp.Chmod(0o600); err != nil && !errors.Is(err, fs.ErrPermission) {
		_ = tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, prefsFileName))
}
