package store

import (
	"context"
	"path/filepath"
	"testing"
)

func TestCopyKeyRoundTripKeepsTextThatLooksLikeANumber(t *testing.T) {
	for _, k := range []CopyKey{nil, {int64(42)}, {int64(-7), "12"}, {"rule:1", int64(1767225600000)}} {
		s, err := EncodeCopyKey(k)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeCopyKey(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(back) != len(k) {
			t.Fatalf("%v -> %q -> %v", k, s, back)
		}
		for i := range k {
			if back[i] != k[i] {
				t.Fatalf("%v -> %q -> %v", k, s, back)
			}
		}
	}
	if _, err := EncodeCopyKey(CopyKey{1.5}); err == nil {
		t.Fatal("a float key was encoded")
	}
	if _, err := DecodeCopyKey(`[{}]`); err == nil {
		t.Fatal("an empty key part was decoded")
	}
}

func TestCopyValuesNormalizeAlikeFromBothEngines(t *testing.T) {
	cases := []struct {
		kind ColumnKind
		in   any
		want any
	}{
		{KindInt, int64(5), int64(5)}, {KindInt, true, int64(1)}, {KindInt, []byte("12"), int64(12)}, {KindInt, 3.0, int64(3)},
		{KindFloat, int64(2), 2.0}, {KindFloat, 37.5, 37.5},
		{KindText, []byte("上海"), "上海"}, {KindText, int64(9), "9"},
		{KindInt, nil, nil},
	}
	for _, c := range cases {
		got, err := normalizeCopyValue(c.kind, c.in)
		if err != nil || got != c.want {
			t.Errorf("normalize(%d, %#v) = %#v, %v; want %#v", c.kind, c.in, got, err, c.want)
		}
	}
	if _, err := normalizeCopyValue(KindInt, "abc"); err == nil {
		t.Error("text in an integer column was accepted")
	}
	var a, b rowHasher
	a.add([]any{int64(1), "x"})
	a.add([]any{int64(2), nil})
	b.add([]any{int64(2), nil})
	b.add([]any{int64(1), "x"})
	if a.result() != b.result() {
		t.Error("the checksum depends on row order")
	}
	var c rowHasher
	c.add([]any{int64(1), "x"})
	c.add([]any{int64(2), ""})
	if c.result() == a.result() {
		t.Error("NULL and '' hash alike")
	}
}

func TestCopyTablesOfALocalWorkspace(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), FileName), Options{SkipBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tables, err := s.CopyTables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]CopyTable{}
	for _, tb := range tables {
		byName[tb.Name] = tb
	}
	for _, gone := range []string{"schema_migrations", "teamcopy_runs", "teamcopy_progress", "sqlite_sequence", "message_search_data"} {
		if _, ok := byName[gone]; ok {
			t.Errorf("%s is copied", gone)
		}
	}
	if ms := byName["message_search"]; !ms.Search || len(ms.Key) != 1 {
		t.Errorf("message_search: %+v", ms)
	}
	msgs := byName["messages"]
	if len(msgs.Key) != 1 || msgs.Key[0] != "id" || len(msgs.Parents) == 0 {
		t.Errorf("messages: key %v parents %v", msgs.Key, msgs.Parents)
	}
	if ct := byName["conversation_tags"]; len(ct.Key) != 2 {
		t.Errorf("conversation_tags key %v", ct.Key)
	}
}
