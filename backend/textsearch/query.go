package textsearch

import (
	"strings"
	"unicode"
)

// MaxQueryTerms bounds how many terms one search may have.
const MaxQueryTerms = 16

// Term is one unit of a parsed query: a word, or a run of ideographic characters
// that must appear together (a phrase of single-character tokens).
type Term struct {
	Tokens []string
	// Prefix is set on the last Latin-like word so that "ord" finds "order" while typing.
	Prefix bool
}

// Parse splits a user's query into terms, folding it exactly as Fold folds indexed text.
// Punctuation and FTS5 operators in the query are ordinary separators: a query can
// never change the shape of the match expression.
func Parse(query string) []Term {
	var terms []Term
	var word []rune
	var ideo []string
	flushWord := func() {
		if len(word) > 0 {
			folded := strings.TrimSpace(Fold(string(word)))
			if folded != "" {
				terms = append(terms, Term{Tokens: []string{folded}})
			}
			word = word[:0]
		}
	}
	flushIdeo := func() {
		if len(ideo) > 0 {
			terms = append(terms, Term{Tokens: ideo})
			ideo = nil
		}
	}
	for _, r := range query {
		switch {
		case IsIdeographic(r):
			flushWord()
			ideo = append(ideo, string(r))
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r):
			flushIdeo()
			word = append(word, r)
		default:
			flushWord()
			flushIdeo()
		}
		if len(terms) >= MaxQueryTerms {
			break
		}
	}
	flushWord()
	flushIdeo()
	if len(terms) > MaxQueryTerms {
		terms = terms[:MaxQueryTerms]
	}
	if n := len(terms); n > 0 && len(terms[n-1].Tokens) == 1 && !IsIdeographic([]rune(terms[n-1].Tokens[0])[0]) {
		terms[n-1].Prefix = true
	}
	return terms
}

// MatchExpression renders terms as an FTS5 MATCH expression. Every token is a
// double-quoted string, so no user text is ever read as FTS5 syntax.
// It returns "" when there is nothing to search for.
func MatchExpression(terms []Term) string {
	parts := make([]string, 0, len(terms))
	for _, t := range terms {
		quoted := make([]string, len(t.Tokens))
		for i, tok := range t.Tokens {
			quoted[i] = `"` + strings.ReplaceAll(tok, `"`, `""`) + `"`
		}
		expr := strings.Join(quoted, " ")
		if len(quoted) > 1 {
			expr = `"` + strings.ReplaceAll(strings.Join(t.Tokens, " "), `"`, `""`) + `"`
		}
		if t.Prefix {
			expr += "*"
		}
		parts = append(parts, expr)
	}
	return strings.Join(parts, " AND ")
}
