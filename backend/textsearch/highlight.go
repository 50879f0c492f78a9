package textsearch

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fragment is a piece of a message for display; Hit marks the pieces that matched.
type Fragment struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit"`
}

// foldRune folds one rune the way Fold does (lower case, Latin diacritics dropped).
func foldRune(r rune) string {
	d := norm.NFD.String(string(r))
	var b strings.Builder
	for _, x := range d {
		if unicode.Is(unicode.Mn, x) && unicode.Is(unicode.Latin, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(x))
	}
	return b.String()
}

// Highlight splits text into fragments, marking every occurrence of the query's terms.
// Matching ignores case and Latin diacritics, like the index. The text is cut to a
// window of about maxRunes around the first hit.
func Highlight(text, query string, maxRunes int) []Fragment {
	runes := []rune(text)
	folded := make([]string, len(runes))
	for i, r := range runes {
		folded[i] = foldRune(r)
	}
	hit := make([]bool, len(runes))
	for _, t := range Parse(query) {
		needle := []rune(strings.ReplaceAll(strings.Join(t.Tokens, ""), " ", ""))
		markAll(folded, needle, hit)
	}
	start, end := window(hit, len(runes), maxRunes)
	var out []Fragment
	for i := start; i < end; {
		j := i
		for j < end && hit[j] == hit[i] {
			j++
		}
		out = append(out, Fragment{Text: string(runes[i:j]), Hit: hit[i]})
		i = j
	}
	if start > 0 && len(out) > 0 {
		out[0].Text = "…" + out[0].Text
	}
	if end < len(runes) && len(out) > 0 {
		out[len(out)-1].Text += "…"
	}
	return out
}

// markAll sets hit[i] for every rune position covered by an occurrence of needle in folded.
func markAll(folded []string, needle []rune, hit []bool) {
	if len(needle) == 0 {
		return
	}
	target := string(needle)
	for i := range folded {
		var b strings.Builder
		for j := i; j < len(folded) && b.Len() < len(target); j++ {
			b.WriteString(folded[j])
			if b.String() == target {
				for k := i; k <= j; k++ {
					hit[k] = true
				}
				break
			}
			if !strings.HasPrefix(target, b.String()) {
				break
			}
		}
	}
}

// window picks the span of at most maxRunes to show, starting a little before the first hit.
func window(hit []bool, n, maxRunes int) (int, int) {
	if maxRunes <= 0 || n <= maxRunes {
		return 0, n
	}
	first := 0
	for i, h := range hit {
		if h {
			first = i
			break
		}
	}
	start := first - maxRunes/4
	if start < 0 {
		start = 0
	}
	end := start + maxRunes
	if end > n {
		end = n
		start = end - maxRunes
	}
	return start, end
}
