package store

import (
	"context"
	"fmt"
)

// Experiment outcome kinds (one row per contact and kind, the first time it happens).
const (
	OutcomeExposed   = "exposed"
	OutcomeReplied   = "replied"
	OutcomeOptedOut  = "opted_out"
	OutcomeNegative  = "negative"
	OutcomeConverted = "converted"
)

// RefreshExperimentOutcomes derives, for every contact exposed to an
// experiment, the outcomes that followed the exposure: a reply (an inbound
// message in one of the contact's conversations), an opt-out (a STOP in the
// ledger), a negative message (an inbound message classified negative) and a
// conversion (an order credited to one of the contact's conversations). Each
// outcome is recorded once, at the time it first happened.
func (s *Store) RefreshExperimentOutcomes(ctx context.Context, experimentID int64) error {
	queries := []struct{ kind, sql string }{
		{OutcomeReplied, `SELECT o.experiment_id, o.contact_id, o.variant_id, '%s', MIN(m.sent_at)
			FROM experiment_outcomes o
			JOIN conversations c ON c.contact_id = o.contact_id
			JOIN messages m ON m.conversation_id = c.id AND m.direction = 'in' AND m.sent_at > o.at
			WHERE o.experiment_id = ? AND o.kind = 'exposed'
			GROUP BY o.experiment_id, o.contact_id, o.variant_id`},
		{OutcomeOptedOut, `SELECT o.experiment_id, o.contact_id, o.variant_id, '%s', MIN(x.at)
			FROM experiment_outcomes o
			JOIN optouts x ON x.contact_id = o.contact_id AND x.opted_out = 1 AND x.at > o.at
			WHERE o.experiment_id = ? AND o.kind = 'exposed'
			GROUP BY o.experiment_id, o.contact_id, o.variant_id`},
		{OutcomeNegative, `SELECT o.experiment_id, o.contact_id, o.variant_id, '%s', MIN(m.sent_at)
			FROM experiment_outcomes o
			JOIN conversations c ON c.contact_id = o.contact_id
			JOIN messages m ON m.conversation_id = c.id AND m.direction = 'in' AND m.sent_at > o.at
			JOIN message_classifications mc ON mc.message_id = m.id AND mc.sentiment = 'negative'
			WHERE o.experiment_id = ? AND o.kind = 'exposed'
			GROUP BY o.experiment_id, o.contact_id, o.variant_id`},
		{OutcomeConverted, `SELECT o.experiment_id, o.contact_id, o.variant_id, '%s', MIN(ord.ordered_at)
			FROM experiment_outcomes o
			JOIN conversations c ON c.contact_id = o.contact_id
			JOIN attribution_results ar ON ar.conversation_id = c.id
			JOIN orders ord ON ord.id = ar.order_id AND ord.ordered_at > o.at
			WHERE o.experiment_id = ? AND o.kind = 'exposed'
			GROUP BY o.experiment_id, o.contact_id, o.variant_id`},
	}
	for _, q := range queries {
		// The kind is one of the constants above, written into the SQL so both dialects type it as text.
		err := s.W.WithContext(ctx).Exec(`INSERT INTO experiment_outcomes(experiment_id, contact_id, variant_id, kind, at) `+
			fmt.Sprintf(q.sql, q.kind)+` ON CONFLICT(experiment_id, contact_id, kind) DO NOTHING`, experimentID).Error
		if err != nil {
			return classify(err)
		}
	}
	return nil
}

// VariantRevenue is the revenue of the orders credited to conversations of a
// variant's exposed contacts after their exposure, in one currency.
type VariantRevenue struct {
	VariantID    int64  `gorm:"column:variant_id"`
	Currency     string `gorm:"column:currency"`
	Orders       int64  `gorm:"column:orders"`
	RevenueMinor int64  `gorm:"column:revenue"`
}

// ExperimentRevenue sums, per variant and currency, the orders credited
// (through attribution) to conversations of contacts after their exposure.
func (s *Store) ExperimentRevenue(ctx context.Context, experimentID int64) ([]VariantRevenue, error) {
	var out []VariantRevenue
	err := s.R.WithContext(ctx).Raw(`SELECT x.variant_id, x.currency, COUNT(*) AS orders, SUM(x.total_minor) AS revenue FROM (
			SELECT DISTINCT o.variant_id, ord.id, ord.currency, ord.total_minor
			FROM experiment_outcomes o
			JOIN conversations c ON c.contact_id = o.contact_id
			JOIN attribution_results ar ON ar.conversation_id = c.id
			JOIN orders ord ON ord.id = ar.order_id AND ord.ordered_at > o.at
			WHERE o.experiment_id = ? AND o.kind = 'exposed') x
		GROUP BY x.variant_id, x.currency ORDER BY x.variant_id, x.currency`, experimentID).Scan(&out).Error
	return out, classify(err)
}

// ExperimentsForTemplate lists the running experiments of a saved reply (normally at most one).
func (s *Store) ExperimentsForTemplate(ctx context.Context, templateID int64) ([]Experiment, error) {
	var ids []int64
	if err := s.R.WithContext(ctx).Model(&Experiment{}).Where("template_id = ? AND status = ?", templateID, ExperimentRunning).
		Order("id").Pluck("id", &ids).Error; err != nil {
		return nil, classify(err)
	}
	out := make([]Experiment, 0, len(ids))
	for _, id := range ids {
		e, err := s.ExperimentByID(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
