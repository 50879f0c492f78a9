package app

// AccountHealthDTO is an account's health as Settings → Accounts and the
// Account health view show it.
type AccountHealthDTO struct {
	AccountID int64  `json:"accountId"`
	Platform  string `json:"platform"`
	Name      string `json:"name"`
	Handle    string `json:"handle"`
	Status    string `json:"status"`
	// LastSyncAt is the last successful sync (RFC 3339; "" never).
	LastSyncAt string `json:"lastSyncAt"`
	// Running reports whether CreatorDesk is syncing the account in this window now.
	Running bool `json:"running"`
	// Wait says why the sync waits: "", "listening", "idle", "pacing", "rate_limited" or "backoff".
	Wait string `json:"wait"`
	// HeldBy names the other app instance that syncs the account now (team mode; Wait is "leased").
	HeldBy string `json:"heldBy"`
	// NextRunAt is when the sync next asks the platform (RFC 3339; "" now, or listening).
	NextRunAt string `json:"nextRunAt"`
	// Headroom is the platform's rate limit or quota as last reported; nil when not known.
	Headroom *HeadroomDTO `json:"headroom"`
	// TokenExpiresAt is when the token lapses (RFC 3339), "" when it never does or is not known.
	TokenExpiresAt string `json:"tokenExpiresAt"`
	// TokenNeverExpires is set for platforms whose tokens do not lapse (Facebook Page tokens, bot tokens).
	TokenNeverExpires bool `json:"tokenNeverExpires"`
	// Renews is set when CreatorDesk renews the token itself before it lapses.
	Renews bool `json:"renews"`
	// NeedsReconnect is set when the platform stopped accepting the token.
	NeedsReconnect bool `json:"needsReconnect"`
	// LastError is the last sync failure, translated by the frontend; nil when the account is fine.
	LastError *AppError `json:"lastError"`
	// LastErrorAt is when the latest failure happened (RFC 3339; "" never), even after recovery.
	LastErrorAt string `json:"lastErrorAt"`
	// Failures counts failures in a row since the last success.
	Failures int64 `json:"failures"`
	// ItemsSynced counts every item stored; ItemsLast24h those of the last 24 hours.
	ItemsSynced  int64 `json:"itemsSynced"`
	ItemsLast24h int64 `json:"itemsLast24h"`
	// Advice names what to do next (accounts.Advice*: "none", "reconnect", "wait", ...);
	// AdviceUntil is the time it refers to (RFC 3339; "" none).
	Advice      string `json:"advice"`
	AdviceUntil string `json:"adviceUntil"`
	// Settings are the account's settings a person may change, with their values ("" unset).
	Settings map[string]string `json:"settings"`
}

// HeadroomDTO is how much of a platform's rate limit or daily quota an account has used.
type HeadroomDTO struct {
	// Kind is "quota" (units per day) or "rate" (calls per window).
	Kind  string `json:"kind"`
	Used  int64  `json:"used"`
	Limit int64  `json:"limit"`
	// ResetsAt is when the budget starts afresh (RFC 3339; "" not known).
	ResetsAt string `json:"resetsAt"`
}

// AccountSettingsRequest changes an account's non-secret settings (for Telegram: channel).
type AccountSettingsRequest struct {
	AccountID int64             `json:"accountId"`
	Settings  map[string]string `json:"settings"`
}

// ReconnectRequest gives an account that needs reconnecting a new token.
type ReconnectRequest struct {
	AccountID int64  `json:"accountId"`
	Token     string `json:"token"`
}

// AppCredentialsRequest saves a developer app's id and secret ("bring your own Meta app").
type AppCredentialsRequest struct {
	Provider  string `json:"provider"`
	AppID     string `json:"appId"`
	AppSecret string `json:"appSecret"`
}

// AppCredentialsStatus says whether a provider's app credentials are saved (never the secret itself).
type AppCredentialsStatus struct {
	Provider  string `json:"provider"`
	AppID     string `json:"appId"`
	HasSecret bool   `json:"hasSecret"`
}
