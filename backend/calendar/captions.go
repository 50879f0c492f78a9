package calendar

import (
	"unicode/utf16"

	"github.com/rivo/uniseg"
)

// CaptionLimit is a platform's caption limit and how it counts.
type CaptionLimit struct {
	Platform string `json:"platform"`
	Max      int    `json:"max"`
	// Unit is "graphemes" (what a person sees as one character), "utf16" or "chars" (code points).
	Unit string `json:"unit"`
}

// CaptionLimits are the limits of a post's text on each platform, as the
// platforms document them (Telegram counts UTF-16 units, Bluesky graphemes;
// Mastodon's 500 is the default of an instance and may be higher).
var CaptionLimits = []CaptionLimit{
	{"telegram", 4096, "utf16"},
	{"mastodon", 500, "chars"},
	{"bluesky", 300, "graphemes"},
	{"instagram", 2200, "chars"},
	{"facebook", 63206, "chars"},
	{"tiktok", 4000, "chars"},
	{"youtube", 5000, "chars"},
	{"threads", 500, "chars"},
	{"x", 280, "chars"},
}

// LimitFor returns the platform's limit (ok=false when it has none known).
func LimitFor(platform string) (CaptionLimit, bool) {
	for _, l := range CaptionLimits {
		if l.Platform == platform {
			return l, true
		}
	}
	return CaptionLimit{}, false
}

// Count measures text in the limit's unit.
func (l CaptionLimit) Count(text string) int {
	switch l.Unit {
	case "graphemes":
		return uniseg.GraphemeClusterCount(text)
	case "utf16":
		return len(utf16.Encode([]rune(text)))
	}
	return len([]rune(text))
}

// CheckCaption refuses a caption over the platform's limit.
func CheckCaption(platform, text string) error {
	l, ok := LimitFor(platform)
	if !ok {
		return nil
	}
	if n := l.Count(text); n > l.Max {
		return &CaptionTooLongError{Platform: platform, Max: l.Max, Got: n}
	}
	return nil
}
