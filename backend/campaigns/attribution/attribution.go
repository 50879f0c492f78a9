// Package attribution decides where each order is credited: to a creator's
// discount code, to a tracked link (first touch or last click, read from the
// landing page or the customer's journey), or to a conversation in which we
// gave the customer a code or link. The model (which rule wins) is a setting;
// every other creator who touched the order is counted as an assist, and each
// decision carries a plain-words explanation. It is pure Go: no storage, no clock.
package attribution

import (
	"sort"
	"strings"
	"time"
)

// Model names which rule wins when several match.
type Model string

// Models.
const (
	// ModelCodeFirst credits a creator's code used at checkout first, then the last click, then the first touch.
	ModelCodeFirst Model = "code_first"
	// ModelLastClick credits the last tracked link clicked before the order first.
	ModelLastClick Model = "last_click"
	// ModelFirstTouch credits the first tracked link that brought the customer first.
	ModelFirstTouch Model = "first_touch"
)

// Models lists the models in the order the settings show them.
var Models = []Model{ModelCodeFirst, ModelLastClick, ModelFirstTouch}

// Valid reports whether m is a known model.
func (m Model) Valid() bool {
	for _, x := range Models {
		if x == m {
			return true
		}
	}
	return false
}

// Rule names how an order was credited.
type Rule string

// Rules.
const (
	RuleCode         Rule = "code"
	RuleLastClick    Rule = "last_click"
	RuleFirstTouch   Rule = "first_touch"
	RuleConversation Rule = "conversation"
	RuleNone         Rule = "none"
)

// Code is a known discount code.
type Code struct {
	ID         int64
	Code       string // as the creator shares it
	CreatorID  int64
	CampaignID int64
}

// Link is a tracked link; a visit matches it when its UTM campaign and content
// (and source, when the link has one) are the link's.
type Link struct {
	ID                        int64
	CreatorID, CampaignID     int64
	Source, Campaign, Content string
}

// Share is one of our outgoing messages that carried a code or a link.
type Share struct {
	ConversationID int64
	ContactID      int64
	CreatorID      int64
	CodeID, LinkID int64
	TemplateID     int64
	SentAt         time.Time
}

// Touch is one visit before the order, oldest first.
type Touch struct {
	At                                      time.Time
	Source, Medium, Campaign, Content, Term string
}

// Order is what attribution needs to know about one order.
type Order struct {
	ID    int64
	At    time.Time
	Codes []string
	// Touches are the visits before the order, first to last (the landing
	// page alone gives one touch).
	Touches []Touch
	// ContactID is the contact the customer reference resolved to (0 = unknown).
	ContactID int64
}

// Input is everything known about codes, links and conversations.
type Input struct {
	// Creators maps creator ids to display names (for explanations).
	Creators map[int64]string
	Codes    []Code
	Links    []Link
	Shares   []Share
}

// Assist is a creator who touched an order without being credited.
type Assist struct {
	CreatorID int64
	Rule      Rule
}

// Result is where one order is credited and why.
type Result struct {
	OrderID        int64
	Model          Model
	Rule           Rule
	CreatorID      int64
	CampaignID     int64
	CodeID         int64
	LinkID         int64
	ConversationID int64
	TemplateID     int64
	Assists        []Assist
	Explanation    Explanation
}

// Engine attributes orders against one Input.
type Engine struct {
	in     Input
	codes  map[string]Code
	links  []Link
	shares []Share
}

// New indexes in for attributing many orders.
func New(in Input) *Engine {
	e := &Engine{in: in, codes: map[string]Code{}, links: in.Links}
	for _, c := range in.Codes {
		e.codes[normalize(c.Code)] = c
	}
	e.shares = append([]Share(nil), in.Shares...)
	sort.SliceStable(e.shares, func(i, j int) bool { return e.shares[i].SentAt.Before(e.shares[j].SentAt) })
	return e
}

// normalize is the matching form of a code or UTM value.
func normalize(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// candidate is one way an order could be credited.
type candidate struct {
	rule                  Rule
	creatorID, campaignID int64
	codeID, linkID        int64
	code                  string
}

// Attribute credits one order under model.
func (e *Engine) Attribute(o Order, model Model) Result {
	if !model.Valid() {
		model = ModelCodeFirst
	}
	res := Result{OrderID: o.ID, Model: model, Rule: RuleNone}
	var byRule = map[Rule]*candidate{}
	var all []candidate
	for _, c := range o.Codes {
		if code, ok := e.codes[normalize(c)]; ok && code.CreatorID != 0 {
			cand := candidate{rule: RuleCode, creatorID: code.CreatorID, campaignID: code.CampaignID, codeID: code.ID, code: code.Code}
			all = append(all, cand)
			if byRule[RuleCode] == nil {
				byRule[RuleCode] = &all[len(all)-1]
			}
		}
	}
	var touched []candidate
	for _, t := range o.Touches {
		if l, ok := e.matchLink(t); ok && l.CreatorID != 0 {
			touched = append(touched, candidate{creatorID: l.CreatorID, campaignID: l.CampaignID, linkID: l.ID})
		}
	}
	if n := len(touched); n > 0 {
		first, last := touched[0], touched[n-1]
		first.rule, last.rule = RuleFirstTouch, RuleLastClick
		all = append(all, first, last)
		byRule[RuleFirstTouch], byRule[RuleLastClick] = &first, &last
		for _, t := range touched[1 : n-1+boolInt(n == 1)] {
			t.rule = RuleLastClick
			all = append(all, t)
		}
	}
	share, shareOK := e.matchShare(o, byRule)
	if shareOK && share.CreatorID != 0 {
		all = append(all, candidate{rule: RuleConversation, creatorID: share.CreatorID, codeID: share.CodeID, linkID: share.LinkID,
			campaignID: e.campaignOfShare(share)})
	}
	var winner *candidate
	for _, r := range order(model) {
		if c := byRule[r]; c != nil {
			winner = c
			break
		}
	}
	if winner == nil && shareOK && share.CreatorID != 0 {
		winner = &all[len(all)-1]
	}
	if winner != nil {
		res.Rule, res.CreatorID, res.CampaignID, res.CodeID, res.LinkID = winner.rule, winner.creatorID, winner.campaignID, winner.codeID, winner.linkID
		res.Explanation.add(creditKey(winner.rule), map[string]string{"creator": e.name(winner.creatorID), "code": winner.code})
	}
	if shareOK {
		res.ConversationID, res.TemplateID = share.ConversationID, share.TemplateID
		if winner != nil && winner.rule != RuleConversation {
			res.Explanation.add("attribution.viaConversation", nil)
		} else if winner == nil {
			res.Explanation.add("attribution.conversationOnly", nil)
		}
	}
	seen := map[int64]bool{res.CreatorID: true}
	for _, c := range all {
		if seen[c.creatorID] {
			continue
		}
		seen[c.creatorID] = true
		res.Assists = append(res.Assists, Assist{CreatorID: c.creatorID, Rule: c.rule})
		res.Explanation.add(assistKey(c.rule), map[string]string{"creator": e.name(c.creatorID), "code": c.code})
	}
	if winner == nil && !shareOK {
		if len(o.Codes) > 0 {
			res.Explanation.add("attribution.unknownCode", map[string]string{"code": strings.Join(o.Codes, ", ")})
		} else {
			res.Explanation.add("attribution.none", nil)
		}
	}
	return res
}

// boolInt is 1 for true.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// order is the rule precedence of a model (conversation always comes last).
func order(m Model) []Rule {
	switch m {
	case ModelLastClick:
		return []Rule{RuleLastClick, RuleCode, RuleFirstTouch}
	case ModelFirstTouch:
		return []Rule{RuleFirstTouch, RuleCode, RuleLastClick}
	}
	return []Rule{RuleCode, RuleLastClick, RuleFirstTouch}
}

// matchLink finds the link a visit came through.
func (e *Engine) matchLink(t Touch) (Link, bool) {
	if t.Campaign == "" && t.Content == "" {
		return Link{}, false
	}
	for _, l := range e.links {
		if strings.EqualFold(l.Campaign, t.Campaign) && strings.EqualFold(l.Content, t.Content) &&
			(l.Source == "" || strings.EqualFold(l.Source, t.Source)) {
			return l, true
		}
	}
	return Link{}, false
}

// matchShare finds the latest share before the order that ties it to a
// conversation: the same contact, or a shared code the order used, or a
// shared link the customer came through.
func (e *Engine) matchShare(o Order, byRule map[Rule]*candidate) (Share, bool) {
	usedCodes := map[int64]bool{}
	for _, c := range o.Codes {
		if code, ok := e.codes[normalize(c)]; ok {
			usedCodes[code.ID] = true
		}
	}
	usedLinks := map[int64]bool{}
	for _, t := range o.Touches {
		if l, ok := e.matchLink(t); ok {
			usedLinks[l.ID] = true
		}
	}
	var best Share
	found := false
	for _, sh := range e.shares {
		if sh.SentAt.After(o.At) {
			break
		}
		sameContact := o.ContactID != 0 && sh.ContactID == o.ContactID
		if sameContact || (sh.CodeID != 0 && usedCodes[sh.CodeID] && o.ContactID == 0) ||
			(sh.LinkID != 0 && usedLinks[sh.LinkID] && o.ContactID == 0) {
			best, found = sh, true
		}
	}
	return best, found
}

// campaignOfShare is the campaign of a shared code or link.
func (e *Engine) campaignOfShare(sh Share) int64 {
	for _, c := range e.in.Codes {
		if c.ID == sh.CodeID && sh.CodeID != 0 {
			return c.CampaignID
		}
	}
	for _, l := range e.links {
		if l.ID == sh.LinkID && sh.LinkID != 0 {
			return l.CampaignID
		}
	}
	return 0
}

// name is a creator's display name.
func (e *Engine) name(id int64) string {
	if n := e.in.Creators[id]; n != "" {
		return n
	}
	return "?"
}

// creditKey is the explanation key of the winning rule.
func creditKey(r Rule) string {
	switch r {
	case RuleCode:
		return "attribution.creditedCode"
	case RuleLastClick:
		return "attribution.creditedLastClick"
	case RuleFirstTouch:
		return "attribution.creditedFirstTouch"
	}
	return "attribution.creditedConversation"
}

// assistKey is the explanation key of an assist by rule.
func assistKey(r Rule) string {
	switch r {
	case RuleCode:
		return "attribution.assistCode"
	case RuleConversation:
		return "attribution.assistConversation"
	}
	return "attribution.assistLink"
}
