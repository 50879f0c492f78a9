package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
)

func TestAccountsHealthShowsSavedYouTubeQuota(t *testing.T) {
	dir := t.TempDir()
	vault := secrets.NewMemory()
	st, err := store.Open(filepath.Join(dir, store.FileName), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	acc := store.Account{Platform: youtube.Platform, Name: "Glaze & Co.", ExternalID: "UCglazeGlazeGlazeGlaze01", Status: store.AccountConnected}
	acc.SetExtra(map[string]string{youtube.ExtraClientID: "42-abc.apps.googleusercontent.com"})
	if err := st.CreateAccount(ctx, &acc); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := st.SaveQuotaUsage(ctx, store.QuotaUsage{Platform: youtube.Platform, Project: "42-abc.apps.googleusercontent.com",
		Day: youtube.QuotaDay(now), Units: 153, Budget: 10000, ResetsAt: youtube.NextQuotaReset(now).UnixMilli()}); err != nil {
		t.Fatal(err)
	}
	_ = st.Close()

	var list []struct {
		Platform string `json:"platform"`
		Headroom *struct {
			Kind     string `json:"kind"`
			Used     int64  `json:"used"`
			Limit    int64  `json:"limit"`
			ResetsAt string `json:"resetsAt"`
		} `json:"headroom"`
	}
	out := mustRun(t, vault, "", "--data-dir", dir, "accounts", "health", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 {
		t.Fatalf("accounts health --json: %v\n%s", err, out)
	}
	if hr := list[0].Headroom; hr == nil || hr.Kind != "quota" || hr.Used != 153 || hr.Limit != 10000 || hr.ResetsAt == "" {
		t.Fatalf("headroom %+v", list[0].Headroom)
	}
	if text := mustRun(t, vault, "", "--data-dir", dir, "accounts", "health"); !strings.Contains(text, "quota used: 153 of 10000, resets ") {
		t.Fatalf("accounts health:\n%s", text)
	}
}
