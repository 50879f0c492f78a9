package inbox

import (
	"regexp"
	"time"
	"unicode/utf8"

	"creatordesk/backend/store"
	"github.com/rivo/uniseg"
)

// Units a platform measures a message's length in.
const (
	// UnitBytes counts UTF-8 bytes (Instagram's Send API).
	UnitBytes = "bytes"
	// UnitGraphemes counts user-perceived characters (Bluesky: "👍🏽" is one).
	UnitGraphemes = "graphemes"
	// UnitCharacters counts Unicode code points.
	UnitCharacters = "characters"
	// UnitMastodon counts graphemes with every link as 23 and a mention as its
	// local part only, the way Mastodon's status length validator does.
	UnitMastodon = "mastodon"
)

// Limit is the longest message a platform accepts in one kind of thread.
type Limit struct {
	Max  int
	Unit string
}

// limits are per platform, then per thread kind ("" is the platform's default).
// Sources: /work/shared/reference/platform-apis.md and the platforms' docs.
var limits = map[string]map[string]Limit{
	"instagram": {"": {1000, UnitBytes}, "comment": {2200, UnitCharacters}},
	"facebook":  {"": {2000, UnitCharacters}, "comment": {8000, UnitCharacters}},
	"whatsapp":  {"": {4096, UnitCharacters}},
	"telegram":  {"": {4096, UnitCharacters}},
	"bluesky":   {"": {1000, UnitGraphemes}, "comment": {300, UnitGraphemes}},
	"mastodon":  {"": {500, UnitMastodon}},
	"youtube":   {"": {10000, UnitCharacters}},
	"tiktok":    {"": {6000, UnitCharacters}, "comment": {150, UnitCharacters}},
}

// LimitFor returns the length limit of a platform's thread kind (ok false: no known limit).
func LimitFor(platform, kind string) (Limit, bool) {
	byKind, ok := limits[platform]
	if !ok {
		return Limit{}, false
	}
	if l, ok := byKind[kind]; ok {
		return l, true
	}
	l, ok := byKind[""]
	return l, ok
}

// mastodonLink and mastodonMention follow Mastodon's counting: a URL counts as
// 23 characters, and @user@domain counts as @user.
var (
	mastodonLink    = regexp.MustCompile(`https?://[^\s]+`)
	mastodonMention = regexp.MustCompile(`(@[A-Za-z0-9_]+)@[A-Za-z0-9.\-]+[A-Za-z0-9]`)
)

// MastodonURLLength is what a link counts for on Mastodon.
const MastodonURLLength = 23

// Measure returns text's length in unit.
func Measure(text, unit string) int {
	switch unit {
	case UnitBytes:
		return len(text)
	case UnitGraphemes:
		return uniseg.GraphemeClusterCount(text)
	case UnitMastodon:
		links := len(mastodonLink.FindAllStringIndex(text, -1))
		rest := mastodonLink.ReplaceAllString(text, "")
		rest = mastodonMention.ReplaceAllString(rest, "$1")
		return uniseg.GraphemeClusterCount(rest) + links*MastodonURLLength
	}
	return utf8.RuneCountInString(text)
}

// windows are how long after the customer's last message a business may
// answer freely in a DM (Meta's and WhatsApp's 24 h; TikTok's 48 h).
// Platforms not listed, and comments, have no window.
var windows = map[string]time.Duration{
	"instagram": 24 * time.Hour,
	"facebook":  24 * time.Hour,
	"whatsapp":  24 * time.Hour,
	"tiktok":    48 * time.Hour,
}

// Window returns the messaging window of a platform's thread kind (ok false: none).
func Window(platform, kind string) (time.Duration, bool) {
	if kind == "comment" {
		return 0, false
	}
	d, ok := windows[platform]
	return d, ok
}

// WindowClosesAt returns when a conversation's messaging window closes
// (ok false when the platform has none). A conversation whose customer never
// wrote has a window that is already closed (the zero time).
func WindowClosesAt(c store.Conversation) (time.Time, bool) {
	d, ok := Window(c.Platform, c.Kind)
	if !ok {
		return time.Time{}, false
	}
	if c.LastInboundAt == 0 {
		return time.Time{}, true
	}
	return time.UnixMilli(c.LastInboundAt).Add(d), true
}
