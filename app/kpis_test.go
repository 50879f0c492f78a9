package app

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
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

// Settings, goals and the report through the facade; on the demo, switching
// rating requests on and resolving a DM sends the request through the send gate.
func TestKpiSettingsGoalsReportAndCSATOnTheDemo(t *testing.T) {
	s, _, _, _ := newSession(t)
	if _, err := NewWorkspace(s).OpenDemo(); err != nil {
		t.Fatal(err)
	}
	k := NewKpis(s)
	set, err := k.Settings()
	if err != nil || set.CsatEnabled || set.MinutesPerReply != 3 {
		t.Fatalf("default settings %+v %v", set, err)
	}
	if _, err := k.SaveSettings(KpiSettingsDTO{MinutesPerReply: 0}); err == nil || ToAppError(err).Key != "errors.kpis.invalidSetting" {
		t.Errorf("zero minutes: %v", err)
	}
	set, err = k.SaveSettings(KpiSettingsDTO{CsatEnabled: true, MinutesPerReply: 5})
	if err != nil || set.CsatTemplateID == 0 {
		t.Fatalf("enable CSAT: %+v %v", set, err)
	}
	d, err := k.Dashboard("", "")
	if err != nil || d.MinutesPerReply != 5 {
		t.Fatalf("dashboard minutes per reply %v %v", d.MinutesPerReply, err)
	}

	g, err := k.SaveGoal(KpiGoalInputDTO{Metric: "first-response", Mode: "atMost", Target: 60, Span: "month"})
	if err != nil || g.ID == 0 {
		t.Fatalf("save goal %+v %v", g, err)
	}
	if _, err := k.SaveGoal(KpiGoalInputDTO{Metric: "volume", Mode: "change", Target: 0, Span: "month"}); err == nil || ToAppError(err).Key != "errors.kpis.invalidGoal" {
		t.Errorf("zero change goal: %v", err)
	}
	goals, err := k.Goals()
	if err != nil || len(goals) != 1 || goals[0].Goal.ID != g.ID || goals[0].Unit != "minutes" || goals[0].Progress < 0 || goals[0].Progress > 1 {
		t.Fatalf("goals %+v %v", goals, err)
	}
	if err := k.DeleteGoal(g.ID); err != nil {
		t.Fatal(err)
	}

	rep, err := k.Report("", "", KpiReportTextDTO{Title: "Raport săptămânal", Figures: map[string]string{"volume": "Conversații"}})
	if err != nil || !strings.Contains(rep.HTML, "Raport săptămânal") || !strings.Contains(rep.HTML, "Conversații") ||
		!strings.Contains(rep.HTML, "Response rate") || !strings.HasSuffix(rep.Filename, ".html") {
		t.Fatalf("report %q %v", rep.Filename, err)
	}

	// Resolve a demo DM: the next tick sends the rating request through the gate.
	w := s.Workspace()
	ctx := context.Background()
	var convID int64
	if err := w.Store.R.Raw(`SELECT c.id FROM conversations c JOIN accounts a ON a.id = c.account_id
		WHERE c.kind = 'dm' AND c.status <> 'resolved' AND a.platform = 'telegram' ORDER BY c.id LIMIT 1`).Scan(&convID).Error; err != nil || convID == 0 {
		t.Fatalf("no demo DM: %v", err)
	}
	if _, err := NewInbox(s).SetStatus(convID, "resolved"); err != nil {
		t.Fatal(err)
	}
	if err := w.CSAT().Tick(ctx); err != nil {
		t.Fatal(err)
	}
	req, ok, err := w.Store.LatestCsatRequest(ctx, convID)
	if err != nil || !ok || req.MessageID == nil {
		t.Fatalf("request %+v %v %v", req, ok, err)
	}
	var msg struct {
		Text  string
		State string
	}
	w.Store.R.Raw(`SELECT text, state FROM messages WHERE id = ?`, *req.MessageID).Scan(&msg)
	if !strings.Contains(msg.Text, "5") || req.Status != "sent" && req.Status != "failed" {
		t.Errorf("rating request %q (%s), status %s", msg.Text, msg.State, req.Status)
	}
}
