package classify_test

import (
	"encoding/json"
	"testing"
	"time"

	"creatordesk/backend/automation/classify"
	"creatordesk/backend/automation/classify/evalset"
)

func TestLexiconClassifiesEachLanguage(t *testing.T) {
	c := classify.New(nil)
	cases := []struct{ text, intent, kind, sentiment string }{
		{"How much is the blue mug?", "sales", "product_inquiry", ""},
		{"这个多少钱", "sales", "product_inquiry", ""},
		{"這個多少錢", "sales", "product_inquiry", ""},
		{"Cât costă cana?", "sales", "product_inquiry", ""},
		{"Cat costa cana?", "sales", "product_inquiry", ""},
		{"यह कितने का है", "sales", "product_inquiry", ""},
		{"My order never arrived and I want a refund", "support", "order_issue", "negative"},
		{"Comanda mea nu a ajuns", "support", "order_issue", ""},
		{"收到的杯子破損了", "support", "order_issue", ""},
		{"free followers, click the link", "spam", "spam", ""},
		{"I will kill you", "danger", "threat", ""},
		{"amazing, thank you!", "other", "praise", "positive"},
		{"Superb, mulțumesc!", "other", "praise", "positive"},
		{"बहुत सुंदर, धन्यवाद", "other", "praise", "positive"},
	}
	for _, tc := range cases {
		r := c.Classify(tc.text)
		if r.Intent != tc.intent || r.Kind != tc.kind {
			t.Errorf("%q: got %s/%s, want %s/%s", tc.text, r.Intent, r.Kind, tc.intent, tc.kind)
		}
		if tc.sentiment != "" && r.Sentiment != tc.sentiment {
			t.Errorf("%q: sentiment %s, want %s", tc.text, r.Sentiment, tc.sentiment)
		}
		if r.Confidence <= 0 || r.Confidence > 1 {
			t.Errorf("%q: confidence %v", tc.text, r.Confidence)
		}
	}
}

func TestNegationTurnsSentiment(t *testing.T) {
	c := classify.New(nil)
	if got := c.Classify("I am not happy with this").Sentiment; got != "negative" {
		t.Fatalf("not happy: %s", got)
	}
	if got := c.Classify("不喜欢").Sentiment; got != "negative" {
		t.Fatalf("不喜欢: %s", got)
	}
	if got := c.Classify("the parcel came today").Sentiment; got != "neutral" {
		t.Fatalf("neutral: %s", got)
	}
}

func TestDangerWinsOverOtherHits(t *testing.T) {
	r := classify.New(nil).Classify("where is my order?? I know where you live")
	if r.Intent != "danger" || r.Confidence < 0.9 {
		t.Fatalf("got %+v", r)
	}
}

func TestModelLearnsTeamLabels(t *testing.T) {
	// Words no lexicon knows: only the team's labels can teach them.
	train := []classify.Example{
		{Text: "glaze drip workshop seats", Label: "sales"},
		{Text: "workshop seats left for saturday", Label: "sales"},
		{Text: "book workshop seats", Label: "sales"},
		{Text: "kiln schedule question", Label: "other"},
		{Text: "kiln firing photo", Label: "other"},
	}
	plain := classify.New(nil).Classify("any workshop seats?")
	if plain.Intent == "sales" {
		t.Fatalf("lexicon alone should not know this: %+v", plain)
	}
	m := classify.Train(train)
	blob, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var back classify.Model
	if err := json.Unmarshal(blob, &back); err != nil {
		t.Fatal(err)
	}
	r := classify.New(&back).Classify("any workshop seats?")
	if r.Intent != "sales" || r.Source != "model" {
		t.Fatalf("after training: %+v", r)
	}
}

func TestEvalSetQualityAndSpeed(t *testing.T) {
	items := evalset.Items()
	langs := map[string]int{}
	for _, it := range items {
		langs[it.Lang]++
		if !classify.ValidLabel(it.Label) {
			t.Fatalf("bad label %q", it.Label)
		}
	}
	if len(langs) != 5 {
		t.Fatalf("languages: %v", langs)
	}
	q := classify.Evaluate(classify.New(nil), evalset.Examples())
	t.Logf("lexicon only: %+v", q)
	if q.Accuracy < 0.7 {
		t.Errorf("lexicon accuracy %.2f on the labeled set", q.Accuracy)
	}
	start := time.Now()
	cv := classify.CrossValidate(evalset.Examples(), 5)
	t.Logf("cross-validated lexicon+model: %+v (%s)", cv, time.Since(start))
	if cv.Examples != len(items) {
		t.Errorf("scored %d of %d", cv.Examples, len(items))
	}
}
