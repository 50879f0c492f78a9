package bluesky

import (
	"strings"
	"time"

	"github.com/rivo/uniseg"
)

// Collections the connector writes.
const (
	collectionPost       = "app.bsky.feed.post"
	collectionThreadgate = "app.bsky.feed.threadgate"
	collectionBlock      = "app.bsky.graph.block"
)

// atURI is a parsed at://authority/collection/rkey record address.
type atURI struct {
	Authority, Collection, RKey string
}

// parseATURI splits a record's at-uri; it needs all three parts.
func parseATURI(s string) (atURI, bool) {
	rest, ok := strings.CutPrefix(s, "at://")
	if !ok {
		return atURI{}, false
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
		return atURI{}, false
	}
	for _, p := range parts {
		if strings.ContainsAny(p, " ?#\t\r\n") {
			return atURI{}, false
		}
	}
	return atURI{Authority: parts[0], Collection: parts[1], RKey: parts[2]}, true
}

// isPostURI reports whether s is the at-uri of a post.
func isPostURI(s string) bool {
	u, ok := parseATURI(s)
	return ok && u.Collection == collectionPost
}

// String formats the at-uri.
func (u atURI) String() string {
	return "at://" + u.Authority + "/" + u.Collection + "/" + u.RKey
}

// parseTime reads an atproto datetime (RFC 3339 with optional fraction) as UTC.
func parseTime(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() < 1971 || t.Year() > 9999 {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// formatTime writes t the way Bluesky clients do (millisecond precision, Z).
func formatTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

// graphemes counts user-perceived characters, the unit of Bluesky's text limits.
func graphemes(s string) int {
	return uniseg.GraphemeClusterCount(s)
}

// titleOf makes a thread title from a post's text: its first non-blank line,
// cut to maxTitle graphemes.
func titleOf(text string) string {
	const maxTitle = 80
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if graphemes(line) <= maxTitle {
			return line
		}
		var b strings.Builder
		g := uniseg.NewGraphemes(line)
		for n := 0; n < maxTitle-1 && g.Next(); n++ {
			b.WriteString(g.Str())
		}
		return strings.TrimSpace(b.String()) + "…"
	}
	return ""
}

// personName is a person's display name, else their @handle.
func personName(displayName, handle string) string {
	if n := strings.TrimSpace(displayName); n != "" {
		return n
	}
	if handle != "" {
		return "@" + handle
	}
	return ""
}
