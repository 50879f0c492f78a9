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
	convs       []store.KpiConversation
	msgs        []store.KpiMessage
	tags        map[int64][]string
	resolutions map[int64][]int64 // conversation -> resolve times, oldest first
	sla         []store.KpiEvent
	sends       []store.KpiEvent
	reviews     []store.KpiEvent
	orders      []store.KpiOrder
	more        signals
}

// load reads the raw facts since the Unix-ms instant since. The signals
// (classifier verdicts, attribution details, CSAT, live sessions) are read on a
// second connection of the read pool at the same time.
func load(ctx context.Context, st *store.Store, since int64) (*raw, error) {
	r := &raw{tags: map[int64][]string{}, resolutions: map[int64][]int64{}}
	done := make(chan error, 1)
	go func() { done <- r.more.load(ctx, st, since) }()
	err := r.loadBase(ctx, st, since)
	if moreErr := <-done; err == nil {
		err = moreErr
	}
	if err != nil {
		return nil, err
	}
	return r, nil
}

// loadBase reads conversations, messages, tags, resolutions, SLA outcomes, sends, reviews and orders.
func (r *raw) loadBase(ctx context.Context, st *store.Store, since int64) error {
	var err error
	if r.convs, err = st.KpiConversations(ctx, since); err != nil {
		return err
	}
	if r.msgs, err = st.KpiMessages(ctx, since); err != nil {
		return err
	}
	tags, err := st.KpiTags(ctx, since)
	if err != nil {
		return err
	}
	for _, t := range tags {
		r.tags[t.ConversationID] = append(r.tags[t.ConversationID], t.Value)
	}
	res, err := st.KpiResolutions(ctx, since)
	if err != nil {
		return err
	}
	for _, e := range res {
		r.resolutions[e.ConversationID] = append(r.resolutions[e.ConversationID], e.At)
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
}

// isReply reports whether m is a reply that reached the platform (not queued, not failed).
func isReply(m store.KpiMessage) bool {
	return m.Out && m.State != store.StateFailed && m.State != store.StateQueued
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
	for _, m := range r.msgs { // conversation, then time order
		f := byID[m.ConversationID]
		if f == nil {
			continue
		}
		switch {
		case !m.Out && f.FirstIn == 0 && p.contains(m.SentAt):
			f.FirstIn = m.SentAt
		case f.FirstIn != 0 && f.Reply == 0 && isReply(m) && m.SentAt > f.FirstIn:
			f.Reply = m.SentAt
		}
	}
	for id, times := range r.resolutions {
		f := byID[id]
		if f == nil || f.FirstIn == 0 {
			continue
		}
		for _, at := range times {
			if at >= f.FirstIn {
				f.Resolved = at
				break
			}
		}
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
