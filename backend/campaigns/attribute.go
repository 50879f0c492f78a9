package campaigns

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/campaigns/attribution"
	"creatordesk/backend/store"
)

// Setting keys of the campaigns area.
const (
	// ModelSetting holds the attribution model.
	ModelSetting = "campaigns.attribution_model"
	// scanSetting holds the last outgoing message id scanned for codes and links.
	scanSetting = "campaigns.share_scan_after"
)

// Model returns the attribution model setting.
func (s *Service) Model(ctx context.Context) (attribution.Model, error) {
	v, err := s.Store.Setting(ctx, ModelSetting, string(attribution.ModelCodeFirst))
	m := attribution.Model(v)
	if !m.Valid() {
		m = attribution.ModelCodeFirst
	}
	return m, err
}

// SetModel changes the attribution model and recomputes every order.
func (s *Service) SetModel(ctx context.Context, m attribution.Model, actor string) error {
	if !m.Valid() {
		return invalid("model", "invalid")
	}
	old, _ := s.Model(ctx)
	if err := s.Store.SetSetting(ctx, ModelSetting, string(m)); err != nil {
		return err
	}
	s.audit(ctx, actor, "attribution.model", "setting", 0, "", map[string]string{"model": string(old)}, map[string]string{"model": string(m)})
	_, err := s.Reattribute(ctx)
	return err
}

// ScanShares records which of our sent messages carried a known code or link
// (messages after the last scan), so conversations can be credited.
func (s *Service) ScanShares(ctx context.Context) (int, error) {
	after, _ := s.Store.Setting(ctx, scanSetting, "0")
	afterID, _ := strconv.ParseInt(after, 10, 64)
	codes, err := s.Store.DiscountCodes(ctx)
	if err != nil {
		return 0, err
	}
	links, err := s.Store.Links(ctx)
	if err != nil {
		return 0, err
	}
	found := 0
	for {
		msgs, err := s.Store.OutboundMessagesAfter(ctx, afterID, 500)
		if err != nil || len(msgs) == 0 {
			return found, err
		}
		var shares []store.ConversationShare
		for _, m := range msgs {
			shares = append(shares, SharesIn(m, 0, codes, links)...)
			afterID = m.ID
		}
		if err := s.Store.AddConversationShares(ctx, shares); err != nil {
			return found, err
		}
		found += len(shares)
		if err := s.Store.SetSetting(ctx, scanSetting, strconv.FormatInt(afterID, 10)); err != nil {
			return found, err
		}
	}
}

// SharesIn finds the codes and links an outgoing message carries. A code
// matches as a whole word, any case; a link matches by its URL or by its
// utm_campaign and utm_content appearing in a URL of the text.
func SharesIn(m store.OutboundMessage, templateID int64, codes []store.DiscountCode, links []store.UTMLink) []store.ConversationShare {
	upper := strings.ToUpper(m.Text)
	var out []store.ConversationShare
	for _, c := range codes {
		if containsWord(upper, c.CodeNorm) {
			out = append(out, store.ConversationShare{ConversationID: m.ConversationID, MessageID: m.ID, ContactID: m.ContactID,
				CreatorID: c.CreatorID, CodeID: c.ID, TemplateID: templateID, SentAt: m.SentAt})
		}
	}
	for _, l := range links {
		if strings.Contains(m.Text, l.URL) || (strings.Contains(m.Text, "utm_campaign="+l.UTMCampaign) &&
			strings.Contains(m.Text, "utm_content="+l.UTMContent) && strings.Contains(m.Text, "utm_source="+l.UTMSource)) {
			out = append(out, store.ConversationShare{ConversationID: m.ConversationID, MessageID: m.ID, ContactID: m.ContactID,
				CreatorID: l.CreatorID, LinkID: l.ID, TemplateID: templateID, SentAt: m.SentAt})
		}
	}
	return out
}

// containsWord reports whether word appears in text not glued to other letters or digits.
func containsWord(text, word string) bool {
	if word == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		if (start == 0 || !isWordByte(text[start-1])) && (end == len(text) || !isWordByte(text[end])) {
			return true
		}
		i = start + 1
	}
}

// isWordByte is an ASCII letter, digit, '_' or '-'.
func isWordByte(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_' || b == '-'
}

// Reattribute scans new shares and recomputes the attribution of every order
// under the current model. It returns how many orders were attributed.
func (s *Service) Reattribute(ctx context.Context) (int, error) {
	if _, err := s.ScanShares(ctx); err != nil {
		return 0, err
	}
	model, err := s.Model(ctx)
	if err != nil {
		return 0, err
	}
	in, err := s.attributionInput(ctx)
	if err != nil {
		return 0, err
	}
	refs, err := s.Store.ContactRefs(ctx)
	if err != nil {
		return 0, err
	}
	orders, err := s.Store.AllOrders(ctx)
	if err != nil {
		return 0, err
	}
	engine := attribution.New(in)
	results := make([]store.AttributionResult, 0, len(orders))
	for _, o := range orders {
		r := engine.Attribute(ToAttributionOrder(o, refs), model)
		results = append(results, toStored(r))
	}
	return len(results), s.Store.SaveAttribution(ctx, results)
}

// attributionInput loads creators, codes, links and shares.
func (s *Service) attributionInput(ctx context.Context) (attribution.Input, error) {
	in := attribution.Input{Creators: map[int64]string{}}
	creators, err := s.Store.Creators(ctx, true)
	if err != nil {
		return in, err
	}
	for _, c := range creators {
		in.Creators[c.ID] = c.Name
	}
	codes, err := s.Store.DiscountCodes(ctx)
	if err != nil {
		return in, err
	}
	for _, c := range codes {
		in.Codes = append(in.Codes, attribution.Code{ID: c.ID, Code: c.Code, CreatorID: deref(c.CreatorID), CampaignID: deref(c.CampaignID)})
	}
	links, err := s.Store.Links(ctx)
	if err != nil {
		return in, err
	}
	for _, l := range links {
		in.Links = append(in.Links, attribution.Link{ID: l.ID, CreatorID: deref(l.CreatorID), CampaignID: deref(l.CampaignID),
			Source: l.UTMSource, Campaign: l.UTMCampaign, Content: l.UTMContent})
	}
	shares, err := s.Store.ConversationShares(ctx)
	if err != nil {
		return in, err
	}
	for _, sh := range shares {
		in.Shares = append(in.Shares, attribution.Share{ConversationID: sh.ConversationID, ContactID: deref(sh.ContactID),
			CreatorID: deref(sh.CreatorID), CodeID: sh.CodeID, LinkID: sh.LinkID, TemplateID: sh.TemplateID, SentAt: time.UnixMilli(sh.SentAt)})
	}
	return in, nil
}

// ToAttributionOrder builds attribution's view of an order: its codes, its
// journey (or the landing page's UTMs as one touch), and the contact its
// customer reference names.
func ToAttributionOrder(o store.Order, refs map[string]int64) attribution.Order {
	ao := attribution.Order{ID: o.ID, At: time.UnixMilli(o.OrderedAt), Codes: o.Codes()}
	var visits []visitJSON
	if o.Journey != "" && json.Unmarshal([]byte(o.Journey), &visits) == nil {
		for _, v := range visits {
			ao.Touches = append(ao.Touches, attribution.Touch{At: time.UnixMilli(v.At), Source: v.Source, Medium: v.Medium,
				Campaign: v.Campaign, Content: v.Content, Term: v.Term})
		}
	}
	if len(ao.Touches) == 0 && (o.UTMCampaign != "" || o.UTMContent != "") {
		ao.Touches = []attribution.Touch{{At: ao.At, Source: o.UTMSource, Medium: o.UTMMedium, Campaign: o.UTMCampaign,
			Content: o.UTMContent, Term: o.UTMTerm}}
	}
	if ref := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(o.CustomerRef), "@")); ref != "" {
		ao.ContactID = refs[ref]
	}
	return ao
}

// toStored converts an attribution result for storage.
func toStored(r attribution.Result) store.AttributionResult {
	expl, _ := json.Marshal(r.Explanation)
	out := store.AttributionResult{OrderID: r.OrderID, Model: string(r.Model), Rule: string(r.Rule), CreatorID: ptr(r.CreatorID),
		CampaignID: ptr(r.CampaignID), CodeID: ptr(r.CodeID), LinkID: ptr(r.LinkID), ConversationID: ptr(r.ConversationID),
		TemplateID: r.TemplateID, Explanation: string(expl)}
	for _, a := range r.Assists {
		out.Assists = append(out.Assists, store.AttributionAssist{CreatorID: a.CreatorID, Rule: string(a.Rule)})
	}
	return out
}

// deref is *p or 0.
func deref(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// ptr is &v, or nil for 0.
func ptr(v int64) *int64 {
	if v == 0 {
		return nil
	}
	return &v
}
