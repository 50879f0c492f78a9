package attribution

import (
	"reflect"
	"testing"
	"time"
)

var day = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

const (
	ana int64 = 1
	ben int64 = 2
)

// scenario is a small world: Ana has code ANA10 and a link, Ben has code BEN15 and a link.
func scenario(shares ...Share) *Engine {
	return New(Input{
		Creators: map[int64]string{ana: "Ana", ben: "Ben"},
		Codes: []Code{{ID: 10, Code: "ANA10", CreatorID: ana, CampaignID: 100},
			{ID: 20, Code: "BEN15", CreatorID: ben, CampaignID: 200}, {ID: 30, Code: "WELCOME"}},
		Links: []Link{{ID: 11, CreatorID: ana, CampaignID: 100, Source: "instagram", Campaign: "spring", Content: "ana"},
			{ID: 21, CreatorID: ben, CampaignID: 200, Source: "tiktok", Campaign: "spring", Content: "ben"}},
		Shares: shares,
	})
}

func touch(hoursBefore int, source, content string) Touch {
	return Touch{At: day.Add(-time.Duration(hoursBefore) * time.Hour), Source: source, Campaign: "spring", Content: content}
}

func TestCodeAloneCreditsItsCreatorUnderEveryModel(t *testing.T) {
	e := scenario()
	for _, m := range Models {
		r := e.Attribute(Order{ID: 1, At: day, Codes: []string{"ana10"}}, m)
		if r.Rule != RuleCode || r.CreatorID != ana || r.CodeID != 10 || r.CampaignID != 100 || len(r.Assists) != 0 {
			t.Fatalf("%s: %+v", m, r)
		}
	}
	got := e.Attribute(Order{ID: 1, At: day, Codes: []string{"ANA10"}}, ModelCodeFirst).Explanation.English()
	if got != "Credited to Ana's code ANA10 used at checkout" {
		t.Fatalf("explanation %q", got)
	}
}

func TestLastClickAndFirstTouchFromTheJourney(t *testing.T) {
	e := scenario()
	o := Order{ID: 2, At: day, Touches: []Touch{touch(48, "tiktok", "ben"), touch(2, "instagram", "ana")}}
	last := e.Attribute(o, ModelLastClick)
	if last.Rule != RuleLastClick || last.CreatorID != ana || last.LinkID != 11 {
		t.Fatalf("last click %+v", last)
	}
	if !reflect.DeepEqual(last.Assists, []Assist{{CreatorID: ben, Rule: RuleFirstTouch}}) {
		t.Fatalf("last click assists %+v", last.Assists)
	}
	first := e.Attribute(o, ModelFirstTouch)
	if first.Rule != RuleFirstTouch || first.CreatorID != ben || first.LinkID != 21 || len(first.Assists) != 1 || first.Assists[0].CreatorID != ana {
		t.Fatalf("first touch %+v", first)
	}
	// Under code-first with no code, the last click decides.
	if r := e.Attribute(o, ModelCodeFirst); r.Rule != RuleLastClick || r.CreatorID != ana {
		t.Fatalf("code first without code %+v", r)
	}
	// A landing page alone is one touch: first touch and last click agree.
	single := Order{ID: 3, At: day, Touches: []Touch{touch(1, "tiktok", "ben")}}
	for _, m := range Models {
		if r := e.Attribute(single, m); r.CreatorID != ben || len(r.Assists) != 0 {
			t.Fatalf("%s single touch %+v", m, r)
		}
	}
}

func TestConflictCodeFromAAfterClickingBsLink(t *testing.T) {
	e := scenario()
	o := Order{ID: 4, At: day, Codes: []string{"ANA10"}, Touches: []Touch{touch(5, "tiktok", "ben")}}
	code := e.Attribute(o, ModelCodeFirst)
	if code.Rule != RuleCode || code.CreatorID != ana || len(code.Assists) != 1 || code.Assists[0].CreatorID != ben {
		t.Fatalf("code first %+v", code)
	}
	if got := code.Explanation.English(); got != "Credited to Ana's code ANA10 used at checkout; Ben's link was clicked earlier (assist)" {
		t.Fatalf("explanation %q", got)
	}
	click := e.Attribute(o, ModelLastClick)
	if click.Rule != RuleLastClick || click.CreatorID != ben || len(click.Assists) != 1 || click.Assists[0] != (Assist{CreatorID: ana, Rule: RuleCode}) {
		t.Fatalf("last click %+v", click)
	}
}

func TestConversationCreditsAndLinksTheThread(t *testing.T) {
	// We gave Ben's code in a DM to contact 7 a day before; the order is from contact 7 with no code and no link.
	e := scenario(Share{ConversationID: 70, ContactID: 7, CreatorID: ben, CodeID: 20, TemplateID: 5, SentAt: day.Add(-24 * time.Hour)})
	r := e.Attribute(Order{ID: 5, At: day, ContactID: 7}, ModelCodeFirst)
	if r.Rule != RuleConversation || r.CreatorID != ben || r.ConversationID != 70 || r.TemplateID != 5 || r.CampaignID != 200 {
		t.Fatalf("conversation %+v", r)
	}
	// The order used the code we shared (no contact known): code rule wins, the conversation is recorded.
	r = e.Attribute(Order{ID: 6, At: day, Codes: []string{"BEN15"}}, ModelCodeFirst)
	if r.Rule != RuleCode || r.CreatorID != ben || r.ConversationID != 70 {
		t.Fatalf("code via conversation %+v", r)
	}
	if got := r.Explanation.English(); got != "Credited to Ben's code BEN15 used at checkout; the code or link was given in a DM conversation before the order" {
		t.Fatalf("explanation %q", got)
	}
	// A share sent after the order does not count.
	late := scenario(Share{ConversationID: 71, ContactID: 7, CreatorID: ben, CodeID: 20, SentAt: day.Add(time.Hour)})
	if r := late.Attribute(Order{ID: 7, At: day, ContactID: 7}, ModelCodeFirst); r.Rule != RuleNone || r.ConversationID != 0 {
		t.Fatalf("late share %+v", r)
	}
	// Another contact's conversation does not claim an order whose customer is known.
	other := scenario(Share{ConversationID: 72, ContactID: 8, CreatorID: ben, CodeID: 20, SentAt: day.Add(-time.Hour)})
	if r := other.Attribute(Order{ID: 8, At: day, ContactID: 7, Codes: []string{"BEN15"}}, ModelCodeFirst); r.ConversationID != 0 || r.CreatorID != ben {
		t.Fatalf("other contact %+v", r)
	}
}

func TestConversationAssistWhenAnotherCreatorWins(t *testing.T) {
	// We gave Ana's link in DM to contact 9; the customer then bought with Ben's code.
	e := scenario(Share{ConversationID: 90, ContactID: 9, CreatorID: ana, LinkID: 11, SentAt: day.Add(-3 * time.Hour)})
	r := e.Attribute(Order{ID: 9, At: day, ContactID: 9, Codes: []string{"BEN15"}}, ModelCodeFirst)
	if r.CreatorID != ben || r.ConversationID != 90 || len(r.Assists) != 1 || r.Assists[0] != (Assist{CreatorID: ana, Rule: RuleConversation}) {
		t.Fatalf("%+v", r)
	}
}

func TestUnknownCodesAndNothingAtAll(t *testing.T) {
	e := scenario()
	r := e.Attribute(Order{ID: 10, At: day, Codes: []string{"WELCOME"}}, ModelCodeFirst)
	if r.Rule != RuleNone || r.CreatorID != 0 || r.Explanation.Parts[0].Key != "attribution.unknownCode" {
		t.Fatalf("brand code %+v", r)
	}
	r = e.Attribute(Order{ID: 11, At: day, Touches: []Touch{{Source: "google", Campaign: "brand"}}}, ModelLastClick)
	if r.Rule != RuleNone || r.Explanation.English() != "Not credited: no creator code, tracked link or conversation matches this order" {
		t.Fatalf("nothing %+v", r)
	}
	// A link that matches campaign and content but not the source is not Ana's link.
	if r := e.Attribute(Order{ID: 12, At: day, Touches: []Touch{touch(1, "facebook", "ana")}}, ModelLastClick); r.CreatorID != 0 {
		t.Fatalf("wrong source %+v", r)
	}
	if r := e.Attribute(Order{ID: 13, At: day, Codes: []string{"ANA10"}}, Model("bogus")); r.Model != ModelCodeFirst {
		t.Fatalf("unknown model falls back: %+v", r)
	}
}

func TestTwoCreatorCodesCreditTheFirstAndAssistTheOther(t *testing.T) {
	r := scenario().Attribute(Order{ID: 14, At: day, Codes: []string{"BEN15", "ANA10"}}, ModelCodeFirst)
	if r.CreatorID != ben || len(r.Assists) != 1 || r.Assists[0] != (Assist{CreatorID: ana, Rule: RuleCode}) {
		t.Fatalf("%+v", r)
	}
}
