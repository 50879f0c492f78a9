// Package oauth is the OAuth 2.0 client for native apps (RFC 8252): the
// authorization-code flow with PKCE (RFC 7636, S256) through the system
// browser and a short-lived loopback redirect listener, the token exchange,
// and refreshing access tokens before they lapse.
//
// A flow is three steps: Listen opens the listener on 127.0.0.1 at a port the
// kernel picks (so the redirect URI is known before an app registration that
// needs it, as Mastodon's does); Authorize builds the authorization URL with a
// fresh state and code challenge; Wait hands that URL to the injected Opener,
// waits for the browser's redirect, checks the state and exchanges the code.
// The listener serves only during the flow and closes on success, error,
// cancel or timeout. Run does all three.
//
// Nothing here logs or returns a token, a code, a verifier or a client secret
// in an error's text.
package oauth

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Endpoint is a provider's authorization and token endpoints.
type Endpoint struct {
	AuthURL  string
	TokenURL string
}

// Config is one OAuth client of one provider.
type Config struct {
	ClientID string
	// ClientSecret is sent to the token endpoint when not empty. Native apps
	// cannot keep it confidential (Google's "Desktop app" clients have one all
	// the same); it lives in the keyring, never in the database.
	ClientSecret string
	Endpoint     Endpoint
	Scopes       []string
	// AuthParams are extra authorization parameters (Google's
	// access_type=offline and prompt=consent).
	AuthParams url.Values
	// HTTP is the client for token requests (default: a client with a 30 s timeout).
	HTTP *http.Client
	// Now is the clock (default time.Now); tests pass a fixed one.
	Now func() time.Time
}

// Token is what a token endpoint issued.
type Token struct {
	AccessToken  string
	RefreshToken string
	TokenType    string
	// ExpiresAt is when the access token lapses (zero: the server did not say).
	ExpiresAt time.Time
	// Scope is the granted scope, space-separated, when the server reports it.
	Scope string
}

// String never shows the secrets, whatever prints a Token by mistake.
func (t Token) String() string { return "oauth.Token{…}" }

// GoString hides the secrets from %#v too.
func (t Token) GoString() string { return t.String() }

// Opener shows the authorization URL to the person: the system browser in
// the app, printing it in the CLI, an HTTP GET in tests.
type Opener func(ctx context.Context, authURL string) error

// tokenCallTimeout bounds one token request.
const tokenCallTimeout = 30 * time.Second

// now returns the config's clock's time.
func (c Config) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// httpClient returns the client for token requests.
func (c Config) httpClient() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return &http.Client{Timeout: tokenCallTimeout, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse // a token endpoint that redirects gets no second look at the secrets
	}}
}

// scope joins the scopes as the protocol writes them.
func (c Config) scope() string { return strings.Join(c.Scopes, " ") }

// CheckEndpointURL accepts an endpoint address only over https, or plain
// http on loopback (fakes in tests and the demo), so codes, secrets and
// tokens never cross a network unencrypted.
func CheckEndpointURL(raw string) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil, u.Host == "", u.User != nil, u.Fragment != "":
		return &ConfigError{Field: "endpoint"}
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && IsLoopbackHost(u.Hostname()):
		return nil
	}
	return &ConfigError{Field: "endpoint"}
}
