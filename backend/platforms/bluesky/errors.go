package bluesky

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// defaultRetryAfter is the wait asked for by a 429 that names no reset time.
const defaultRetryAfter = time.Minute

// ErrNoDMAccess is the cause (errors.Is) of the KindAuth error returned when
// the app password was created without "Allow access to your direct
// messages": the person must create a new app password with it checked.
var ErrNoDMAccess = errors.New("bluesky: the app password has no access to direct messages")

// dmAccessMessage explains the one auth failure a person can fix without a new password.
const dmAccessMessage = `this app password cannot read or send direct messages: create an app password ` +
	`with "Allow access to your direct messages" checked in Bluesky's Settings > Privacy and security > App passwords, and reconnect`

// xrpcError is a failed XRPC call as the server described it. It is the
// cause (Err) of the *platforms.Error the connector returns, so callers in
// this package can tell XRPC error names apart with errors.As.
type xrpcError struct {
	Status int
	// Name is the body's "error" field (InvalidRequest, ExpiredToken, ConvoLocked...).
	Name    string
	Message string
	// Unreadable tells that the body was not an XRPC error object (a proxy's page, a cut answer).
	Unreadable bool
}

// Error implements error; the text holds no secret (see connector.redact).
func (e *xrpcError) Error() string {
	switch {
	case e.Name != "" && e.Message != "":
		return e.Name + ": " + e.Message
	case e.Name != "":
		return e.Name
	case e.Message != "":
		return e.Message
	}
	return "HTTP " + strconv.Itoa(e.Status)
}

// xrpcName returns the XRPC error name behind err, or "".
func xrpcName(err error) string {
	var xe *xrpcError
	if errors.As(err, &xe) {
		return xe.Name
	}
	return ""
}

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

// errAuth reports credentials the account has to be reconnected with.
func errAuth(msg string) *platforms.Error {
	return newError(platforms.KindAuth, 0, msg)
}

// isScopeError reports a token that is valid but not allowed to call the
// method: the PDS says "Bad token method" (app password without DM access on
// chat.bsky.*) or "Bad token scope".
func isScopeError(e *xrpcError) bool {
	m := strings.ToLower(e.Message)
	return strings.Contains(m, "bad token scope") || strings.Contains(m, "bad token method")
}

// needsRenewal reports a failure a fresh access token may cure: an expired or
// unverifiable token (400 ExpiredToken / InvalidToken) or a bare 401.
func needsRenewal(e *xrpcError) bool {
	if isScopeError(e) {
		return false
	}
	switch e.Name {
	case "AccountTakedown", "AccountDeactivated", "AuthFactorTokenRequired", "RateLimitExceeded":
		return false
	case "ExpiredToken", "InvalidToken":
		return true
	}
	return e.Status == http.StatusUnauthorized
}

// kindOf classifies a failed XRPC answer.
func kindOf(e *xrpcError) platforms.ErrorKind {
	switch {
	case e.Status == http.StatusTooManyRequests || e.Name == "RateLimitExceeded":
		return platforms.KindRateLimited
	case isScopeError(e), e.Status == http.StatusUnauthorized:
		return platforms.KindAuth
	}
	switch e.Name {
	case "ExpiredToken", "InvalidToken", "AuthMissing", "AuthenticationRequired",
		"AccountTakedown", "AccountDeactivated", "AuthFactorTokenRequired":
		return platforms.KindAuth
	case "ConvoLocked":
		// The convo accepts no messages now (locked by its owner or by Bluesky);
		// it may be unlocked later, so this is a refusal of this thread, not a bad request.
		return platforms.KindWindowClosed
	}
	switch {
	case e.Status == http.StatusBadRequest && e.Unreadable:
		// XRPC servers always explain a 400; one without an explanation came
		// from something in between (a proxy, a cut connection).
		return platforms.KindTransient
	case e.Status == http.StatusNotImplemented:
		return platforms.KindPermanent
	case e.Status >= 500:
		return platforms.KindTransient
	case e.Status >= 400:
		return platforms.KindPermanent
	}
	return platforms.KindTransient
}

// apiError maps a failed answer to the typed error, with a message that says
// what to do for the failures a person can act on.
func (c *connector) apiError(nsid string, chat bool, xe *xrpcError, header http.Header) *platforms.Error {
	kind := kindOf(xe)
	msg := nsid + ": " + xe.Error()
	switch {
	case kind == platforms.KindAuth && isScopeError(xe) && chat:
		msg = nsid + ": " + dmAccessMessage
	case kind == platforms.KindAuth && nsid == nsidCreateSession && xe.Name != "AccountTakedown":
		msg = nsid + ": " + xe.Error() + " (check the handle and the app password; a revoked app password needs a new one)"
	}
	e := newError(kind, xe.Status, c.redact(msg))
	cause := &xrpcError{Status: xe.Status, Name: xe.Name, Message: c.redact(xe.Message), Unreadable: xe.Unreadable}
	e.Err = cause
	if kind == platforms.KindAuth && isScopeError(xe) && chat {
		e.Err = fmt.Errorf("%w: %w", ErrNoDMAccess, cause)
	}
	if kind == platforms.KindRateLimited {
		e.RetryAfter = retryAfter(header, time.Now())
	}
	return e
}

// retryAfter reads how long a 429 asks to wait: ratelimit-reset (epoch
// seconds), else Retry-After (seconds or an HTTP date), else a default.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get("ratelimit-reset")); v != "" {
		if epoch, err := strconv.ParseInt(v, 10, 64); err == nil && epoch > 0 {
			return roundUp(time.Unix(epoch, 0).Sub(now))
		}
	}
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if secs, err := strconv.ParseInt(v, 10, 64); err == nil && secs > 0 {
			return time.Duration(secs) * time.Second
		}
		if at, err := http.ParseTime(v); err == nil {
			return roundUp(at.Sub(now))
		}
	}
	return defaultRetryAfter
}

// roundUp turns a wait into whole seconds, at least one.
func roundUp(d time.Duration) time.Duration {
	if d <= time.Second {
		return time.Second
	}
	return (d + time.Second - 1).Truncate(time.Second)
}
