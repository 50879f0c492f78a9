package youtube

import (
	"encoding/json"
	"errors"
	"html"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

const (
	// shortRetryAfter is the wait after YouTube's short-term rate limit
	// (rateLimitExceeded, userRateLimitExceeded), which names no time.
	shortRetryAfter = 30 * time.Second
	// maxShortRetryAfter caps a Retry-After header on a short-term limit.
	maxShortRetryAfter = 10 * time.Minute
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

// apiErrorBody is Google's error body:
// {"error":{"code","message","errors":[{"domain","reason","message"}],"status"}}.
type apiErrorBody struct {
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Status  string `json:"status"`
		Errors  []struct {
			Domain  string `json:"domain"`
			Reason  string `json:"reason"`
			Message string `json:"message"`
		} `json:"errors"`
	} `json:"error"`
}

// Reasons the connector treats specially.
const (
	reasonQuotaExceeded         = "quotaExceeded"
	reasonDailyLimitExceeded    = "dailyLimitExceeded"
	reasonRateLimitExceeded     = "rateLimitExceeded"
	reasonUserRateLimitExceeded = "userRateLimitExceeded"
	reasonInsufficientScopes    = "insufficientPermissions"
	reasonAuthError             = "authError"
	reasonInvalidPageToken      = "invalidPageToken"
)

// apiError maps a non-2xx answer to a typed error carrying Google's reason and
// message (never an HTML page, never the token):
//   - 401, and 403 insufficientPermissions (the token lacks the scope): KindAuth;
//   - 403 quotaExceeded or dailyLimitExceeded: KindRateLimited until the next
//     midnight Pacific time, and the local count is marked spent;
//   - 403 rateLimitExceeded or userRateLimitExceeded, and 429: KindRateLimited
//     with a short wait;
//   - other 4xx (400 processingFailure, banWithoutReject..., 403
//     commentsDisabled, forbidden..., 404 commentNotFound...): KindPermanent;
//   - 408, 5xx and anything else: KindTransient.
func (c *connector) apiError(cl call, status int, h http.Header, body []byte) *platforms.Error {
	reason, msg := parseErrorBody(body)
	if msg == "" {
		msg = http.StatusText(status)
	}
	if msg == "" {
		msg = "HTTP " + strconv.Itoa(status)
	}
	text := cl.op + ": "
	if reason != "" {
		text += reason + ": "
	}
	text += msg
	kind := platforms.KindPermanent
	var wait time.Duration
	switch {
	case status == http.StatusUnauthorized, reason == reasonInsufficientScopes, reason == reasonAuthError:
		kind = platforms.KindAuth
	case reason == reasonQuotaExceeded, reason == reasonDailyLimitExceeded:
		now := c.now()
		c.quota.exhaust(now)
		kind, wait = platforms.KindRateLimited, untilReset(now)
		text += " (the project's daily YouTube quota is used up; it resets at midnight Pacific time, in " + roundWait(wait) + ")"
	case reason == reasonRateLimitExceeded, reason == reasonUserRateLimitExceeded, status == http.StatusTooManyRequests:
		kind, wait = platforms.KindRateLimited, retryAfter(h)
	case status == http.StatusRequestTimeout, status >= 500, status < 400:
		kind = platforms.KindTransient
	}
	e := newError(kind, status, c.redact(truncate(text, 400)))
	e.RetryAfter = wait
	return e
}

// parseErrorBody reads the first reason and the message of Google's error body.
func parseErrorBody(body []byte) (reason, msg string) {
	var b apiErrorBody
	if json.Unmarshal(body, &b) != nil {
		return "", ""
	}
	msg = b.Error.Message
	for _, e := range b.Error.Errors {
		if reason == "" && e.Reason != "" {
			reason = e.Reason
		}
		if msg == "" {
			msg = e.Message
		}
	}
	return cleanText(reason, 64), cleanText(msg, 300)
}

// tags matches HTML tags, which Google puts in some messages (the quota link).
var tags = regexp.MustCompile(`<[^>]*>`)

// cleanText makes a server string fit for one line of an error: no tags, no
// entities, no control characters, at most n bytes.
func cleanText(s string, n int) string {
	s = html.UnescapeString(tags.ReplaceAllString(s, ""))
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return truncate(strings.Join(strings.Fields(s), " "), n)
}

// retryAfter is how long a short-term rate limit asks to wait: a Retry-After
// header in seconds if one came, else shortRetryAfter.
func retryAfter(h http.Header) time.Duration {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 && !math.IsInf(secs, 0) && !math.IsNaN(secs) {
			return min(max(time.Duration(math.Ceil(secs))*time.Second, time.Second), maxShortRetryAfter)
		}
	}
	return shortRetryAfter
}

// isInvalidPageToken reports Google's refusal of a page token (a stale cursor).
func isInvalidPageToken(err error) bool {
	var pe *platforms.Error
	return errors.As(err, &pe) && pe.Code == http.StatusBadRequest && strings.Contains(pe.Message, reasonInvalidPageToken)
}

// isNotFound reports a 404 answer.
func isNotFound(err error) bool {
	var pe *platforms.Error
	return errors.As(err, &pe) && pe.Code == http.StatusNotFound
}

// roundWait writes a wait for a message, to the minute ("5h3m").
func roundWait(d time.Duration) string {
	d = d.Round(time.Minute)
	if d < time.Minute {
		return "under a minute"
	}
	return strings.TrimSuffix(d.String(), "0s")
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
	token := c.lastToken()
	if token == "" {
		return s
	}
	for _, t := range []string{token, url.QueryEscape(token), url.PathEscape(token)} {
		if t != "" {
			s = strings.ReplaceAll(s, t, "<token>")
		}
	}
	return s
}
