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
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tokenizer is the FTS5 tokenizer specification the folded text is meant for.
const Tokenizer = `unicode61 remove_diacritics 0 categories 'L* N* Co M*'`

// IsIdeographic reports whether r is written without spaces between words
// (Han, Hiragana, Katakana, Hangul) and is therefore indexed one character per token.
func IsIdeographic(r rune) bool {
	// Nothing below U+1100 (the first Hangul jamo) is in these scripts.
	return r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// Fold returns text in its indexed form: lower case, Latin diacritics removed,
// ideographic characters separated by spaces, white space collapsed. Fold is deterministic and idempotent.
func Fold(text string) string {
	if folded, ok := foldASCII(text); ok {
		return folded
	}
	return foldUnicode(text)
}

// foldASCII is Fold for text that is all ASCII (most English and much
// Romanian): lower case and white space collapsed, which is all Fold does to
// ASCII, in one pass without the Unicode normalization. ok is false when text
// holds any other byte.
func foldASCII(text string) (folded string, ok bool) {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	b := make([]byte, 0, len(text))
	gap := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r': // the ASCII white space strings.Fields splits on
			gap = len(b) > 0
			continue
		}
		if gap {
			b = append(b, ' ')
			gap = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b), true
}

// foldUnicode is Fold for any text. ASCII runes take a short path (they are
// never marks or ideographs), the rest go through the Unicode tables.
func foldUnicode(text string) string {
	decomposed := norm.NFD.String(text)
	var b strings.Builder
	b.Grow(len(decomposed) + 8)
	var base rune // the last non-mark rune written
	for _, r := range decomposed {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			base = r
			continue
		}
		mark := unicode.Is(unicode.Mn, r)
		if mark && isLatin(base) {
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
		if !mark {
			base = r
		}
	}
	return collapseSpace(norm.NFC.String(b.String()))
}

// isLatin reports a Latin-script rune, ASCII letters without the table.
func isLatin(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.Is(unicode.Latin, r)
}

// collapseSpace is strings.Join(strings.Fields(s), " ") in one pass: runs of
// white space become one space, none at either end. Bytes that are not
// valid UTF-8 are kept as they are.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			gap = b.Len() > 0
		} else {
			if gap {
				b.WriteByte(' ')
				gap = false
			}
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}
