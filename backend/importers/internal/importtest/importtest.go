// Package importtest holds checks the importers' tests and fuzz targets share.
package importtest

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"creatordesk/backend/importers/archive"
	"creatordesk/backend/platforms"
)

// CheckArchive fails t unless a is well formed: every message has a unique
// ExternalID, a thread, kind dm, a direction, a UTC time and valid UTF-8 text.
func CheckArchive(t testing.TB, a archive.Archive) {
	t.Helper()
	seen := map[string]bool{}
	for i, m := range a.Messages {
		switch {
		case m.ExternalID == "" || seen[m.ExternalID]:
			t.Fatalf("message %d: empty or repeated ExternalID %q", i, m.ExternalID)
		case m.ThreadExternalID == "":
			t.Fatalf("message %d: no ThreadExternalID", i)
		case m.ThreadKind != platforms.ThreadDM:
			t.Fatalf("message %d: thread kind %q", i, m.ThreadKind)
		case m.Direction != platforms.DirectionIn && m.Direction != platforms.DirectionOut:
			t.Fatalf("message %d: direction %q", i, m.Direction)
		case m.SentAt.IsZero() || m.SentAt.Location().String() != "UTC":
			t.Fatalf("message %d: SentAt %v is not a UTC time", i, m.SentAt)
		case m.EditedAt != nil && m.EditedAt.Location().String() != "UTC":
			t.Fatalf("message %d: EditedAt %v is not UTC", i, m.EditedAt)
		case !utf8.ValidString(m.Text) || !utf8.ValidString(m.Author.DisplayName) || !utf8.ValidString(m.ThreadTitle):
			t.Fatalf("message %d: invalid UTF-8 in %+v", i, m)
		case m.Text == "" && len(m.Attachments) == 0:
			t.Fatalf("message %d: neither text nor attachments", i)
		}
		seen[m.ExternalID] = true
	}
	for _, p := range a.Skipped {
		if p.Where == "" || p.Why == "" {
			t.Fatalf("skipped item without where or why: %+v", p)
		}
	}
	if a.Kind == "" || a.Platform == "" || a.AccountID == "" || a.AccountName == "" {
		t.Fatalf("archive without kind, platform or account: %+v", a)
	}
}

// CheckParseError fails t unless err is a *archive.ParseError with a where and a why.
func CheckParseError(t testing.TB, err error) *archive.ParseError {
	t.Helper()
	var pe *archive.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	if pe.Where == "" || pe.Why == "" {
		t.Fatalf("ParseError without where or why: %+v", pe)
	}
	return pe
}

// Same fails t unless two parses of the same input agree exactly.
func Same(t testing.TB, a, b archive.Archive, errA, errB error) {
	t.Helper()
	if (errA == nil) != (errB == nil) || (errA != nil && errA.Error() != errB.Error()) {
		t.Fatalf("two parses disagree on the error: %v / %v", errA, errB)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("two parses of the same input differ")
	}
}

// ZipDir builds a zip in memory from the files under dir, named by their
// path relative to dir (prefixed with prefix), in sorted order.
func ZipDir(t testing.TB, dir, prefix string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.Create(prefix + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ZipFiles builds a zip in memory from name → content pairs, in the given order.
func ZipFiles(t testing.TB, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Read returns a test file's content.
func Read(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Contains fails t unless s contains every part.
func Contains(t testing.TB, what, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Fatalf("%s %q does not contain %q", what, s, p)
		}
	}
}
