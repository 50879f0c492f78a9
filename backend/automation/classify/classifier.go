package classify

import (
	"math"
	"sort"
)

// Result is what the classifier says about one message.
type Result struct {
	Text      string `json:"text"`
	Intent    string `json:"intent"`
	Kind      string `json:"kind"`
	Sentiment string `json:"sentiment"`
	// Confidence is the probability of Intent, 0 to 1.
	Confidence float64 `json:"confidence"`
	// Source says what decided: "lexicon", "model", "lexicon+model" or "none".
	Source string `json:"source"`
}

// Classifier combines the built-in lexicons with an optional learned model.
// It is safe for concurrent use once built; swap models by building a new one.
type Classifier struct {
	model *Model
}

// New returns a classifier; model may be nil (lexicons only).
func New(model *Model) *Classifier { return &Classifier{model: model} }

// Model returns the learned model (nil when there is none).
func (c *Classifier) Model() *Model { return c.model }

// lexiconWeight is how much the built-in lexicon counts against the learned
// model when both have an opinion.
const lexiconWeight = 0.5

// Classify returns the intent, kind, sentiment and confidence of text.
func (c *Classifier) Classify(text string) Result {
	tokens := Tokens(text)
	res := Result{Text: text, Sentiment: sentiment(tokens)}
	kinds := map[string]float64{}
	hits := intentLexicon.match(tokens)
	lexTotal := 0.0
	for _, h := range hits {
		kinds[h.label] += float64(h.len) // longer phrases say more
		lexTotal += float64(h.len)
	}
	var lex map[string]float64
	if lexTotal > 0 {
		lex = make(map[string]float64, len(kinds))
		for k, v := range kinds {
			lex[k] = v / lexTotal
		}
	}
	var learned map[string]float64
	if c.model != nil {
		if post, seen := c.model.posterior(features(tokens)); seen {
			learned = post
		}
	}
	dist := map[string]float64{}
	switch {
	case lex != nil && learned != nil:
		res.Source = "lexicon+model"
		for k, v := range lex {
			dist[k] += lexiconWeight * v
		}
		for k, v := range learned {
			dist[k] += (1 - lexiconWeight) * v
		}
	case lex != nil:
		res.Source = "lexicon"
		// One short hit is weaker evidence than several.
		certainty := 1 - math.Pow(0.5, lexTotal+1)
		for k, v := range lex {
			dist[k] = v * certainty
		}
		dist[KindGeneral] += 1 - certainty
	case learned != nil:
		res.Source = "model"
		dist = learned
	default:
		res.Source = "none"
		res.Intent, res.Kind, res.Confidence = IntentOther, KindGeneral, 0.5
		return res
	}
	res.Intent, res.Kind, res.Confidence = decide(dist)
	// Safety first: any threat or self-harm phrase makes the message dangerous.
	for _, h := range hits {
		if IntentOf(h.label) == IntentDanger {
			if res.Intent != IntentDanger {
				res.Kind = h.label
			}
			res.Intent, res.Confidence = IntentDanger, math.Max(0.9, res.Confidence)
			break
		}
	}
	res.Confidence = math.Round(res.Confidence*1000) / 1000
	return res
}

// decide picks the intent with the most probability mass, then its likeliest
// kind. Labels that are bare intents count toward their intent only.
func decide(dist map[string]float64) (intent, kind string, confidence float64) {
	byIntent := map[string]float64{}
	for label, p := range dist {
		byIntent[IntentOf(label)] += p
	}
	sum := 0.0
	for _, p := range byIntent {
		sum += p
	}
	best := ""
	for _, in := range Intents() {
		if best == "" || byIntent[in] > byIntent[best] {
			best = in
		}
	}
	kind, kp := "", -1.0
	labels := make([]string, 0, len(dist))
	for l := range dist {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		if _, isKind := kindIntent[l]; isKind && kindIntent[l] == best && dist[l] > kp {
			kind, kp = l, dist[l]
		}
	}
	if kind == "" {
		kind = defaultKind(best)
	}
	if sum == 0 {
		return best, kind, 0
	}
	return best, kind, byIntent[best] / sum
}

// defaultKind is the kind reported when only the intent is known.
func defaultKind(intent string) string {
	switch intent {
	case IntentSales:
		return KindProductInquiry
	case IntentSupport:
		return KindOrderIssue
	case IntentSpam:
		return KindSpam
	case IntentDanger:
		return KindThreat
	}
	return KindGeneral
}

// sentiment weighs positive against negative words; a negator up to two
// words before a word turns its feeling around ("not happy", "不 喜 欢").
func sentiment(tokens []string) string {
	score := 0
	negAt := map[int]bool{}
	for _, h := range negators.match(tokens) {
		negAt[h.start+h.len-1] = true
	}
	for _, h := range sentimentLexicon.match(tokens) {
		v := 1
		if h.label == SentimentNegative {
			v = -1
		}
		if negAt[h.start-1] || negAt[h.start-2] {
			v = -v
		}
		score += v
	}
	switch {
	case score > 0:
		return SentimentPositive
	case score < 0:
		return SentimentNegative
	}
	return SentimentNeutral
}
