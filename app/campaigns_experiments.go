package app

import (
	"context"

	"creatordesk/backend/campaigns"
	"creatordesk/backend/store"
)

// ListExperiments lists reply experiments, newest first.
func (c *Campaigns) ListExperiments() ([]ExperimentDTO, error) {
	ctx := context.Background()
	rows, err := c.s.Workspace().Store.Experiments(ctx)
	if err != nil {
		return nil, err
	}
	names := c.templateNames(ctx)
	out := make([]ExperimentDTO, 0, len(rows))
	for _, e := range rows {
		out = append(out, toExperimentDTO(e, names))
	}
	return out, nil
}

// CreateExperiment stores a draft experiment of a saved reply against others.
func (c *Campaigns) CreateExperiment(in ExperimentInputDTO) (ExperimentDTO, error) {
	ci := campaigns.ExperimentInput{Name: in.Name, TemplateID: in.TemplateID, MaxOptOutRate: in.MaxOptOutRate, MaxNegativeRate: in.MaxNegativeRate,
		MinConversionRate: in.MinConversionRate, MinSample: in.MinSample}
	for _, v := range in.Variants {
		ci.Variants = append(ci.Variants, campaigns.VariantInput{TemplateID: v.TemplateID, Weight: v.Weight})
	}
	return c.experimentResult(c.svc().CreateExperiment(context.Background(), ci, c.s.Actor()))
}

// StartExperiment starts a draft at the 5 % stage.
func (c *Campaigns) StartExperiment(id int64) (ExperimentDTO, error) {
	return c.experimentResult(c.svc().StartExperiment(context.Background(), id, c.s.Actor()))
}

// SetExperimentStage moves a running experiment to 5, 25 or 100 %.
func (c *Campaigns) SetExperimentStage(id int64, percent int) (ExperimentDTO, error) {
	return c.experimentResult(c.svc().SetStage(context.Background(), id, percent, c.s.Actor()))
}

// StopExperiment ends an experiment without a winner.
func (c *Campaigns) StopExperiment(id int64) (ExperimentDTO, error) {
	return c.experimentResult(c.svc().StopExperiment(context.Background(), id, c.s.Actor()))
}

// PromoteVariant makes a variant the winner: the saved reply under test takes its text.
func (c *Campaigns) PromoteVariant(id, variantID int64) (ExperimentDTO, error) {
	return c.experimentResult(c.svc().Promote(context.Background(), id, variantID, c.s.Actor()))
}

// ExperimentResults returns an experiment's results per variant with 95 % intervals.
func (c *Campaigns) ExperimentResults(id int64) (ExperimentResultsDTO, error) {
	ctx := context.Background()
	e, rows, breach, err := c.svc().ExperimentResults(ctx, id)
	if err != nil {
		return ExperimentResultsDTO{}, err
	}
	names := c.templateNames(ctx)
	out := ExperimentResultsDTO{Experiment: toExperimentDTO(e, names), Variants: make([]VariantResultDTO, 0, len(rows))}
	for _, r := range rows {
		v := VariantResultDTO{VariantID: r.Variant.ID, Label: r.Variant.Label, TemplateID: r.Variant.TemplateID, TemplateName: names[r.Variant.TemplateID],
			IsControl: r.IsControl, Sends: r.Counts.Exposed, Replies: r.Counts.Replied, OptOuts: r.Counts.OptedOut, Negatives: r.Counts.Negative,
			Conversions: r.Counts.Converted, ReplyRate: RateIntervalDTO(r.Reply), OptOutRate: RateIntervalDTO(r.OptOut),
			NegativeRate: RateIntervalDTO(r.Negative), ConversionRate: RateIntervalDTO(r.Convert), Revenue: []VariantRevenueDTO{}, Breached: r.Breached}
		for _, rv := range r.Revenue {
			v.Revenue = append(v.Revenue, VariantRevenueDTO{Currency: rv.Currency, Orders: rv.Orders, RevenueMinor: rv.RevenueMinor})
		}
		out.Variants = append(out.Variants, v)
	}
	if breach != nil {
		out.Breach = &GuardrailBreachDTO{VariantID: breach.VariantID, Label: breach.Label, Guardrail: breach.Guardrail, Rate: breach.Rate, Limit: breach.Limit}
	}
	return out, nil
}

// experimentResult converts a service answer.
func (c *Campaigns) experimentResult(e store.Experiment, err error) (ExperimentDTO, error) {
	if err != nil {
		return ExperimentDTO{}, err
	}
	return toExperimentDTO(e, c.templateNames(context.Background())), nil
}

// templateNames maps saved reply ids to names.
func (c *Campaigns) templateNames(ctx context.Context) map[int64]string {
	out := map[int64]string{}
	if ts, err := c.s.Workspace().Store.Templates(ctx, store.TemplateFilter{}); err == nil {
		for _, t := range ts {
			out[t.ID] = t.Name
		}
	}
	return out
}

// toExperimentDTO converts a stored experiment.
func toExperimentDTO(e store.Experiment, names map[int64]string) ExperimentDTO {
	d := ExperimentDTO{ID: e.ID, Name: e.Name, Status: e.Status, TemplateID: e.TemplateID, TemplateName: names[e.TemplateID], StagePercent: e.StagePercent,
		MaxOptOutRate: e.MaxOptOutRate, MaxNegativeRate: e.MaxNegativeRate, MinConversionRate: e.MinConversionRate, MinSample: e.MinSample,
		WinnerTemplateID: e.WinnerTemplateID, StopReason: e.StopReason, StartedAt: rfc3339(e.StartedAt), EndedAt: rfc3339(e.EndedAt),
		Variants: make([]ExperimentVariantDTO, 0, len(e.Variants))}
	for _, v := range e.Variants {
		d.Variants = append(d.Variants, ExperimentVariantDTO{ID: v.ID, TemplateID: v.TemplateID, TemplateName: names[v.TemplateID], Label: v.Label, Weight: v.Weight})
	}
	return d
}
