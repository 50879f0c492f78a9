package meta_test

import (
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/meta/metafake"
)

// TestHiddenStateComesFromMeta: a comment hidden on the platform (Instagram's
// hidden, Facebook's is_hidden) is reported hidden, a visible one visible.
func TestHiddenStateComesFromMeta(t *testing.T) {
	for _, platform := range []string{metafake.Instagram, metafake.Messenger} {
		t.Run(platform, func(t *testing.T) {
			e := newEnv(t)
			post := e.fake.AddPost(platform, "New glaze drop", t0.Add(-24*time.Hour))
			hidden := e.fake.AddComment(post, customer(40), "spam link here", t0.Add(-2*time.Hour), "")
			shown := e.fake.AddComment(post, customer(41), "Gorgeous!", t0.Add(-time.Hour), "")
			if !e.fake.SetHidden(hidden.ID, true) {
				t.Fatal("fake could not hide the comment")
			}
			var c platforms.Connector
			if platform == metafake.Instagram {
				c = e.ig(t, nil)
			} else {
				c = e.fb(t, nil)
			}
			msgs, _, _ := syncAll(t, c, "", 0)
			got := byID(msgs)
			if h := got[hidden.ID].Hidden; h == nil || !*h {
				t.Fatalf("hidden comment reported as %v", h)
			}
			if h := got[shown.ID].Hidden; h == nil || *h {
				t.Fatalf("visible comment reported as %v", h)
			}
		})
	}
}
