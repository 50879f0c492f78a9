package store

import (
	"context"
	"testing"

	"creatordesk/backend/platforms"
)

// Search matches a run of Chinese characters as a phrase (adjacent, in order),
// Hindi words with their vowel signs whole, and punctuation as a separator, on
// both dialects alike.
func TestSearchPhrasesAndSeparatorsMatchOnBothDialects(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := addAccount(t, s, "telegram", "1")
	texts := []string{"子弹不是杯", "这个杯子，很好", "नमस्ते, कपड़ा चाहिए", "order#42 (late)"}
	var page []platforms.Message
	for i, txt := range texts {
		page = append(page, msg("t", "t:"+string(rune('a'+i)), txt, i))
	}
	if _, err := s.IngestPage(ctx, a.ID, page, "1"); err != nil {
		t.Fatal(err)
	}
	cases := map[string]int{"杯子": 1, "子很": 1, "子弹": 1, "杯": 2, "नमस्ते": 1, "कपड़ा": 1, "कप": 1 /* a prefix of कपड़ा while typing */, "42": 1, "late": 1, "order 42": 1}
	for q, want := range cases {
		hits, err := s.Search(ctx, q, 50)
		if err != nil || len(hits) != want {
			t.Errorf("Search(%q) = %d hits (%v), want %d", q, len(hits), err, want)
		}
	}
}
