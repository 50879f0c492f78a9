package kpi

import (
	"context"
	"sort"
	"strconv"
	"time"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/sla"
	"creatordesk/backend/store"
)

// DefaultMinutesPerReply is the stated assumption behind "hours saved": a
// person needs about three minutes to read, write and send one reply.
const DefaultMinutesPerReply = 3.0

// Service computes dashboards and drill-downs.
type Service struct {
	Store *store.Store
	// Campaigns names creators and codes (its revenue figures are the ones the Results tab shows).
	Campaigns *campaigns.Service
	// Calendar returns the business calendar (nil: durations are wall-clock and the heat map is in UTC).
	Calendar func() *sla.Calendar
	// MinutesPerReply is the hours-saved assumption (DefaultMinutesPerReply when 0).
	MinutesPerReply float64
}

// Figure is one metric over a period, compared with the previous period.
type Figure struct {
	Name, Unit string
	// Drill says what the drill-down lists: conversations or orders.
	Drill string
	// Currency is set for money figures.
	Currency             string
	Value, Previous      float64
	HasValue, HasPrev    bool
	Change               float64
	HasChange            bool
	Count, PreviousCount int
	// Details are secondary numbers: p90, business-hours median, hours saved, peak slot...
	Details map[string]float64
	Splits  []Split
}

// Split is a figure broken down along one dimension.
type Split struct {
	Dimension string
	Rows      []SplitRow
}

// SplitRow is one key of a split.
type SplitRow struct {
	Key, Label string
	Value      float64
	HasValue   bool
	Count      int
}

// Dashboard is every figure of a period.
type Dashboard struct {
	Period, Previous Period
	// Zone is the time zone of the heat map and of business hours.
	Zone string
	// BusinessHours says whether first response is also measured in business hours.
	BusinessHours   bool
	MinutesPerReply float64
	Figures         []Figure
	// Heatmap counts inbound messages by weekday (0 = Sunday) and hour in Zone.
	Heatmap [7][24]int
}

// DrillDown lists exactly the rows a figure (or one split key of it) counted.
type DrillDown struct {
	Metric, Kind string
	Rows         []Row
}

// prepare loads the raw facts of p and its previous period; messagesFrom asks
// for the individual inbound messages behind the heat map sent at or after it
// (a busiest-time drill-down; noMessages: none); titles for the conversations'
// titles (the labels of drill-down rows, which the figures never show).
func (s *Service) prepare(ctx context.Context, p Period, messagesFrom int64, titles bool) (*input, error) {
	if !p.valid() {
		return nil, ErrBadPeriod
	}
	r, err := load(ctx, s.Store, p.Previous().From.UnixMilli(), []Period{p, p.Previous()}, messagesFrom, titles)
	if err != nil {
		return nil, err
	}
	in := &input{raw: r, loc: time.UTC, minutesPerReply: s.MinutesPerReply, facts: map[int64]periodFacts{}}
	if in.minutesPerReply <= 0 {
		in.minutesPerReply = DefaultMinutesPerReply
	}
	if s.Calendar != nil {
		if in.cal = s.Calendar(); in.cal != nil {
			in.loc = in.cal.Location()
		}
	}
	in.currency = mainCurrency(r.orders, p)
	return in, nil
}

// mainCurrency is the currency with the most orders in p (alphabetically first on a tie).
func mainCurrency(orders []store.KpiOrder, p Period) string {
	counts := map[string]int{}
	for _, o := range orders {
		if p.contains(o.OrderedAt) {
			counts[o.Currency]++
		}
	}
	best := ""
	for c, n := range counts {
		if n > counts[best] || (n == counts[best] && c < best) {
			best = c
		}
	}
	return best
}

// Dashboard computes every figure for p and the previous period.
func (s *Service) Dashboard(ctx context.Context, p Period) (Dashboard, error) {
	in, err := s.prepare(ctx, p, noMessages, false)
	if err != nil {
		return Dashboard{}, err
	}
	d := Dashboard{Period: p, Previous: p.Previous(), Zone: in.loc.String(), BusinessHours: in.cal != nil,
		MinutesPerReply: in.minutesPerReply}
	labels, err := s.orderLabels(ctx, p)
	if err != nil {
		return Dashboard{}, err
	}
	d.Figures = in.figures(p, labels)
	for _, r := range inboundRows(in, p) {
		t := time.UnixMilli(r.At).In(in.loc)
		d.Heatmap[t.Weekday()][t.Hour()] += r.weight()
	}
	return d, nil
}

// figures computes every metric for p, in two goroutines (a laptop has at
// least two cores). The shared inputs are built first (the facts of both
// periods and their split keys); after that the figures only read them.
func (in *input) figures(p Period, labels map[string]map[string]string) []Figure {
	for _, q := range []Period{p, p.Previous()} {
		in.periodFacts(q)
	}
	out := make([]Figure, len(metrics))
	half := len(metrics) / 2
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := half; i < len(metrics); i++ {
			out[i] = in.figure(metrics[i], p, labels)
		}
	}()
	for i := 0; i < half; i++ {
		out[i] = in.figure(metrics[i], p, labels)
	}
	<-done
	return out
}

// figure computes one metric for p, its previous period and its splits.
func (in *input) figure(m metric, p Period, labels map[string]map[string]string) Figure {
	cur, prev := m.rows(in, p), m.rows(in, p.Previous())
	f := Figure{Name: m.name, Unit: m.unit, Drill: m.drill, Count: total(cur), PreviousCount: total(prev), Details: map[string]float64{}}
	f.Value, f.HasValue = aggregate(m.agg, cur)
	f.Previous, f.HasPrev = aggregate(m.agg, prev)
	f.Change, f.HasChange = change(f.Value, f.Previous, f.HasValue, f.HasPrev)
	if m.unit == UnitMoney {
		f.Currency = in.currency
	}
	in.details(&f, m, p, cur)
	for _, dim := range m.dims {
		f.Splits = append(f.Splits, split(m, dim, cur, labels[dim]))
	}
	return f
}

// details adds a figure's secondary numbers.
func (in *input) details(f *Figure, m metric, p Period, rows []Row) {
	put := func(name string, v float64, ok bool) {
		if ok {
			f.Details[name] = v
		}
	}
	switch m.name {
	case FirstResponse:
		v, ok := percentile(values(rows, false), 90)
		put("p90", v, ok)
		if in.cal != nil {
			v, ok = median(values(rows, true))
			put("businessMedian", v, ok)
			v, ok = percentile(values(rows, true), 90)
			put("businessP90", v, ok)
		}
	case ResolutionTime:
		v, ok := percentile(values(rows, false), 90)
		put("p90", v, ok)
	case AutomationShare:
		automated := 0
		for _, r := range rows {
			if r.Hit {
				automated++
			}
		}
		put("automated", float64(automated), true)
		put("hoursSaved", float64(automated)*in.minutesPerReply/60, true)
	case MeaningfulComments:
		counts := map[string]float64{ReasonQuestion: 0, ReasonPurchase: 0, ReasonConstructive: 0}
		for _, r := range rows {
			for why := range in.commentReasons(r.ID, p) {
				counts[why]++
			}
		}
		for k, v := range counts {
			put(k, v, true)
		}
	case Satisfaction:
		in.csatDetails(put, p, rows)
	case LiveSessions:
		in.liveDetails(put, p)
	case BestTime:
		if key, n := peakSlot(rows); n > 0 {
			day, hour := splitSlot(key)
			put("weekday", float64(day), true)
			put("hour", float64(hour), true)
		}
	}
}

// splitSlot reads a slot key "D-H".
func splitSlot(key string) (int, int) {
	for i := 0; i < len(key); i++ {
		if key[i] == '-' {
			d, _ := strconv.Atoi(key[:i])
			h, _ := strconv.Atoi(key[i+1:])
			return d, h
		}
	}
	return 0, 0
}

// split breaks rows down along dim, largest count first.
func split(m metric, dim string, rows []Row, labels map[string]string) Split {
	out := Split{Dimension: dim, Rows: []SplitRow{}}
	if groups, ok := groupByFactKeys(dim, rows); ok {
		for _, g := range groups {
			out.Rows = append(out.Rows, splitRow(m, g.key, g.rows, labels))
		}
	} else {
		// Two passes: count each key's rows, then fill slices of the right size.
		counts, names := map[string]int{}, map[string]string{}
		for i := range rows {
			for _, k := range rows[i].keys(dim) {
				counts[k[0]]++
				names[k[0]] = k[1]
			}
		}
		groups := make(map[string][]Row, len(counts))
		for k, n := range counts {
			groups[k] = make([]Row, 0, n)
		}
		for i := range rows {
			for _, k := range rows[i].keys(dim) {
				groups[k[0]] = append(groups[k[0]], rows[i])
			}
		}
		for k, g := range groups {
			out.Rows = append(out.Rows, splitRow(m, [2]string{k, names[k]}, rowSet{rows: g}, labels))
		}
	}
	sort.Slice(out.Rows, func(i, j int) bool {
		a, b := out.Rows[i], out.Rows[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Key < b.Key
	})
	return out
}

// splitRow aggregates the rows of one key ([key, label]; labels may rename it).
func splitRow(m metric, key [2]string, g rowSet, labels map[string]string) SplitRow {
	label := key[1]
	if l, ok := labels[key[0]]; ok {
		label = l
	}
	v, ok := g.aggregate(m.agg)
	if m.agg == aggPeak {
		v, ok = float64(g.total()), true
	}
	return SplitRow{Key: key[0], Label: label, Value: v, HasValue: ok, Count: g.total()}
}

// keyGroup is the rows of one split key.
type keyGroup struct {
	key  [2]string
	rows rowSet
}

// groupByFactKeys groups conversation rows by their interned keys along a
// conversation dimension, in row order within a group (ok is false when dim
// is not one, or when a row without a conversation has keys along it: split
// then groups by the keys' strings).
func groupByFactKeys(dim string, rows []Row) ([]keyGroup, bool) {
	d := factDim(dim)
	if d < 0 {
		return nil, false
	}
	var keys *splitKeys
	for i := range rows {
		if f := rows[i].fact; f != nil {
			keys = f.split
		} else if len(rows[i].keys(dim)) > 0 {
			return nil, false
		}
	}
	if keys == nil {
		return nil, true
	}
	table := keys.table[d]
	starts := make([]int, len(table)+1)
	for i := range rows {
		if f := rows[i].fact; f != nil {
			for _, id := range f.keyIDs(d) {
				starts[id+1]++
			}
		}
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	idx := make([]int32, starts[len(table)])
	next := append([]int(nil), starts[:len(table)]...)
	for i := range rows {
		if f := rows[i].fact; f != nil {
			for _, id := range f.keyIDs(d) {
				idx[next[id]] = int32(i)
				next[id]++
			}
		}
	}
	var out []keyGroup
	for id, key := range table {
		if starts[id+1] > starts[id] {
			out = append(out, keyGroup{key: key, rows: rowSet{rows: rows, idx: idx[starts[id]:starts[id+1]:starts[id+1]]}})
		}
	}
	return out, true
}

// orderLabels names creators and codes from the campaigns area's revenue figures.
func (s *Service) orderLabels(ctx context.Context, p Period) (map[string]map[string]string, error) {
	out := map[string]map[string]string{DimCreator: {}, DimCode: {}}
	if s.Campaigns == nil {
		return out, nil
	}
	rev, err := s.Campaigns.RevenueKPI(ctx, campaigns.Range{From: p.From.UnixMilli(), To: p.To.UnixMilli()})
	if err != nil {
		return nil, err
	}
	for _, r := range rev.ByCreator {
		out[DimCreator][strconv.FormatInt(r.Key, 10)] = r.Label
	}
	for _, r := range rev.ByCode {
		out[DimCode][strconv.FormatInt(r.Key, 10)] = r.Label
	}
	return out, nil
}

// Drill lists the rows metric counted in p, or only those with key along dim
// when dim is set (the rows behind one split). Conversation rows are listed once
// per conversation (the busiest-time figure counts messages: Value sums them).
// For the busiest-time figure without a dim, the rows are those of the peak slot.
func (s *Service) Drill(ctx context.Context, p Period, name, dim, key string) (DrillDown, error) {
	m, ok := metricByName(name)
	if !ok {
		return DrillDown{}, UnknownMetricError{Name: name}
	}
	from := int64(noMessages)
	if m.agg == aggPeak { // the busiest time lists conversations from their messages in p
		from = p.From.UnixMilli()
	}
	in, err := s.prepare(ctx, p, from, true)
	if err != nil {
		return DrillDown{}, err
	}
	rows := m.rows(in, p)
	if dim == "" && m.agg == aggPeak {
		dim, key = DimSlot, ""
		key, _ = peakSlot(rows)
	}
	if dim != "" {
		rows = rowsWhere(rows, dim, key)
	}
	if m.agg == aggPeak {
		rows = collapse(rows)
	}
	return DrillDown{Metric: name, Kind: m.drill, Rows: rows}, nil
}

// collapse merges rows of the same id, summing Value and keeping the first instant.
func collapse(rows []Row) []Row {
	at := map[int64]int{}
	var out []Row
	for _, r := range rows {
		if i, ok := at[r.ID]; ok {
			out[i].Value += r.Value
			continue
		}
		at[r.ID] = len(out)
		out = append(out, r)
	}
	return out
}
