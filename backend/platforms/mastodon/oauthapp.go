package mastodon

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"

	"creatordesk/backend/oauth"
	"creatordesk/backend/platforms"
)

// OAuthScopes are the scopes the connector asks an instance for: reading
// conversations and notifications, posting replies, and block and mute
// (which Mastodon files under follow).
const OAuthScopes = "read write follow"

// AppName is the client name shown to the person on the instance's consent page.
const AppName = "CreatorDesk"

// App is an OAuth client registered on one instance.
type App struct {
	ClientID     string
	ClientSecret string
}

// String hides the secret from fmt.
func (a App) String() string { return "mastodon.App{" + a.ClientID + "}" }

// RegisterApp registers CreatorDesk as an OAuth client on the instance at
// baseURL (POST /api/v1/apps) for one loopback redirect URI. Each connect
// registers its own client, as the redirect URI's port differs every time.
func RegisterApp(ctx context.Context, baseURL, redirectURI string) (App, error) {
	base, err := parseBase(baseURL)
	if err != nil {
		return App{}, err
	}
	form := url.Values{"client_name": {AppName}, "redirect_uris": {redirectURI}, "scopes": {OAuthScopes},
		"website": {"https://creatordesk.app"}}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/apps", strings.NewReader(form.Encode()))
	if err != nil {
		return App{}, errPermanent("register app: build request: " + transportReason(err))
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	resp, err := newHTTPClient().Do(req)
	if err != nil {
		e := errTransient("register app: " + transportReason(err))
		e.Err = causeOf(err)
		return App{}, e
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return App{}, errTransient("register app: read response: " + transportReason(err))
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var body struct {
			Error string `json:"error"`
		}
		_ = json.Unmarshal(raw, &body)
		msg := "register app: HTTP " + http.StatusText(resp.StatusCode)
		if body.Error != "" {
			msg += ": " + oneLine(body.Error, 200)
		}
		if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
			return App{}, newError(platforms.KindTransient, resp.StatusCode, msg)
		}
		return App{}, newError(platforms.KindPermanent, resp.StatusCode, msg)
	}
	var app struct {
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	if json.Unmarshal(raw, &app) != nil || app.ClientID == "" || app.ClientSecret == "" {
		return App{}, errTransient("register app: malformed response: no client credentials")
	}
	return App{ClientID: app.ClientID, ClientSecret: app.ClientSecret}, nil
}

// OAuthConfig is the OAuth client of an app registered on the instance at
// baseURL: its /oauth/authorize and /oauth/token endpoints and OAuthScopes.
func OAuthConfig(baseURL string, app App) (oauth.Config, error) {
	base, err := parseBase(baseURL)
	if err != nil {
		return oauth.Config{}, err
	}
	return oauth.Config{
		ClientID: app.ClientID, ClientSecret: app.ClientSecret,
		Endpoint: oauth.Endpoint{AuthURL: base + "/oauth/authorize", TokenURL: base + "/oauth/token"},
		Scopes:   strings.Fields(OAuthScopes),
	}, nil
}

// NormalizeBaseURL returns the instance address the connector would use
// ("mastodon.social" becomes "https://mastodon.social").
func NormalizeBaseURL(raw string) (string, error) { return parseBase(raw) }

// oneLine makes a server string fit for one line of an error.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "") + "…"
	}
	return s
}
