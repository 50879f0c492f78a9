package kpi

import (
	"creatordesk/backend/kpi/commenttext"
	"creatordesk/backend/store"
)

// Why a comment counts as meaningful (a comment may have several reasons).
const (
	ReasonQuestion     = "question"
	ReasonPurchase     = "purchase"
	ReasonConstructive = "constructive"
)

// IsQuestion reports whether a message reads as a question: it has a question
// mark (Latin, full-width or Arabic), starts with a question word (English,
// Romanian, Hindi), or carries a Chinese question marker.
func IsQuestion(text string) bool { return commenttext.IsQuestion(text) }

// meaningfulReasons says why an inbound comment is meaningful (nil: it is not):
// a question, purchase intent (the classifier's sales intent), or constructive
// (support feedback, a collaboration offer, or a substantial non-negative
// comment). Spam and dangerous messages never count.
func meaningfulReasons(m store.KpiInbound) []string {
	if m.Intent == "spam" || m.Intent == "danger" {
		return nil
	}
	var out []string
	if m.Question {
		out = append(out, ReasonQuestion)
	}
	if m.Intent == "sales" {
		out = append(out, ReasonPurchase)
	}
	if m.Intent == "support" || m.Kind == "collaboration" || (m.Sentiment != "negative" && m.Substantial) {
		out = append(out, ReasonConstructive)
	}
	return out
}
