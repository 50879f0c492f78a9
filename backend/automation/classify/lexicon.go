package classify

import "strings"

// A lexicon entry is a word or phrase; a trailing "*" matches any word that
// starts with the last word ("refund*" matches "refunded"). Entries are folded
// like messages, so "preț" also matches "pret" and 價格 matches only 價格.

// phrase is one folded lexicon entry.
type phrase struct {
	tokens []string
	prefix bool
}

// lexicon maps a label (a kind or a sentiment) to its folded phrases.
type lexicon map[string][]phrase

// buildLexicon folds the word lists of every language into one lexicon.
func buildLexicon(lists ...map[string][]string) lexicon {
	out := lexicon{}
	for _, l := range lists {
		for label, words := range l {
			for _, w := range words {
				prefix := strings.HasSuffix(w, "*")
				toks := Tokens(strings.TrimSuffix(w, "*"))
				if len(toks) == 0 {
					continue
				}
				out[label] = append(out[label], phrase{tokens: toks, prefix: prefix})
			}
		}
	}
	return out
}

// hit is one matched phrase: its label, where it starts and how many tokens it covers.
type hit struct {
	label      string
	start, len int
}

// match finds every occurrence of every phrase in tokens.
func (l lexicon) match(tokens []string) []hit {
	var out []hit
	for label, phrases := range l {
		for _, p := range phrases {
			for i := 0; i+len(p.tokens) <= len(tokens); i++ {
				if p.matchesAt(tokens, i) {
					out = append(out, hit{label: label, start: i, len: len(p.tokens)})
				}
			}
		}
	}
	return out
}

// matchesAt reports whether the phrase starts at tokens[i].
func (p phrase) matchesAt(tokens []string, i int) bool {
	last := len(p.tokens) - 1
	for k, t := range p.tokens {
		got := tokens[i+k]
		if k == last && p.prefix {
			if !strings.HasPrefix(got, t) {
				return false
			}
			continue
		}
		if got != t {
			return false
		}
	}
	return true
}

// intentLexicon and sentimentLexicon are built once from the per-language lists.
var (
	intentLexicon    = buildLexicon(intentsEN, intentsZhHans, intentsZhHant, intentsRO, intentsHI)
	sentimentLexicon = buildLexicon(sentimentEN, sentimentZh, sentimentRO, sentimentHI)
	negators         = buildLexicon(map[string][]string{"not": {
		"not", "no", "never", "dont", "don't", "didn't", "isn't", "wasn't", "nu", "niciodata", "nici",
		"不", "没", "沒", "别", "別", "नहीं", "न", "मत", "nahi", "nahin"}})
)
