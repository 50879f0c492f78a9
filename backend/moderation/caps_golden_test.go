package moderation_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"creatordesk/backend/inbox"
	"creatordesk/backend/moderation"
	"creatordesk/backend/platforms"
)

// capsFile is what each platform offers, as app.Moderation.Capabilities
// reports it; the frontend's menu test (tests/unit/triage/moderation-menu.spec.ts)
// reads the same file, so the menu is tested against the backend's real table.
const capsFile = "testdata/caps.json"

// menuPlatforms are the platforms the menu test covers (every inbox platform).
var menuPlatforms = []string{"telegram", "instagram", "facebook", "messenger", "whatsapp", "youtube", "tiktok", "bluesky", "mastodon"}

// goldenCaps mirrors app.ModerationCapsDTO's JSON.
type goldenCaps struct {
	Platform              string   `json:"platform"`
	Others                []string `json:"others"`
	Own                   []string `json:"own"`
	PrivateReply          bool     `json:"privateReply"`
	PrivateReplyPlatforms []string `json:"privateReplyPlatforms"`
	HidePlatforms         []string `json:"hidePlatforms"`
}

func names(ks []platforms.ModerationKind) []string {
	out := []string{}
	for _, k := range ks {
		out = append(out, string(k))
	}
	return out
}

// TestCapsGolden keeps testdata/caps.json equal to the support table
// (UPDATE_GOLDEN=1 rewrites it).
func TestCapsGolden(t *testing.T) {
	var got []goldenCaps
	for _, p := range menuPlatforms {
		got = append(got, goldenCaps{Platform: p, Others: names(moderation.Supported(p, false)), Own: names(moderation.Supported(p, true)),
			PrivateReply: slices.Contains(inbox.PrivateReplyPlatforms(), p), PrivateReplyPlatforms: inbox.PrivateReplyPlatforms(),
			HidePlatforms: moderation.PlatformsFor(platforms.ModerateHide)})
	}
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(filepath.FromSlash(capsFile), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(filepath.FromSlash(capsFile))
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if string(want) != string(b) {
		t.Fatalf("%s is out of date with the support table (run with UPDATE_GOLDEN=1):\n%s", capsFile, b)
	}
	// The facts the menu relies on, stated once more so a table edit is a decision.
	byPlatform := map[string]goldenCaps{}
	for _, c := range got {
		byPlatform[c.Platform] = c
	}
	if !slices.Contains(byPlatform["instagram"].Others, "hide") || !slices.Contains(byPlatform["bluesky"].Others, "hide") {
		t.Errorf("Instagram and Bluesky must offer hiding: %+v", got)
	}
	if len(byPlatform["telegram"].Others) != 0 || slices.Contains(byPlatform["mastodon"].Others, "hide") {
		t.Errorf("Telegram offers nothing, Mastodon no hiding: %+v", got)
	}
}
