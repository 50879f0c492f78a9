package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-ical"

	"creatordesk/backend/secrets"
)

func TestCalendarExportWritesAnICSFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "cal.ics")
	msg := mustRun(t, secrets.NewMemory(), "", "--data-dir", filepath.Join(dir, "ws"), "calendar", "export", "--out", out, "--from", "2026-01-01", "--to", "2026-12-31")
	if !strings.Contains(msg, out) {
		t.Fatalf("output %q", msg)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ical.NewDecoder(f).Decode(); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, secrets.NewMemory(), "", "--data-dir", filepath.Join(dir, "ws"), "calendar", "export"); code == 0 {
		t.Fatal("missing --out accepted")
	}
	if code, _, _ := run(t, secrets.NewMemory(), "", "--data-dir", filepath.Join(dir, "ws"), "calendar", "export", "--out", out, "--from", "March"); code == 0 {
		t.Fatal("bad date accepted")
	}
}
