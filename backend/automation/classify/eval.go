package classify

import (
	"hash/fnv"
	"math"
)

// Quality is a classifier's precision and recall per intent on a labeled set.
type Quality struct {
	// Examples is how many labeled messages were scored.
	Examples int `json:"examples"`
	// Accuracy is the share whose intent was right.
	Accuracy  float64                  `json:"accuracy"`
	PerIntent map[string]IntentQuality `json:"perIntent"`
}

// IntentQuality is one intent's figures.
type IntentQuality struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	// Support is how many examples truly had this intent.
	Support int `json:"support"`
}

// prediction is one classified example against its label's intent.
type prediction struct{ want, got string }

// Evaluate scores c on examples by intent (an example's label may be a kind).
func Evaluate(c *Classifier, examples []Example) Quality {
	return score(predict(c, examples))
}

// predict classifies every example whose label is known.
func predict(c *Classifier, examples []Example) []prediction {
	out := make([]prediction, 0, len(examples))
	for _, ex := range examples {
		if want := IntentOf(ex.Label); want != "" {
			out = append(out, prediction{want: want, got: c.Classify(ex.Text).Intent})
		}
	}
	return out
}

// score turns predictions into precision and recall per intent. An intent
// never predicted has precision 0; one that never occurs is left out unless predicted.
func score(rows []prediction) Quality {
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	q := Quality{Examples: len(rows), PerIntent: map[string]IntentQuality{}}
	right := 0
	for _, r := range rows {
		if r.got == r.want {
			tp[r.want]++
			right++
			continue
		}
		fp[r.got]++
		fn[r.want]++
	}
	for _, in := range Intents() {
		support := tp[in] + fn[in]
		if support == 0 && fp[in] == 0 {
			continue
		}
		iq := IntentQuality{Support: support}
		if d := tp[in] + fp[in]; d > 0 {
			iq.Precision = round3(float64(tp[in]) / float64(d))
		}
		if support > 0 {
			iq.Recall = round3(float64(tp[in]) / float64(support))
		}
		q.PerIntent[in] = iq
	}
	if q.Examples > 0 {
		q.Accuracy = round3(float64(right) / float64(q.Examples))
	}
	return q
}

// HeldOut reports whether an example falls in fold out of folds. The split
// depends only on the text, so it is stable across retrains and machines.
func HeldOut(text string, folds, fold int) bool {
	h := fnv.New32a()
	_, _ = h.Write([]byte(text))
	return int(h.Sum32()%uint32(folds)) == fold
}

// Split divides examples into a training part and the held-out fold.
func Split(examples []Example, folds, fold int) (train, test []Example) {
	for _, ex := range examples {
		if HeldOut(ex.Text, folds, fold) {
			test = append(test, ex)
		} else {
			train = append(train, ex)
		}
	}
	return train, test
}

// CrossValidate trains on all folds but one and scores the one left out, for
// every fold, and pools the predictions into one Quality.
func CrossValidate(examples []Example, folds int) Quality {
	var pooled []prediction
	for f := 0; f < folds; f++ {
		train, test := Split(examples, folds, f)
		pooled = append(pooled, predict(New(Train(train)), test)...)
	}
	return score(pooled)
}

// round3 rounds to three decimals.
func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
