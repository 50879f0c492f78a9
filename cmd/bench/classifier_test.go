package main

import (
	"strings"
	"testing"
)

func TestClassifierFiguresCoverEveryIntent(t *testing.T) {
	figs := classifierFigures()
	names := map[string]bool{}
	for _, f := range figs {
		names[f.Name] = true
		if f.Value == nil || *f.Value < 0 || *f.Value > 1 || f.Status != StatusInfo {
			t.Errorf("%s: %+v", f.Name, f)
		}
	}
	for _, in := range []string{"sales", "support", "spam", "danger"} {
		for _, m := range []string{"precision", "recall"} {
			found := false
			for n := range names {
				if strings.HasPrefix(n, "classifier "+m+" "+in+" ") {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s figure for %s", m, in)
			}
		}
	}
}
