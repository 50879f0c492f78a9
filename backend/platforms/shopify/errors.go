package shopify

import (
	"time"

	"creatordesk/backend/platforms"
)

// errOf builds a connector error of kind.
func errOf(kind platforms.ErrorKind, code int, msg string) *platforms.Error {
	return &platforms.Error{Platform: Platform, Kind: kind, Code: code, Message: msg}
}

func errPermanent(msg string) *platforms.Error { return errOf(platforms.KindPermanent, 0, msg) }
func errTransient(msg string) *platforms.Error { return errOf(platforms.KindTransient, 0, msg) }
func errAuth(msg string) *platforms.Error      { return errOf(platforms.KindAuth, 401, msg) }

// errThrottled is a rate-limit error asking to wait d.
func errThrottled(code int, msg string, d time.Duration) *platforms.Error {
	e := errOf(platforms.KindRateLimited, code, msg)
	e.RetryAfter = d
	return e
}
