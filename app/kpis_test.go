package app

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestKpisOnTheDemoDrillToTheCountedConversations(t *testing.T) {
	s, _, _, _ := newSession(t)
	if _, err := NewWorkspace(s).OpenDemo(); err != nil {
		t.Fatal(err)
	}
	k := NewKpis(s)
	d, err := k.Dashboard("", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Figures) != len(k.Names()) || len(d.Heatmap) != 7 || len(d.Heatmap[0]) != 24 {
		t.Fatalf("dashboard shape: %d figures, heat map %d", len(d.Figures), len(d.Heatmap))
	}
	byName := map[string]KpiFigureDTO{}
	for _, f := range d.Figures {
		byName[f.Name] = f
	}
	vol := byName["volume"]
	if vol.Value == nil || *vol.Value == 0 {
		t.Fatalf("the demo's last 30 days have no volume: %+v", vol)
	}
	for _, name := range []string{"volume", "response-rate", "first-response"} {
		drill, err := k.Drill(name, d.From, d.To, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(drill.Rows) != byName[name].Count || drill.Kind != "conversation" {
			t.Errorf("%s counts %d, drills to %d %s rows", name, byName[name].Count, len(drill.Rows), drill.Kind)
		}
	}
	// Each split row drills to exactly its count (intent, tags and members are left out: the
	// demo's background classifier and rules may still be changing them between the two calls).
	for _, sp := range vol.Splits {
		if sp.Dimension != "platform" && sp.Dimension != "account" && sp.Dimension != "kind" {
			continue
		}
		for _, r := range sp.Rows {
			drill, err := k.Drill("volume", d.From, d.To, sp.Dimension, r.Key)
			if err != nil || len(drill.Rows) != r.Count {
				t.Errorf("volume %s=%s counts %d, drills to %d (%v)", sp.Dimension, r.Key, r.Count, len(drill.Rows), err)
			}
		}
	}
	if _, err := json.Marshal(d); err != nil {
		t.Fatal(err)
	}
	var ae *AppError
	if _, err := k.Dashboard("2026-05-02", "2026-05-01"); !errors.As(ToAppError(err), &ae) || ae == nil {
		t.Errorf("reversed range: %v", err)
	}
	if _, err := k.Drill("nope", "", "", "", ""); err == nil || ToAppError(err).Key != "errors.kpis.unknownMetric" {
		t.Errorf("unknown metric: %v", err)
	}
}
