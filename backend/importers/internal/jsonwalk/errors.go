package jsonwalk

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"creatordesk/backend/importers/archive"
)

// StreamBroken reports whether err from Decoder.Decode means the document
// itself is broken (bad syntax, truncated, unreadable) rather than one value
// not fitting its Go type; after the latter the decoder can go on.
func StreamBroken(err error) bool {
	var syn *json.SyntaxError
	var pe *archive.ParseError
	return errors.As(err, &syn) || errors.As(err, &pe) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, archive.ErrTooLarge) || isReadError(err)
}

// readError marks a failure of the underlying reader.
type readError struct{ err error }

func (e readError) Error() string { return e.err.Error() }
func (e readError) Unwrap() error { return e.err }

func isReadError(err error) bool {
	var re readError
	return errors.As(err, &re)
}

// taggedReader marks the reader's own failures so StreamBroken can tell them
// from type mismatches.
type taggedReader struct{ r io.Reader }

func (t taggedReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF {
		err = readError{err}
	}
	return n, err
}

// Explain words a decode error of one value for a user: which field holds what
// instead of what it should.
func Explain(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "the message"
		} else {
			field = fmt.Sprintf("%q", field)
		}
		return fmt.Sprintf("%s is %s where %s is expected", field, article(te.Value), typeWords(te.Type))
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.HasPrefix(msg, "invalid number literal") {
		return "a number field holds text that is not a number"
	}
	return msg
}

// article puts "a"/"an" before a JSON kind ("string" → "a string").
func article(kind string) string {
	switch {
	case kind == "":
		return "something else"
	case strings.HasPrefix(kind, "number"):
		return "a number"
	case strings.ContainsAny(kind[:1], "aeiou"):
		return "an " + kind
	}
	return "a " + kind
}

// typeWords names a Go type as the JSON it decodes from.
func typeWords(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	if t == reflect.TypeFor[json.Number]() {
		return "a number"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return typeWords(t.Elem())
	}
	return "another kind of value"
}
