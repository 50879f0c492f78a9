package kpi

import (
	"testing"

	"creatordesk/backend/kpi/commenttext"
	"creatordesk/backend/store"
)

func TestParseRatingInFiveLanguages(t *testing.T) {
	for text, want := range map[string]int{
		"5": 5, "4/5": 4, "I'd say 4 out of 5": 4, "３": 3, "४": 4, "5️⃣": 5, "⭐⭐⭐⭐": 4, "★★": 2,
		"five": 5, "Three!": 3, "patru": 4, "două": 2, "cinci, mulțumesc": 5, "पाँच": 5, "चार": 4,
		"五星": 5, "给四分": 4, "三顆星": 3, "五": 5, "2 ⭐⭐": 2,
		// Not a rating, or ambiguous.
		"": 0, "thanks!": 0, "7": 0, "4.5": 0, "3 or 4": 0, "10/10": 0, "⭐⭐⭐⭐⭐⭐": 0,
		"the one I bought last month was broken and I want a refund please": 0, "2 ⭐⭐⭐": 0,
	} {
		if got := ParseRating(text); got != want {
			t.Errorf("ParseRating(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestIsQuestionInFiveLanguages(t *testing.T) {
	for text, want := range map[string]bool{
		"Does it ship to Canada?": true, "how much is the blue mug": true, "price？": true,
		"Cât costă cana albastră": true, "unde livrați": true, "Ce mărimi aveți": true,
		"यह कितने का है": true, "क्या यह नीले रंग में है": true,
		"这个多少钱": true, "有沒有藍色的": true, "可以寄到台北嗎": true,
		"Love it": false, "Superb, mulțumesc": false, "बहुत अच्छा": false, "太好看了": false,
	} {
		if got := IsQuestion(text); got != want {
			t.Errorf("IsQuestion(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestMeaningfulReasons(t *testing.T) {
	long := "The glaze on my mug started to crack after a month in the dishwasher, maybe a thicker coat would help"
	for _, tc := range []struct {
		in   store.KpiInbound
		want []string
	}{
		{store.KpiInbound{Text: "is it dishwasher safe?"}, []string{ReasonQuestion}},
		{store.KpiInbound{Text: "I want two", Intent: "sales"}, []string{ReasonPurchase}},
		{store.KpiInbound{Text: "arrived broken", Intent: "support"}, []string{ReasonConstructive}},
		{store.KpiInbound{Text: long, Intent: "other", Sentiment: "neutral"}, []string{ReasonConstructive}},
		{store.KpiInbound{Text: long, Intent: "other", Sentiment: "negative"}, nil},
		{store.KpiInbound{Text: "price? dm me for followers", Intent: "spam"}, nil},
		{store.KpiInbound{Text: "🔥🔥🔥", Intent: "other", Kind: "praise"}, nil},
	} {
		tc.in.Question, tc.in.Substantial = IsQuestion(tc.in.Text), commenttext.Substantial(tc.in.Text)
		got := meaningfulReasons(tc.in)
		if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
			t.Errorf("meaningfulReasons(%q) = %v, want %v", tc.in.Text, got, tc.want)
		}
	}
}
