package classify

import (
	"sort"
	"testing"
)

// naiveMatch tries every entry at every position: the obvious matcher that
// the indexed one must agree with.
func naiveMatch(l lexicon, tokens []string) []hit {
	var all []entry
	for _, es := range l.byFirst {
		all = append(all, es...)
	}
	all = append(all, l.prefixed...)
	var out []hit
	for _, e := range all {
		for i := 0; i+len(e.tokens) <= len(tokens); i++ {
			if e.matchesAt(tokens, i) {
				out = append(out, hit{label: e.label, start: i, len: len(e.tokens)})
			}
		}
	}
	return out
}

// sortedHits orders hits so that two matchers' results compare.
func sortedHits(h []hit) []hit {
	sort.Slice(h, func(i, j int) bool {
		a, b := h[i], h[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.len != b.len {
			return a.len < b.len
		}
		return a.label < b.label
	})
	return h
}

func TestIndexedMatchFindsWhatTryingEveryPhraseFinds(t *testing.T) {
	texts := []string{
		"When does my order ship? It still has not arrived and I want a refund",
		"refunded twice, not happy, never again. Collaboration? sponsorship deal!",
		"我的订单还没到，可以退款吗？ 價格多少",
		"Comanda mea nu a ajuns, vreau rambursare. Cât costă?",
		"मेरा ऑर्डर नहीं आया, रिफंड चाहिए। कीमत क्या है?",
		"love it love it thank you so much ❤️ ❤️",
		"", "a", "refund", "track my track my order number",
	}
	found := 0
	for _, text := range texts {
		tokens := Tokens(text)
		for name, l := range map[string]lexicon{"intents": intentLexicon, "sentiment": sentimentLexicon, "negators": negators} {
			got, want := sortedHits(l.match(tokens)), sortedHits(naiveMatch(l, tokens))
			found += len(want)
			if len(got) != len(want) {
				t.Fatalf("%s on %q: indexed found %v, trying every phrase found %v", name, text, got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%s on %q: indexed found %v, trying every phrase found %v", name, text, got, want)
				}
			}
		}
	}
	if found < 10 {
		t.Fatalf("the texts matched only %d phrases: the comparison proves little", found)
	}
	if len(intentLexicon.prefixed) == 0 {
		t.Fatal("the intent lexicon should hold one-word prefix entries such as refund*")
	}
}
