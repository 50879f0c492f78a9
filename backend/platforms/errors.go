package platforms

import (
	"errors"
	"fmt"
	"time"
)

// ErrorKind classifies a connector failure by what the caller should do about it.
type ErrorKind string

// Error kinds.
const (
	// KindRateLimited: wait RetryAfter (or back off), then try again.
	KindRateLimited ErrorKind = "rate_limited"
	// KindAuth: the token is invalid, expired or revoked; the account needs reconnecting.
	KindAuth ErrorKind = "auth"
	// KindWindowClosed: the platform refuses this send now (messaging window, policy).
	KindWindowClosed ErrorKind = "window_closed"
	// KindConflict: another client is consuming the same stream (Telegram 409).
	KindConflict ErrorKind = "conflict"
	// KindPermanent: the request is wrong and retrying will not help.
	KindPermanent ErrorKind = "permanent"
	// KindTransient: network failure, 5xx, timeout or malformed response; retry with backoff.
	KindTransient ErrorKind = "transient"
)

// Error is the typed error every connector returns.
// Message is the platform's own description, never containing a token.
type Error struct {
	Platform   string
	Kind       ErrorKind
	Code       int
	Message    string
	RetryAfter time.Duration
	// Err is the underlying cause when there is one (a network error, a cancelled context).
	Err error
}

// Unwrap returns the cause, so errors.Is(err, context.Canceled) works through a connector error.
func (e *Error) Unwrap() error { return e.Err }

// Error implements error.
func (e *Error) Error() string {
	if e.Code != 0 {
		return fmt.Sprintf("%s: %s (%d): %s", e.Platform, e.Kind, e.Code, e.Message)
	}
	return fmt.Sprintf("%s: %s: %s", e.Platform, e.Kind, e.Message)
}

// KindOf returns the kind of a connector error; any other error counts as transient.
func KindOf(err error) ErrorKind {
	var pe *Error
	if errors.As(err, &pe) {
		return pe.Kind
	}
	return KindTransient
}

// RetryAfterOf returns the wait a rate-limited error asks for (0 when it names none).
func RetryAfterOf(err error) time.Duration {
	var pe *Error
	if errors.As(err, &pe) {
		return pe.RetryAfter
	}
	return 0
}
