package app

// ReleaseDTO is one UGC release in the register.
type ReleaseDTO struct {
	ID                int64    `json:"id"`
	CreatorID         int64    `json:"creatorId"`
	CreatorName       string   `json:"creatorName"`
	Author            string   `json:"author"`
	Title             string   `json:"title"`
	ContentURL        string   `json:"contentUrl"`
	ConversationID    int64    `json:"conversationId"`
	ConversationTitle string   `json:"conversationTitle"`
	MessageID         int64    `json:"messageId"`
	Channels          []string `json:"channels"`
	PaidUse           bool     `json:"paidUse"`
	StartsAt          string   `json:"startsAt"`
	ExpiresAt         string   `json:"expiresAt"`
	Territories       []string `json:"territories"`
	Compensation      string   `json:"compensation"`
	EditsAllowed      bool     `json:"editsAllowed"`
	Status            string   `json:"status"`
	Notes             string   `json:"notes"`
	RequestedAt       string   `json:"requestedAt"`
	RequestMessageID  int64    `json:"requestMessageId"`
	// DaysLeft is whole days before expiry (-1 = open-ended).
	DaysLeft int `json:"daysLeft"`
	// Expiry is the badge: none (open-ended or not granted), ok, soon (≤ 30 days), urgent (≤ 7 days), ended.
	Expiry string `json:"expiry"`
}

// ReleaseInputDTO is a release as the form edits it (dates are YYYY-MM-DD or RFC 3339; "" = none).
type ReleaseInputDTO struct {
	ID             int64    `json:"id"`
	CreatorID      int64    `json:"creatorId"`
	Author         string   `json:"author"`
	Title          string   `json:"title"`
	ContentURL     string   `json:"contentUrl"`
	ConversationID int64    `json:"conversationId"`
	MessageID      int64    `json:"messageId"`
	Channels       []string `json:"channels"`
	PaidUse        bool     `json:"paidUse"`
	StartsAt       string   `json:"startsAt"`
	ExpiresAt      string   `json:"expiresAt"`
	Territories    []string `json:"territories"`
	Compensation   string   `json:"compensation"`
	EditsAllowed   bool     `json:"editsAllowed"`
	Notes          string   `json:"notes"`
}

// ReleaseRequestPreviewDTO is the release request DM as it would be sent.
type ReleaseRequestPreviewDTO struct {
	Text       string `json:"text"`
	TemplateID int64  `json:"templateId"`
}

// ExperimentVariantDTO is one saved reply in an experiment.
type ExperimentVariantDTO struct {
	ID           int64  `json:"id"`
	TemplateID   int64  `json:"templateId"`
	TemplateName string `json:"templateName"`
	Label        string `json:"label"`
	Weight       int    `json:"weight"`
}

// ExperimentDTO is a reply experiment.
type ExperimentDTO struct {
	ID                int64                  `json:"id"`
	Name              string                 `json:"name"`
	Status            string                 `json:"status"`
	TemplateID        int64                  `json:"templateId"`
	TemplateName      string                 `json:"templateName"`
	StagePercent      int                    `json:"stagePercent"`
	MaxOptOutRate     float64                `json:"maxOptOutRate"`
	MaxNegativeRate   float64                `json:"maxNegativeRate"`
	MinConversionRate float64                `json:"minConversionRate"`
	MinSample         int                    `json:"minSample"`
	WinnerTemplateID  int64                  `json:"winnerTemplateId"`
	StopReason        string                 `json:"stopReason"`
	StartedAt         string                 `json:"startedAt"`
	EndedAt           string                 `json:"endedAt"`
	Variants          []ExperimentVariantDTO `json:"variants"`
}

// ExperimentVariantInputDTO is a saved reply to try, with its weight.
type ExperimentVariantInputDTO struct {
	TemplateID int64 `json:"templateId"`
	Weight     int   `json:"weight"`
}

// ExperimentInputDTO is a new experiment.
type ExperimentInputDTO struct {
	Name              string                      `json:"name"`
	TemplateID        int64                       `json:"templateId"`
	Variants          []ExperimentVariantInputDTO `json:"variants"`
	MaxOptOutRate     float64                     `json:"maxOptOutRate"`
	MaxNegativeRate   float64                     `json:"maxNegativeRate"`
	MinConversionRate float64                     `json:"minConversionRate"`
	MinSample         int                         `json:"minSample"`
}

// RateIntervalDTO is a rate with its 95 % Wilson interval.
type RateIntervalDTO struct {
	Rate float64 `json:"rate"`
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// VariantRevenueDTO is a variant's credited revenue in one currency.
type VariantRevenueDTO struct {
	Currency     string `json:"currency"`
	Orders       int64  `json:"orders"`
	RevenueMinor int64  `json:"revenueMinor"`
}

// VariantResultDTO is one variant's results.
type VariantResultDTO struct {
	VariantID      int64               `json:"variantId"`
	Label          string              `json:"label"`
	TemplateID     int64               `json:"templateId"`
	TemplateName   string              `json:"templateName"`
	IsControl      bool                `json:"isControl"`
	Sends          int64               `json:"sends"`
	Replies        int64               `json:"replies"`
	OptOuts        int64               `json:"optOuts"`
	Negatives      int64               `json:"negatives"`
	Conversions    int64               `json:"conversions"`
	ReplyRate      RateIntervalDTO     `json:"replyRate"`
	OptOutRate     RateIntervalDTO     `json:"optOutRate"`
	NegativeRate   RateIntervalDTO     `json:"negativeRate"`
	ConversionRate RateIntervalDTO     `json:"conversionRate"`
	Revenue        []VariantRevenueDTO `json:"revenue"`
	// Breached names the guardrail this variant breaks now ("" = none).
	Breached string `json:"breached"`
}

// GuardrailBreachDTO is the guardrail an experiment breaks.
type GuardrailBreachDTO struct {
	VariantID int64   `json:"variantId"`
	Label     string  `json:"label"`
	Guardrail string  `json:"guardrail"`
	Rate      float64 `json:"rate"`
	Limit     float64 `json:"limit"`
}

// ExperimentResultsDTO is an experiment with its results per variant.
type ExperimentResultsDTO struct {
	Experiment ExperimentDTO       `json:"experiment"`
	Variants   []VariantResultDTO  `json:"variants"`
	Breach     *GuardrailBreachDTO `json:"breach"`
}
