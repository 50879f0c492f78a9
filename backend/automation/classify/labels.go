// Package classify tells what an incoming message is about (its intent and a
// finer kind) and how the writer feels (sentiment), fully offline, in English,
// Simplified and Traditional Chinese, Romanian and Hindi.
//
// It starts from built-in lexicons (word lists written for CreatorDesk, see
// lexicon_*.go) and learns from the team's own labels with a multinomial naive
// Bayes model over the same folded tokens the search index uses.
package classify

// Intents: the coarse class every message gets.
const (
	IntentSales   = "sales"
	IntentSupport = "support"
	IntentSpam    = "spam"
	IntentDanger  = "danger"
	// IntentOther is everything else (praise, small talk, general questions).
	IntentOther = "other"
)

// Kinds: the finer class, each belonging to one intent.
const (
	KindProductInquiry = "product_inquiry"
	KindCollaboration  = "collaboration"
	KindOrderIssue     = "order_issue"
	KindComplaint      = "complaint"
	KindPraise         = "praise"
	KindSpam           = "spam"
	KindThreat         = "threat"
	KindSelfHarm       = "self_harm"
	KindGeneral        = "general"
)

// Sentiments.
const (
	SentimentPositive = "positive"
	SentimentNegative = "negative"
	SentimentNeutral  = "neutral"
)

// kindIntent maps every kind to its intent.
var kindIntent = map[string]string{
	KindProductInquiry: IntentSales,
	KindCollaboration:  IntentSales,
	KindOrderIssue:     IntentSupport,
	KindComplaint:      IntentSupport,
	KindPraise:         IntentOther,
	KindSpam:           IntentSpam,
	KindThreat:         IntentDanger,
	KindSelfHarm:       IntentDanger,
	KindGeneral:        IntentOther,
}

// Intents lists the intents in display order.
func Intents() []string {
	return []string{IntentSales, IntentSupport, IntentSpam, IntentDanger, IntentOther}
}

// Kinds lists the kinds in display order.
func Kinds() []string {
	return []string{KindProductInquiry, KindCollaboration, KindOrderIssue, KindComplaint, KindPraise,
		KindSpam, KindThreat, KindSelfHarm, KindGeneral}
}

// IntentOf returns the intent of a label that is either an intent or a kind
// ("" for an unknown label).
func IntentOf(label string) string {
	if in, ok := kindIntent[label]; ok {
		return in
	}
	switch label {
	case IntentSales, IntentSupport, IntentSpam, IntentDanger, IntentOther:
		return label
	}
	return ""
}

// ValidLabel reports whether label is an intent or a kind.
func ValidLabel(label string) bool { return IntentOf(label) != "" }
