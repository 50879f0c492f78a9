package teamcopy

import (
	"slices"
	"testing"

	"creatordesk/backend/store"
)

func TestCopyOrderPutsParentsFirst(t *testing.T) {
	tables := []store.CopyTable{
		{Name: "messages", Parents: []string{"conversations", "accounts"}},
		{Name: "accounts"},
		{Name: "conversations", Parents: []string{"accounts", "contacts"}},
		{Name: "contacts"},
		{Name: "loop_a", Parents: []string{"loop_b"}},
		{Name: "loop_b", Parents: []string{"loop_a"}},
		{Name: "notes", Parents: []string{"conversations", "not_copied"}},
	}
	var names []string
	for _, tb := range copyOrder(tables) {
		names = append(names, tb.Name)
	}
	want := []string{"accounts", "contacts", "conversations", "messages", "notes", "loop_a", "loop_b"}
	if !slices.Equal(names, want) {
		t.Fatalf("order %v, want %v", names, want)
	}
}
