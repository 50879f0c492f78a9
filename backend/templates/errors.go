package templates

import "strings"

// Error is a saved-reply request a person can fix; its key is errors.templates.<Kind>.
type Error struct {
	Kind string
	Args map[string]string
}

// Kinds of Error.
const (
	KindNameRequired       = "nameRequired"
	KindShortcutInvalid    = "shortcutInvalid"
	KindShortcutTaken      = "shortcutTaken"
	KindNoVariant          = "noVariant"
	KindBadLanguage        = "badLanguage"
	KindBadKind            = "badKind"
	KindFolderNameRequired = "folderNameRequired"
	KindFolderTaken        = "folderTaken"
	KindFolderMissing      = "folderMissing"
	KindBadDefaultLanguage = "badDefaultLanguage"
)

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("templates: " + e.Kind)
	for k, v := range e.Args {
		b.WriteString(" " + k + "=" + v)
	}
	return b.String()
}

// ErrorKey implements app.KeyedError.
func (e *Error) ErrorKey() (code, key string, args map[string]string) {
	return "template_" + e.Kind, "errors.templates." + e.Kind, e.Args
}

// newError builds an Error with optional key/value argument pairs.
func newError(kind string, kv ...string) *Error {
	args := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i]] = kv[i+1]
	}
	return &Error{Kind: kind, Args: args}
}

// UnfilledError: the send gate refused a text that still holds tokens.
type UnfilledError struct {
	Tokens []string
}

// Error implements error.
func (e *UnfilledError) Error() string {
	return "templates: fill in " + strings.Join(e.Tokens, ", ") + " before sending"
}

// ErrorKey implements app.KeyedError.
func (e *UnfilledError) ErrorKey() (code, key string, args map[string]string) {
	return "template_unfilled", "errors.templates.unfilled", map[string]string{"tokens": strings.Join(e.Tokens, ", ")}
}
