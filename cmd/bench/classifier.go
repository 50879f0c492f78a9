package main

import (
	"fmt"

	"creatordesk/backend/automation/classify"
	"creatordesk/backend/automation/classify/evalset"
)

// classifierFigures reports the classifier's precision and recall per intent
// on the labeled five-language set (backend/automation/classify/evalset):
// first with the built-in lexicons alone, then lexicons plus the learned model
// under 5-fold cross-validation (each message is scored by a model that never
// saw it). The issue sets no target, so the figures are informational.
func classifierFigures() []Figure {
	examples := evalset.Examples()
	var out []Figure
	add := func(setup string, q classify.Quality) {
		for _, in := range classify.Intents() {
			iq, ok := q.PerIntent[in]
			if !ok {
				continue
			}
			detail := fmt.Sprintf("%s, %d labeled messages in 5 languages, %d with this intent", setup, q.Examples, iq.Support)
			out = append(out,
				measured(fmt.Sprintf("classifier precision %s (%s)", in, setup), iq.Precision, "ratio", nil, "", detail),
				measured(fmt.Sprintf("classifier recall %s (%s)", in, setup), iq.Recall, "ratio", nil, "", detail))
		}
		out = append(out, measured(fmt.Sprintf("classifier accuracy (%s)", setup), q.Accuracy, "ratio", nil, "",
			fmt.Sprintf("%s, %d labeled messages", setup, q.Examples)))
	}
	add("lexicon", classify.Evaluate(classify.New(nil), examples))
	add("lexicon+model 5-fold", classify.CrossValidate(examples, 5))
	return out
}
