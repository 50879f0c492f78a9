package workspace

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

func TestYouTubeQuotaKeptInTheWorkspaceDatabase(t *testing.T) {
	// 23:30 PST on March 7 2026, half an hour before the quota day ends.
	now := time.Date(2026, 3, 8, 7, 30, 0, 0, time.UTC)
	dir := filepath.Join(t.TempDir(), "ws")
	w, err := Open(Config{Dir: dir, Vault: secrets.NewMemory(), Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	ctx := context.Background()

	const token = "ya29.workspace-quota-test"
	srv := youtubefake.New(token)
	base := srv.Start()
	t.Cleanup(srv.Close)
	srv.SetNow(now)
	project := "ws-" + t.Name()
	factory := newConnectors(w.Vault, w.ID).registry[youtube.Platform]
	conn, err := factory(platforms.Credentials{BaseURL: base, Token: token, Extra: map[string]string{youtube.ExtraQuotaProject: project}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	u, ok, err := w.Store.QuotaUsageOn(ctx, youtube.Platform, project, "2026-03-07")
	if err != nil || !ok || u.Units != 1 || u.Budget != youtube.DefaultDailyQuota || u.ResetsAt != time.Date(2026, 3, 8, 8, 0, 0, 0, time.UTC).UnixMilli() {
		t.Fatalf("saved %+v ok=%v err=%v", u, ok, err)
	}

	acc := store.Account{Platform: youtube.Platform}
	acc.SetExtra(map[string]string{youtube.ExtraQuotaProject: project})
	hr, ok, err := YouTubeQuotaToday(ctx, w.Store, acc, now)
	if err != nil || !ok || hr.Used != 1 || hr.Limit != youtube.DefaultDailyQuota || !hr.ResetsAt.Equal(time.Date(2026, 3, 8, 8, 0, 0, 0, time.UTC)) {
		t.Fatalf("health headroom %+v ok=%v err=%v", hr, ok, err)
	}
	// After midnight Pacific nothing is spent yet today.
	if _, ok, _ := YouTubeQuotaToday(ctx, w.Store, acc, now.Add(30*time.Minute)); ok {
		t.Fatal("yesterday's count shown as today's")
	}
	// An account connected through the browser counts under its client id.
	acc.SetExtra(map[string]string{youtube.ExtraClientID: "123-abc.apps.googleusercontent.com"})
	if YouTubeQuotaProject(acc) != "123-abc.apps.googleusercontent.com" {
		t.Fatal("client id is not the quota project")
	}
}
