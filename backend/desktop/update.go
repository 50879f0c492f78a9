package desktop

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// UpdateFeedURL is where this build looks for newer versions. It is stamped at
// build time (make dist UPDATE_FEED=https://...); empty means the build has no
// update source and the check is not offered. Nothing is ever fetched unless
// the person turned the check on.
var UpdateFeedURL = ""

// ErrNoUpdateFeed is returned when the build has no update source.
var ErrNoUpdateFeed = errors.New("desktop: this build has no update source")

// ErrBadUpdateFeed is returned when the feed answered with something that is not a release.
var ErrBadUpdateFeed = errors.New("desktop: the update feed's answer could not be read")

// Release is the newest version the feed announces.
type Release struct {
	Version string
	// URL is the page where the person downloads it (opened in their browser).
	URL string
	// Notes are the release notes as plain text.
	Notes string
	// Newer is true when Version is newer than the running version.
	Newer bool
}

// feed accepts both a plain feed ({"version","url","notes"}) and a GitHub-style
// latest-release answer ({"tag_name","html_url","body"}).
type feed struct {
	Version string `json:"version"`
	URL     string `json:"url"`
	Notes   string `json:"notes"`
	TagName string `json:"tag_name"`
	HTMLURL string `json:"html_url"`
	Body    string `json:"body"`
}

// maxFeedBytes bounds the answer read from the feed.
const maxFeedBytes = 1 << 20

// CheckForUpdate asks feedURL for the newest release and compares it with
// current. It makes exactly one HTTPS request (plain http only to this
// computer, for tests).
func CheckForUpdate(ctx context.Context, client *http.Client, feedURL, current string) (Release, error) {
	if feedURL == "" {
		return Release{}, ErrNoUpdateFeed
	}
	u, err := url.Parse(feedURL)
	if err != nil || !(u.Scheme == "https" || (u.Scheme == "http" && isLoopbackHost(u.Hostname()))) {
		return Release{}, fmt.Errorf("%w: %s is not an https address", ErrBadUpdateFeed, feedURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, feedURL, nil)
	if err != nil {
		return Release{}, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "CreatorDesk/"+current)
	resp, err := client.Do(req)
	if err != nil {
		return Release{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Release{}, fmt.Errorf("%w: HTTP %d", ErrBadUpdateFeed, resp.StatusCode)
	}
	var f feed
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxFeedBytes)).Decode(&f); err != nil {
		return Release{}, fmt.Errorf("%w: %v", ErrBadUpdateFeed, err)
	}
	r := Release{Version: first(f.Version, f.TagName), URL: first(f.URL, f.HTMLURL), Notes: first(f.Notes, f.Body)}
	latest, ok := parseVersion(r.Version)
	if !ok {
		return Release{}, fmt.Errorf("%w: version %q", ErrBadUpdateFeed, r.Version)
	}
	if link, err := url.Parse(r.URL); r.URL != "" && (err != nil || link.Scheme != "https") {
		r.URL = "" // never hand the browser anything but an https page
	}
	running, ok := parseVersion(current)
	r.Newer = !ok || compareVersions(latest, running) > 0
	return r, nil
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func isLoopbackHost(h string) bool {
	return h == "localhost" || h == "::1" || strings.HasPrefix(h, "127.")
}

// parseVersion reads "v1.2.3" / "1.2" / "1.2.3-rc1" into its numeric parts;
// a pre-release suffix is ignored (it sorts with its release).
func parseVersion(v string) ([3]int, bool) {
	var out [3]int
	v = strings.TrimPrefix(strings.TrimSpace(v), "v")
	if i := strings.IndexAny(v, "-+ "); i >= 0 {
		v = v[:i]
	}
	parts := strings.Split(v, ".")
	if v == "" || len(parts) > 3 {
		return out, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return out, false
		}
		out[i] = n
	}
	return out, true
}

// compareVersions is -1, 0 or 1 as a is older, the same or newer than b.
func compareVersions(a, b [3]int) int {
	for i := range a {
		switch {
		case a[i] > b[i]:
			return 1
		case a[i] < b[i]:
			return -1
		}
	}
	return 0
}
