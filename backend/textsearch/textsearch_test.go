package textsearch

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Ședință ÎNCHISĂ":   "sedinta inchisa",
		"Când vine comanda": "cand vine comanda",
		"Order #123":        "order #123",
		"你好吗":               "你 好 吗",
		"क्या यह उपलब्ध है": "क्या यह उपलब्ध है",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	for in := range cases {
		if Fold(Fold(in)) != Fold(in) {
			t.Errorf("Fold is not idempotent on %q", in)
		}
	}
}

func TestParseAndMatchExpression(t *testing.T) {
	cases := []struct{ in, want string }{
		{"refund", `"refund"*`},
		{"Ședință", `"sedinta"*`},
		{"order status", `"order" AND "status"*`},
		{"退货", `"退 货"`},
		{"价格 price", `"价 格" AND "price"*`},
		{"उपलब्ध", `"उपलब्ध"*`},
		{`"; DROP TABLE messages; --`, `"drop" AND "table" AND "messages"*`},
		{`NEAR(a b) OR x*`, `"near" AND "a" AND "b" AND "or" AND "x"*`},
		{"   ", ""},
	}
	for _, c := range cases {
		if got := MatchExpression(Parse(c.in)); got != c.want {
			t.Errorf("MatchExpression(Parse(%q)) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestParseBoundsTerms(t *testing.T) {
	q := strings.Repeat("word ", 100)
	if n := len(Parse(q)); n != MaxQueryTerms {
		t.Fatalf("got %d terms, want %d", n, MaxQueryTerms)
	}
}

func TestHighlight(t *testing.T) {
	frags := Highlight("Când vine comanda mea?", "comanda", 0)
	var hits []string
	for _, f := range frags {
		if f.Hit {
			hits = append(hits, f.Text)
		}
	}
	if len(hits) != 1 || hits[0] != "comanda" {
		t.Fatalf("hits = %v", hits)
	}
	frags = Highlight("请问这个价格是多少", "价格", 0)
	if len(frags) != 3 || frags[1].Text != "价格" || !frags[1].Hit {
		t.Fatalf("CJK frags = %+v", frags)
	}
	frags = Highlight("sedinta de mâine: ședință", "ședință", 0)
	n := 0
	for _, f := range frags {
		if f.Hit {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("diacritic-insensitive highlight found %d hits in %+v", n, frags)
	}
	var rebuilt strings.Builder
	for _, f := range Highlight("<b>x</b> order", "order", 0) {
		rebuilt.WriteString(f.Text)
	}
	if rebuilt.String() != "<b>x</b> order" {
		t.Fatalf("fragments must rebuild the exact text, got %q", rebuilt.String())
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"refund", "退货 price", `"a" OR b*`, "उपलब्ध", "ș"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		expr := MatchExpression(Parse(q))
		// Every quote inside the expression must be paired: the expression is a
		// sequence of complete quoted strings joined by AND, optionally suffixed by *.
		if strings.Count(expr, `"`)%2 != 0 {
			t.Fatalf("unbalanced quotes in %q from %q", expr, q)
		}
		_ = Highlight(q, q, 40)
	})
}
