package mastodon

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"unicode"

	"creatordesk/backend/platforms"
)

// defaultMaxChars is Mastodon's default status length limit.
const defaultMaxChars = 500

// charsPerURL is what Mastodon counts for any link.
const charsPerURL = 23

// MaxCharacters returns the instance's status length limit: /api/v2/instance
// configuration.statuses.max_characters, else /api/v1/instance (or its
// max_toot_chars), else Mastodon's default of 500 when neither says. A known
// answer is cached; a failed request is returned as an error. It is not part
// of platforms.Connector: assert interface{ MaxCharacters(context.Context) (int, error) }.
func (c *connector) MaxCharacters(ctx context.Context) (int, error) {
	c.mu.Lock()
	known := c.maxChars
	c.mu.Unlock()
	if known > 0 {
		return known, nil
	}
	limit := defaultMaxChars
	for _, path := range []string{"/api/v2/instance", "/api/v1/instance"} {
		var inst apiInstance
		_, err := c.do(ctx, request{op: "instance", method: http.MethodGet, path: path}, &inst)
		if err != nil {
			if platforms.KindOf(err) == platforms.KindPermanent {
				continue // an older server without this endpoint
			}
			return 0, err
		}
		if n := max(inst.Configuration.Statuses.MaxCharacters, inst.MaxTootChars); n > 0 {
			limit = n
			break
		}
	}
	c.mu.Lock()
	c.maxChars = limit
	c.mu.Unlock()
	return limit, nil
}

// checkLength refuses, before posting, a text longer than the instance allows.
// A text within Mastodon's default limit needs no lookup when the limit is not
// known yet and the lookup fails; a longer one does (the instance may allow it).
func (c *connector) checkLength(ctx context.Context, op, text string) error {
	n := statusLength(text)
	limit, err := c.MaxCharacters(ctx)
	if err != nil {
		if n <= defaultMaxChars {
			return nil
		}
		return err
	}
	if n > limit {
		return errPermanent(fmt.Sprintf("%s: text is too long (%d characters, at most %d)", op, n, limit))
	}
	return nil
}

// Patterns of what Mastodon counts specially.
var (
	urlPattern        = regexp.MustCompile(`https?://[^\s<>"']+`)
	remoteMentionName = regexp.MustCompile(`(^|[^A-Za-z0-9_])@([A-Za-z0-9_]+)@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?`)
)

// statusLength counts a status text the way Mastodon does: every link counts
// as 23 characters, a remote mention only as "@username", and the rest in
// user-perceived characters (grapheme clusters, approximated: combining marks,
// variation selectors, emoji modifiers, zero-width joiner sequences and flag
// pairs count with the character they belong to). The approximation leans
// low (decomposed Hangul and some Indic conjuncts are the known cases it counts
// high), so valid texts are practically never refused early; the instance has
// the last word with a 422, which is also a permanent error.
func statusLength(text string) int {
	text = urlPattern.ReplaceAllString(text, strings.Repeat("x", charsPerURL))
	text = remoteMentionName.ReplaceAllString(text, "$1@$2")
	return graphemes(text)
}

// graphemes approximates the number of extended grapheme clusters in s.
func graphemes(s string) int {
	n := 0
	var prev rune
	joined, flagOpen := false, false
	for _, r := range s {
		switch {
		case prev == '\r' && r == '\n':
		case joined:
			joined = false
		case r == '\u200d':
			joined = true
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc),
			r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF, // variation selectors
			r >= 0x1F3FB && r <= 0x1F3FF, // skin-tone modifiers
			r >= 0xE0020 && r <= 0xE007F: // tag characters (subdivision flags)
		case r >= 0x1F1E6 && r <= 0x1F1FF: // regional indicators pair into flags
			if flagOpen {
				flagOpen = false
			} else {
				flagOpen = true
				n++
			}
		default:
			n++
		}
		if !(r >= 0x1F1E6 && r <= 0x1F1FF) {
			flagOpen = false
		}
		prev = r
	}
	return n
}
