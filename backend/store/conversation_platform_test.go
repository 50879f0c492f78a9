package store

import (
	"context"
	"fmt"
	"testing"

	"creatordesk/backend/platforms"
)

// TestPlatformFilterOverSeveralAccounts: a platform with two accounts is
// listed account by account and merged; paging through it must give exactly
// the platform's rows of the unfiltered list, in the same order (ties on the
// time broken by id), with and without the unread filter.
func TestPlatformFilterOverSeveralAccounts(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	accounts := []Account{addAccount(t, s, "telegram", "1"), addAccount(t, s, "telegram", "2"), addAccount(t, s, "mastodon", "3")}
	for i, a := range accounts {
		var page []platforms.Message
		for j := 0; j < 70; j++ {
			th := fmt.Sprintf("a%d-t%d", i, j)
			page = append(page, msg(th, th+":1", "hello", (j*7+i)%45)) // times interleave across accounts, with ties
		}
		if _, err := s.IngestPage(ctx, a.ID, page, "c"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MarkConversationRead(ctx, 5); err != nil {
		t.Fatal(err)
	}
	for _, unread := range []bool{false, true} {
		var want []int64
		var cur ConversationCursor
		for {
			rows, next, err := s.Conversations(ctx, ConversationFilter{UnreadOnly: unread}, cur, 40)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range rows {
				if c.Platform == "telegram" {
					want = append(want, c.ID)
				}
			}
			if cur = next; cur.ID == 0 {
				break
			}
		}
		var got []int64
		for cur = (ConversationCursor{}); ; {
			rows, next, err := s.Conversations(ctx, ConversationFilter{Platform: "telegram", UnreadOnly: unread}, cur, 25)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range rows {
				got = append(got, c.ID)
			}
			if cur = next; cur.ID == 0 {
				break
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || len(want) < 139 {
			t.Fatalf("unread=%v: platform listing %v\nwant %v", unread, got, want)
		}
	}
}
