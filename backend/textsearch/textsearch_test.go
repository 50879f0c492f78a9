package textsearch

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
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

func TestFoldASCIIFastPathMatchesTheGeneralFold(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 21))
	texts := []string{"", " ", "Hello  World", "  MIXED case\tTABS\nand\r\nlines  ", "\v\f", "A", "shop@Example.COM 50% off!"}
	for range 2000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.IntN(128)) // every ASCII byte, control characters included
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		fast, ok := foldASCII(text)
		if !ok {
			t.Fatalf("foldASCII refused ASCII text %q", text)
		}
		if slow := foldUnicode(text); fast != slow {
			t.Fatalf("Fold(%q): the ASCII path gives %q, the general one %q", text, fast, slow)
		}
	}
	if _, ok := foldASCII("ședință"); ok {
		t.Fatal("foldASCII took non-ASCII text")
	}
}

// foldReference is Fold as first written, rune by rune through the Unicode
// tables: the optimized paths must give the same bytes.
func foldReference(text string) string {
	decomposed := norm.NFD.String(text)
	var b strings.Builder
	var base rune
	for _, r := range decomposed {
		if unicode.Is(unicode.Mn, r) && unicode.Is(unicode.Latin, base) {
			continue
		}
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
		case r == 'ı':
			b.WriteRune('i')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		if !unicode.Is(unicode.Mn, r) {
			base = r
		}
	}
	return strings.Join(strings.Fields(norm.NFC.String(b.String())), " ")
}

func TestFoldMatchesTheReferenceOnMixedScripts(t *testing.T) {
	pool := []string{"a", "Z", "É", "ș", "Ț", "ă", "î", "ı", "İ", "ß", "Σ", "ω", "\u0301", "\u0308", "\u093C", "\u0901",
		"क", "्", "ष", "ि", "ड़", "你", "好", "ア", "ひ", "한", "ᄀ", " ", "\t", "\n", "\u00a0", "\u3000", "\u0085", "\u2028",
		"❤️", "😀", "!", "#", "1", "٣", "\xff", "\xe4\xbd", "Ａ", "ﬁ", "ǅ", "Ω", "K", "ﬀ"}
	rng := rand.New(rand.NewPCG(3, 14))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pool[rng.IntN(len(pool))])
		}
		text := b.String()
		if got, want := Fold(text), foldReference(text); got != want {
			t.Fatalf("Fold(%q) = %q, the reference gives %q", text, got, want)
		}
	}
}

// foldSamples are message-like texts in the app's five languages.
var foldSamples = []string{
	"Hi! When does my order ship? I ordered the blue mug last week 😊",
	"Bună ziua, când ajunge comanda mea? Am plătit acum trei zile.",
	"你好，请问这款杯子还有货吗？什么时候发货？",
	"您好，請問這個還有現貨嗎？大概什麼時候會寄出？",
	"नमस्ते, मेरा ऑर्डर कब तक पहुंचेगा? मैंने पिछले हफ्ते मंगवाया था।",
}

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		for _, s := range foldSamples {
			_ = Fold(s)
		}
	}
}

func BenchmarkFoldReference(b *testing.B) {
	for b.Loop() {
		for _, s := range foldSamples {
			_ = foldReference(s)
		}
	}
}
