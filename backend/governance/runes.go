package governance

import "unicode"

// isWordRune reports letters, digits and combining marks (Devanagari vowel signs).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r)
}
