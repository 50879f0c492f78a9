package campaigns

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"creatordesk/backend/campaigns/experiment"
	"creatordesk/backend/inbox"
	"creatordesk/backend/store"
	"creatordesk/backend/templates"
)

// experimentActor is the audit actor of the guardrail job.
const experimentActor = "automation:experiments"

// VariantInput is one saved reply in a new experiment.
type VariantInput struct {
	TemplateID int64
	Weight     int
}

// ExperimentInput is a new experiment: the saved reply under test and the
// other saved replies to try against it (the one under test is variant A).
type ExperimentInput struct {
	Name              string
	TemplateID        int64
	Variants          []VariantInput
	MaxOptOutRate     float64
	MaxNegativeRate   float64
	MinConversionRate float64
	MinSample         int
}

// CreateExperiment stores a draft experiment after checking it.
func (s *Service) CreateExperiment(ctx context.Context, in ExperimentInput, actor string) (store.Experiment, error) {
	e := store.Experiment{Name: strings.TrimSpace(in.Name), TemplateID: in.TemplateID, Status: store.ExperimentDraft, StagePercent: experiment.Stages[0],
		MaxOptOutRate: in.MaxOptOutRate, MaxNegativeRate: in.MaxNegativeRate, MinConversionRate: in.MinConversionRate, MinSample: in.MinSample}
	if in.TemplateID == 0 {
		return e, invalid("template", "required")
	}
	base, err := s.Store.TemplateByID(ctx, in.TemplateID)
	if errors.Is(err, store.ErrNotFound) {
		return e, invalid("template", "invalid")
	} else if err != nil {
		return e, err
	}
	if e.Name == "" {
		e.Name = base.Name
	}
	for _, r := range []float64{e.MaxOptOutRate, e.MaxNegativeRate, e.MinConversionRate} {
		if r < 0 || r > 1 {
			return e, invalid("guardrails", "invalid")
		}
	}
	if e.MinSample < 0 {
		return e, invalid("guardrails", "invalid")
	}
	seen := map[int64]bool{in.TemplateID: true}
	weightA := 1
	var others []store.ExperimentVariant
	for _, v := range in.Variants {
		if v.Weight < 0 || v.Weight > 100 {
			return e, invalid("variants", "invalid")
		}
		if v.TemplateID == in.TemplateID {
			weightA = max(v.Weight, 1)
			continue
		}
		if seen[v.TemplateID] {
			return e, invalid("variants", "duplicate")
		}
		if _, err := s.Store.TemplateByID(ctx, v.TemplateID); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return e, invalid("variants", "invalid")
			}
			return e, err
		}
		seen[v.TemplateID] = true
		others = append(others, store.ExperimentVariant{TemplateID: v.TemplateID, Weight: max(v.Weight, 1)})
	}
	if len(others) == 0 {
		return e, invalid("variants", "required")
	}
	if len(others) > 25 {
		return e, invalid("variants", "invalid")
	}
	e.Variants = append([]store.ExperimentVariant{{TemplateID: in.TemplateID, Weight: weightA}}, others...)
	for i := range e.Variants {
		e.Variants[i].Label = string(rune('A' + i))
	}
	if err := s.Store.CreateExperiment(ctx, &e); err != nil {
		return e, err
	}
	s.audit(ctx, actor, "experiment.created", "experiment", e.ID, "", nil, e)
	return e, nil
}

// StateError: the experiment is not in a state that allows this change.
type StateError struct{ Status string }

// Error implements error.
func (e *StateError) Error() string { return "campaigns: the experiment is " + e.Status }

// ErrorKey implements the app's KeyedError.
func (e *StateError) ErrorKey() (string, string, map[string]string) {
	return "experiment_state", "errors.campaigns.experimentState", map[string]string{"status": e.Status}
}

// StartExperiment starts a draft at the first stage (5 %). One saved reply runs
// one experiment at a time.
func (s *Service) StartExperiment(ctx context.Context, id int64, actor string) (store.Experiment, error) {
	e, err := s.Store.ExperimentByID(ctx, id)
	if err != nil {
		return e, err
	}
	if e.Status != store.ExperimentDraft {
		return e, &StateError{Status: e.Status}
	}
	running, err := s.Store.ExperimentsForTemplate(ctx, e.TemplateID)
	if err != nil {
		return e, err
	}
	if len(running) > 0 {
		return e, invalid("template", "busy")
	}
	before := e.Status
	e.Status, e.StagePercent, e.StartedAt = store.ExperimentRunning, experiment.Stages[0], s.now().UnixMilli()
	if err := s.Store.UpdateExperimentState(ctx, e); err != nil {
		return e, err
	}
	s.audit(ctx, actor, "experiment.started", "experiment", e.ID, "", map[string]string{"status": before}, map[string]any{"status": e.Status, "stage": e.StagePercent})
	return e, nil
}

// SetStage moves a running experiment to another rollout stage (5, 25 or 100 %).
func (s *Service) SetStage(ctx context.Context, id int64, percent int, actor string) (store.Experiment, error) {
	if !experiment.ValidStage(percent) {
		return store.Experiment{}, invalid("stage", "invalid")
	}
	e, err := s.Store.ExperimentByID(ctx, id)
	if err != nil {
		return e, err
	}
	if e.Status != store.ExperimentRunning {
		return e, &StateError{Status: e.Status}
	}
	before := e.StagePercent
	e.StagePercent = percent
	if err := s.Store.UpdateExperimentState(ctx, e); err != nil {
		return e, err
	}
	s.audit(ctx, actor, "experiment.stage", "experiment", e.ID, "", map[string]int{"stage": before}, map[string]int{"stage": percent})
	return e, nil
}

// StopExperiment ends a draft or running experiment without a winner.
func (s *Service) StopExperiment(ctx context.Context, id int64, actor string) (store.Experiment, error) {
	e, err := s.Store.ExperimentByID(ctx, id)
	if err != nil {
		return e, err
	}
	if e.Status != store.ExperimentRunning && e.Status != store.ExperimentDraft {
		return e, &StateError{Status: e.Status}
	}
	return e, s.end(ctx, &e, store.ExperimentCompleted, 0, "stopped", actor)
}

// end closes an experiment and records why.
func (s *Service) end(ctx context.Context, e *store.Experiment, status string, winner int64, reason, actor string) error {
	before := map[string]any{"status": e.Status, "stage": e.StagePercent}
	e.Status, e.WinnerTemplateID, e.StopReason, e.EndedAt = status, winner, reason, s.now().UnixMilli()
	if err := s.Store.UpdateExperimentState(ctx, *e); err != nil {
		return err
	}
	s.audit(ctx, actor, "experiment."+status, "experiment", e.ID, reason, before,
		map[string]any{"status": e.Status, "winnerTemplateId": winner, "reason": reason})
	return nil
}

// Promote makes a variant the winner: the saved reply under test takes the
// winner's text in every language (through the templates service, so the edit
// is checked and audited like a person's), and the experiment is completed.
func (s *Service) Promote(ctx context.Context, id, variantID int64, actor string) (store.Experiment, error) {
	e, err := s.Store.ExperimentByID(ctx, id)
	if err != nil {
		return e, err
	}
	if e.Status == store.ExperimentCompleted {
		return e, &StateError{Status: e.Status}
	}
	var winner *store.ExperimentVariant
	for i := range e.Variants {
		if e.Variants[i].ID == variantID {
			winner = &e.Variants[i]
		}
	}
	if winner == nil {
		return e, invalid("variant", "invalid")
	}
	if winner.TemplateID != e.TemplateID {
		if s.Templates == nil {
			return e, NoReleaseTemplateError{}
		}
		base, err := s.Store.TemplateByID(ctx, e.TemplateID)
		if err != nil {
			return e, err
		}
		won, err := s.Store.TemplateByID(ctx, winner.TemplateID)
		if err != nil {
			return e, err
		}
		in := templates.Input{Name: base.Name, Shortcut: base.Shortcut, Channel: base.Channel, Kind: base.Kind, Variants: map[string]string{}}
		if base.FolderID != nil {
			in.FolderID = *base.FolderID
		}
		for _, v := range won.Variants {
			in.Variants[v.Language] = v.Body
		}
		if _, err := s.Templates.Update(ctx, actor, base.ID, in); err != nil {
			return e, err
		}
	}
	return e, s.end(ctx, &e, store.ExperimentCompleted, winner.TemplateID, "promoted:"+winner.Label, actor)
}

// PickTemplate is the experiment hook of template insertion: given the saved
// reply a person inserts in a conversation, it returns the saved reply to
// render for that conversation's contact. Outside a running experiment, for a
// contact outside the rollout stage, or in a thread without a known contact, it
// is the same template; otherwise it is the contact's variant, chosen once by
// a hash of the experiment and the contact and then kept (sticky).
func (s *Service) PickTemplate(ctx context.Context, templateID, conversationID int64) (int64, error) {
	exps, err := s.Store.ExperimentsForTemplate(ctx, templateID)
	if err != nil || len(exps) == 0 || conversationID == 0 {
		return templateID, err
	}
	conv, err := s.Store.ConversationByID(ctx, conversationID)
	if err != nil || conv.ContactID == nil {
		return templateID, err
	}
	v, ok, err := s.variantFor(ctx, exps[0], *conv.ContactID, true)
	if err != nil || !ok {
		return templateID, err
	}
	return v.TemplateID, nil
}

// variantFor returns a contact's variant of a running experiment (ok false when
// the contact is outside the rollout). assign records a new assignment.
func (s *Service) variantFor(ctx context.Context, e store.Experiment, contactID int64, assign bool) (store.ExperimentVariant, bool, error) {
	byID := map[int64]store.ExperimentVariant{}
	arms := make([]experiment.Variant, 0, len(e.Variants))
	for _, v := range e.Variants {
		byID[v.ID] = v
		arms = append(arms, experiment.Variant{ID: v.ID, Weight: v.Weight})
	}
	got, err := s.Store.Assignment(ctx, e.ID, contactID)
	if err != nil {
		return store.ExperimentVariant{}, false, err
	}
	if got != 0 {
		v, ok := byID[got]
		return v, ok, nil
	}
	if !experiment.InRollout(e.ID, contactID, e.StagePercent) {
		return store.ExperimentVariant{}, false, nil
	}
	pick := experiment.Pick(e.ID, contactID, arms)
	if assign {
		if pick, err = s.Store.Assign(ctx, e.ID, contactID, pick); err != nil {
			return store.ExperimentVariant{}, false, err
		}
	}
	v, ok := byID[pick]
	return v, ok, nil
}

// RecordExposure is an inbox.SentHook: a saved reply under a running
// experiment, delivered to a contact in the rollout, exposes that contact to
// their variant (once; later sends do not count again).
func (s *Service) RecordExposure(ctx context.Context, conv store.Conversation, req inbox.SendRequest, m store.Message) {
	if req.TemplateID == 0 || m.State != store.StateSent || conv.ContactID == nil {
		return
	}
	exps, err := s.Store.ExperimentsForTemplate(ctx, req.TemplateID)
	if err != nil {
		return
	}
	for _, e := range exps {
		v, ok, err := s.variantFor(ctx, e, *conv.ContactID, true)
		if err == nil && ok {
			_ = s.Store.RecordOutcome(ctx, e.ID, *conv.ContactID, v.ID, store.OutcomeExposed)
		}
	}
}

var _ inbox.SentHook = (*Service)(nil).RecordExposure

// VariantResult is one variant's results with 95 % Wilson intervals.
type VariantResult struct {
	Variant   store.ExperimentVariant
	Counts    experiment.Counts
	Reply     experiment.Interval
	OptOut    experiment.Interval
	Negative  experiment.Interval
	Convert   experiment.Interval
	Revenue   []store.VariantRevenue
	Breached  string
	IsControl bool
}

// ExperimentResults refreshes an experiment's outcomes and returns its results
// per variant, and the guardrail breached now (if any).
func (s *Service) ExperimentResults(ctx context.Context, id int64) (store.Experiment, []VariantResult, *experiment.Breach, error) {
	e, err := s.Store.ExperimentByID(ctx, id)
	if err != nil {
		return e, nil, nil, err
	}
	if e.Status == store.ExperimentRunning {
		if err := s.Store.RefreshExperimentOutcomes(ctx, id); err != nil {
			return e, nil, nil, err
		}
	}
	counts, err := s.Store.OutcomeCounts(ctx, id)
	if err != nil {
		return e, nil, nil, err
	}
	revenue, err := s.Store.ExperimentRevenue(ctx, id)
	if err != nil {
		return e, nil, nil, err
	}
	out := make([]VariantResult, 0, len(e.Variants))
	all := make([]experiment.Counts, 0, len(e.Variants))
	for _, v := range e.Variants {
		c := experiment.Counts{VariantID: v.ID, Label: v.Label}
		for _, oc := range counts {
			if oc.VariantID != v.ID {
				continue
			}
			switch oc.Kind {
			case store.OutcomeExposed:
				c.Exposed = oc.Count
			case store.OutcomeReplied:
				c.Replied = oc.Count
			case store.OutcomeOptedOut:
				c.OptedOut = oc.Count
			case store.OutcomeNegative:
				c.Negative = oc.Count
			case store.OutcomeConverted:
				c.Converted = oc.Count
			}
		}
		r := VariantResult{Variant: v, Counts: c, IsControl: v.TemplateID == e.TemplateID,
			Reply: experiment.Wilson(c.Replied, c.Exposed, experiment.Z95), OptOut: experiment.Wilson(c.OptedOut, c.Exposed, experiment.Z95),
			Negative: experiment.Wilson(c.Negative, c.Exposed, experiment.Z95), Convert: experiment.Wilson(c.Converted, c.Exposed, experiment.Z95)}
		for _, rv := range revenue {
			if rv.VariantID == v.ID {
				r.Revenue = append(r.Revenue, rv)
			}
		}
		out = append(out, r)
		all = append(all, c)
	}
	var breach *experiment.Breach
	if b, bad := experiment.Check(limitsOf(e), all); bad {
		breach = &b
		for i := range out {
			if out[i].Variant.ID == b.VariantID {
				out[i].Breached = b.Guardrail
			}
		}
	}
	return e, out, breach, nil
}

// limitsOf reads an experiment's guardrails.
func limitsOf(e store.Experiment) experiment.Limits {
	return experiment.Limits{MaxOptOutRate: e.MaxOptOutRate, MaxNegativeRate: e.MaxNegativeRate, MinConversionRate: e.MinConversionRate,
		MinSample: int64(e.MinSample)}
}

// KilledExperiment is an experiment the guardrail job stopped.
type KilledExperiment struct {
	Experiment store.Experiment
	Breach     experiment.Breach
}

// CheckGuardrails is the kill switch: for every running experiment it
// refreshes the outcomes and, when a variant breaks a guardrail, stops the
// experiment at once (status killed, the breach as the reason, audited), so
// every contact gets the saved reply under test again.
func (s *Service) CheckGuardrails(ctx context.Context, language string) ([]KilledExperiment, error) {
	running, err := s.Store.RunningExperiments(ctx)
	if err != nil {
		return nil, err
	}
	var killed []KilledExperiment
	for _, e := range running {
		_, _, breach, err := s.ExperimentResults(ctx, e.ID)
		if err != nil {
			return killed, err
		}
		if breach == nil {
			continue
		}
		if err := s.end(ctx, &e, store.ExperimentKilled, 0, breach.Reason(), experimentActor); err != nil {
			return killed, err
		}
		killed = append(killed, KilledExperiment{Experiment: e, Breach: *breach})
		if s.Notify != nil {
			l := lang(language)
			pct := func(f float64) string { return fmt.Sprintf("%.1f%%", f*100) }
			r := strings.NewReplacer("{name}", e.Name, "{label}", breach.Label, "{guardrail}", guardrailWords[l][breach.Guardrail],
				"{rate}", pct(breach.Rate), "{limit}", pct(breach.Limit))
			_ = s.Notify(ctx, r.Replace(killWords[l][0]), r.Replace(killWords[l][1]))
		}
	}
	return killed, nil
}
