// Package textsearch turns text into the form the full-text index stores, and a
// user's query into a safe FTS5 match expression built the same way.
//
// SQLite's unicode61 tokenizer does not split Chinese into words, and treats
// Devanagari vowel signs as separators unless told otherwise. So CreatorDesk
// folds text in Go before indexing:
//   - Latin letters lose their diacritics (Romanian "ședință" is found by "sedinta"),
//   - every Han, Kana and Hangul character becomes its own token, and a query's
//     run of such characters is searched as a phrase (any substring length, even 1),
//   - Devanagari and other scripts keep their combining marks.
//
// The index uses tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'".
package textsearch

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Tokenizer is the FTS5 tokenizer specification the folded text is meant for.
const Tokenizer = `unicode61 remove_diacritics 0 categories 'L* N* Co M*'`

// IsIdeographic reports whether r is written without spaces between words
// (Han, Hiragana, Katakana, Hangul) and is therefore indexed one character per token.
func IsIdeographic(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// Fold returns text in its indexed form: lower case, Latin diacritics removed,
// ideographic characters separated by spaces, white space collapsed. Fold is deterministic and idempotent.
func Fold(text string) string {
	decomposed := norm.NFD.String(text)
	var b strings.Builder
	b.Grow(len(decomposed) + 8)
	var base rune // the last non-mark rune written
	for _, r := range decomposed {
		if unicode.Is(unicode.Mn, r) && unicode.Is(unicode.Latin, base) {
			continue // a diacritic on a Latin letter
		}
		switch {
		case IsIdeographic(r):
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
		case r == 'ı': // Turkish/Romanian-adjacent dotless i folds like i
			b.WriteRune('i')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		if !unicode.Is(unicode.Mn, r) {
			base = r
		}
	}
	return strings.Join(strings.Fields(norm.NFC.String(b.String())), " ")
}
