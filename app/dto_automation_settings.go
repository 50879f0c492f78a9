package app

// AIEndpointDTO is the optional OpenAI-compatible endpoint. The key is never
// sent to the UI: hasKey says whether one is in the keyring.
type AIEndpointDTO struct {
	BaseURL string `json:"baseUrl"`
	Model   string `json:"model"`
	HasKey  bool   `json:"hasKey"`
}

// AutomationSettingsDTO is what a person sets for automated messages.
// Labels are per channel (platform), notices per language; a missing entry
// means the built-in text in defaultLabels / defaultNotices (per language).
type AutomationSettingsDTO struct {
	ContactHourlyCap   int               `json:"contactHourlyCap"`
	AccountDailyCap    int               `json:"accountDailyCap"`
	ReviewSharePercent int               `json:"reviewSharePercent"`
	Labels             map[string]string `json:"labels"`
	Notices            map[string]string `json:"notices"`
	DefaultLabels      map[string]string `json:"defaultLabels"`
	DefaultNotices     map[string]string `json:"defaultNotices"`
	// Channels are the platforms of the workspace's accounts (a label can be set for each).
	Channels []string `json:"channels"`
	// ApprovalCategories always wait for a person; AllCategories are the choices.
	ApprovalCategories []string      `json:"approvalCategories"`
	AllCategories      []string      `json:"allCategories"`
	AI                 AIEndpointDTO `json:"ai"`
}

// PausedConversationDTO is a conversation handed over to a person (automation paused there).
type PausedConversationDTO struct {
	ConversationID int64  `json:"conversationId"`
	Title          string `json:"title"`
	Platform       string `json:"platform"`
	PausedAt       string `json:"pausedAt"`
	Actor          string `json:"actor"`
	Reason         string `json:"reason"`
}
