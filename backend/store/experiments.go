package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Experiment statuses.
const (
	ExperimentDraft     = "draft"
	ExperimentRunning   = "running"
	ExperimentKilled    = "killed"
	ExperimentCompleted = "completed"
)

// Experiment is an A/B/n test of saved replies (templates).
type Experiment struct {
	ID     int64  `gorm:"column:id;primaryKey"`
	Name   string `gorm:"column:name"`
	Status string `gorm:"column:status"`
	// TemplateID is the saved reply under test: inserting it picks a variant.
	TemplateID int64 `gorm:"column:template_id"`
	// StagePercent is the share of contacts in the experiment (5, 25, 100).
	StagePercent      int     `gorm:"column:stage_percent"`
	MaxOptOutRate     float64 `gorm:"column:max_opt_out_rate"`
	MaxNegativeRate   float64 `gorm:"column:max_negative_rate"`
	MinConversionRate float64 `gorm:"column:min_conversion_rate"`
	// MinSample is how many exposed contacts a variant needs before a guardrail may trip.
	MinSample        int                 `gorm:"column:min_sample"`
	WinnerTemplateID int64               `gorm:"column:winner_template_id"`
	StopReason       string              `gorm:"column:stop_reason"`
	StartedAt        int64               `gorm:"column:started_at"`
	EndedAt          int64               `gorm:"column:ended_at"`
	CreatedAt        int64               `gorm:"column:created_at;autoCreateTime:false"`
	UpdatedAt        int64               `gorm:"column:updated_at;autoUpdateTime:false"`
	Variants         []ExperimentVariant `gorm:"-"`
}

// TableName implements gorm's Tabler.
func (Experiment) TableName() string { return "experiments" }

// ExperimentVariant is one template in an experiment, with its weight.
type ExperimentVariant struct {
	ID           int64 `gorm:"column:id;primaryKey"`
	ExperimentID int64 `gorm:"column:experiment_id"`
	TemplateID   int64 `gorm:"column:template_id"`
	Weight       int   `gorm:"column:weight"`
	// Label names the variant in results (A, B, C...).
	Label string `gorm:"column:label"`
}

// TableName implements gorm's Tabler.
func (ExperimentVariant) TableName() string { return "experiment_variants" }

// CreateExperiment inserts an experiment with its variants.
func (s *Store) CreateExperiment(ctx context.Context, e *Experiment) error {
	now := s.nowMillis()
	e.CreatedAt, e.UpdatedAt = now, now
	if e.Status == "" {
		e.Status = ExperimentDraft
	}
	return classify(s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(e).Error; err != nil {
			return err
		}
		for i := range e.Variants {
			e.Variants[i].ID, e.Variants[i].ExperimentID = 0, e.ID
			if err := tx.Create(&e.Variants[i]).Error; err != nil {
				return err
			}
		}
		return nil
	}))
}

// UpdateExperimentState saves an experiment's status, stage, winner and stop reason.
func (s *Store) UpdateExperimentState(ctx context.Context, e Experiment) error {
	res := s.W.WithContext(ctx).Model(&Experiment{}).Where("id = ?", e.ID).Updates(map[string]any{
		"status": e.Status, "stage_percent": e.StagePercent, "winner_template_id": e.WinnerTemplateID,
		"stop_reason": e.StopReason, "started_at": e.StartedAt, "ended_at": e.EndedAt, "updated_at": s.nowMillis()})
	if res.Error == nil && res.RowsAffected == 0 {
		return ErrNotFound
	}
	return classify(res.Error)
}

// Experiments lists experiments with their variants, newest first.
func (s *Store) Experiments(ctx context.Context) ([]Experiment, error) {
	var out []Experiment
	if err := s.R.WithContext(ctx).Order("id DESC").Find(&out).Error; err != nil {
		return nil, classify(err)
	}
	var vs []ExperimentVariant
	if err := s.R.WithContext(ctx).Order("id").Find(&vs).Error; err != nil {
		return nil, classify(err)
	}
	by := map[int64][]ExperimentVariant{}
	for _, v := range vs {
		by[v.ExperimentID] = append(by[v.ExperimentID], v)
	}
	for i := range out {
		out[i].Variants = by[out[i].ID]
	}
	return out, nil
}

// ExperimentByID returns one experiment with its variants, or ErrNotFound.
func (s *Store) ExperimentByID(ctx context.Context, id int64) (Experiment, error) {
	var e Experiment
	err := s.R.WithContext(ctx).Where("id = ?", id).Take(&e).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return e, ErrNotFound
	}
	if err != nil {
		return e, classify(err)
	}
	return e, classify(s.R.WithContext(ctx).Where("experiment_id = ?", id).Order("id").Find(&e.Variants).Error)
}

// experimentAssignment is one row of experiment_assignments.
type experimentAssignment struct {
	ExperimentID int64 `gorm:"column:experiment_id;primaryKey"`
	ContactID    int64 `gorm:"column:contact_id;primaryKey"`
	VariantID    int64 `gorm:"column:variant_id"`
	AssignedAt   int64 `gorm:"column:assigned_at"`
}

// TableName implements gorm's Tabler.
func (experimentAssignment) TableName() string { return "experiment_assignments" }

// Assign records variantID for a contact unless one is recorded already, and
// returns the contact's variant (the first one recorded wins: assignment is sticky).
func (s *Store) Assign(ctx context.Context, experimentID, contactID, variantID int64) (int64, error) {
	var row experimentAssignment
	err := s.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&experimentAssignment{
			ExperimentID: experimentID, ContactID: contactID, VariantID: variantID, AssignedAt: s.nowMillis()}).Error; err != nil {
			return err
		}
		return tx.Where("experiment_id = ? AND contact_id = ?", experimentID, contactID).Take(&row).Error
	})
	return row.VariantID, classify(err)
}

// Assignment returns a contact's variant id (0 when not assigned).
func (s *Store) Assignment(ctx context.Context, experimentID, contactID int64) (int64, error) {
	var rows []experimentAssignment
	err := s.R.WithContext(ctx).Where("experiment_id = ? AND contact_id = ?", experimentID, contactID).Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return 0, classify(err)
	}
	return rows[0].VariantID, nil
}

// experimentOutcome is one row of experiment_outcomes.
type experimentOutcome struct {
	ExperimentID int64  `gorm:"column:experiment_id;primaryKey"`
	ContactID    int64  `gorm:"column:contact_id;primaryKey"`
	VariantID    int64  `gorm:"column:variant_id"`
	Kind         string `gorm:"column:kind;primaryKey"`
	At           int64  `gorm:"column:at"`
}

// TableName implements gorm's Tabler.
func (experimentOutcome) TableName() string { return "experiment_outcomes" }

// RecordOutcome records that a contact reached an outcome (exposed, replied,
// opted out, negative, converted) once; repeats are ignored.
func (s *Store) RecordOutcome(ctx context.Context, experimentID, contactID, variantID int64, kind string) error {
	return classify(s.W.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&experimentOutcome{
		ExperimentID: experimentID, ContactID: contactID, VariantID: variantID, Kind: kind, At: s.nowMillis()}).Error)
}

// OutcomeCount is how many contacts of a variant reached an outcome.
type OutcomeCount struct {
	VariantID int64  `gorm:"column:variant_id"`
	Kind      string `gorm:"column:kind"`
	Count     int64  `gorm:"column:n"`
}

// OutcomeCounts counts outcomes per variant and kind.
func (s *Store) OutcomeCounts(ctx context.Context, experimentID int64) ([]OutcomeCount, error) {
	var out []OutcomeCount
	err := s.R.WithContext(ctx).Raw(`SELECT variant_id, kind, COUNT(*) AS n FROM experiment_outcomes
		WHERE experiment_id = ? GROUP BY variant_id, kind`, experimentID).Scan(&out).Error
	return out, classify(err)
}

// RunningExperiments lists running experiments with their variants.
func (s *Store) RunningExperiments(ctx context.Context) ([]Experiment, error) {
	all, err := s.Experiments(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, e := range all {
		if e.Status == ExperimentRunning {
			out = append(out, e)
		}
	}
	return out, nil
}
