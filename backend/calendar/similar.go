package calendar

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// stopwords are frequent words that say nothing about what is asked
// (English and Romanian; CJK and Hindi are compared by character pairs).
var stopwords = map[string]bool{
	"a": true, "an": true, "the": true, "is": true, "are": true, "do": true, "does": true, "you": true, "i": true,
	"to": true, "of": true, "and": true, "or": true, "in": true, "on": true, "for": true, "it": true, "this": true,
	"that": true, "can": true, "will": true, "be": true, "my": true, "me": true, "your": true, "what": true, "please": true,
	"si": true, "și": true, "de": true, "la": true, "în": true, "in.": true, "pe": true, "cu": true, "un": true, "o": true,
	"este": true, "e": true, "ce": true, "care": true, "vă": true, "va": true, "mă": true, "ma": true,
}

// Fold lowercases text, removes accents and splits it into meaningful tokens.
// Han, Hiragana, Katakana, Hangul and Devanagari runs become overlapping
// character pairs, so "有沒有現貨" and "現貨有沒有" share most tokens.
func Fold(text string) []string {
	decomposed := norm.NFD.String(strings.ToLower(text))
	var b strings.Builder
	for _, r := range decomposed {
		if unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Devanagari, r) {
			continue // accents (not Devanagari vowel signs)
		}
		b.WriteRune(r)
	}
	var out []string
	var word []rune
	var dense []rune
	flushWord := func() {
		if len(word) > 0 {
			w := string(word)
			if !stopwords[w] && (len(word) > 1 || unicode.IsDigit(word[0])) {
				out = append(out, w)
			}
			word = word[:0]
		}
	}
	flushDense := func() {
		switch {
		case len(dense) == 1:
			out = append(out, string(dense))
		case len(dense) > 1:
			for i := 0; i+1 < len(dense); i++ {
				out = append(out, string(dense[i:i+2]))
			}
		}
		dense = dense[:0]
	}
	for _, r := range norm.NFC.String(b.String()) {
		switch {
		case isDense(r):
			flushWord()
			dense = append(dense, r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			flushDense()
			word = append(word, r)
		default:
			flushWord()
			flushDense()
		}
	}
	flushWord()
	flushDense()
	return out
}

func isDense(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Devanagari)
}

// Jaccard is the overlap of two token sets (0 to 1).
func Jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for t := range a {
		if b[t] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// tokenSet is the folded tokens of a question without its order number
// (which differs from person to person and says nothing about the topic).
func tokenSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, t := range Fold(orderNumber.ReplaceAllString(text, " ")) {
		set[t] = true
	}
	return set
}

// SimilarThreshold is the overlap from which two questions count as the same.
const SimilarThreshold = 0.5

// Group clusters texts greedily: each joins the first group whose first text
// overlaps it by at least SimilarThreshold, else starts a new group. It
// returns, for each text, the index of its group's first text.
func Group(texts []string) []int {
	out := make([]int, len(texts))
	var heads []int
	sets := make([]map[string]bool, len(texts))
	for i, t := range texts {
		sets[i] = tokenSet(t)
		out[i] = i
		best, bestScore := -1, 0.0
		for _, h := range heads {
			if s := Jaccard(sets[i], sets[h]); s >= SimilarThreshold && s > bestScore {
				best, bestScore = h, s
			}
		}
		if best >= 0 {
			out[i] = best
		} else {
			heads = append(heads, i)
		}
	}
	return out
}
