package importers_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/importers"
	"creatordesk/backend/importers/internal/importtest"
)

func TestKinds(t *testing.T) {
	if got := importers.Kinds(); !reflect.DeepEqual(got, []string{"telegram-desktop", "whatsapp", "meta"}) {
		t.Fatalf("Kinds() = %v", got)
	}
}

// samples are one good file of each kind.
var samples = []struct {
	kind, file, name, platform string
	messages                   int
}{
	{"telegram-desktop", "testdata/telegram/full_export.json", "result.json", "telegram", 8},
	{"whatsapp", "testdata/whatsapp/WhatsApp Chat with Lumen Cosmetics.txt", "WhatsApp Chat with Lumen Cosmetics.txt", "whatsapp", 7},
	{"meta", "testdata/meta/message_1.json", "message_1.json", "instagram", 6},
}

func TestParseDispatches(t *testing.T) {
	for _, s := range samples {
		a, err := importers.Parse(s.kind, bytes.NewReader(importtest.Read(t, s.file)), s.name)
		if err != nil {
			t.Fatalf("%s: %v", s.kind, err)
		}
		importtest.CheckArchive(t, a)
		if a.Kind != s.kind || a.Platform != s.platform || len(a.Messages) != s.messages {
			t.Fatalf("%s: kind %q platform %q, %d messages", s.kind, a.Kind, a.Platform, len(a.Messages))
		}
	}
}

// Each sample given as another kind is refused as a whole, never half-read.
func TestWrongKindIsAParseError(t *testing.T) {
	zipped := importtest.ZipDir(t, "testdata/meta/instagram_download", "")
	files := map[string][]byte{"meta zip": zipped}
	for _, s := range samples {
		files[s.kind+" sample"] = importtest.Read(t, s.file)
	}
	for _, kind := range importers.Kinds() {
		for what, data := range files {
			if strings.HasPrefix(what, kind) {
				continue
			}
			_, err := importers.Parse(kind, bytes.NewReader(data), "upload")
			pe := importtest.CheckParseError(t, err)
			t.Logf("%s given as %s: %v", what, kind, pe)
		}
	}
}

func TestEmptyFile(t *testing.T) {
	for _, kind := range importers.Kinds() {
		_, err := importers.Parse(kind, bytes.NewReader(importtest.Read(t, "testdata/empty.txt")), "empty.txt")
		pe := importtest.CheckParseError(t, err)
		if pe.Error() != "import empty.txt: file: the file is empty" {
			t.Fatalf("%s: %v", kind, pe)
		}
	}
}

func TestUnknownKind(t *testing.T) {
	_, err := importers.Parse("signal", strings.NewReader("x"), "x")
	pe := importtest.CheckParseError(t, err)
	if pe.Where != "kind" || pe.Why != `unknown import kind "signal": say one of telegram-desktop, whatsapp, meta` {
		t.Fatalf("%+v", pe)
	}
}

// ParseFile reads a zip in place from the file.
func TestParseFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "instagram-andreea-2024.zip")
	if err := os.WriteFile(path, importtest.ZipDir(t, "testdata/meta/instagram_download", "download/"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := importers.ParseFile("meta", path, importers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	importtest.CheckArchive(t, a)
	if len(a.Messages) != 5 || a.Owner.DisplayName != "Andreea Mureșan" || a.Platform != "instagram" {
		t.Fatalf("%d messages, owner %+v, platform %q", len(a.Messages), a.Owner, a.Platform)
	}
	_, err = importers.ParseFile("meta", filepath.Join(t.TempDir(), "missing.zip"), importers.Options{})
	if pe := importtest.CheckParseError(t, err); !strings.Contains(pe.Why, "cannot open the file") {
		t.Fatalf("%+v", pe)
	}
}

func TestParseDateOrder(t *testing.T) {
	for in, want := range map[string]importers.DateOrder{"": importers.DateOrderAuto, "auto": "", "DMY": importers.DayFirst, "mdy": importers.MonthFirst, " month-first ": importers.MonthFirst} {
		if got, err := importers.ParseDateOrder(in); err != nil || got != want {
			t.Errorf("ParseDateOrder(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := importers.ParseDateOrder("ymd"); err == nil {
		t.Error("ymd accepted")
	}
}

func TestParseZone(t *testing.T) {
	when := time.Date(2024, 1, 15, 12, 0, 0, 0, time.UTC)
	for in, offset := range map[string]int{"": 0, "UTC": 0, "+02:00": 7200, "-0530": -19800, "UTC+2": 7200, "GMT-3": -10800} {
		loc, err := importers.ParseZone(in)
		if err != nil {
			t.Errorf("ParseZone(%q): %v", in, err)
			continue
		}
		if _, got := when.In(loc).Zone(); got != offset {
			t.Errorf("ParseZone(%q) offset %d, want %d", in, got, offset)
		}
	}
	for _, bad := range []string{"Mars/Olympus", "+25:00"} {
		if _, err := importers.ParseZone(bad); err == nil {
			t.Errorf("ParseZone(%q) accepted", bad)
		}
	}
	if loc, err := importers.ParseZone("Europe/Bucharest"); err == nil {
		if _, off := when.In(loc).Zone(); off != 7200 {
			t.Errorf("Europe/Bucharest in January: %d", off)
		}
	}
}
