package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"creatordesk/backend/accounts"
	"creatordesk/backend/importers"
	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/bluesky"
	"creatordesk/backend/platforms/telegram"
	"creatordesk/backend/secrets"
	"creatordesk/backend/store"
	"creatordesk/backend/sync"
)

// AppError is what every failed bound method rejects with: an i18n key the
// frontend translates, its arguments, and an English fallback message.
type AppError struct {
	Code    string            `json:"code"`
	Key     string            `json:"key"`
	Args    map[string]string `json:"args"`
	Message string            `json:"message"`
}

// Error implements error.
func (e *AppError) Error() string { return e.Message }

// FormatError is the Wails ErrorFormatter. Wails rejects the frontend's promise
// with new Error(<formatted value>), so the AppError travels as JSON text that the
// frontend bridge parses back into {code, key, args, message}.
func FormatError(err error) any {
	b, mErr := json.Marshal(ToAppError(err))
	if mErr != nil {
		return `{"code":"internal","key":"errors.internal","args":{},"message":"internal error"}`
	}
	return string(b)
}

// KeyedError is implemented by domain errors that name their own i18n key (an
// area's errors.<area>.* keys), so a new area never edits the switch below.
// Domain packages satisfy it structurally; they do not import app.
type KeyedError interface {
	error
	// ErrorKey returns a short stable code, the i18n key and its arguments.
	ErrorKey() (code, key string, args map[string]string)
}

// ToAppError maps a domain error to its user-facing form. Unknown errors become
// errors.internal; their text is kept in Message (it never contains a token:
// connectors and the vault strip them).
func ToAppError(err error) *AppError {
	if err == nil {
		return nil
	}
	var ae *AppError
	if errors.As(err, &ae) {
		return ae
	}
	var keyed KeyedError
	if errors.As(err, &keyed) {
		code, key, args := keyed.ErrorKey()
		if args == nil {
			args = map[string]string{}
		}
		return &AppError{Code: code, Key: key, Args: args, Message: err.Error()}
	}
	mk := func(code, key string, args map[string]string) *AppError {
		if args == nil {
			args = map[string]string{}
		}
		return &AppError{Code: code, Key: key, Args: args, Message: err.Error()}
	}
	var tokenFormat *accounts.TokenFormatError
	var parseErr *importers.ParseError
	var pe *platforms.Error
	switch {
	case errors.Is(err, inbox.ErrEmptyText):
		return mk("send_empty", "errors.send.emptyText", nil)
	case errors.Is(err, inbox.ErrImportedArchive):
		return mk("imported_archive", "errors.send.importedArchive", nil)
	case errors.Is(err, inbox.ErrAccountDisconnected), errors.Is(err, sync.ErrNoToken):
		return mk("account_disconnected", "errors.send.accountDisconnected", nil)
	case errors.As(err, &tokenFormat) && tokenFormat.Platform == telegram.Platform:
		return mk("token_format", "errors.telegram.tokenFormat", nil)
	case errors.As(err, &tokenFormat):
		return mk("token_format", "errors.account.tokenFormat", map[string]string{"platform": platformName(tokenFormat.Platform)})
	case errors.Is(err, accounts.ErrUnknownPlatform):
		return mk("invalid_input", "errors.invalidInput", map[string]string{"detail": "platform"})
	case errors.Is(err, secrets.ErrUnavailable):
		return mk("keyring_unavailable", "errors.keyring.unavailable", nil)
	case errors.Is(err, secrets.ErrLocked):
		return mk("keyring_locked", "errors.keyring.locked", nil)
	case errors.Is(err, secrets.ErrTimeout):
		return mk("keyring_timeout", "errors.keyring.timeout", nil)
	case errors.Is(err, store.ErrDiskFull):
		return mk("disk_full", "errors.db.diskFull", nil)
	case errors.Is(err, store.ErrCorrupt):
		return mk("db_corrupt", "errors.db.corrupt", nil)
	case errors.Is(err, store.ErrDuplicate):
		return mk("duplicate", "errors.account.duplicate", nil)
	case errors.Is(err, store.ErrNotFound):
		return mk("not_found", "errors.notFound", nil)
	case errors.Is(err, bluesky.ErrNoDMAccess):
		return mk("platform_auth", "errors.bluesky.noDMAccess", nil)
	case errors.As(err, &parseErr):
		return mk("import_failed", "errors.import.failed", map[string]string{"where": parseErr.Where, "why": parseErr.Why})
	case errors.As(err, &pe):
		return platformError(pe, mk)
	case errors.Is(err, context.DeadlineExceeded):
		return mk("transient", "errors.platform.transient", nil)
	}
	return mk("internal", "errors.internal", nil)
}

// platformName is a platform's display name (the same in every language).
func platformName(platform string) string {
	names := map[string]string{"telegram": "Telegram", "mastodon": "Mastodon", "bluesky": "Bluesky", "youtube": "YouTube",
		"instagram": "Instagram", "facebook": "Facebook", "whatsapp": "WhatsApp", "tiktok": "TikTok", "shopify": "Shopify"}
	if n, ok := names[platform]; ok {
		return n
	}
	return platform
}

// connectError words a failed connect: a refused login there means "check what you entered",
// not "reconnect" as it would for an account that was working.
func connectError(err error) error {
	ae := ToAppError(err)
	if ae.Key == "errors.platform.auth" {
		ae.Key, ae.Code = "errors.account.credentialsRejected", "credentials_rejected"
	}
	return ae
}

// platformError maps a connector error kind to its key.
func platformError(pe *platforms.Error, mk func(string, string, map[string]string) *AppError) *AppError {
	switch pe.Kind {
	case platforms.KindAuth:
		return mk("platform_auth", "errors.platform.auth", nil)
	case platforms.KindRateLimited:
		return mk("rate_limited", "errors.platform.rateLimited", map[string]string{"seconds": fmt.Sprint(int(pe.RetryAfter.Seconds()))})
	case platforms.KindConflict:
		return mk("platform_conflict", "errors.platform.conflict", nil)
	case platforms.KindWindowClosed:
		return mk("window_closed", "errors.platform.windowClosed", nil)
	case platforms.KindPermanent:
		return mk("platform_permanent", "errors.platform.permanent", map[string]string{"detail": pe.Message})
	}
	return mk("transient", "errors.platform.transient", nil)
}

// invalidInput is an AppError for a request the frontend should not have sent.
func invalidInput(detail string) *AppError {
	return &AppError{Code: "invalid_input", Key: "errors.invalidInput", Args: map[string]string{"detail": detail}, Message: detail}
}

// storedError rebuilds the AppError of a failure recorded as (kind, detail) in the database.
func storedError(kind, detail string) *AppError {
	if kind == "" {
		return nil
	}
	var err error
	switch kind {
	case "no_token":
		err = sync.ErrNoToken
	case "keyring_unavailable":
		err = secrets.ErrUnavailable
	case "keyring_locked":
		err = secrets.ErrLocked
	case "keyring_timeout":
		err = secrets.ErrTimeout
	case "disk_full":
		err = store.ErrDiskFull
	default:
		err = &platforms.Error{Kind: platforms.ErrorKind(kind), Message: detail}
	}
	ae := ToAppError(err)
	ae.Message = detail
	return ae
}
