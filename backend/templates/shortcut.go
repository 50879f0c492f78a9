package templates

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxShortcut is the longest shortcut, in characters.
const maxShortcut = 40

// Slug makes a shortcut from a name: lower case, Latin diacritics dropped,
// anything but letters, digits and marks turned into single dashes
// ("Comandă – status" → "comanda-status", "退款说明" stays as it is).
func Slug(name string) string {
	var b strings.Builder
	var base rune
	dash := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r) && unicode.Is(unicode.Latin, base):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			base = r
		default:
			dash = true
		}
	}
	s := norm.NFC.String(b.String())
	if utf8.RuneCountInString(s) > maxShortcut {
		s = strings.TrimRight(string([]rune(s)[:maxShortcut]), "-")
	}
	return s
}

// NormalizeShortcut trims a typed shortcut, drops a leading "/", and lowercases it.
func NormalizeShortcut(s string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "/"))
}

// ValidShortcut reports whether s is 1 to 40 letters, digits, marks, dashes or underscores.
func ValidShortcut(s string) bool {
	n := utf8.RuneCountInString(s)
	if n == 0 || n > maxShortcut {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
