package mastodon

import (
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

const (
	// defaultRetryAfter is the wait after a 429 that names no reset time.
	defaultRetryAfter = 60 * time.Second
	// maxRetryAfter caps the wait a server may ask for; Mastodon's longest window is 30 minutes.
	maxRetryAfter = time.Hour
)

// newError builds a connector error for this platform.
func newError(kind platforms.ErrorKind, code int, msg string) *platforms.Error {
	return &platforms.Error{Platform: Platform, Kind: kind, Code: code, Message: msg}
}

// errTransient reports a failure worth retrying with backoff.
func errTransient(msg string) *platforms.Error {
	return newError(platforms.KindTransient, 0, msg)
}

// errPermanent reports a request that retrying will not fix.
func errPermanent(msg string) *platforms.Error {
	return newError(platforms.KindPermanent, 0, msg)
}

// apiBody is Mastodon's error body; OAuth errors add error_description.
type apiBody struct {
	Error       string `json:"error"`
	Description string `json:"error_description"`
}

// apiError maps a non-2xx answer to a typed error carrying the server's own
// text (never an HTML page, never the token).
func (c *connector) apiError(req request, status int, h http.Header, body []byte) *platforms.Error {
	var b apiBody
	msg := http.StatusText(status)
	if json.Unmarshal(body, &b) == nil && strings.TrimSpace(b.Error) != "" {
		msg = strings.TrimSpace(b.Error)
		if d := strings.TrimSpace(b.Description); d != "" && d != msg {
			msg += ": " + d
		}
	}
	if msg == "" {
		msg = "HTTP " + strconv.Itoa(status)
	}
	e := newError(kindFor(req, status, msg), status, c.redact(req.op+": "+truncate(msg, 300)))
	if e.Kind == platforms.KindRateLimited {
		e.RetryAfter = retryAfter(h, time.Now())
	}
	return e
}

// kindFor classifies a failed answer. 401 is always a token problem; 403 is
// one when it is about scopes or the login (or on a read of the account's own
// data, where nothing else can be refused); other 403s, 404, 410 and 422 are
// requests that will not work on retry.
func kindFor(req request, status int, msg string) platforms.ErrorKind {
	switch {
	case status == http.StatusUnauthorized:
		return platforms.KindAuth
	case status == http.StatusForbidden && (req.read || authMessage(msg)):
		return platforms.KindAuth
	case status == http.StatusUnprocessableEntity && strings.Contains(strings.ToLower(msg), "requires an authenticated user"):
		return platforms.KindAuth
	case status == http.StatusTooManyRequests:
		return platforms.KindRateLimited
	case status == http.StatusRequestTimeout:
		return platforms.KindTransient
	case status >= 400 && status < 500:
		return platforms.KindPermanent
	default:
		return platforms.KindTransient
	}
}

// authMessage reports whether a 403 text is about the token or the login
// ("This action is outside the authorized scopes", "Your login is currently
// disabled", "... missing a confirmed e-mail address", "... pending approval").
func authMessage(msg string) bool {
	msg = strings.ToLower(msg)
	for _, w := range []string{"scope", "token", "login", "e-mail", "approval", "suspended", "disabled"} {
		if strings.Contains(msg, w) {
			return true
		}
	}
	return false
}

// retryAfter is how long a 429 asks to wait: a Retry-After header if a proxy
// sent one, else until X-RateLimit-Reset measured against the server's own Date
// (so clock skew between the desktop and the instance does not matter), else
// defaultRetryAfter. A reset already past asks for a second.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 && !math.IsInf(secs, 0) {
			return clampWait(time.Duration(math.Ceil(secs)) * time.Second)
		}
		if t, err := http.ParseTime(v); err == nil {
			return clampWait(ceilSecond(t.Sub(serverNow(h, now))))
		}
	}
	if reset, err := parseTime(h.Get("X-RateLimit-Reset")); err == nil {
		return clampWait(ceilSecond(reset.Sub(serverNow(h, now))))
	}
	return defaultRetryAfter
}

// serverNow is the time the server's Date header names, else now.
func serverNow(h http.Header, now time.Time) time.Time {
	if t, err := http.ParseTime(h.Get("Date")); err == nil {
		return t
	}
	return now
}

// ceilSecond rounds a wait up to whole seconds.
func ceilSecond(d time.Duration) time.Duration {
	if r := d % time.Second; r > 0 {
		d += time.Second - r
	}
	return d
}

// clampWait keeps a wait between one second and maxRetryAfter.
func clampWait(d time.Duration) time.Duration {
	return min(max(d, time.Second), maxRetryAfter)
}

// truncate shortens s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// redact removes the token, raw and URL-escaped, from s.
func (c *connector) redact(s string) string {
	if c.token == "" {
		return s
	}
	for _, t := range []string{c.token, url.QueryEscape(c.token), url.PathEscape(c.token)} {
		if t != "" {
			s = strings.ReplaceAll(s, t, "<token>")
		}
	}
	return s
}
