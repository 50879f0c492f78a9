package desktop

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPrefsRoundTripAndFileMode(t *testing.T) {
	dir := t.TempDir()
	if got := LoadPrefs(dir); got != DefaultPrefs() {
		t.Fatalf("no file: %+v, want the defaults", got)
	}
	want := Prefs{Window: Window{Width: 1500, Height: 900, X: -20, Y: 40, Placed: true}, BackgroundSync: true}
	if err := SavePrefs(dir, want); err != nil {
		t.Fatal(err)
	}
	if got := LoadPrefs(dir); got != want {
		t.Fatalf("loaded %+v, want %+v", got, want)
	}
	info, err := os.Stat(filepath.Join(dir, prefsFileName))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("prefs file mode %v, want 0600", info.Mode().Perm())
	}
	left, _ := filepath.Glob(filepath.Join(dir, prefsFileName+".*"))
	if len(left) != 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
}

func TestPrefsRejectBrokenOrAbsurdValues(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, prefsFileName)

	if err := os.WriteFile(path, []byte(`{"window": {"width": 12`), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := LoadPrefs(dir); got != DefaultPrefs() {
		t.Fatalf("truncated file: %+v, want the defaults", got)
	}

	if err := os.WriteFile(path, []byte(`{"window":{"width":200,"height":90000,"x":5,"y":9999999,"placed":true},"backgroundSync":true}`), 0o600); err != nil {
		t.Fatal(err)
	}
	got := LoadPrefs(dir)
	if got.Window.Width != DefaultWidth || got.Window.Height != DefaultHeight {
		t.Fatalf("absurd size kept: %+v", got.Window)
	}
	if got.Window.Placed || got.Window.Y != 0 {
		t.Fatalf("off-screen position kept: %+v", got.Window)
	}
	if !got.BackgroundSync {
		t.Fatalf("a bad window must not lose the other preferences: %+v", got)
	}
}
