package store

import (
	"context"
	"os"
	"testing"
)

// BenchmarkConversationListWorkspace times the inbox list views on a copy of
// the benchmark workspace (CD_BENCH_WORKSPACE=/path/to/copy.db; skipped
// without it): the filtered views cmd/bench measures, one page of 50.
func BenchmarkConversationListWorkspace(b *testing.B) {
	path := os.Getenv("CD_BENCH_WORKSPACE")
	if path == "" {
		b.Skip("CD_BENCH_WORKSPACE names a copy of bench/workspace.db")
	}
	st, err := Open(path, Options{SkipBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	views := []struct {
		name string
		f    ConversationFilter
	}{
		{"first", ConversationFilter{}},
		{"unread", ConversationFilter{UnreadOnly: true}},
		{"youtube", ConversationFilter{Platform: "youtube"}},
		{"telegram", ConversationFilter{Platform: "telegram"}},
		{"telegram_unread", ConversationFilter{Platform: "telegram", UnreadOnly: true}},
	}
	for _, v := range views {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				page, _, err := st.Conversations(ctx, v.f, ConversationCursor{}, 50)
				if err != nil || len(page) != 50 {
					b.Fatal(err, len(page))
				}
			}
		})
	}
}
