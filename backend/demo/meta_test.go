package demo

import (
	"context"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta"
)

func TestDemoInstagramHasDMsAndCommentsOnTwoPosts(t *testing.T) {
	now := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	d := Start(now, 2026)
	defer d.Close()
	d.Meta.Clock.Set(now)
	c, err := meta.NewFactory(meta.Options{Now: d.Meta.Clock.Now}).Instagram(platforms.Credentials{BaseURL: d.InstagramURL, Token: InstagramToken})
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Poll(context.Background(), "", platforms.PollOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dmThreads, posts := map[string]bool{}, map[string]int{}
	for _, m := range p.Messages {
		if m.ThreadKind == platforms.ThreadDM {
			dmThreads[m.ThreadExternalID] = true
		} else {
			posts[m.ThreadExternalID]++
		}
	}
	if len(dmThreads) != instagramConversations || len(posts) != 2 {
		t.Errorf("%d DM threads and %d posts, want %d and 2", len(dmThreads), len(posts), instagramConversations)
	}
	if p.More || p.Skipped != 0 {
		t.Errorf("the demo's first page: more %v, skipped %d", p.More, p.Skipped)
	}
}
