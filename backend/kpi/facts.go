package kpi

import (
	"context"
	"strconv"
	"strings"

	"creatordesk/backend/store"
)

// raw is everything the figures of a period and its previous period need,
// read once from the store (every read is bounded by the previous period's start).
type raw struct {
	since int64
	convs []store.KpiConversation
	// exchanges are the precomputed exchanges reaching into the periods (store step 19).
	exchanges []store.KpiExchange
	// firstIn maps a period start to the first inbound message at or after it
	// of each conversation whose exchange began before it.
	firstIn map[int64]map[int64]int64
	// quarters counts inbound messages per quarter hour since since (nil when msgs is used instead).
	quarters map[int64]int64
	// msgs are the inbound messages, read only when the heat map's rows must
	// be individual messages: since the drilled period's start for the
	// busiest-time drill-down, since since for a period that does not start
	// and end on a quarter hour.
	msgs        []store.KpiMessage
	tags        map[int64][]string
	resolutions map[int64][]int64 // conversation -> resolve times, oldest first (read when needed)
	sla         []store.KpiEvent
	sends       []store.KpiEvent
	reviews     []store.KpiEvent
	orders      []store.KpiOrder
	more        signals
}

// load reads the raw facts of periods (the current one and its previous one)
// since the Unix-ms instant since. The signals (classifier verdicts,
// attribution details, CSAT, live sessions) are read on a second connection of
// the read pool at the same time. messagesFrom asks for the individual inbound
// messages behind the heat map sent at or after it (noMessages: none).
func load(ctx context.Context, st *store.Store, since int64, periods []Period, messagesFrom int64) (*raw, error) {
	r := &raw{since: since, tags: map[int64][]string{}, firstIn: map[int64]map[int64]int64{}}
	done := make(chan error, 1)
	go func() { done <- r.more.load(ctx, st, since) }()
	err := r.loadBase(ctx, st, since, periods, messagesFrom)
	if moreErr := <-done; err == nil {
		err = moreErr
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// loadBase reads conversations, exchanges, the heat map's counts, tags, resolutions,
// SLA outcomes, sends, reviews and orders.
func (r *raw) loadBase(ctx context.Context, st *store.Store, since int64, periods []Period, messagesFrom int64) error {
	// The exchanges are read on another connection of the read pool meanwhile.
	exchanges := make(chan error, 1)
	go func() {
		var err error
		r.exchanges, err = st.KpiExchangesSince(ctx, since)
		exchanges <- err
	}()
	var err error
	if r.convs, err = st.KpiConversations(ctx, since); err != nil {
		<-exchanges
		return err
	}
	if err := <-exchanges; err != nil {
		return err
	}
	if err := r.loadStraddlers(ctx, st, periods); err != nil {
		return err
	}
	to := since
	for _, p := range periods {
		if !p.quarterAligned() {
			messagesFrom = since
		}
		to = max(to, p.To.UnixMilli())
	}
	if messagesFrom != noMessages {
		if r.msgs, err = st.KpiInboundMessages(ctx, messagesFrom); err != nil {
			return err
		}
	} else if r.quarters, err = st.KpiInboundQuarters(ctx, since, to); err != nil {
		return err
	}
	tags, err := st.KpiTags(ctx, since)
	if err != nil {
		return err
	}
	for _, t := range tags {
		r.tags[t.ConversationID] = append(r.tags[t.ConversationID], t.Value)
	}
	if r.sla, err = st.KpiSLAOutcomes(ctx, since); err != nil {
		return err
	}
	if r.sends, err = st.KpiAutomatedSends(ctx, since); err != nil {
		return err
	}
	if r.reviews, err = st.KpiModerationReviews(ctx, since); err != nil {
		return err
	}
	if r.orders, err = st.KpiOrders(ctx, since); err != nil {
		return err
	}
	return nil
}

// noMessages is the messagesFrom of a load that needs no individual messages.
const noMessages = -1

// loadStraddlers reads, for each period, the first inbound message in it of the
// conversations whose exchange began before it, and the resolves when one of
// them may have been resolved between the exchange's start and that message.
func (r *raw) loadStraddlers(ctx context.Context, st *store.Store, periods []Period) error {
	for _, p := range periods {
		from, to := p.From.UnixMilli(), p.To.UnixMilli()
		var ids []int64
		for _, e := range r.exchanges {
			if e.FirstInAt < from && e.LastInAt >= from && e.FirstInAt < to {
				ids = append(ids, e.ConversationID)
			}
		}
		first, err := st.KpiFirstInboundSince(ctx, ids, from)
		if err != nil {
			return err
		}
		r.firstIn[from] = first
		for _, e := range r.exchanges {
			if at, ok := first[e.ConversationID]; ok && e.FirstInAt < from && e.LastInAt >= from && e.ResolvedAt != 0 && e.ResolvedAt < at {
				return r.loadResolutions(ctx, st)
			}
		}
	}
	return nil
}

// loadResolutions reads every audited resolve since the window's start.
func (r *raw) loadResolutions(ctx context.Context, st *store.Store) error {
	if r.resolutions != nil {
		return nil
	}
	res, err := st.KpiResolutions(ctx, r.since)
	if err != nil {
		return err
	}
	r.resolutions = map[int64][]int64{}
	for _, e := range res {
		r.resolutions[e.ConversationID] = append(r.resolutions[e.ConversationID], e.At)
	}
	return nil
}

// convFact is one conversation seen from one period.
type convFact struct {
	store.KpiConversation
	Tags []string
	// FirstIn is the first inbound message in the period (Unix ms; 0 = none:
	// the conversation is not in the period's cohort).
	FirstIn int64
	// Reply is the first reply sent after FirstIn (0 = none yet).
	Reply int64
	// Resolved is the first resolve at or after FirstIn (0 = none yet).
	Resolved int64
	// SLA is the outcome of a response timer started in the period ("" = none).
	SLA string
	// Ordered reports an order in the period attributed to this conversation.
	Ordered bool
	// Creators are the creators whose code or link was shared in the conversation ([id, name]).
	Creators [][2]string
	// keys caches dimKeys per dimension (every figure splits the same
	// conversations), indexed as factDims; known marks the cached ones.
	keys  [len(factDims)][][2]string
	known [len(factDims)]bool
}

// factDims are the dimensions a conversation's keys are cached for.
var factDims = [...]string{DimPlatform, DimAccount, DimMember, DimTag, DimKind, DimIntent, DimCreator}

// firstAtOrAfter is the first of times (oldest first) at or after at (0 = none).
func firstAtOrAfter(times []int64, at int64) int64 {
	for _, t := range times {
		if t >= at {
			return t
		}
	}
	return 0
}

// facts builds every conversation's facts for period p, in conversation id order.
func (r *raw) facts(p Period) []*convFact {
	byID := make(map[int64]*convFact, len(r.convs))
	out := make([]*convFact, 0, len(r.convs))
	for _, c := range r.convs {
		f := &convFact{KpiConversation: c, Tags: r.tags[c.ID], Creators: r.more.creators[c.ID]}
		byID[c.ID] = f
		out = append(out, f)
	}
	from, to := p.From.UnixMilli(), p.To.UnixMilli()
	seen := map[int64]bool{}
	for _, e := range r.exchanges { // conversation, then time order
		f := byID[e.ConversationID]
		if f == nil || seen[e.ConversationID] || e.LastInAt < from || e.FirstInAt >= to {
			continue
		}
		// The first exchange reaching into p holds the period's first inbound message.
		seen[e.ConversationID] = true
		first, resolved := e.FirstInAt, e.ResolvedAt
		if first < from { // it began before p: its first message in p is read apart
			first = r.firstIn[from][e.ConversationID]
			if resolved != 0 && resolved < first {
				resolved = firstAtOrAfter(r.resolutions[e.ConversationID], first)
			}
		}
		if first < from || first >= to {
			continue
		}
		f.FirstIn, f.Reply, f.Resolved = first, e.ReplyAt, resolved
	}
	for _, e := range r.sla {
		if f := byID[e.ConversationID]; f != nil && p.contains(e.At) && (e.Value == "met" || e.Value == "breached") {
			f.SLA = e.Value
		}
	}
	for _, o := range r.orders {
		if f := byID[o.ConversationID]; f != nil && p.contains(o.OrderedAt) {
			f.Ordered = true
		}
	}
	return out
}

// dimKeys are a conversation's keys and labels along a split dimension (a tag
// split gives one key per tag; an untagged conversation is in none).
func (f *convFact) dimKeys(dim string) [][2]string {
	for i, d := range factDims {
		if d == dim {
			if !f.known[i] {
				f.keys[i], f.known[i] = f.computeKeys(dim), true
			}
			return f.keys[i]
		}
	}
	return f.computeKeys(dim)
}

// computeKeys is dimKeys without the cache.
func (f *convFact) computeKeys(dim string) [][2]string {
	switch dim {
	case DimPlatform:
		return [][2]string{{f.Platform, f.Platform}}
	case DimAccount:
		return [][2]string{{strconv.FormatInt(f.AccountID, 10), f.AccountName}}
	case DimMember:
		return [][2]string{{f.Member, f.Member}}
	case DimTag:
		out := make([][2]string, 0, len(f.Tags))
		for _, t := range f.Tags {
			out = append(out, [2]string{t, t})
		}
		return out
	case DimKind:
		return [][2]string{{f.Kind, f.Kind}}
	case DimIntent:
		return [][2]string{{f.Intent, f.Intent}}
	case DimCreator:
		return f.Creators
	}
	return nil
}

// isAutomation reports whether an audit actor is an automation.
func isAutomation(actor string) bool { return strings.HasPrefix(actor, "automation:") }
