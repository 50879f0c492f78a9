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

// entry is a phrase with the label it stands for.
type entry struct {
	label string
	phrase
}

// lexicon holds the folded phrases of every label, indexed for match: by the
// exact first token, and apart the one-word prefix entries ("refund*"), whose
// first token matches by prefix.
type lexicon struct {
	byFirst  map[string][]entry
	prefixed []entry
}

// buildLexicon folds the word lists of every language into one lexicon.
func buildLexicon(lists ...map[string][]string) lexicon {
	out := lexicon{byFirst: map[string][]entry{}}
	for _, l := range lists {
		for label, words := range l {
			for _, w := range words {
				prefix := strings.HasSuffix(w, "*")
				toks := Tokens(strings.TrimSuffix(w, "*"))
				if len(toks) == 0 {
					continue
				}
				e := entry{label: label, phrase: phrase{tokens: toks, prefix: prefix}}
				if prefix && len(toks) == 1 {
					out.prefixed = append(out.prefixed, e)
					continue
				}
				out.byFirst[toks[0]] = append(out.byFirst[toks[0]], e)
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

// match finds every occurrence of every phrase in tokens, in one pass over the
// tokens: at each token only the phrases that can start there are tried.
func (l lexicon) match(tokens []string) []hit {
	var out []hit
	for i, t := range tokens {
		for _, e := range l.byFirst[t] {
			if i+len(e.tokens) <= len(tokens) && e.matchesAt(tokens, i) {
				out = append(out, hit{label: e.label, start: i, len: len(e.tokens)})
			}
		}
		for _, e := range l.prefixed {
			if strings.HasPrefix(t, e.tokens[0]) {
				out = append(out, hit{label: e.label, start: i, len: 1})
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
