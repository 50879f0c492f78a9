package telegram

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// tokenPattern is the shape of a BotFather token: the bot's numeric id, a colon
// and a secret of about 35 URL-safe characters (a little slack either way).
var tokenPattern = regexp.MustCompile(`^[0-9]{1,19}:[A-Za-z0-9_-]{30,50}$`)

// ValidTokenFormat reports whether token looks like a BotFather bot token.
// It only checks the shape, so the UI can refuse an obviously wrong paste
// without a network call; Verify tells whether Telegram accepts it.
func ValidTokenFormat(token string) bool {
	return tokenPattern.MatchString(token)
}

// botIDFromToken returns the bot's user id, which prefixes its token, or 0.
func botIDFromToken(token string) int64 {
	digits, _, ok := strings.Cut(token, ":")
	if !ok {
		return 0
	}
	id, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// redact removes the token, raw and URL-escaped, from s.
func (c *connector) redact(s string) string {
	if c.token == "" {
		return s
	}
	s = strings.ReplaceAll(s, c.token, "<token>")
	return strings.ReplaceAll(s, url.PathEscape(c.token), "<token>")
}
