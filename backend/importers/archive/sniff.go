package archive

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// SkipBOM drops a UTF-8 byte order mark at the start of the input.
func (in *Input) SkipBOM() {
	if bytes.HasPrefix(in.Head(3), []byte("\xef\xbb\xbf")) {
		_, _ = in.R.Discard(3)
	}
}

// LooksLikeJSON reports whether the input starts (after white space) with an
// object, or an array of objects, arrays or strings. An iOS WhatsApp chat starts
// with "[31.12.23, …", which is not taken for JSON.
func (in *Input) LooksLikeJSON() bool {
	head := bytes.TrimLeft(in.Head(512), " \t\r\n")
	switch {
	case len(head) == 0:
		return false
	case head[0] == '{':
		return true
	case head[0] == '[':
		rest := bytes.TrimLeft(head[1:], " \t\r\n")
		return len(rest) == 0 || bytes.IndexByte([]byte(`{["]`), rest[0]) >= 0
	}
	return false
}

// Opening quotes the first line of the input (at most 60 characters) for error messages.
func (in *Input) Opening() string {
	head := in.Head(240)
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		head = head[:i]
	}
	for !utf8.Valid(head) && len(head) > 0 {
		head = head[:len(head)-1]
	}
	if !utf8.Valid(head) || bytes.ContainsFunc(head, func(r rune) bool { return r < ' ' && r != '\t' }) {
		return "binary data"
	}
	return strconv.Quote(Preview(string(head), 60))
}
