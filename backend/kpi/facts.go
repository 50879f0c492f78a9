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
	// index maps a conversation id to its position in convs.
	index map[int64]int32
	// split interns the conversations' split keys (built with the first period's facts).
	split *splitKeys
	// exchanges are the precomputed exchanges reaching into the periods (store
	// step 19), in no particular order; exchangeConv holds each one's position
	// in convs (-1: its conversation is not one of them).
	exchanges    []store.KpiExchange
	exchangeConv []int32
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
// messages behind the heat map sent at or after it (noMessages: none); titles
// asks for the conversations' titles (the labels of drill-down rows).
func load(ctx context.Context, st *store.Store, since int64, periods []Period, messagesFrom int64, titles bool) (*raw, error) {
	r := &raw{since: since, tags: map[int64][]string{}, firstIn: map[int64]map[int64]int64{}}
	done := make(chan error, 1)
	go func() { done <- r.more.load(ctx, st, since) }()
	err := r.loadBase(ctx, st, since, periods, messagesFrom, titles)
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
func (r *raw) loadBase(ctx context.Context, st *store.Store, since int64, periods []Period, messagesFrom int64, titles bool) error {
	// The exchanges are read on another connection of the read pool meanwhile.
	exchanges := make(chan error, 1)
	go func() {
		var err error
		r.exchanges, err = st.KpiExchangesSince(ctx, since)
		exchanges <- err
	}()
	var err error
	if r.convs, err = st.KpiConversations(ctx, since, titles); err != nil {
		<-exchanges
		return err
	}
	if err := <-exchanges; err != nil {
		return err
	}
	r.index = make(map[int64]int32, len(r.convs))
	for i, c := range r.convs {
		r.index[c.ID] = int32(i)
	}
	r.exchangeConv = make([]int32, len(r.exchanges))
	for i, e := range r.exchanges {
		if c, ok := r.index[e.ConversationID]; ok {
			r.exchangeConv[i] = c
		} else {
			r.exchangeConv[i] = -1
		}
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
	*store.KpiConversation
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
	// split holds the conversation's split keys (shared by both periods); pos is its index there.
	split *splitKeys
	pos   int32
}

// factDims are the dimensions a conversation's keys are interned for.
var factDims = [...]string{DimPlatform, DimAccount, DimMember, DimTag, DimKind, DimIntent, DimCreator}

// factDim is dim's index in factDims (-1: not a conversation dimension).
func factDim(dim string) int {
	for i, d := range factDims {
		if d == dim {
			return i
		}
	}
	return -1
}

// splitKeys are the conversations' keys along factDims, interned: every
// distinct key of a dimension is a small id into that dimension's table of
// [key, label], so that a split counts into slices instead of string maps.
// A key's label is the same in every conversation (an account's or creator's
// name, or the key itself).
type splitKeys struct {
	table [len(factDims)][][2]string
	// ids holds, by position in raw.convs, the conversation's key ids per dimension.
	ids [][len(factDims)][]int32
}

// buildSplitKeys interns the split keys of every conversation of r.
func (r *raw) buildSplitKeys() *splitKeys {
	k := &splitKeys{ids: make([][len(factDims)][]int32, len(r.convs))}
	var seen [len(factDims)]map[string]int32
	for i := range seen {
		seen[i] = map[string]int32{}
	}
	intern := func(d int, key, label string) int32 {
		if id, ok := seen[d][key]; ok {
			return id
		}
		id := int32(len(k.table[d]))
		seen[d][key] = id
		k.table[d] = append(k.table[d], [2]string{key, label})
		return id
	}
	accounts := map[int64]int32{}
	flat := make([]int32, 0, len(r.convs)*(len(factDims)+1))
	add := func(ids ...int32) []int32 {
		start := len(flat)
		flat = append(flat, ids...)
		return flat[start:len(flat):len(flat)]
	}
	for i := range r.convs {
		c := &r.convs[i]
		acc, ok := accounts[c.AccountID]
		if !ok {
			acc = intern(1, strconv.FormatInt(c.AccountID, 10), c.AccountName)
			accounts[c.AccountID] = acc
		}
		ids := &k.ids[i]
		ids[0] = add(intern(0, c.Platform, c.Platform))
		ids[1] = add(acc)
		ids[2] = add(intern(2, c.Member, c.Member))
		start := len(flat)
		for _, t := range r.tags[c.ID] {
			flat = append(flat, intern(3, t, t))
		}
		ids[3] = flat[start:len(flat):len(flat)]
		ids[4] = add(intern(4, c.Kind, c.Kind))
		ids[5] = add(intern(5, c.Intent, c.Intent))
		start = len(flat)
		for _, cr := range r.more.creators[c.ID] {
			flat = append(flat, intern(6, cr[0], cr[1]))
		}
		ids[6] = flat[start:len(flat):len(flat)]
	}
	return k
}

// firstAtOrAfter is the first of times (oldest first) at or after at (0 = none).
func firstAtOrAfter(times []int64, at int64) int64 {
	for _, t := range times {
		if t >= at {
			return t
		}
	}
	return 0
}

// periodFacts are every conversation's facts for one period, in the order of
// raw.convs, and the active ones (in the cohort or with an SLA outcome: the
// only ones a conversation figure can count), in the same order.
type periodFacts struct {
	all, active []*convFact
}

// facts builds every conversation's facts for period p, in the order of raw.convs.
func (r *raw) facts(p Period) periodFacts {
	if r.split == nil {
		r.split = r.buildSplitKeys()
	}
	slab := make([]convFact, len(r.convs))
	out := make([]*convFact, len(r.convs))
	for i := range r.convs {
		c := &r.convs[i]
		slab[i] = convFact{KpiConversation: c, Tags: r.tags[c.ID], Creators: r.more.creators[c.ID], split: r.split, pos: int32(i)}
		out[i] = &slab[i]
	}
	byID := func(id int64) *convFact {
		if i, ok := r.index[id]; ok {
			return out[i]
		}
		return nil
	}
	// The exchanges of a conversation never overlap in time: the first one
	// reaching into p (the earliest start among those) holds the period's
	// first inbound message.
	from, to := p.From.UnixMilli(), p.To.UnixMilli()
	first := make([]int32, len(r.convs))
	for i := range first {
		first[i] = -1
	}
	for i, e := range r.exchanges {
		c := r.exchangeConv[i]
		if c < 0 || e.LastInAt < from || e.FirstInAt >= to {
			continue
		}
		if b := first[c]; b < 0 || e.FirstInAt < r.exchanges[b].FirstInAt {
			first[c] = int32(i)
		}
	}
	for c, b := range first {
		if b < 0 {
			continue
		}
		e := &r.exchanges[b]
		at, resolved := e.FirstInAt, e.ResolvedAt
		if at < from { // it began before p: its first message in p is read apart
			at = r.firstIn[from][e.ConversationID]
			if resolved != 0 && resolved < at {
				resolved = firstAtOrAfter(r.resolutions[e.ConversationID], at)
			}
		}
		if at < from || at >= to {
			continue
		}
		out[c].FirstIn, out[c].Reply, out[c].Resolved = at, e.ReplyAt, resolved
	}
	for _, e := range r.sla {
		if f := byID(e.ConversationID); f != nil && p.contains(e.At) && (e.Value == "met" || e.Value == "breached") {
			f.SLA = e.Value
		}
	}
	for _, o := range r.orders {
		if f := byID(o.ConversationID); f != nil && p.contains(o.OrderedAt) {
			f.Ordered = true
		}
	}
	pf := periodFacts{all: out}
	for _, f := range out {
		if f.FirstIn != 0 || f.SLA != "" {
			pf.active = append(pf.active, f)
		}
	}
	return pf
}

// dimKeys are a conversation's keys and labels along a split dimension (a tag
// split gives one key per tag; an untagged conversation is in none).
func (f *convFact) dimKeys(dim string) [][2]string {
	d := factDim(dim)
	if d < 0 {
		return nil
	}
	ids := f.keyIDs(d)
	out := make([][2]string, len(ids))
	for i, id := range ids {
		out[i] = f.split.table[d][id]
	}
	return out
}

// keyIDs are the conversation's key ids along factDims[d].
func (f *convFact) keyIDs(d int) []int32 { return f.split.ids[f.pos][d] }

// isAutomation reports whether an audit actor is an automation.
func isAutomation(actor string) bool { return strings.HasPrefix(actor, "automation:") }
