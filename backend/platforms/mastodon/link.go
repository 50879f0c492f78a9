package mastodon

import (
	"net/http"
	"net/url"
	"strings"
)

// pageLinks are the pagination parameters of a Link header's "next" and
// "prev" URLs.
//
// Only the query parameters are taken, never the scheme, host or path: an
// instance writes Link URLs with its own public name (LOCAL_DOMAIN), which
// behind a proxy, in a container or for a test peer is often not the address
// the connector talks to; following the host as given could also send the
// Authorization header somewhere else. Requests always go to the configured
// base URL with our own filters plus these parameters.
type pageLinks struct {
	next, prev url.Values
}

// pageParams are the Link parameters the connector carries over.
var pageParams = []string{"max_id", "min_id", "since_id"}

// parseLinks reads every Link header of h. Unparseable parts are ignored.
func parseLinks(h http.Header) pageLinks {
	var links pageLinks
	for _, header := range h.Values("Link") {
		for _, part := range splitLinks(header) {
			target, params, ok := strings.Cut(part, ">")
			target = strings.TrimSpace(target)
			if !ok || !strings.HasPrefix(target, "<") {
				continue
			}
			u, err := url.Parse(strings.TrimSpace(target[1:]))
			if err != nil {
				continue
			}
			q := url.Values{}
			for _, name := range pageParams {
				// Values go into the cursor: one that could not be read back
				// (see decodeCursor) is dropped rather than stored.
				if v := u.Query().Get(name); validID(v) {
					q.Set(name, v)
				}
			}
			for _, rel := range linkRels(params) {
				switch rel {
				case "next":
					if links.next == nil {
						links.next = q
					}
				case "prev", "previous":
					if links.prev == nil {
						links.prev = q
					}
				}
			}
		}
	}
	return links
}

// splitLinks splits a Link header at the commas between its links (not the
// ones inside <...> or quoted parameters).
func splitLinks(h string) []string {
	var parts []string
	inURL, inQuote, start := false, false, 0
	for i := 0; i < len(h); i++ {
		switch c := h[i]; {
		case c == '<' && !inQuote:
			inURL = true
		case c == '>' && !inQuote:
			inURL = false
		case c == '"' && !inURL:
			inQuote = !inQuote
		case c == ',' && !inURL && !inQuote:
			parts = append(parts, h[start:i])
			start = i + 1
		}
	}
	return append(parts, h[start:])
}

// linkRels returns the rel values of a link's parameters (rel="next prev",
// rel=next).
func linkRels(params string) []string {
	var rels []string
	for _, p := range strings.Split(params, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "rel") {
			continue
		}
		value = strings.Trim(strings.TrimSpace(value), `"`)
		for _, r := range strings.Fields(value) {
			rels = append(rels, strings.ToLower(r))
		}
	}
	return rels
}
