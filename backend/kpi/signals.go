package kpi

import (
	"context"
	"strconv"
	"strings"

	"creatordesk/backend/store"
)

// LeadConfidence is how sure the classifier must be that a message is about
// buying for its conversation to count as a lead.
const LeadConfidence = 0.6

// leadTagNames are tag names that mark a lead whatever the classifier labels say.
var leadTagNames = map[string]bool{"sales": true, "lead": true, "product inquiry": true, "product_inquiry": true, "product-inquiry": true}

// commentSignal is an inbound comment reduced to when it came and why it is meaningful (nil: it is not).
type commentSignal struct {
	At      int64
	Reasons []string
}

// signals are the facts beyond conversations, messages and orders: what the
// classifier said, lead tags, attribution details, CSAT and live sessions.
type signals struct {
	creators      map[int64][][2]string
	comments      map[int64][]commentSignal
	sales         map[int64][]int64
	leadTags      map[string]bool
	orderTemplate map[int64]int64
	templateNames map[int64]string
	orderVariants map[int64][][2]string
	assists       map[int64][][2]string
	csat          []store.CsatRequest
	live          []store.KpiLive
}

// load reads the signals since the Unix-ms instant since.
func (g *signals) load(ctx context.Context, st *store.Store, since int64) error {
	g.creators, g.comments, g.sales = map[int64][][2]string{}, map[int64][]commentSignal{}, map[int64][]int64{}
	g.leadTags, g.orderTemplate = map[string]bool{}, map[int64]int64{}
	g.orderVariants, g.assists = map[int64][][2]string{}, map[int64][][2]string{}
	creators, err := st.KpiConversationCreators(ctx, since)
	if err != nil {
		return err
	}
	for _, c := range creators {
		g.creators[c.ConversationID] = append(g.creators[c.ConversationID], [2]string{strconv.FormatInt(c.At, 10), c.Value})
	}
	if err := st.EachKpiCommentMessage(ctx, since, func(m store.KpiInbound) {
		if why := meaningfulReasons(m); len(why) > 0 { // the others never count
			g.comments[m.ConversationID] = append(g.comments[m.ConversationID], commentSignal{At: m.SentAt, Reasons: why})
		}
	}); err != nil {
		return err
	}
	sales, err := st.KpiSalesSignals(ctx, since)
	if err != nil {
		return err
	}
	for _, m := range sales {
		if m.Confidence >= LeadConfidence {
			g.sales[m.ConversationID] = append(g.sales[m.ConversationID], m.SentAt)
		}
	}
	tags, err := st.KpiLeadTags(ctx)
	if err != nil {
		return err
	}
	for name := range leadTagNames {
		g.leadTags[name] = true
	}
	for _, t := range tags {
		g.leadTags[strings.ToLower(t)] = true
	}
	if err := g.loadOrders(ctx, st, since); err != nil {
		return err
	}
	if g.csat, err = st.KpiCsat(ctx, since); err != nil {
		return err
	}
	g.live, err = st.KpiLiveSessions(ctx, since)
	return err
}

// loadOrders reads the saved reply, experiment variants and assists of orders since since.
func (g *signals) loadOrders(ctx context.Context, st *store.Store, since int64) error {
	templates, err := st.KpiOrderTemplates(ctx, since)
	if err != nil {
		return err
	}
	for _, t := range templates {
		g.orderTemplate[t.OrderID] = t.TemplateID
	}
	if g.templateNames, err = st.KpiTemplateNames(ctx); err != nil {
		return err
	}
	variants, err := st.KpiOrderVariants(ctx, since)
	if err != nil {
		return err
	}
	for _, v := range variants {
		label := v.ExperimentName + ": " + g.templateNames[v.TemplateID]
		g.orderVariants[v.OrderID] = append(g.orderVariants[v.OrderID], [2]string{strconv.FormatInt(v.VariantID, 10), label})
	}
	assists, err := st.KpiOrderAssists(ctx, since)
	if err != nil {
		return err
	}
	for _, a := range assists {
		g.assists[a.OrderID] = append(g.assists[a.OrderID], [2]string{strconv.FormatInt(a.AssistCreatorID, 10), a.AssistName})
	}
	return nil
}

// isLead reports whether a DM conversation of p is a lead: it carries a lead
// tag, or the classifier put one of its inbound messages in the period in the
// sales intent with at least LeadConfidence.
func (in *input) isLead(f *convFact, p Period) bool {
	for _, t := range f.Tags {
		if in.raw.more.leadTags[strings.ToLower(t)] {
			return true
		}
	}
	for _, at := range in.raw.more.sales[f.ID] {
		if p.contains(at) {
			return true
		}
	}
	return false
}

// leadRows are the DMs of the period's cohort; a hit is a lead.
func leadRows(in *input, p Period) []Row {
	return convRows(in, p, func(f *convFact, r *Row) bool {
		r.Hit = in.isLead(f, p)
		return f.FirstIn != 0 && f.Kind == "dm"
	})
}

// commentReasons are the reasons found in a comment conversation's inbound messages of p.
func (in *input) commentReasons(id int64, p Period) map[string]bool {
	out := map[string]bool{}
	for _, m := range in.raw.more.comments[id] {
		if !p.contains(m.At) {
			continue
		}
		for _, why := range m.Reasons {
			out[why] = true
		}
	}
	return out
}

// hasMeaningful reports whether a comment conversation has a meaningful inbound message in p.
func (in *input) hasMeaningful(id int64, p Period) bool {
	for _, m := range in.raw.more.comments[id] {
		if len(m.Reasons) > 0 && p.contains(m.At) {
			return true
		}
	}
	return false
}

// meaningfulRows are the comment threads of the period's cohort; a hit is one
// with at least one meaningful comment in the period.
func meaningfulRows(in *input, p Period) []Row {
	return convRows(in, p, func(f *convFact, r *Row) bool {
		if f.FirstIn == 0 || f.Kind != "comment" {
			return false
		}
		r.Hit = in.hasMeaningful(f.ID, p)
		return true
	})
}

// assistedRows are the orders of the period that creators assisted without
// being credited, split by assisting creator.
func assistedRows(in *input, p Period) []Row {
	var out []Row
	for _, o := range in.raw.orders {
		keys := in.raw.more.assists[o.ID]
		if !p.contains(o.OrderedAt) || len(keys) == 0 {
			continue
		}
		out = append(out, Row{ID: o.ID, Label: o.Name, At: o.OrderedAt, Value: float64(o.TotalMinor), Hit: true,
			dims: func(dim string) [][2]string {
				if dim == DimCreator {
					return keys
				}
				return nil
			}})
	}
	return out
}

// factByID finds a conversation's facts for p (nil: not a conversation of the window).
func (in *input) factByID(p Period, id int64) *convFact {
	if i, ok := in.raw.index[id]; ok {
		return in.factsOf(p)[i]
	}
	return nil
}

// csatRows are the ratings received in the period (Value 1–5), one per request.
func csatRows(in *input, p Period) []Row {
	var out []Row
	for _, c := range in.raw.more.csat {
		if c.Rating == 0 || !p.contains(c.RatedAt) {
			continue
		}
		r := Row{ID: c.ConversationID, At: c.RatedAt, Value: float64(c.Rating), Hit: c.Rating >= 4, dims: noDims}
		if f := in.factByID(p, c.ConversationID); f != nil {
			r.Label, r.fact = f.Title, f
		}
		out = append(out, r)
	}
	return out
}

// liveRows are the live sessions that went on air in the period (Value: peak viewers as recorded).
func liveRows(in *input, p Period) []Row {
	var out []Row
	for _, l := range in.raw.more.live {
		if p.contains(l.At) {
			out = append(out, Row{ID: l.ID, Label: l.Title, At: l.At, Value: float64(l.PeakViewers), Hit: l.State == store.LiveEnded, dims: noDims})
		}
	}
	return out
}

// csatDetails adds the requests sent in p, the share answered and the share of 4–5 ratings.
func (in *input) csatDetails(put func(string, float64, bool), p Period, rows []Row) {
	sent, answered := 0, 0
	for _, c := range in.raw.more.csat {
		if p.contains(c.RequestedAt) {
			sent++
			if c.Rating > 0 {
				answered++
			}
		}
	}
	put("requests", float64(sent), true)
	put("answerRate", float64(answered)/float64(max(sent, 1)), sent > 0)
	v, ok := aggregate(aggRate, rows)
	put("satisfied", v, ok)
}

// liveDetails adds the live sessions' recorded figures: the highest peak,
// watch minutes, questions collected and answered, and orders.
func (in *input) liveDetails(put func(string, float64, bool), p Period) {
	var peak, watch, questions, answered, orders int64
	n := 0
	for _, l := range in.raw.more.live {
		if !p.contains(l.At) {
			continue
		}
		n++
		peak = max(peak, l.PeakViewers)
		watch += l.WatchMinutes
		questions += l.Questions
		answered += l.Answered
		orders += l.Orders
	}
	if n == 0 {
		return
	}
	put("peakViewers", float64(peak), true)
	put("watchMinutes", float64(watch), true)
	put("questions", float64(questions), true)
	put("answered", float64(answered), true)
	put("orders", float64(orders), true)
}
