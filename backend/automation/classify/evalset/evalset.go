// Package evalset is the classifier's labeled evaluation set: messages written
// for CreatorDesk in English, Simplified and Traditional Chinese, Romanian
// (with and without diacritics) and Hindi, each with its kind and sentiment.
// make bench reports precision and recall per intent on it.
package evalset

import (
	_ "embed"
	"strings"

	"creatordesk/backend/automation/classify"
)

//go:embed labeled.tsv
var labeled string

// Item is one labeled message with its language.
type Item struct {
	Lang string
	classify.Example
}

// Items returns the labeled set in file order.
func Items() []Item {
	var out []Item
	for _, line := range strings.Split(labeled, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 4)
		if len(f) != 4 {
			continue
		}
		out = append(out, Item{Lang: f[0], Example: classify.Example{Label: f[1], Sentiment: f[2], Text: f[3]}})
	}
	return out
}

// Examples returns the labeled set without languages.
func Examples() []classify.Example {
	items := Items()
	out := make([]classify.Example, len(items))
	for i, it := range items {
		out[i] = it.Example
	}
	return out
}
