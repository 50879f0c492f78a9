package app

// OAuthStartRequest starts connecting an account through the browser.
type OAuthStartRequest struct {
	// Platform is "youtube" or "mastodon".
	Platform string `json:"platform"`
	// ClientID and ClientSecret are the person's Google Cloud OAuth client
	// (YouTube, "Desktop app" type). An empty secret uses the one saved for
	// the same client id.
	ClientID     string `json:"clientId"`
	ClientSecret string `json:"clientSecret"`
	// BaseURL is the API root (YouTube; "" for Google's) or the Mastodon instance.
	BaseURL string `json:"baseUrl"`
	// AuthURL and TokenURL override Google's endpoints (tests and the demo's fakes).
	AuthURL  string `json:"authUrl"`
	TokenURL string `json:"tokenUrl"`
	// Name is the account's name in CreatorDesk (optional).
	Name string `json:"name"`
	// AccountID, when not 0, signs an existing account in again (reconnect).
	AccountID int64 `json:"accountId"`
}

// OAuthFlowDTO is where a browser sign-in is.
type OAuthFlowDTO struct {
	ID       string `json:"id"`
	Platform string `json:"platform"`
	// State is "waiting" (for the browser), "connecting", "done", "failed" or "canceled".
	State string `json:"state"`
	// AuthURL is the sign-in page, for the person to open when the browser did not.
	AuthURL string `json:"authUrl"`
	// BrowserOpened is false when CreatorDesk could not open the browser itself.
	BrowserOpened bool   `json:"browserOpened"`
	StartedAt     string `json:"startedAt"`
	EndedAt       string `json:"endedAt"`
	// Account is the connected account once State is "done".
	Account *AccountDTO `json:"account"`
	// Error is why the sign-in failed or was canceled (translated by the frontend).
	Error *AppError `json:"error"`
}

// OAuthClientDTO is the OAuth client saved for a provider ("google"), without its secret.
type OAuthClientDTO struct {
	Provider  string `json:"provider"`
	ClientID  string `json:"clientId"`
	HasSecret bool   `json:"hasSecret"`
}
