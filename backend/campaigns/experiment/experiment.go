// Package experiment holds the rules of reply experiments, free of storage and
// clocks: which contacts are in a staged rollout, which variant each gets
// (deterministic and sticky: a hash of the experiment and the contact), the
// Wilson interval of a rate, and the guardrails that stop an experiment.
package experiment

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
)

// Stages are the rollout shares, in order: 5 %, then 25 %, then everyone.
var Stages = []int{5, 25, 100}

// ValidStage reports whether p is one of Stages.
func ValidStage(p int) bool {
	for _, s := range Stages {
		if s == p {
			return true
		}
	}
	return false
}

// NextStage is the stage after p (p itself at 100).
func NextStage(p int) int {
	for _, s := range Stages {
		if s > p {
			return s
		}
	}
	return 100
}

// bucket maps (purpose, experiment, contact) to 0..9999, the same on every
// machine and every run.
func bucket(purpose string, experimentID, contactID int64) int {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s:%d:%d", purpose, experimentID, contactID)))
	return int(binary.BigEndian.Uint64(sum[:8]) % 10000)
}

// InRollout reports whether a contact is in the experiment at stagePercent.
// Raising the stage only adds contacts: whoever was in at 5 % is still in at 25 %.
func InRollout(experimentID, contactID int64, stagePercent int) bool {
	return bucket("rollout", experimentID, contactID) < stagePercent*100
}

// Variant is an arm with its weight (a weight below 1 counts as 1).
type Variant struct {
	ID     int64
	Weight int
}

// Pick chooses a contact's variant by weight from a hash of the experiment
// and the contact: the same inputs always give the same variant (0 when there
// are none).
func Pick(experimentID, contactID int64, variants []Variant) int64 {
	total := 0
	for _, v := range variants {
		total += max(v.Weight, 1)
	}
	if total == 0 {
		return 0
	}
	at := bucket("variant", experimentID, contactID) % total
	for _, v := range variants {
		at -= max(v.Weight, 1)
		if at < 0 {
			return v.ID
		}
	}
	return variants[len(variants)-1].ID
}

// Z95 is the normal quantile of a two-sided 95 % interval.
const Z95 = 1.959963984540054

// Interval is a rate with its confidence interval.
type Interval struct {
	Rate, Low, High float64
}

// Wilson is the Wilson score interval of successes out of n at quantile z
// (all zero when n is 0).
func Wilson(successes, n int64, z float64) Interval {
	if n <= 0 {
		return Interval{}
	}
	p := float64(successes) / float64(n)
	nn := float64(n)
	z2 := z * z
	den := 1 + z2/nn
	center := (p + z2/(2*nn)) / den
	half := z * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn)) / den
	return Interval{Rate: p, Low: math.Max(0, center-half), High: math.Min(1, center+half)}
}

// Counts are one variant's outcomes: contacts exposed and how many of them
// replied, opted out, wrote something negative or bought.
type Counts struct {
	VariantID                                       int64
	Label                                           string
	Exposed, Replied, OptedOut, Negative, Converted int64
}

// Limits are an experiment's guardrails.
type Limits struct {
	// MaxOptOutRate and MaxNegativeRate stop the experiment when a variant's
	// rate goes above them; MinConversionRate when a variant's conversion falls
	// below it (0 = no conversion guardrail).
	MaxOptOutRate, MaxNegativeRate, MinConversionRate float64
	// MinSample is how many exposed contacts a variant needs before any guardrail judges it.
	MinSample int64
}

// Guardrails.
const (
	GuardOptOut     = "opt_out"
	GuardNegative   = "negative"
	GuardConversion = "conversion"
)

// Breach is a guardrail a variant broke.
type Breach struct {
	VariantID int64
	Label     string
	Guardrail string
	Rate      float64
	Limit     float64
}

// Reason is the breach as a stored stop reason ("opt_out:B:0.1200>0.0500").
func (b Breach) Reason() string {
	op := ">"
	if b.Guardrail == GuardConversion {
		op = "<"
	}
	return fmt.Sprintf("%s:%s:%.4f%s%.4f", b.Guardrail, b.Label, b.Rate, op, b.Limit)
}

// Check returns the first guardrail broken, variants in order and guardrails
// in the order opt-out, negative, conversion; ok is false when none is.
// A variant with fewer than MinSample exposed contacts is not judged yet.
func Check(l Limits, variants []Counts) (Breach, bool) {
	for _, v := range variants {
		if v.Exposed == 0 || v.Exposed < l.MinSample {
			continue
		}
		n := float64(v.Exposed)
		if r := float64(v.OptedOut) / n; l.MaxOptOutRate > 0 && r > l.MaxOptOutRate {
			return Breach{VariantID: v.VariantID, Label: v.Label, Guardrail: GuardOptOut, Rate: r, Limit: l.MaxOptOutRate}, true
		}
		if r := float64(v.Negative) / n; l.MaxNegativeRate > 0 && r > l.MaxNegativeRate {
			return Breach{VariantID: v.VariantID, Label: v.Label, Guardrail: GuardNegative, Rate: r, Limit: l.MaxNegativeRate}, true
		}
		if r := float64(v.Converted) / n; l.MinConversionRate > 0 && r < l.MinConversionRate {
			return Breach{VariantID: v.VariantID, Label: v.Label, Guardrail: GuardConversion, Rate: r, Limit: l.MinConversionRate}, true
		}
	}
	return Breach{}, false
}
