package automation

import (
	"context"
	"slices"
	"strings"
	"time"

	"creatordesk/backend/automation/classify"
	"creatordesk/backend/store"
	"creatordesk/backend/textsearch"
)

// Subject is an inbound message with everything the conditions test.
type Subject struct {
	Message store.InboundMessage
	Result  classify.Result
	// Contact is the contact's attributes (nil when unknown).
	Contact map[string]string
	// At is when the message was sent.
	At time.Time
}

// Matches reports whether every condition of c holds for s. inHours says
// whether a time is inside business hours (nil: always inside).
func (c Conditions) Matches(s Subject, inHours func(time.Time) bool) bool {
	if len(c.Kinds) > 0 && !slices.Contains(c.Kinds, s.Message.Kind) {
		return false
	}
	if len(c.Platforms) > 0 && !slices.Contains(c.Platforms, s.Message.Platform) {
		return false
	}
	if len(c.AccountIDs) > 0 && !slices.Contains(c.AccountIDs, s.Message.AccountID) {
		return false
	}
	if len(c.Keywords) > 0 && !containsAnyKeyword(s.Message.Text, c.Keywords) {
		return false
	}
	if len(c.Intents) > 0 && !slices.Contains(c.Intents, s.Result.Intent) && !slices.Contains(c.Intents, s.Result.Kind) {
		return false
	}
	if len(c.Sentiments) > 0 && !slices.Contains(c.Sentiments, s.Result.Sentiment) {
		return false
	}
	for k, want := range c.Contact {
		if s.Contact == nil || textsearch.Fold(s.Contact[k]) != textsearch.Fold(want) {
			return false
		}
	}
	if c.Hours != "" {
		inside := inHours == nil || inHours(s.At)
		if (c.Hours == "inside") != inside {
			return false
		}
	}
	return true
}

// containsAnyKeyword matches keywords as whole folded words or phrases, the
// way search matches them (each Chinese character is its own word, so a
// Chinese keyword matches inside a sentence).
func containsAnyKeyword(text string, keywords []string) bool {
	hay := " " + textsearch.Fold(punctuationToSpace(text)) + " "
	for _, k := range keywords {
		needle := textsearch.Fold(punctuationToSpace(k))
		if needle != "" && strings.Contains(hay, " "+needle+" ") {
			return true
		}
	}
	return false
}

// punctuationToSpace turns everything but letters, digits and marks into spaces.
func punctuationToSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if isWordRune(r) {
			return r
		}
		return ' '
	}, s)
}

// subject builds the Subject of a stored inbound message.
func (e *Engine) subject(ctx context.Context, m store.InboundMessage, classifyNow bool) (Subject, error) {
	s := Subject{Message: m, At: time.UnixMilli(m.SentAt)}
	if stored, err := e.Store.ClassificationOf(ctx, m.ID); err == nil && !classifyNow {
		s.Result = classify.Result{Text: m.Text, Intent: stored.Intent, Kind: stored.Kind, Sentiment: stored.Sentiment,
			Confidence: stored.Confidence, Source: stored.Source}
	} else {
		s.Result = e.Classifier.Classify(m.Text)
	}
	if m.ContactID != nil {
		attrs, err := e.Store.ContactAttributes(ctx, *m.ContactID)
		if err == nil {
			s.Contact = attrs
		}
	}
	return s, nil
}
