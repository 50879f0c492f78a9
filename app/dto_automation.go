package app

// AutomationConditionsDTO is what must all hold for a rule to act (empty lists match anything).
// Kinds are "dm" and/or "comment"; hours is "", "inside" or "outside" business hours.
type AutomationConditionsDTO struct {
	Kinds      []string          `json:"kinds"`
	Platforms  []string          `json:"platforms"`
	AccountIDs []int64           `json:"accountIds"`
	Keywords   []string          `json:"keywords"`
	Intents    []string          `json:"intents"`
	Sentiments []string          `json:"sentiments"`
	Contact    map[string]string `json:"contact"`
	Hours      string            `json:"hours"`
}

// AutomationActionDTO is one thing a rule does. Type is tag, assign, priority,
// reply_template, draft, hide, escalate, notify or live_question; the other
// fields are that type's parameters.
type AutomationActionDTO struct {
	Type       string `json:"type"`
	Tag        string `json:"tag"`
	Assignee   string `json:"assignee"`
	Priority   int    `json:"priority"`
	TemplateID int64  `json:"templateId"`
	Note       string `json:"note"`
}

// AutomationRuleDTO is one rule, in run order (position 1 runs first).
type AutomationRuleDTO struct {
	ID         int64                   `json:"id"`
	Name       string                  `json:"name"`
	Position   int                     `json:"position"`
	Enabled    bool                    `json:"enabled"`
	Conditions AutomationConditionsDTO `json:"conditions"`
	Actions    []AutomationActionDTO   `json:"actions"`
}

// AutomationDryRunHitDTO is one past message a rule would have acted on.
type AutomationDryRunHitDTO struct {
	MessageID      int64                 `json:"messageId"`
	ConversationID int64                 `json:"conversationId"`
	Text           string                `json:"text"`
	SentAt         string                `json:"sentAt"`
	Intent         string                `json:"intent"`
	Sentiment      string                `json:"sentiment"`
	Actions        []AutomationActionDTO `json:"actions"`
}

// AutomationDryRunDTO is a dry run's answer: the messages since Since the rule
// would have acted on (at most Limit were looked at). Nothing was changed.
type AutomationDryRunDTO struct {
	Since   string                   `json:"since"`
	Checked int                      `json:"checked"`
	Hits    []AutomationDryRunHitDTO `json:"hits"`
}

// AutomationStatusDTO is the kill switch and the caps on automated messages.
type AutomationStatusDTO struct {
	Paused             bool `json:"paused"`
	ContactHourlyCap   int  `json:"contactHourlyCap"`
	AccountDailyCap    int  `json:"accountDailyCap"`
	LoopCap            int  `json:"loopCap"`
	ReviewSharePercent int  `json:"reviewSharePercent"`
}

// AutomationDraftDTO is a reply an automation wrote that waits for a person.
// Categories are the sensitive topics it touches (price, refund, legal, personal_data).
type AutomationDraftDTO struct {
	ID                int64    `json:"id"`
	ConversationID    int64    `json:"conversationId"`
	ConversationTitle string   `json:"conversationTitle"`
	ContactID         int64    `json:"contactId"`
	ContactName       string   `json:"contactName"`
	MessageID         int64    `json:"messageId"`
	RuleID            int64    `json:"ruleId"`
	Provider          string   `json:"provider"`
	Text              string   `json:"text"`
	Intent            string   `json:"intent"`
	Categories        []string `json:"categories"`
	NeedsApproval     bool     `json:"needsApproval"`
	Status            string   `json:"status"`
	CreatedAt         string   `json:"createdAt"`
}

// ReviewItemDTO is an automated reply or moderation action sampled for a
// person to mark right or wrong (verdict "" while waiting).
type ReviewItemDTO struct {
	ID             int64  `json:"id"`
	Kind           string `json:"kind"`
	TargetType     string `json:"targetType"`
	TargetID       string `json:"targetId"`
	ConversationID int64  `json:"conversationId"`
	RuleID         int64  `json:"ruleId"`
	Summary        string `json:"summary"`
	Verdict        string `json:"verdict"`
	Reviewer       string `json:"reviewer"`
	CreatedAt      string `json:"createdAt"`
	ReviewedAt     string `json:"reviewedAt"`
}

// IntentQualityDTO is one intent's precision and recall on held-out labels.
type IntentQualityDTO struct {
	Intent    string  `json:"intent"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Support   int     `json:"support"`
}

// ClassifierQualityDTO describes the classifier in use: whether it learned
// from the team's labels, its held-out figures, and the moderation
// false-positive rate from the review queue (the last 90 days).
type ClassifierQualityDTO struct {
	Trained           bool               `json:"trained"`
	Examples          int                `json:"examples"`
	HeldOut           int                `json:"heldOut"`
	Accuracy          float64            `json:"accuracy"`
	Intents           []IntentQualityDTO `json:"intents"`
	ModerationChecked int                `json:"moderationChecked"`
	FalsePositiveRate float64            `json:"falsePositiveRate"`
}

// AutomationOptionsDTO are the choices the rule editor offers.
type AutomationOptionsDTO struct {
	Intents    []string `json:"intents"`
	Kinds      []string `json:"kinds"`
	Sentiments []string `json:"sentiments"`
	Actions    []string `json:"actions"`
}
