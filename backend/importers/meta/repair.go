package meta

import "unicode/utf8"

// Repair undoes the mis-encoding of Meta's JSON downloads, which write each
// UTF-8 byte of a text as its own code point ("é" as "\u00c3\u00a9", an emoji as
// four such escapes). When every rune of s is below 256 and the bytes they
// stand for are valid UTF-8, that decoding is returned; any other string (plain
// ASCII, a correctly encoded text, a genuine Latin-1 "Café") is left alone.
func Repair(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r >= 256 {
			return s
		}
		b = append(b, byte(r))
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}
