package kpi

import (
	"strings"
	"unicode"
)

// ratingWords are the numbers one to five written out in CreatorDesk's
// languages (whole words only; Romanian also without diacritics).
var ratingWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"unu": 1, "doi": 2, "două": 2, "doua": 2, "trei": 3, "patru": 4, "cinci": 5,
	"एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5,
}

// hanDigits are the Chinese numerals one to five.
var hanDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5}

// hanRatingSuffixes follow a Chinese numeral in a rating ("五星", "4分", "三颗星").
var hanRatingSuffixes = []string{"分", "星", "颗星", "顆星", "粒星"}

// digitValue reads one decimal digit in any script (ASCII, full-width, Devanagari...).
func digitValue(r rune) (int, bool) {
	if !unicode.IsDigit(r) {
		return 0, false
	}
	for _, zero := range []rune{'0', '０', '०'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero), true
		}
	}
	return 0, false
}

// ParseRating reads a 1–5 satisfaction rating from a reply (0 = none or
// ambiguous). It understands digits in any script ("4", "4/5", "４", "४",
// keycap emoji), stars ("⭐⭐⭐⭐", "★★★"), the words one to five in English,
// Romanian and Hindi, and Chinese numerals with 分 or 星 ("五星", "四分") or alone.
// A reply with two different candidate ratings is ambiguous.
func ParseRating(text string) int {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0
	}
	found := map[int]bool{}
	add := func(n int) {
		if n >= 1 && n <= 5 {
			found[n] = true
		} else {
			found[-1] = true // an out-of-range number makes the reply ambiguous
		}
	}
	// Numbers: a run of digits is one number; "4/5" and "4 out of 5" drop the scale.
	runes := []rune(text)
	for i := 0; i < len(runes); {
		if _, ok := digitValue(runes[i]); !ok {
			i++
			continue
		}
		n, j := 0, i
		for j < len(runes) {
			d, ok := digitValue(runes[j])
			if !ok {
				break
			}
			n, j = n*10+d, j+1
		}
		if n == 5 && i > 0 && isScaleSeparator(runes[:i]) {
			i = j
			continue
		}
		if j < len(runes) && (runes[j] == '.' || runes[j] == ',') && j+1 < len(runes) {
			if _, ok := digitValue(runes[j+1]); ok {
				found[-1] = true // "4.5" is not a 1–5 rating
			}
		}
		add(n)
		i = j
	}
	// Stars.
	if stars := strings.Count(text, "⭐") + strings.Count(text, "★") + strings.Count(text, "🌟"); stars > 0 {
		add(stars)
	}
	// Words, in short replies only ("the one I bought" is not a rating).
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r)
	})
	for _, w := range words {
		if n, ok := ratingWords[w]; ok && len(words) <= 6 {
			add(n)
		}
	}
	// Chinese numerals: alone, or followed by 分 / 星.
	trimmed := strings.TrimRightFunc(text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	if rs := []rune(trimmed); len(rs) == 1 {
		if n, ok := hanDigits[rs[0]]; ok {
			add(n)
		}
	}
	for i, r := range runes {
		n, ok := hanDigits[r]
		if !ok {
			continue
		}
		rest := string(runes[i+1:])
		for _, suf := range hanRatingSuffixes {
			if strings.HasPrefix(rest, suf) {
				add(n)
				break
			}
		}
	}
	if len(found) != 1 || found[-1] {
		return 0
	}
	for n := range found {
		return n
	}
	return 0
}

// isScaleSeparator reports whether before ends with "/" or "out of" / "din" /
// "में से" (the "of 5" of "4 out of 5"), ignoring spaces.
func isScaleSeparator(before []rune) bool {
	s := strings.ToLower(strings.TrimRightFunc(string(before), unicode.IsSpace))
	for _, sep := range []string{"/", "out of", "of", "din", "में से", "／"} {
		if strings.HasSuffix(s, sep) {
			return true
		}
	}
	return false
}
