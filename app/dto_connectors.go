package app

// AccountHealthDTO is an account's health as Settings → Accounts shows it.
type AccountHealthDTO struct {
	AccountID int64 `json:"accountId"`
	// TokenExpiresAt is when the token lapses (RFC 3339), "" when it never does or is not known.
	TokenExpiresAt string `json:"tokenExpiresAt"`
	// TokenNeverExpires is set for platforms whose tokens do not lapse (Facebook Page tokens, bot tokens).
	TokenNeverExpires bool `json:"tokenNeverExpires"`
	// Renews is set when CreatorDesk renews the token itself before it lapses.
	Renews bool `json:"renews"`
	// NeedsReconnect is set when the platform stopped accepting the token.
	NeedsReconnect bool `json:"needsReconnect"`
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
