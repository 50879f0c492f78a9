package app

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"creatordesk/backend/desktop"
)

// windowRecorder stands in for the Wails window.
type windowRecorder struct {
	quits  int
	opened []string
}

func (w *windowRecorder) Quit()              { w.quits++ }
func (w *windowRecorder) Show()              {}
func (w *windowRecorder) OpenURL(url string) { w.opened = append(w.opened, url) }

func TestDesktopBackgroundSyncDecidesWhatClosingDoes(t *testing.T) {
	s, _, _, _ := newSession(t)
	d := NewDesktop(s, t.TempDir(), "")
	w := &windowRecorder{}
	d.SetWindow(w)

	if d.KeepRunningOnClose() {
		t.Fatal("background sync is off by default: closing must quit")
	}
	dto, err := d.SetBackgroundSync(true)
	if err != nil || !dto.BackgroundSync {
		t.Fatalf("SetBackgroundSync: %+v %v", dto, err)
	}
	if !d.KeepRunningOnClose() {
		t.Fatal("with background sync on, closing should hide the window")
	}
	if err := d.Quit(); err != nil {
		t.Fatal(err)
	}
	if w.quits != 1 || d.KeepRunningOnClose() {
		t.Fatalf("Quit must end the app even with background sync on (quits %d)", w.quits)
	}
}

func TestDesktopRemembersTheWindow(t *testing.T) {
	s, _, _, _ := newSession(t)
	dir := t.TempDir()
	d := NewDesktop(s, dir, "")
	d.SaveWindow(desktop.Window{Width: 1400, Height: 900, X: 30, Y: 60})
	d.SaveWindow(desktop.Window{Width: 2560, Height: 1400, Maximised: true})

	got := NewDesktop(s, dir, "").Prefs().Window
	want := desktop.Window{Width: 1400, Height: 900, X: 30, Y: 60, Maximised: true, Placed: true}
	if got != want {
		t.Fatalf("window %+v, want %+v (maximised keeps the size to return to)", got, want)
	}
}

func TestDesktopUpdateCheckIsOffUntilTurnedOn(t *testing.T) {
	s, _, _, _ := newSession(t)
	calls := 0
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		_, _ = w.Write([]byte(`{"version":"99.0.0","url":"https://example.org/download","notes":"New"}`))
	}))
	defer feed.Close()
	d := NewDesktop(s, t.TempDir(), feed.URL)

	dto, _ := d.Get()
	if dto.UpdateCheck || !dto.UpdateFeed {
		t.Fatalf("defaults: %+v (check off, feed present)", dto)
	}
	if _, err := d.CheckForUpdates(); ToAppError(err).Code != "update_check_off" {
		t.Fatalf("check while off: %v", err)
	}
	if calls != 0 {
		t.Fatalf("the feed was contacted %d times while the check was off", calls)
	}
	if _, err := d.SetUpdateCheck(true); err != nil {
		t.Fatal(err)
	}
	up, err := d.CheckForUpdates()
	if err != nil {
		t.Fatal(err)
	}
	if !up.Newer || up.Latest != "99.0.0" || up.URL != "https://example.org/download" || calls != 1 {
		t.Fatalf("update %+v after %d calls", up, calls)
	}

	none := NewDesktop(s, t.TempDir(), "")
	_, _ = none.SetUpdateCheck(true)
	if _, err := none.CheckForUpdates(); ToAppError(err).Code != "no_update_feed" {
		t.Fatalf("a build without a feed: %v", err)
	}
}

func TestDesktopOpensOnlyHTTPSDownloads(t *testing.T) {
	s, _, _, _ := newSession(t)
	d := NewDesktop(s, t.TempDir(), "")
	w := &windowRecorder{}
	d.SetWindow(w)
	if err := d.OpenDownload("javascript:alert(1)"); err == nil {
		t.Fatal("a non-https address was accepted")
	}
	if err := d.OpenDownload("https://example.org/dl"); err != nil {
		t.Fatal(err)
	}
	if len(w.opened) != 1 || w.opened[0] != "https://example.org/dl" {
		t.Fatalf("opened %v", w.opened)
	}
}

func TestDesktopTourDoneIsRemembered(t *testing.T) {
	s, _, _, _ := newSession(t)
	dir := t.TempDir()
	if _, err := NewDesktop(s, dir, "").SetTourDone(true); err != nil {
		t.Fatal(err)
	}
	if dto, _ := NewDesktop(s, dir, "").Get(); !dto.TourDone {
		t.Fatal("tour state lost")
	}
}
