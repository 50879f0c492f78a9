package templates

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Kinds of parse problems; each is also the last part of its i18n key
// (errors.templates.<kind>).
const (
	// ProblemUnclosed: a { that is never closed on its line.
	ProblemUnclosed = "unclosedBrace"
	// ProblemStrayClose: a } that closes nothing (write }} for a literal one).
	ProblemStrayClose = "strayBrace"
	// ProblemEmptyToken: {} or {|fallback}.
	ProblemEmptyToken = "emptyToken"
	// ProblemUnknownToken: a name that is not in Tokens.
	ProblemUnknownToken = "unknownToken"
	// ProblemEmptyFallback: {name|} with nothing after the bar.
	ProblemEmptyFallback = "emptyFallback"
)

// ParseError is one problem in a body, with where it is.
type ParseError struct {
	Kind string
	// Token is the token's name for unknownToken and emptyFallback.
	Token string
	// Start and End are byte offsets of the faulty part of the body.
	Start, End int
	// Line and Column (1-based, counted in characters) are where it starts.
	Line, Column int
	// Start16 and End16 are Start and End in UTF-16 code units (JavaScript string offsets).
	Start16, End16 int
	// Language names the variant the body belongs to, when known.
	Language string
}

// Error implements error.
func (e *ParseError) Error() string {
	where := fmt.Sprintf("line %d, column %d", e.Line, e.Column)
	if e.Language != "" {
		where = e.Language + ", " + where
	}
	switch e.Kind {
	case ProblemUnclosed:
		return "templates: " + where + ": a { is never closed"
	case ProblemStrayClose:
		return "templates: " + where + ": a } closes nothing (write }} for a literal brace)"
	case ProblemEmptyToken:
		return "templates: " + where + ": a token has no name"
	case ProblemUnknownToken:
		return fmt.Sprintf("templates: %s: unknown token %q", where, e.Token)
	case ProblemEmptyFallback:
		return fmt.Sprintf("templates: %s: the fallback of %q is empty", where, e.Token)
	}
	return "templates: " + where + ": " + e.Kind
}

// ErrorKey implements app.KeyedError.
func (e *ParseError) ErrorKey() (code, key string, args map[string]string) {
	args = map[string]string{"line": strconv.Itoa(e.Line), "column": strconv.Itoa(e.Column), "token": e.Token, "language": e.Language}
	return "template_" + e.Kind, "errors.templates." + e.Kind, args
}

// Part is one piece of a parsed body: literal text, or a token.
type Part struct {
	// Text is the literal text (escapes resolved) when Name is "".
	Text string
	// Name is the token's name.
	Name string
	// Fallback is used when the token has no value; HasFallback tells "" from none.
	Fallback    string
	HasFallback bool
}

// Parse splits body into parts and reports every problem found. Parts are
// usable even with problems (a faulty token is kept as literal text).
func Parse(body string) ([]Part, []*ParseError) {
	p := parser{body: body}
	p.run()
	return p.parts, p.problems
}

// parser is one pass over a body.
type parser struct {
	body     string
	parts    []Part
	problems []*ParseError
	lit      strings.Builder
}

// run scans the body.
func (p *parser) run() {
	b := p.body
	for i := 0; i < len(b); {
		switch {
		case strings.HasPrefix(b[i:], "{{"):
			p.lit.WriteByte('{')
			i += 2
		case strings.HasPrefix(b[i:], "}}"):
			p.lit.WriteByte('}')
			i += 2
		case b[i] == '}':
			p.problem(ProblemStrayClose, "", i, i+1)
			p.lit.WriteByte('}')
			i++
		case b[i] == '{':
			i = p.token(i)
		default:
			_, size := utf8.DecodeRuneInString(b[i:])
			p.lit.WriteString(b[i : i+size])
			i += size
		}
	}
	p.flush()
}

// token parses the token opening at i and returns where scanning continues.
func (p *parser) token(i int) int {
	b := p.body
	end := -1
	for j := i + 1; j < len(b); j++ {
		if b[j] == '}' {
			end = j
			break
		}
		if b[j] == '{' || b[j] == '\n' {
			break
		}
	}
	if end < 0 {
		p.problem(ProblemUnclosed, "", i, i+1)
		p.lit.WriteByte('{')
		return i + 1
	}
	inner := b[i+1 : end]
	name, fallback, hasBar := strings.Cut(inner, "|")
	name, fallback = strings.TrimSpace(name), strings.TrimSpace(fallback)
	ok := true
	switch {
	case name == "":
		p.problem(ProblemEmptyToken, "", i, end+1)
		ok = false
	case !IsToken(name):
		p.problem(ProblemUnknownToken, name, i, end+1)
		ok = false
	case hasBar && fallback == "":
		p.problem(ProblemEmptyFallback, name, i, end+1)
		ok = false
	}
	if !ok {
		p.lit.WriteString(b[i : end+1])
		return end + 1
	}
	p.flush()
	p.parts = append(p.parts, Part{Name: name, Fallback: fallback, HasFallback: hasBar})
	return end + 1
}

// flush ends the current literal part.
func (p *parser) flush() {
	if p.lit.Len() > 0 {
		p.parts = append(p.parts, Part{Text: p.lit.String()})
		p.lit.Reset()
	}
}

// problem records a problem spanning body[start:end].
func (p *parser) problem(kind, token string, start, end int) {
	before := p.body[:start]
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	s16 := utf16Len(before)
	p.problems = append(p.problems, &ParseError{Kind: kind, Token: token, Start: start, End: end, Line: line, Column: col,
		Start16: s16, End16: s16 + utf16Len(p.body[start:end])})
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
