package classify

import (
	"math"
	"sort"
)

// Example is one labeled message: the label is an intent or a kind.
type Example struct {
	Text  string `json:"text"`
	Label string `json:"label"`
	// Sentiment is optional ("" when the example says nothing about it).
	Sentiment string `json:"sentiment,omitempty"`
}

// Model is a multinomial naive Bayes model over folded tokens. It is plain
// data, so it is stored as JSON and reloaded without retraining.
type Model struct {
	// Docs counts training examples per label; Tokens counts feature
	// occurrences per label; Counts holds each label's feature counts.
	Docs   map[string]int            `json:"docs"`
	Tokens map[string]int            `json:"tokens"`
	Counts map[string]map[string]int `json:"counts"`
	// Vocab is the number of distinct features seen.
	Vocab int `json:"vocab"`
}

// Train fits a model to the examples (labels that are neither an intent nor a
// kind are skipped). It is linear in the examples' length: thousands of
// examples train in milliseconds.
func Train(examples []Example) *Model {
	m := &Model{Docs: map[string]int{}, Tokens: map[string]int{}, Counts: map[string]map[string]int{}}
	vocab := map[string]bool{}
	for _, ex := range examples {
		if !ValidLabel(ex.Label) {
			continue
		}
		feats := features(Tokens(ex.Text))
		if len(feats) == 0 {
			continue
		}
		m.Docs[ex.Label]++
		if m.Counts[ex.Label] == nil {
			m.Counts[ex.Label] = map[string]int{}
		}
		for _, f := range feats {
			m.Counts[ex.Label][f]++
			m.Tokens[ex.Label]++
			vocab[f] = true
		}
	}
	m.Vocab = len(vocab)
	return m
}

// Size is the number of examples the model learned from.
func (m *Model) Size() int {
	if m == nil {
		return 0
	}
	n := 0
	for _, d := range m.Docs {
		n += d
	}
	return n
}

// posterior returns P(label | text) for every label the model knows, and
// whether any of the text's features was ever seen in training.
func (m *Model) posterior(feats []string) (map[string]float64, bool) {
	total := m.Size()
	if total == 0 || len(m.Docs) < 2 {
		return nil, false
	}
	labels := make([]string, 0, len(m.Docs))
	for l := range m.Docs {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	seen := false
	logp := make(map[string]float64, len(labels))
	maxLog := math.Inf(-1)
	for _, l := range labels {
		lp := math.Log(float64(m.Docs[l]) / float64(total))
		denom := float64(m.Tokens[l] + m.Vocab + 1)
		for _, f := range feats {
			c := m.Counts[l][f]
			if c > 0 {
				seen = true
			}
			lp += math.Log(float64(c+1) / denom)
		}
		logp[l] = lp
		maxLog = math.Max(maxLog, lp)
	}
	sum := 0.0
	for l, lp := range logp {
		logp[l] = math.Exp(lp - maxLog)
		sum += logp[l]
	}
	for l := range logp {
		logp[l] /= sum
	}
	return logp, seen
}
