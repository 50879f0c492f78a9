// Package jsonwalk streams large JSON documents with encoding/json's token API:
// objects and arrays are walked key by key and element by element, so only one
// element (one message) is decoded in memory at a time.
package jsonwalk

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"creatordesk/backend/importers/archive"
)

// ShapeError is valid JSON of the wrong kind where the walker expected an object or array.
type ShapeError struct {
	Want   string // "an object", "an array"
	Got    string // "a string", "a number", ...
	Offset int64
}

func (e *ShapeError) Error() string {
	return fmt.Sprintf("expected %s, found %s", e.Want, e.Got)
}

// Object consumes one JSON object, calling fn with each key while the decoder
// stands before that key's value; fn must consume the value (Skip, Decode, ...).
func Object(dec *Decoder, fn func(key string) error) error {
	if err := open(dec, '{', "an object"); err != nil {
		return err
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		if err := fn(key); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}

// Array consumes one JSON array, calling fn once per element (index from 0);
// fn must consume the element.
func Array(dec *Decoder, fn func(i int) error) error {
	if err := open(dec, '[', "an array"); err != nil {
		return err
	}
	for i := 0; dec.More(); i++ {
		if err := fn(i); err != nil {
			return err
		}
	}
	_, err := dec.Token()
	return err
}

// open reads the opening delimiter want, or reports what stood there instead.
func open(dec *Decoder, want json.Delim, name string) error {
	off := dec.InputOffset()
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); ok && d == want {
		return nil
	}
	got := Describe(t)
	if d, ok := t.(json.Delim); ok {
		// Consume the rest of the container so the stream stays usable.
		if err := skipRest(dec, d); err != nil {
			return err
		}
	}
	return &ShapeError{Want: name, Got: got, Offset: off}
}

// Skip consumes one JSON value of any kind.
func Skip(dec *Decoder) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); ok {
		return skipRest(dec, d)
	}
	return nil
}

// skipRest consumes the rest of a container whose opening delimiter d was read.
func skipRest(dec *Decoder, d json.Delim) error {
	if d != '{' && d != '[' {
		return nil
	}
	depth := 1
	for depth > 0 {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

// Describe names the kind of a token for messages.
func Describe(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		if v == '[' {
			return "an array"
		}
		return "the end of a container"
	case string:
		return "a string"
	case json.Number, float64:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	}
	return "something else"
}

// FileError turns a failure of the JSON stream into a *archive.ParseError that
// says where (a byte offset) and why (truncated, not JSON, wrong shape).
func FileError(name string, dec *Decoder, err error, what string) *archive.ParseError {
	var pe *archive.ParseError
	var syn *json.SyntaxError
	var shape *ShapeError
	switch {
	case errors.As(err, &pe):
		return pe
	case errors.Is(err, archive.ErrTooLarge):
		return archive.ReadError(name, err)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return archive.Errorf(name, dec.Where(dec.End()),
			"the JSON stops in the middle: the file is truncated (an interrupted download or copy?)")
	case errors.As(err, &syn):
		// After Decode, Offset counts only the bytes Decode scanned; the
		// decoder's own position is then the start of the broken value.
		return archive.Errorf(name, dec.Where(max(syn.Offset, dec.InputOffset())),
			"this is not valid JSON (%v), so it is not %s", syn, what)
	case errors.As(err, &shape):
		return archive.Errorf(name, dec.Where(shape.Offset),
			"expected %s but found %s: this is not %s", shape.Want, shape.Got, what)
	}
	return archive.ReadError(name, err)
}
