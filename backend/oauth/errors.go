package oauth

import (
	"errors"
	"fmt"
)

// Errors a flow ends with. Each names its translation key (errors.oauth.*),
// so the app shows it in the person's language.
var (
	// ErrAccessDenied: the person declined in the browser (error=access_denied).
	ErrAccessDenied error = &keyedError{msg: "oauth: access was denied in the browser", code: "oauth_denied", key: "errors.oauth.denied"}
	// ErrTimeout: the browser never came back within the flow's time.
	ErrTimeout error = &keyedError{msg: "oauth: the sign-in timed out", code: "oauth_timeout", key: "errors.oauth.timeout"}
	// ErrCanceled: the flow was canceled before the browser came back.
	ErrCanceled error = &keyedError{msg: "oauth: the sign-in was canceled", code: "oauth_canceled", key: "errors.oauth.canceled"}
	// ErrStateMismatch: a redirect came back with a state this flow did not
	// send (a stale tab or a forged request); nothing was exchanged.
	ErrStateMismatch error = &keyedError{msg: "oauth: the browser returned an unexpected sign-in (state mismatch)", code: "oauth_state", key: "errors.oauth.state"}
	// ErrNoCode: the redirect carried neither a code nor an error.
	ErrNoCode error = &keyedError{msg: "oauth: the browser returned without an authorization code", code: "oauth_no_code", key: "errors.oauth.noCode"}
	// ErrInvalidGrant: the token endpoint refused the code or the refresh
	// token (expired, revoked, or issued to another client).
	ErrInvalidGrant = errors.New("oauth: invalid_grant")
	// ErrInvalidClient: the token endpoint refused the client id or secret.
	ErrInvalidClient = errors.New("oauth: invalid_client")
)

// keyedError is a flow error with its translation key.
type keyedError struct{ msg, code, key string }

// Error implements error.
func (e *keyedError) Error() string { return e.msg }

// ErrorKey implements app.KeyedError.
func (e *keyedError) ErrorKey() (code, key string, args map[string]string) { return e.code, e.key, nil }

// AuthError is an error the authorization server sent back through the
// redirect other than access_denied (invalid_scope, unauthorized_client...).
type AuthError struct {
	Code, Description string
}

// Error implements error.
func (e *AuthError) Error() string {
	if e.Description != "" {
		return "oauth: authorization failed: " + e.Code + ": " + e.Description
	}
	return "oauth: authorization failed: " + e.Code
}

// ErrorKey implements app.KeyedError.
func (e *AuthError) ErrorKey() (code, key string, args map[string]string) {
	return "oauth_refused", "errors.oauth.refused", map[string]string{"code": e.Code}
}

// TokenError is a token endpoint's refusal (RFC 6749 §5.2) or an answer it
// could not have meant (no access token, not JSON). Temporary reports a
// failure worth retrying (5xx, network).
type TokenError struct {
	Status      int
	Code        string
	Description string
	Temporary   bool
	// Err is the cause (ErrInvalidGrant, ErrInvalidClient, a network error).
	Err error
}

// Error implements error.
func (e *TokenError) Error() string {
	s := "oauth: token request failed"
	if e.Status != 0 {
		s += fmt.Sprintf(" (HTTP %d)", e.Status)
	}
	if e.Code != "" {
		s += ": " + e.Code
	}
	if e.Description != "" {
		s += ": " + e.Description
	}
	if e.Code == "" && e.Description == "" && e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *TokenError) Unwrap() error { return e.Err }

// ErrorKey implements app.KeyedError.
func (e *TokenError) ErrorKey() (code, key string, args map[string]string) {
	switch {
	case errors.Is(e.Err, ErrInvalidClient):
		return "oauth_client", "errors.oauth.clientRejected", nil
	case errors.Is(e.Err, ErrInvalidGrant):
		return "oauth_grant", "errors.oauth.grantRejected", nil
	case e.Temporary:
		return "transient", "errors.platform.transient", nil
	}
	return "oauth_token", "errors.oauth.tokenFailed", map[string]string{"code": e.Code}
}

// ConfigError reports a flow that cannot start: a missing client id or a
// bad endpoint address.
type ConfigError struct{ Field string }

// Error implements error.
func (e *ConfigError) Error() string { return "oauth: invalid configuration: " + e.Field }

// ErrorKey implements app.KeyedError.
func (e *ConfigError) ErrorKey() (code, key string, args map[string]string) {
	return "invalid_input", "errors.oauth.config", map[string]string{"field": e.Field}
}
