package platforms

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Errors of ParseAPIBase.
var (
	// ErrInvalidAPIBase: the address is not an http(s) URL without user, query or fragment.
	ErrInvalidAPIBase = errors.New("invalid API URL")
	// ErrInsecureAPIBase: plain http to another machine would send the token unencrypted.
	ErrInsecureAPIBase = errors.New("API URL must use https")
)

// ParseAPIBase checks an API address override (a test server, a regional
// host) and returns it as scheme://host[/path] without a trailing slash. An
// address without a scheme is taken as https; plain http is allowed only on
// loopback (the fake servers), so a token never crosses a network unencrypted.
func ParseAPIBase(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil, u.Host == "", u.User != nil, u.RawQuery != "", u.Fragment != "",
		u.Scheme != "http" && u.Scheme != "https":
		return "", ErrInvalidAPIBase
	case u.Scheme == "http" && !IsLoopbackHost(u.Hostname()):
		return "", ErrInsecureAPIBase
	}
	return u.Scheme + "://" + u.Host + strings.TrimRight(u.EscapedPath(), "/"), nil
}

// IsLoopbackHost reports whether host names this machine.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// SleepContext waits d or until ctx ends (the default Sleep of connectors
// whose tests replace waiting with a fake clock).
func SleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// CeilSecond rounds a wait up to whole seconds.
func CeilSecond(d time.Duration) time.Duration {
	if r := d % time.Second; r > 0 {
		d += time.Second - r
	}
	return d
}

// TruncateText shortens s to at most n bytes on a rune boundary, marking the cut with "…".
func TruncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// RedactSecret removes secret, raw and URL-escaped, from s.
func RedactSecret(s, secret string) string {
	if secret == "" {
		return s
	}
	for _, t := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret)} {
		s = strings.ReplaceAll(s, t, "<token>")
	}
	return s
}
