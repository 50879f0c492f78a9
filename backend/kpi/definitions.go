package kpi

import (
	"slices"
	"strconv"
	"time"

	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// Metric names, as the CLI and the dashboard use them.
const (
	FirstResponse      = "first-response"
	ResolutionTime     = "resolution-time"
	ResponseRate       = "response-rate"
	SLAAttainment      = "sla-attainment"
	Volume             = "volume"
	DMConversion       = "dm-conversion"
	OrderRevenue       = "order-revenue"
	AverageOrder       = "aov"
	ModerationFalsePos = "moderation-false-positives"
	AutomationShare    = "automation-share"
	BestTime           = "best-time"
	MeaningfulComments = "meaningful-comments"
	DMLead             = "dm-lead"
	AssistedOrders     = "assisted-conversions"
	Satisfaction       = "csat"
	LiveSessions       = "live-sessions"
)

// conversationDims are the splits of conversation figures.
var conversationDims = []string{DimPlatform, DimAccount, DimMember, DimTag, DimCreator}

// orderDims are the splits of money figures.
var orderDims = []string{DimCreator, DimCode, DimTemplate, DimExperiment}

// metric defines one figure: which rows it counts and how they become a value.
type metric struct {
	name, unit, drill string
	agg               agg
	dims              []string
	rows              func(in *input, p Period) []Row
}

// input is what the rows of a dashboard are drawn from.
type input struct {
	raw *raw
	// cal is the business calendar (nil: wall-clock durations); loc the heat map's zone.
	cal             *sla.Calendar
	loc             *time.Location
	minutesPerReply float64
	// currency is the money figures' currency: the one with most orders in the period.
	currency string
	facts    map[int64]periodFacts
}

// periodFacts returns (and caches) the conversation facts of p.
func (in *input) periodFacts(p Period) periodFacts {
	k := p.From.UnixMilli()
	if f, ok := in.facts[k]; ok {
		return f
	}
	f := in.raw.facts(p)
	in.facts[k] = f
	return f
}

// factsOf returns the facts of every conversation for p, in the order of raw.convs.
func (in *input) factsOf(p Period) []*convFact { return in.periodFacts(p).all }

// convRows makes one row per conversation for which pick returns true. Only
// the period's active conversations are offered: pick never keeps one that is
// neither in the cohort (FirstIn set) nor has an SLA outcome.
func convRows(in *input, p Period, pick func(f *convFact, r *Row) bool) []Row {
	active := in.periodFacts(p).active
	out := make([]Row, 0, len(active))
	r := new(Row) // one row reused: pick gets its address, which would move each row to the heap
	for _, f := range active {
		*r = Row{ID: f.ID, Label: f.Title, At: f.FirstIn, Value: 1, fact: f}
		if pick(f, r) {
			out = append(out, *r)
		}
	}
	return out
}

// metrics lists every figure in dashboard order.
var metrics = []metric{
	{name: FirstResponse, unit: UnitMinutes, drill: DrillConversations, agg: aggMedian, dims: conversationDims,
		rows: func(in *input, p Period) []Row {
			return convRows(in, p, func(f *convFact, r *Row) bool {
				if f.FirstIn == 0 || f.Reply == 0 {
					return false
				}
				r.Value = minutes(f.Reply - f.FirstIn)
				r.Business = r.Value
				if in.cal != nil {
					r.Business = in.cal.BusinessDuration(time.UnixMilli(f.FirstIn), time.UnixMilli(f.Reply)).Minutes()
				}
				return true
			})
		}},
	{name: ResolutionTime, unit: UnitHours, drill: DrillConversations, agg: aggMedian, dims: conversationDims,
		rows: func(in *input, p Period) []Row {
			return convRows(in, p, func(f *convFact, r *Row) bool {
				r.Value = minutes(f.Resolved-f.FirstIn) / 60
				return f.FirstIn != 0 && f.Resolved != 0
			})
		}},
	{name: ResponseRate, unit: UnitRatio, drill: DrillConversations, agg: aggRate, dims: conversationDims,
		rows: func(in *input, p Period) []Row {
			return convRows(in, p, func(f *convFact, r *Row) bool {
				r.Hit = f.Reply != 0
				return f.FirstIn != 0
			})
		}},
	{name: SLAAttainment, unit: UnitRatio, drill: DrillConversations, agg: aggRate, dims: conversationDims,
		rows: func(in *input, p Period) []Row {
			return convRows(in, p, func(f *convFact, r *Row) bool {
				r.Hit = f.SLA == "met"
				return f.SLA != ""
			})
		}},
	{name: Volume, unit: UnitCount, drill: DrillConversations, agg: aggCount,
		dims: []string{DimKind, DimIntent, DimPlatform, DimAccount, DimMember, DimTag, DimCreator},
		rows: func(in *input, p Period) []Row {
			return convRows(in, p, func(f *convFact, _ *Row) bool { return f.FirstIn != 0 })
		}},
	{name: MeaningfulComments, unit: UnitRatio, drill: DrillConversations, agg: aggRate, dims: conversationDims, rows: meaningfulRows},
	{name: DMLead, unit: UnitRatio, drill: DrillConversations, agg: aggRate, dims: conversationDims, rows: leadRows},
	{name: DMConversion, unit: UnitRatio, drill: DrillConversations, agg: aggRate, dims: conversationDims,
		rows: func(in *input, p Period) []Row {
			return convRows(in, p, func(f *convFact, r *Row) bool {
				r.Hit = f.Ordered
				return f.FirstIn != 0 && f.Kind == "dm"
			})
		}},
	{name: OrderRevenue, unit: UnitMoney, drill: DrillOrders, agg: aggSum, dims: orderDims, rows: orderRows},
	{name: AverageOrder, unit: UnitMoney, drill: DrillOrders, agg: aggMean, dims: orderDims, rows: orderRows},
	{name: AssistedOrders, unit: UnitCount, drill: DrillOrders, agg: aggCount, dims: []string{DimCreator}, rows: assistedRows},
	{name: Satisfaction, unit: UnitScore, drill: DrillConversations, agg: aggMean, dims: conversationDims, rows: csatRows},
	{name: ModerationFalsePos, unit: UnitRatio, drill: DrillConversations, agg: aggRate, rows: reviewRows},
	{name: AutomationShare, unit: UnitRatio, drill: DrillConversations, agg: aggRate, rows: sendRows},
	{name: BestTime, unit: UnitCount, drill: DrillConversations, agg: aggPeak, dims: []string{DimSlot}, rows: inboundRows},
	{name: LiveSessions, unit: UnitCount, drill: DrillLive, agg: aggCount, rows: liveRows},
}

// metricByName finds a metric definition.
func metricByName(name string) (metric, bool) {
	for _, m := range metrics {
		if m.name == name {
			return m, true
		}
	}
	return metric{}, false
}

// Names lists the metric names in dashboard order.
func Names() []string {
	out := make([]string, len(metrics))
	for i, m := range metrics {
		out[i] = m.name
	}
	return out
}

// minutes converts a Unix-ms duration to minutes.
func minutes(ms int64) float64 { return float64(ms) / 60000 }

// noDims is the dimension function of rows without splits.
func noDims(string) [][2]string { return nil }

// orderRows are the orders of the period in the dashboard's currency, split by
// creator and code (an unattributed order is in neither split).
func orderRows(in *input, p Period) []Row {
	var out []Row
	for _, o := range in.raw.orders {
		if !p.contains(o.OrderedAt) || o.Currency != in.currency {
			continue
		}
		creator, code, id := o.CreatorID, o.CodeID, o.ID
		more := &in.raw.more
		out = append(out, Row{ID: o.ID, Label: o.Name, At: o.OrderedAt, Value: float64(o.TotalMinor), Hit: o.ConversationID != 0,
			dims: func(dim string) [][2]string {
				switch {
				case dim == DimCreator && creator != 0:
					k := strconv.FormatInt(creator, 10)
					return [][2]string{{k, k}}
				case dim == DimCode && code != 0:
					k := strconv.FormatInt(code, 10)
					return [][2]string{{k, k}}
				case dim == DimTemplate:
					if t := more.orderTemplate[id]; t != 0 {
						k := strconv.FormatInt(t, 10)
						return [][2]string{{k, more.templateNames[t]}}
					}
				case dim == DimExperiment:
					return more.orderVariants[id]
				}
				return nil
			}})
	}
	return out
}

// quarterRows are the period's inbound messages counted per quarter hour, one row per non-empty quarter.
func quarterRows(in *input, p Period) []Row {
	from, to := p.From.UnixMilli()/store.KpiQuarterMillis, p.To.UnixMilli()/store.KpiQuarterMillis
	buckets := make([]int64, 0, len(in.raw.quarters))
	for b := range in.raw.quarters {
		if b >= from && b < to {
			buckets = append(buckets, b)
		}
	}
	slices.Sort(buckets)
	out := make([]Row, 0, len(buckets))
	for _, b := range buckets {
		at := b * store.KpiQuarterMillis
		t := time.UnixMilli(at).In(in.loc)
		key := slotKey(int(t.Weekday()), t.Hour())
		out = append(out, Row{At: at, Value: 1, n: int(in.raw.quarters[b]), dims: func(dim string) [][2]string {
			if dim == DimSlot {
				return [][2]string{{key, key}}
			}
			return nil
		}})
	}
	return out
}

// reviewRows are the moderation actions a person reviewed in the period; a hit
// is one they marked wrong (a false positive).
func reviewRows(in *input, p Period) []Row {
	var out []Row
	for _, e := range in.raw.reviews {
		if p.contains(e.At) {
			out = append(out, Row{ID: e.ConversationID, At: e.At, Value: 1, Hit: e.Value == "wrong", dims: noDims})
		}
	}
	return out
}

// sendRows are the replies sent in the period; a hit is one an automation sent.
func sendRows(in *input, p Period) []Row {
	var out []Row
	for _, e := range in.raw.sends {
		if p.contains(e.At) {
			out = append(out, Row{ID: e.ConversationID, At: e.At, Value: 1, Hit: isAutomation(e.Value), dims: noDims})
		}
	}
	return out
}

// inboundRows are the inbound messages of the period, keyed by weekday and hour
// in the dashboard's zone: the busiest-time heat map counts inbound volume, a
// proxy for when the audience engages (platforms do not report views per hour here).
// Without the individual messages, a row stands for the inbound messages of one
// quarter hour (the precomputed counts; every zone's offset is whole quarter hours).
func inboundRows(in *input, p Period) []Row {
	if in.raw.msgs == nil {
		return quarterRows(in, p)
	}
	titles := make(map[int64]string, len(in.raw.convs))
	for _, c := range in.raw.convs {
		titles[c.ID] = c.Title
	}
	var out []Row
	for _, m := range in.raw.msgs {
		if m.Out || !p.contains(m.SentAt) {
			continue
		}
		t := time.UnixMilli(m.SentAt).In(in.loc)
		key := slotKey(int(t.Weekday()), t.Hour())
		out = append(out, Row{ID: m.ConversationID, Label: titles[m.ConversationID], At: m.SentAt, Value: 1,
			dims: func(dim string) [][2]string {
				if dim == DimSlot {
					return [][2]string{{key, key}}
				}
				return nil
			}})
	}
	return out
}
