package telegram

import (
	"fmt"
	"net/http"
	"time"

	"creatordesk/backend/platforms"
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

// apiError maps a failed Bot API answer to a typed error. The error_code in the
// envelope wins over the HTTP status (Telegram sends the same number in both).
func (c *connector) apiError(method string, status int, env envelope) *platforms.Error {
	code := env.ErrorCode
	if code == 0 {
		code = status
	}
	msg := env.Description
	if msg == "" {
		msg = http.StatusText(code)
	}
	if env.Parameters != nil && env.Parameters.MigrateToChatID != 0 {
		msg = fmt.Sprintf("%s (migrate_to_chat_id %d)", msg, env.Parameters.MigrateToChatID)
	}
	e := newError(kindForStatus(method, code), code, c.redact(method+": "+msg))
	if e.Kind == platforms.KindRateLimited && env.Parameters != nil && env.Parameters.RetryAfter > 0 {
		e.RetryAfter = time.Duration(env.Parameters.RetryAfter) * time.Second
	}
	return e
}

// kindForStatus classifies a Bot API error code. A 404 on getMe means the
// token path itself is wrong; elsewhere it is a request the API cannot serve.
func kindForStatus(method string, code int) platforms.ErrorKind {
	switch {
	case code == http.StatusUnauthorized, code == http.StatusNotFound && method == "getMe":
		return platforms.KindAuth
	case code == http.StatusTooManyRequests:
		return platforms.KindRateLimited
	case code == http.StatusConflict:
		return platforms.KindConflict
	case code >= 400 && code < 500:
		return platforms.KindPermanent
	default:
		return platforms.KindTransient
	}
}
