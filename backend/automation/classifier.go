package automation

import (
	"context"
	"encoding/json"
	"errors"
	gosync "sync"

	"creatordesk/backend/automation/classify"
	"creatordesk/backend/store"
)

// Classifier keeps the workspace's classifier: the built-in lexicons plus the
// model learned from the team's labels, reloaded after every retrain.
type Classifier struct {
	Store *store.Store

	mu      gosync.RWMutex
	current *classify.Classifier
	quality *classify.Quality
}

// Load reads the newest trained model (lexicons only when there is none).
func (c *Classifier) Load(ctx context.Context) error {
	row, err := c.Store.LatestClassifierModel(ctx)
	if errors.Is(err, store.ErrNotFound) {
		c.set(classify.New(nil), nil)
		return nil
	}
	if err != nil {
		return err
	}
	var m classify.Model
	if err := json.Unmarshal([]byte(row.ModelJSON), &m); err != nil {
		c.set(classify.New(nil), nil)
		return nil
	}
	var q classify.Quality
	qp := &q
	if json.Unmarshal([]byte(row.MetricsJSON), &q) != nil {
		qp = nil
	}
	c.set(classify.New(&m), qp)
	return nil
}

// set swaps the classifier in use.
func (c *Classifier) set(cl *classify.Classifier, q *classify.Quality) {
	c.mu.Lock()
	c.current, c.quality = cl, q
	c.mu.Unlock()
}

// get returns the classifier in use.
func (c *Classifier) get() *classify.Classifier {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.current == nil {
		return classify.New(nil)
	}
	return c.current
}

// Classify classifies one text.
func (c *Classifier) Classify(text string) classify.Result { return c.get().Classify(text) }

// Quality returns the held-out figures of the model in use (nil before the first training).
func (c *Classifier) Quality() *classify.Quality {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.quality
}

// Retrain learns from the team's labels: it scores a model trained on four
// fifths against the held-out fifth, then trains on everything, stores the
// model with its figures and starts using it. It takes well under a second
// for tens of thousands of labeled messages.
func (c *Classifier) Retrain(ctx context.Context, actor string) (classify.Quality, error) {
	rows, err := c.Store.ClassifierExamples(ctx, 0)
	if err != nil {
		return classify.Quality{}, err
	}
	examples := make([]classify.Example, 0, len(rows))
	for _, r := range rows {
		examples = append(examples, classify.Example{Text: r.Text, Label: r.Label})
	}
	train, test := classify.Split(examples, 5, 0)
	q := classify.Evaluate(classify.New(classify.Train(train)), test)
	model := classify.Train(examples)
	mj, _ := json.Marshal(model)
	qj, _ := json.Marshal(q)
	if err := c.Store.SaveClassifierModel(ctx, model.Size(), string(mj), string(qj)); err != nil {
		return q, err
	}
	c.set(classify.New(model), &q)
	_, err = c.Store.AppendAudit(ctx, store.AuditEvent{Actor: actor, Action: "classifier.retrained", TargetType: "classifier",
		AfterJSON: string(qj)})
	return q, err
}

// ClassifyMessage classifies a stored message and saves the verdict (which
// also sets the conversation's intent and sentiment).
func (c *Classifier) ClassifyMessage(ctx context.Context, m store.InboundMessage) (classify.Result, error) {
	rs, err := c.ClassifyMessages(ctx, []store.InboundMessage{m})
	if len(rs) == 0 {
		return classify.Result{}, err
	}
	return rs[0], err
}

// ClassifyMessages classifies stored messages and saves every verdict in one
// transaction; the results are in the order of msgs.
func (c *Classifier) ClassifyMessages(ctx context.Context, msgs []store.InboundMessage) ([]classify.Result, error) {
	results := make([]classify.Result, len(msgs))
	rows := make([]store.MessageClassification, len(msgs))
	for i, m := range msgs {
		r := c.Classify(m.Text)
		results[i] = r
		rows[i] = store.MessageClassification{MessageID: m.ID, ConversationID: m.ConversationID,
			Intent: r.Intent, Kind: r.Kind, Sentiment: r.Sentiment, Confidence: r.Confidence, Source: r.Source}
	}
	return results, c.Store.SaveClassifications(ctx, rows)
}
