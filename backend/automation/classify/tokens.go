package classify

import (
	"strings"
	"unicode"

	"creatordesk/backend/textsearch"
)

// Tokens folds text exactly as the search index does (textsearch.Fold: lower
// case, Latin diacritics removed so Romanian with and without ș/ț/ă/â/î reads
// the same, each Han character its own token), then evens out Devanagari
// spelling variants (nukta dropped, candrabindu read as anusvara) and splits
// on anything that is not a letter, digit or mark. Emoji are kept as tokens.
func Tokens(text string) []string {
	folded := textsearch.Fold(text)
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range folded {
		switch {
		case r == '\u093C': // Devanagari nukta: "साइज़" and "साइज" are one word to a reader
			continue
		case r == '\u0901': // candrabindu written where anusvara is meant
			cur.WriteRune('\u0902')
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r):
			cur.WriteRune(r)
		case isEmoji(r):
			flush()
			out = append(out, string(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// isEmoji reports the pictographs that carry sentiment (hearts, faces, hands).
func isEmoji(r rune) bool {
	return (r >= 0x1F300 && r <= 0x1FAFF) || (r >= 0x2600 && r <= 0x27BF)
}

// features turns tokens into the model's features: every token, plus bigrams of
// adjacent ideographic characters (Chinese words are mostly two characters).
func features(tokens []string) []string {
	out := make([]string, 0, len(tokens)*2)
	for i, t := range tokens {
		out = append(out, t)
		if i > 0 && ideographic(t) && ideographic(tokens[i-1]) {
			out = append(out, tokens[i-1]+t)
		}
	}
	return out
}

// ideographic reports a one-character Han/Kana/Hangul token.
func ideographic(t string) bool {
	for _, r := range t {
		return textsearch.IsIdeographic(r)
	}
	return false
}
