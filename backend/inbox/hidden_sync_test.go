package inbox_test

import (
	"context"
	"testing"
	"time"

	"creatordesk/backend/platforms/meta/metafake"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

// TestCommentHiddenOnInstagramShowsHidden: a comment hidden on the platform
// arrives hidden in the store, and shown again once Meta shows it. The
// connector re-reads a post's comments when its comment count changes, so
// the change is seen with the post's next comment.
func TestCommentHiddenOnInstagramShowsHidden(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	svc, st, fake, dm, _ := instagramDM(t, false, t0)
	ctx := context.Background()
	post := fake.AddPost(metafake.Instagram, "Spring glazes", t0.Add(-time.Hour))
	c := fake.AddComment(post, metafake.Person{ID: "IGSID990077", Username: "spammer"}, "cheap followers here", t0.Add(-30*time.Minute), "")
	fake.SetHidden(c.ID, true)
	eng := svc.Connectors.(*sync.Engine)
	if _, err := eng.SyncOnce(ctx, dm.AccountID); err != nil {
		t.Fatal(err)
	}
	hidden := func() bool {
		convs, _, _ := st.Conversations(ctx, store.ConversationFilter{Kind: "comment"}, store.ConversationCursor{}, 10)
		if len(convs) != 1 {
			t.Fatalf("want one comment thread, got %d", len(convs))
		}
		mod, err := st.ThreadModerationState(ctx, convs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(mod.Hidden) == 1
	}
	if !hidden() {
		t.Fatal("the comment hidden on Instagram is not hidden in the inbox")
	}
	fake.SetHidden(c.ID, false)
	fake.AddComment(post, metafake.Person{ID: "IGSID990078", Username: "fan"}, "Love the blue one", t0.Add(-10*time.Minute), "")
	if _, err := eng.SyncOnce(ctx, dm.AccountID); err != nil {
		t.Fatal(err)
	}
	if hidden() {
		t.Fatal("the comment shown again on Instagram stays hidden")
	}
}
