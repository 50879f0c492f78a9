package campaigns

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/inbox"
	"creatordesk/backend/platforms/telegram/telegramfake"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// twoTemplates creates the saved reply under test and one variant.
func twoTemplates(t *testing.T, w *inboxWorld) (base, alt store.Template) {
	t.Helper()
	ctx := context.Background()
	var err error
	base, err = w.svc.Templates.Create(ctx, "dana", templates.Input{Name: "Thanks", Variants: map[string]string{"en": "Thanks {first_name|there}, glad you like it!", "ro": "Mulțumim!"}})
	if err != nil {
		t.Fatal(err)
	}
	alt, err = w.svc.Templates.Create(ctx, "dana", templates.Input{Name: "Thanks (B)", Variants: map[string]string{"en": "Thank you so much {first_name|there}! Here is 10% off: THANKS10"}})
	if err != nil {
		t.Fatal(err)
	}
	return base, alt
}

func TestExperimentValidationAndStates(t *testing.T) {
	w := newInboxWorld(t, 1)
	ctx := context.Background()
	base, alt := twoTemplates(t, w)
	var ie *InvalidError
	if _, err := w.svc.CreateExperiment(ctx, ExperimentInput{TemplateID: base.ID}, "dana"); !errors.As(err, &ie) || ie.Field != "variants" {
		t.Fatalf("no variants: %v", err)
	}
	if _, err := w.svc.CreateExperiment(ctx, ExperimentInput{TemplateID: base.ID, Variants: []VariantInput{{TemplateID: 999}}}, "dana"); !errors.As(err, &ie) {
		t.Fatalf("unknown variant: %v", err)
	}
	if _, err := w.svc.CreateExperiment(ctx, ExperimentInput{TemplateID: base.ID, Variants: []VariantInput{{TemplateID: alt.ID}}, MaxOptOutRate: 2}, "dana"); !errors.As(err, &ie) {
		t.Fatalf("rate above 1: %v", err)
	}
	e, err := w.svc.CreateExperiment(ctx, ExperimentInput{TemplateID: base.ID, Variants: []VariantInput{{TemplateID: alt.ID, Weight: 3}}, MaxOptOutRate: 0.1}, "dana")
	if err != nil || e.Name != "Thanks" || len(e.Variants) != 2 || e.Variants[0].Label != "A" || e.Variants[0].TemplateID != base.ID || e.Variants[1].Weight != 3 {
		t.Fatalf("created %+v %v", e, err)
	}
	if _, err := w.svc.SetStage(ctx, e.ID, 25, "dana"); !errors.As(err, new(*StateError)) {
		t.Fatalf("stage of a draft: %v", err)
	}
	if e, err = w.svc.StartExperiment(ctx, e.ID, "dana"); err != nil || e.Status != store.ExperimentRunning || e.StagePercent != 5 {
		t.Fatalf("start %+v %v", e, err)
	}
	second, _ := w.svc.CreateExperiment(ctx, ExperimentInput{TemplateID: base.ID, Variants: []VariantInput{{TemplateID: alt.ID}}}, "dana")
	if _, err := w.svc.StartExperiment(ctx, second.ID, "dana"); !errors.As(err, &ie) || ie.Reason != "busy" {
		t.Fatalf("two experiments on one reply: %v", err)
	}
	if _, err := w.svc.SetStage(ctx, e.ID, 50, "dana"); !errors.As(err, &ie) {
		t.Fatalf("stage 50: %v", err)
	}
	if e, err = w.svc.SetStage(ctx, e.ID, 25, "dana"); err != nil || e.StagePercent != 25 {
		t.Fatalf("stage 25: %+v %v", e, err)
	}
	if got := strings.Join(auditActions(t, w.st, "experiment", e.ID), ","); got != "experiment.created,experiment.started,experiment.stage" {
		t.Fatalf("audit %s", got)
	}
}

// A simulated run: every contact inserts the saved reply (assignment is
// deterministic and sticky), sends go through the gate and count as
// exposures, some replies come back, and variant B drives opt-outs: the kill
// switch stops the experiment and everyone gets the saved reply under test again.
func TestSimulatedRunTripsTheKillSwitch(t *testing.T) {
	const customers = 40
	w := newInboxWorld(t, customers)
	ctx := context.Background()
	base, alt := twoTemplates(t, w)
	type note struct{ title, body string }
	var notes []note
	w.svc.Notify = func(_ context.Context, title, body string) error {
		notes = append(notes, note{title, body})
		return nil
	}
	e, err := w.svc.CreateExperiment(ctx, ExperimentInput{TemplateID: base.ID, Variants: []VariantInput{{TemplateID: alt.ID}},
		MaxOptOutRate: 0.2, MaxNegativeRate: 0.5, MinSample: 5}, "dana")
	if err != nil {
		t.Fatal(err)
	}
	// A draft changes nothing.
	if got, _ := w.svc.PickTemplate(ctx, base.ID, w.convs[0].ID); got != base.ID {
		t.Fatalf("a draft experiment picked %d", got)
	}
	_, _ = w.svc.StartExperiment(ctx, e.ID, "dana")
	_, _ = w.svc.SetStage(ctx, e.ID, 100, "dana")
	picked := map[int64]int64{} // conversation → template
	for _, c := range w.convs {
		tid, err := w.svc.PickTemplate(ctx, base.ID, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := w.svc.PickTemplate(ctx, base.ID, c.ID); again != tid {
			t.Fatalf("conversation %d got %d then %d", c.ID, tid, again)
		}
		picked[c.ID] = tid
		res, err := w.svc.Templates.RenderFor(ctx, templates.RenderRequest{TemplateID: tid, ConversationID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.gate.Send(ctx, inbox.SendRequest{ConversationID: c.ID, Text: res.Text, Actor: "dana", Origin: inbox.OriginTemplate, TemplateID: base.ID}); err != nil {
			t.Fatal(err)
		}
	}
	nA, nB := 0, 0
	for _, tid := range picked {
		if tid == alt.ID {
			nB++
		} else {
			nA++
		}
	}
	if nA < 8 || nB < 8 {
		t.Fatalf("split %d / %d", nA, nB)
	}
	// Changing the weights later would not move anyone: assignments are stored.
	if _, err := w.st.Assign(ctx, e.ID, *w.convs[0].ContactID, -1); err != nil {
		t.Fatal(err)
	}
	if got, _ := w.svc.PickTemplate(ctx, base.ID, w.convs[0].ID); got != picked[w.convs[0].ID] {
		t.Fatal("assignment was not sticky")
	}
	// An hour later: a quarter of A's contacts reply; a third of B's contacts opt out.
	w.clock.Set(now.Add(time.Hour))
	replied, optedOut := 0, 0
	for _, c := range w.convs {
		if picked[c.ID] == base.ID && replied < nA/4 {
			replied++
			id, _ := strconv.ParseInt(c.ExternalID, 10, 64)
			w.fake.AddMessage(telegramfake.Chat{ID: id, Type: "private"}, telegramfake.User{ID: id, FirstName: "x"}, "Love it, thanks!", now.Add(2*time.Hour))
		}
		if picked[c.ID] == alt.ID && optedOut*3 < nB {
			optedOut++
			if _, err := w.st.RecordOptOut(ctx, store.OptOutEntry{ContactID: c.ContactID, Scope: store.ScopeMarketing, OptedOut: true, Keyword: "STOP"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := w.engine.SyncOnce(ctx, w.accID); err != nil {
		t.Fatal(err)
	}
	_, results, breach, err := w.svc.ExperimentResults(ctx, e.ID)
	if err != nil || len(results) != 2 {
		t.Fatalf("results %+v %v", results, err)
	}
	a, b := results[0], results[1]
	if a.Counts.Exposed != int64(nA) || b.Counts.Exposed != int64(nB) || a.Counts.Replied != int64(replied) || b.Counts.OptedOut != int64(optedOut) || a.Counts.OptedOut != 0 {
		t.Fatalf("counts A %+v B %+v (want %d/%d exposed, %d replies, %d opt-outs)", a.Counts, b.Counts, nA, nB, replied, optedOut)
	}
	if !a.IsControl || a.Reply.Low >= a.Reply.Rate || a.Reply.High <= a.Reply.Rate || breach == nil || breach.Label != "B" || b.Breached != "opt_out" {
		t.Fatalf("intervals / breach: A %+v breach %+v", a, breach)
	}
	killed, err := w.svc.CheckGuardrails(ctx, "en")
	if err != nil || len(killed) != 1 || killed[0].Experiment.ID != e.ID {
		t.Fatalf("kill switch: %+v %v", killed, err)
	}
	got, _ := w.st.ExperimentByID(ctx, e.ID)
	if got.Status != store.ExperimentKilled || !strings.HasPrefix(got.StopReason, "opt_out:B:") || got.EndedAt == 0 {
		t.Fatalf("after the kill %+v", got)
	}
	for _, c := range w.convs {
		if tid, _ := w.svc.PickTemplate(ctx, base.ID, c.ID); tid != base.ID {
			t.Fatalf("after the kill conversation %d still gets %d", c.ID, tid)
		}
	}
	if len(notes) != 1 || !strings.Contains(notes[0].body, "opt-out") {
		t.Fatalf("notification %+v", notes)
	}
	if acts := auditActions(t, w.st, "experiment", e.ID); acts[len(acts)-1] != "experiment.killed" {
		t.Fatalf("audit %v", acts)
	}
	if again, _ := w.svc.CheckGuardrails(ctx, "en"); len(again) != 0 {
		t.Fatal("killed twice")
	}
}

func TestPromoteCopiesTheWinnerIntoTheSavedReply(t *testing.T) {
	w := newInboxWorld(t, 1)
	ctx := context.Background()
	base, alt := twoTemplates(t, w)
	e, _ := w.svc.CreateExperiment(ctx, ExperimentInput{TemplateID: base.ID, Variants: []VariantInput{{TemplateID: alt.ID}}}, "dana")
	_, _ = w.svc.StartExperiment(ctx, e.ID, "dana")
	if _, err := w.svc.Promote(ctx, e.ID, 12345, "dana"); err == nil {
		t.Fatal("an unknown variant was promoted")
	}
	got, err := w.svc.Promote(ctx, e.ID, e.Variants[1].ID, "dana")
	if err != nil || got.Status != store.ExperimentCompleted || got.WinnerTemplateID != alt.ID || got.StopReason != "promoted:B" {
		t.Fatalf("promote %+v %v", got, err)
	}
	after, _ := w.st.TemplateByID(ctx, base.ID)
	if after.Name != "Thanks" || after.Shortcut != base.Shortcut || len(after.Variants) != 1 || !strings.Contains(after.Variants[0].Body, "THANKS10") {
		t.Fatalf("template after promote %+v", after)
	}
	if acts := auditActions(t, w.st, "template", base.ID); acts[len(acts)-1] != "template.updated" {
		t.Fatalf("template audit %v", acts)
	}
	if _, err := w.svc.Promote(ctx, e.ID, e.Variants[0].ID, "dana"); !errors.As(err, new(*StateError)) {
		t.Fatalf("promote twice: %v", err)
	}
}
