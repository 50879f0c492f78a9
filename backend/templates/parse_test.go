package templates

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseReportsEveryProblemWithItsPlace(t *testing.T) {
	cases := []struct {
		name, body     string
		kind, token    string
		line, col      int
		start16, end16 int
	}{
		{"unclosed at end", "Hi {first_name", ProblemUnclosed, "", 1, 4, 3, 4},
		{"unclosed before another brace", "Hi {first_name {brand}", ProblemUnclosed, "", 1, 4, 3, 4},
		{"unclosed before a new line", "Hi\n  {first_name\nthere", ProblemUnclosed, "", 2, 3, 5, 6},
		{"stray close", "Hi } there", ProblemStrayClose, "", 1, 4, 3, 4},
		{"empty token", "Hi {}", ProblemEmptyToken, "", 1, 4, 3, 5},
		{"blank token with fallback", "Hi { |there}", ProblemEmptyToken, "", 1, 4, 3, 12},
		{"unknown token", "Dear {firstname},", ProblemUnknownToken, "firstname", 1, 6, 5, 16},
		{"unknown token is case sensitive", "{First_Name}", ProblemUnknownToken, "First_Name", 1, 1, 0, 12},
		{"empty fallback", "Hi {first_name|}", ProblemEmptyFallback, "first_name", 1, 4, 3, 16},
		{"blank fallback", "Hi {first_name|  }", ProblemEmptyFallback, "first_name", 1, 4, 3, 18},
		// Columns count characters; the UTF-16 offsets count the emoji as two units.
		{"position after emoji and CJK", "😊你好 {nope}", ProblemUnknownToken, "nope", 1, 5, 5, 11},
		{"position on a later line", "line one\nline two {order_id|}", ProblemEmptyFallback, "order_id", 2, 10, 18, 29},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, problems := Parse(c.body)
			if len(problems) != 1 {
				t.Fatalf("want 1 problem, got %d: %v", len(problems), problems)
			}
			p := problems[0]
			if p.Kind != c.kind || p.Token != c.token || p.Line != c.line || p.Column != c.col || p.Start16 != c.start16 || p.End16 != c.end16 {
				t.Fatalf("got kind=%s token=%q line=%d col=%d utf16=[%d,%d)", p.Kind, p.Token, p.Line, p.Column, p.Start16, p.End16)
			}
			code, key, args := p.ErrorKey()
			if key != "errors.templates."+c.kind || code != "template_"+c.kind || args["line"] == "" || args["column"] == "" {
				t.Fatalf("error key: %s %s %v", code, key, args)
			}
		})
	}
}

func TestParseCollectsSeveralProblems(t *testing.T) {
	_, problems := Parse("{nope} and } and {first_name|} and {")
	var kinds []string
	for _, p := range problems {
		kinds = append(kinds, p.Kind)
	}
	want := []string{ProblemUnknownToken, ProblemStrayClose, ProblemEmptyFallback, ProblemUnclosed}
	if !reflect.DeepEqual(kinds, want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
}

func TestParseSplitsTextTokensAndEscapes(t *testing.T) {
	parts, problems := Parse("Hi { first_name | friend }, use {{code}} — {brand}")
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	want := []Part{
		{Text: "Hi "}, {Name: "first_name", Fallback: "friend", HasFallback: true},
		{Text: ", use {code} — "}, {Name: "brand"},
	}
	if !reflect.DeepEqual(parts, want) {
		t.Fatalf("parts %+v", parts)
	}
}

func TestEveryStarterBodyParses(t *testing.T) {
	for _, list := range [][]starter{starters, demoStarters} {
		for _, s := range list {
			for _, lang := range Languages {
				body, ok := s.bodies[lang]
				if !ok || s.names[lang] == "" {
					t.Errorf("starter %s has no %s text or name", s.key, lang)
					continue
				}
				if problems := Validate(body); len(problems) > 0 {
					t.Errorf("starter %s (%s): %v", s.key, lang, problems[0])
				}
			}
		}
	}
}

func TestParseErrorIsAnError(t *testing.T) {
	_, problems := Parse("{x}")
	var pe *ParseError
	if !errors.As(error(problems[0]), &pe) || pe.Error() == "" {
		t.Fatal("ParseError does not behave as an error")
	}
}
