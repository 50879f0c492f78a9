package archive

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestLimitReader(t *testing.T) {
	data, err := io.ReadAll(LimitReader(strings.NewReader("12345"), 5))
	if err != nil || string(data) != "12345" {
		t.Fatalf("at the limit: %q %v", data, err)
	}
	_, err = io.ReadAll(LimitReader(strings.NewReader("123456"), 5))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("over the limit: %v", err)
	}
	if pe := ReadError("f", err); pe.Why != "the file is larger than 2 GiB, the most one import reads" {
		t.Fatalf("%+v", pe)
	}
}

func TestHashID(t *testing.T) {
	if HashID("ab", "c") == HashID("a", "bc") || HashID("a") != HashID("a") || len(HashID()) != 32 {
		t.Fatal("HashID must separate parts, be stable and 32 hex characters long")
	}
	// Pinned: stored ids depend on it.
	if got := HashID("thread", "2024-01-01T00:00:00", "Ana", "hi", "0"); got != "673b0b2b9ac9f94dbd59170ce75287ec" {
		t.Fatalf("HashID changed: %s", got)
	}
	occ := Occurrences{}
	if occ.Next("a", "b") != 0 || occ.Next("a", "b") != 1 || occ.Next("ab") != 0 {
		t.Fatal("Occurrences")
	}
}

func TestOpen(t *testing.T) {
	in, err := Open(bytes.NewReader([]byte("PK\x03\x04rest")), "a.zip")
	if err != nil || !in.IsZip {
		t.Fatalf("%v %v", in, err)
	}
	in, err = Open(strings.NewReader(" \n{\"a\":1}"), "a.json")
	if err != nil || in.IsZip || !in.LooksLikeJSON() || in.Opening() != `""` {
		t.Fatalf("%+v %v %q", in, err, in.Opening())
	}
	for text, want := range map[string]bool{`[{"a":1}]`: true, `[]`: true, "[31.12.23, 21:41:05] Ana: hi": false, "12/31/23": false} {
		in, _ := Open(strings.NewReader(text), "x")
		if in.LooksLikeJSON() != want {
			t.Errorf("LooksLikeJSON(%q) != %v", text, want)
		}
	}
	in, _ = Open(bytes.NewReader([]byte{0, 1, 2, 'P'}), "b")
	if in.Opening() != "binary data" {
		t.Fatalf("%q", in.Opening())
	}
	if _, err := Open(strings.NewReader(""), "e"); err == nil || err.Error() != "import e: file: the file is empty" {
		t.Fatalf("%v", err)
	}
}

func TestPreview(t *testing.T) {
	if got := Preview("a  b\n c", 10); got != "a b c" {
		t.Fatalf("%q", got)
	}
	if got := Preview("ăâîșțăâîșț!", 5); got != "ăâîșț…" {
		t.Fatalf("%q", got)
	}
}
