package inbox

import (
	"context"
	"regexp"
	"strings"

	"creatordesk/backend/store"
)

// Handoff is the summary drafted from a thread when a conversation is handed to
// someone else. The UI lays it out in the user's language and lets them edit it.
type Handoff struct {
	// OrderIDs are order numbers found in the messages or on the contact.
	OrderIDs []string
	// Issue is what the customer said most recently (their last messages).
	Issue string
	// Tried are our replies so far, oldest first (at most HandoffTried).
	Tried []string
}

// Hand-off draft sizes.
const (
	HandoffIssueRunes = 400
	HandoffTriedRunes = 200
	HandoffTried      = 3
)

// orderPatterns find order numbers: "#4521", "order 4521", "comanda nr. 4521", "订单 4521", "ऑर्डर 4521".
var orderPatterns = []*regexp.Regexp{
	regexp.MustCompile(`#([A-Za-z]{0,4}-?\d{3,})\b`),
	regexp.MustCompile(`(?i)(?:order|comand[aă]|订单|訂單|ऑर्डर)\D{0,12}?(\d{3,})`),
}

// FindOrderIDs returns the order numbers mentioned in text, in order of appearance, once each.
func FindOrderIDs(text string) []string {
	type hit struct {
		at int
		id string
	}
	var hits []hit
	for _, re := range orderPatterns {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			hits = append(hits, hit{m[2], strings.TrimPrefix(text[m[2]:m[3]], "#")})
		}
	}
	for i := 1; i < len(hits); i++ { // insertion sort: a handful of hits
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.id] {
			seen[h.id] = true
			out = append(out, h.id)
		}
	}
	return out
}

// DraftHandoff drafts a hand-off summary from a conversation's thread.
func (t *Triage) DraftHandoff(ctx context.Context, conversationID int64) (Handoff, error) {
	conv, err := t.Store.ConversationByID(ctx, conversationID)
	if err != nil {
		return Handoff{}, err
	}
	msgs, err := t.Store.Messages(ctx, conversationID, store.ThreadLimit)
	if err != nil {
		return Handoff{}, err
	}
	return draftHandoff(ctx, t.Store, conv, msgs)
}

// draftHandoff builds the summary from the loaded thread.
func draftHandoff(ctx context.Context, st *store.Store, conv store.Conversation, msgs []store.Message) (Handoff, error) {
	h := Handoff{OrderIDs: []string{}, Tried: []string{}}
	seen := map[string]bool{}
	addOrder := func(id string) {
		if !seen[id] {
			seen[id] = true
			h.OrderIDs = append(h.OrderIDs, id)
		}
	}
	if conv.ContactID != nil {
		ids, err := st.OrderIDs(ctx, *conv.ContactID)
		if err != nil {
			return h, err
		}
		for _, id := range ids {
			addOrder(strings.TrimPrefix(id, "#"))
		}
	}
	var issue []string
	for i, m := range msgs {
		if m.Deleted {
			continue
		}
		for _, id := range FindOrderIDs(m.Text) {
			addOrder(id)
		}
		if m.Direction == "out" && m.State != store.StateFailed {
			h.Tried = append(h.Tried, clip(m.Text, HandoffTriedRunes))
		}
		// The customer's last messages: the inbound run after our last reply.
		if m.Direction == "in" {
			if i > 0 && msgs[i-1].Direction == "out" {
				issue = nil
			}
			issue = append(issue, m.Text)
		}
	}
	if len(h.Tried) > HandoffTried {
		h.Tried = h.Tried[len(h.Tried)-HandoffTried:]
	}
	h.Issue = clip(strings.Join(issue, " "), HandoffIssueRunes)
	return h, nil
}

// clip shortens s to at most n runes, ending with an ellipsis when cut.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
