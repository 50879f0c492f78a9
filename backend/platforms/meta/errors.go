package meta

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"creatordesk/backend/platforms"
)

const (
	// defaultRetryAfter is the wait after a throttling code when no header says how long.
	defaultRetryAfter = time.Minute
	// maxRetryAfter caps any wait Meta asks for.
	maxRetryAfter = 2 * time.Hour
)

// Graph error codes this connector branches on.
const (
	codeAuth             = 190
	codePermission       = 10
	codeWindowSubcode    = 2018278 // Messenger: sent outside the allowed window
	codeIGWindowSubcode  = 2534022 // Instagram: sent outside the allowed window
	codeUnavailable      = 2
	codeUnknown          = 1
	codePersonGone       = 551
	codeInvalidParameter = 100
	codeAlreadyReplied   = 10900 // a private reply to this comment was already sent
)

// throttleCodes are Graph's rate-limit codes: app (4), user (17), Page with a
// user token (32), custom (613), application limit (341), Page (80001),
// Instagram (80002), Messenger (80006), WhatsApp management (80008).
var throttleCodes = map[int]bool{4: true, 17: true, 32: true, 341: true, 613: true, 80001: true, 80002: true, 80006: true, 80008: true}

// apiEnvelope is Graph's error body.
type apiEnvelope struct {
	Error *apiErr `json:"error"`
}

// apiErr is the error object.
type apiErr struct {
	Message     string `json:"message"`
	Type        string `json:"type"`
	Code        int    `json:"code"`
	Subcode     int    `json:"error_subcode"`
	UserTitle   string `json:"error_user_title"`
	UserMessage string `json:"error_user_msg"`
	FBTraceID   string `json:"fbtrace_id"`
	IsTransient bool   `json:"is_transient"`
}

// hasErrorEnvelope reports whether a body is Graph's error object (which can come with a 200).
func hasErrorEnvelope(raw []byte) bool {
	if !bytes.Contains(raw, []byte(`"error"`)) {
		return false
	}
	var env apiEnvelope
	return json.Unmarshal(raw, &env) == nil && env.Error != nil && (env.Error.Code != 0 || env.Error.Message != "")
}

// newError builds a connector error.
func newError(platform string, kind platforms.ErrorKind, code int, msg string) *platforms.Error {
	return &platforms.Error{Platform: platform, Kind: kind, Code: code, Message: msg}
}

func (c *connector) errTransient(msg string) *platforms.Error {
	return newError(c.Platform(), platforms.KindTransient, 0, msg)
}

func (c *connector) errPermanent(msg string) *platforms.Error {
	return newError(c.Platform(), platforms.KindPermanent, 0, msg)
}

// apiError maps a failed answer to a typed error: 190 needs a reconnect;
// throttling codes wait as long as the usage headers say; code 10 or a
// 200-299 code is a missing permission; the window subcodes (or Meta's
// "outside of allowed window" text) mean the messaging window is closed.
// Error carries the Graph code; the message is Meta's own, with the trace id.
func (c *connector) apiError(op string, status int, u usage, raw []byte) *platforms.Error {
	var env apiEnvelope
	if json.Unmarshal(raw, &env) != nil || env.Error == nil {
		kind := platforms.KindTransient
		switch {
		case status == http.StatusUnauthorized:
			kind = platforms.KindAuth
		case status == http.StatusTooManyRequests:
			kind = platforms.KindRateLimited
		case status >= 400 && status < 500 && status != http.StatusRequestTimeout:
			kind = platforms.KindPermanent
		}
		e := newError(c.Platform(), kind, status, op+": HTTP "+strconv.Itoa(status))
		if kind == platforms.KindRateLimited {
			e.RetryAfter = retryAfter(u)
		}
		return e
	}
	ae := env.Error
	msg := strings.TrimSpace(ae.Message)
	if msg == "" {
		msg = http.StatusText(status)
	}
	if ae.FBTraceID != "" {
		msg += " (trace " + truncate(ae.FBTraceID, 40) + ")"
	}
	e := newError(c.Platform(), classify(status, ae), ae.Code, c.redact(op+": "+truncate(msg, 400)))
	switch e.Kind {
	case platforms.KindRateLimited:
		e.RetryAfter = retryAfter(u)
	case platforms.KindPermanent:
		if reason := permissionReason(ae); reason != "" {
			e.Message = c.redact(op + ": " + reason + " — " + truncate(msg, 300))
		}
	}
	return e
}

// classify picks the kind of a Graph error.
func classify(status int, ae *apiErr) platforms.ErrorKind {
	lower := strings.ToLower(ae.Message)
	switch {
	case ae.Code == codeAuth || ae.Type == "OAuthException" && status == http.StatusUnauthorized:
		return platforms.KindAuth
	case throttleCodes[ae.Code]:
		return platforms.KindRateLimited
	case ae.Subcode == codeWindowSubcode || ae.Subcode == codeIGWindowSubcode || ae.Code == codeAlreadyReplied ||
		strings.Contains(lower, "outside of allowed window") || strings.Contains(lower, "outside the allowed window"):
		return platforms.KindWindowClosed
	case ae.Code == codePermission || ae.Code >= 200 && ae.Code <= 299:
		return platforms.KindPermanent
	case ae.IsTransient || ae.Code == codeUnavailable || ae.Code == codeUnknown || status >= 500:
		return platforms.KindTransient
	default:
		return platforms.KindPermanent
	}
}

// permissionReason words a permission error so a person knows what to fix.
func permissionReason(ae *apiErr) string {
	switch {
	case ae.Code == codePermission || ae.Code >= 200 && ae.Code <= 299:
		return "the token lacks a permission this needs (reconnect with the messaging and comment permissions granted)"
	case ae.Code == codePersonGone:
		return "this person cannot receive messages right now"
	}
	return ""
}

// retryAfter is the wait usage headers ask for after throttling: the longest
// estimated_time_to_regain_access, else defaultRetryAfter; at least a second
// and at most maxRetryAfter.
func retryAfter(u usage) time.Duration {
	d := u.regain
	if d <= 0 {
		d = defaultRetryAfter
	}
	return min(max(ceilSecond(d), time.Second), maxRetryAfter)
}

// ceilSecond rounds a wait up to whole seconds.
func ceilSecond(d time.Duration) time.Duration {
	if r := d % time.Second; r > 0 {
		d += time.Second - r
	}
	return d
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
	for _, t := range []string{c.token, url.QueryEscape(c.token), url.PathEscape(c.token)} {
		if t != "" {
			s = strings.ReplaceAll(s, t, "<token>")
		}
	}
	return s
}
