package kpi

import (
	"strconv"
)

// Split dimensions.
const (
	DimPlatform = "platform"
	DimAccount  = "account"
	DimMember   = "member"
	DimTag      = "tag"
	DimKind     = "kind"
	DimIntent   = "intent"
	DimCreator  = "creator"
	DimCode     = "code"
	// DimTemplate is the saved reply an order is credited to.
	DimTemplate = "template"
	// DimExperiment is an experiment variant ("experiment: template") the order's customer was in.
	DimExperiment = "experiment"
	// DimSlot is a weekday and hour of the busiest-time heat map, keyed "D-H" (0 = Sunday).
	DimSlot = "slot"
)

// Units of a figure's value.
const (
	UnitMinutes = "minutes"
	UnitHours   = "hours"
	UnitRatio   = "ratio"
	UnitCount   = "count"
	// UnitMoney is minor units of the figure's Currency.
	UnitMoney = "money"
	// UnitScore is a 1–5 rating.
	UnitScore = "score"
)

// What a drill-down lists.
const (
	DrillConversations = "conversation"
	DrillOrders        = "order"
	// DrillLive lists live sessions (their calendar items).
	DrillLive = "live"
)

// Row is one thing a figure counted: a conversation or an order.
type Row struct {
	// ID is the conversation or order id.
	ID int64
	// Label is the conversation's title or the order's name.
	Label string
	// At is the instant that put the row in the period (Unix ms).
	At int64
	// Value is the row's measure (minutes to reply, order total, ...); 1 for counts.
	Value float64
	// Business is the business-hours twin of Value (first response only).
	Business float64
	// Hit says whether the row is in a rate's numerator (replied, met, converted, ...).
	Hit bool
	// dims gives the row's keys and labels along a split dimension (when fact is nil).
	dims func(dim string) [][2]string
	// fact is the conversation of a conversation row: its keys are fact.dimKeys
	// (a pointer, not a method value, which would allocate for every row).
	fact *convFact
	// n is how many things the row stands for when more than one (the inbound
	// messages of a quarter hour in the dashboard's heat map; never in a drill-down).
	n int
}

// keys are the row's keys and labels along a split dimension.
func (r *Row) keys(dim string) [][2]string {
	if r.fact != nil {
		return r.fact.dimKeys(dim)
	}
	return r.dims(dim)
}

// weight is how many things a row stands for.
func (r Row) weight() int { return max(r.n, 1) }

// total is how many things rows stand for.
func total(rows []Row) int {
	n := 0
	for _, r := range rows {
		n += r.weight()
	}
	return n
}

// agg is how a figure's rows become its value.
type agg int

const (
	aggMedian agg = iota // median of Value
	aggRate              // share of rows with Hit
	aggCount             // number of rows
	aggSum               // sum of Value
	aggMean              // mean of Value
	aggPeak              // the most rows sharing one DimSlot key
)

// aggregate computes the value of rows; ok is false when there is nothing to measure.
func aggregate(a agg, rows []Row) (float64, bool) { return rowSet{rows: rows}.aggregate(a) }

// rowSet is rows, or only the rows at idx when idx is set (one key of a split,
// read in place rather than copied).
type rowSet struct {
	rows []Row
	idx  []int32
}

// len is how many rows the set holds.
func (s rowSet) len() int {
	if s.idx != nil {
		return len(s.idx)
	}
	return len(s.rows)
}

// at is the set's i-th row.
func (s rowSet) at(i int) *Row {
	if s.idx != nil {
		return &s.rows[s.idx[i]]
	}
	return &s.rows[i]
}

// total is how many things the set's rows stand for.
func (s rowSet) total() int {
	n := 0
	for i := 0; i < s.len(); i++ {
		n += s.at(i).weight()
	}
	return n
}

// aggregate computes the value of the set's rows (see aggregate).
func (s rowSet) aggregate(a agg) (float64, bool) {
	n := s.len()
	switch a {
	case aggCount:
		return float64(s.total()), true
	case aggSum:
		var sum float64
		for i := 0; i < n; i++ {
			sum += s.at(i).Value
		}
		return sum, true
	}
	if n == 0 {
		return 0, false
	}
	switch a {
	case aggMedian:
		v := make([]float64, n)
		for i := range v {
			v[i] = s.at(i).Value
		}
		return median(v)
	case aggRate:
		hits := 0
		for i := 0; i < n; i++ {
			if s.at(i).Hit {
				hits++
			}
		}
		return float64(hits) / float64(n), true
	case aggMean:
		sum, _ := s.aggregate(aggSum)
		return sum / float64(n), true
	case aggPeak:
		rows := s.rows
		if s.idx != nil {
			rows = make([]Row, n)
			for i := range rows {
				rows[i] = *s.at(i)
			}
		}
		_, top := peakSlot(rows)
		return float64(top), true
	}
	return 0, false
}

// values are the rows' Value (or Business) measures.
func values(rows []Row, business bool) []float64 {
	out := make([]float64, len(rows))
	for i, r := range rows {
		out[i] = r.Value
		if business {
			out[i] = r.Business
		}
	}
	return out
}

// peakSlot is the DimSlot key with the most rows (the earliest slot on a tie) and its count.
func peakSlot(rows []Row) (string, int) {
	counts := map[string]int{}
	for _, r := range rows {
		for _, k := range r.keys(DimSlot) {
			counts[k[0]] += r.weight()
		}
	}
	best, bestN := "", 0
	for d := 0; d < 7; d++ {
		for h := 0; h < 24; h++ {
			k := slotKey(d, h)
			if counts[k] > bestN {
				best, bestN = k, counts[k]
			}
		}
	}
	return best, bestN
}

// slotKey names a weekday (0 = Sunday) and hour.
func slotKey(day, hour int) string { return strconv.Itoa(day) + "-" + strconv.Itoa(hour) }

// rowsWhere keeps the rows with key along dim.
func rowsWhere(rows []Row, dim, key string) []Row {
	var out []Row
	for _, r := range rows {
		for _, k := range r.keys(dim) {
			if k[0] == key {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
