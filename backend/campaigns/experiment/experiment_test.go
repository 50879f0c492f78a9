package experiment

import (
	"math"
	"testing"
)

func TestPickIsDeterministicAndFollowsWeights(t *testing.T) {
	vs := []Variant{{ID: 11, Weight: 1}, {ID: 12, Weight: 1}, {ID: 13, Weight: 2}}
	got := map[int64]int{}
	for c := int64(1); c <= 8000; c++ {
		a := Pick(7, c, vs)
		if b := Pick(7, c, vs); a != b {
			t.Fatalf("contact %d got %d then %d", c, a, b)
		}
		got[a]++
	}
	// Expected 2000 / 2000 / 4000; a hash that ignored weights or the contact would be far off.
	for id, want := range map[int64]int{11: 2000, 12: 2000, 13: 4000} {
		if math.Abs(float64(got[id]-want)) > 0.08*float64(want) {
			t.Errorf("variant %d: %d contacts, want about %d (%v)", id, got[id], want, got)
		}
	}
	// Another experiment shuffles contacts differently.
	same := 0
	for c := int64(1); c <= 1000; c++ {
		if Pick(7, c, vs[:2]) == Pick(8, c, vs[:2]) {
			same++
		}
	}
	if same > 600 || same < 400 {
		t.Errorf("experiments 7 and 8 agree on %d of 1000 contacts; assignment does not depend on the experiment", same)
	}
	if Pick(1, 1, nil) != 0 {
		t.Error("no variants should give 0")
	}
}

func TestRolloutOnlyGrows(t *testing.T) {
	in := map[int]int{}
	for c := int64(1); c <= 10000; c++ {
		was := false
		for _, s := range Stages {
			now := InRollout(3, c, s)
			if was && !now {
				t.Fatalf("contact %d left the rollout at %d%%", c, s)
			}
			if now {
				in[s]++
			}
			was = now
		}
	}
	if in[100] != 10000 || math.Abs(float64(in[5]-500)) > 100 || math.Abs(float64(in[25]-2500)) > 200 {
		t.Fatalf("rollout sizes %v", in)
	}
	if NextStage(5) != 25 || NextStage(25) != 100 || NextStage(100) != 100 || ValidStage(50) || !ValidStage(25) {
		t.Fatal("stages")
	}
}

// Wilson intervals checked against values computed by hand (and published tables).
func TestWilsonOnHandComputedNumbers(t *testing.T) {
	for _, c := range []struct {
		k, n         int64
		rate, lo, hi float64
	}{
		{10, 100, 0.10, 0.05523, 0.17437},
		{5, 10, 0.5, 0.23659, 0.76341},
		{0, 10, 0, 0, 0.27753},
		{10, 10, 1, 0.72247, 1},
	} {
		got := Wilson(c.k, c.n, Z95)
		if math.Abs(got.Rate-c.rate) > 1e-9 || math.Abs(got.Low-c.lo) > 5e-5 || math.Abs(got.High-c.hi) > 5e-5 {
			t.Errorf("Wilson(%d/%d) = %+v, want %.5f [%.5f, %.5f]", c.k, c.n, got, c.rate, c.lo, c.hi)
		}
	}
	if (Wilson(0, 0, Z95) != Interval{}) {
		t.Error("n = 0 should be empty")
	}
}

func TestGuardrails(t *testing.T) {
	l := Limits{MaxOptOutRate: 0.05, MaxNegativeRate: 0.2, MinConversionRate: 0.02, MinSample: 20}
	ok := Counts{VariantID: 1, Label: "A", Exposed: 40, OptedOut: 2, Negative: 8, Converted: 1}
	if b, bad := Check(l, []Counts{ok}); bad {
		t.Fatalf("2/40 opt-outs, 8/40 negative, 1/40 converted broke %+v", b)
	}
	small := Counts{VariantID: 2, Label: "B", Exposed: 10, OptedOut: 5}
	if _, bad := Check(l, []Counts{ok, small}); bad {
		t.Fatal("a variant under the minimum sample was judged")
	}
	optOut := Counts{VariantID: 2, Label: "B", Exposed: 20, OptedOut: 2, Converted: 1}
	b, bad := Check(l, []Counts{ok, optOut})
	if !bad || b.VariantID != 2 || b.Guardrail != GuardOptOut || b.Reason() != "opt_out:B:0.1000>0.0500" {
		t.Fatalf("opt-out breach %+v %v", b, bad)
	}
	neg := Counts{VariantID: 3, Label: "C", Exposed: 20, Negative: 5, Converted: 1}
	if b, bad := Check(l, []Counts{neg}); !bad || b.Guardrail != GuardNegative {
		t.Fatalf("negative breach %+v", b)
	}
	conv := Counts{VariantID: 4, Label: "D", Exposed: 100, Converted: 1}
	if b, bad := Check(l, []Counts{conv}); !bad || b.Guardrail != GuardConversion || b.Reason() != "conversion:D:0.0100<0.0200" {
		t.Fatalf("conversion breach %+v", b)
	}
}
