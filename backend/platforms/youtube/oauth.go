package youtube

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"maps"
	"net/url"
	"strings"
	"time"

	"creatordesk/backend/oauth"
	"creatordesk/backend/platforms"
)

// Google's OAuth 2.0 endpoints and the scope the connector needs.
const (
	// GoogleAuthURL is Google's authorization endpoint.
	GoogleAuthURL = "https://accounts.google.com/o/oauth2/v2/auth"
	// GoogleTokenURL is Google's token endpoint.
	GoogleTokenURL = "https://oauth2.googleapis.com/token"
	// Scope lets the connector read, reply to and moderate comments
	// (youtube.force-ssl: manage the channel's comments, over https only).
	Scope = "https://www.googleapis.com/auth/youtube.force-ssl"
)

// Credentials.Extra keys of an account connected through the browser.
const (
	// ExtraClientID is the Google Cloud OAuth client id ("Desktop app" type);
	// not a secret. It also names the quota project when ExtraQuotaProject is empty.
	ExtraClientID = "clientId"
	// ExtraTokenURL overrides Google's token endpoint (tests, the demo).
	ExtraTokenURL = "tokenURL"
)

// secretPrefix marks an OAuth secret bundle (the account's keyring entry).
const secretPrefix = "ytoauth1."

// OAuthSecret is what an account connected through the browser keeps in the
// keyring, in its one entry: the refresh token and the OAuth client's secret.
// Neither ever goes into the database.
type OAuthSecret struct {
	RefreshToken string `json:"r"`
	ClientSecret string `json:"s"`
}

// String hides the secrets from fmt.
func (s OAuthSecret) String() string { return "youtube.OAuthSecret{…}" }

// Encode writes the bundle as the keyring value ("ytoauth1." + base64url JSON).
func (s OAuthSecret) Encode() string {
	raw, _ := json.Marshal(s)
	return secretPrefix + base64.RawURLEncoding.EncodeToString(raw)
}

// DecodeOAuthSecret reads a bundle Encode wrote.
func DecodeOAuthSecret(v string) (OAuthSecret, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(v), secretPrefix)
	if !ok {
		return OAuthSecret{}, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(rest)
	if err != nil {
		return OAuthSecret{}, false
	}
	var s OAuthSecret
	if json.Unmarshal(raw, &s) != nil || strings.TrimSpace(s.RefreshToken) == "" {
		return OAuthSecret{}, false
	}
	return s, true
}

// ValidSecretFormat reports whether v is an OAuth secret bundle.
func ValidSecretFormat(v string) bool {
	_, ok := DecodeOAuthSecret(v)
	return ok
}

// OAuthConfig is the OAuth client for connecting a channel: the person's own
// Google Cloud client, the force-ssl scope, offline access (a refresh token)
// and the consent screen every time (so a reconnect gets a refresh token
// again). Empty authURL and tokenURL mean Google's.
func OAuthConfig(clientID, clientSecret, authURL, tokenURL string) oauth.Config {
	if strings.TrimSpace(authURL) == "" {
		authURL = GoogleAuthURL
	}
	if strings.TrimSpace(tokenURL) == "" {
		tokenURL = GoogleTokenURL
	}
	return oauth.Config{
		ClientID:     strings.TrimSpace(clientID),
		ClientSecret: strings.TrimSpace(clientSecret),
		Endpoint:     oauth.Endpoint{AuthURL: strings.TrimSpace(authURL), TokenURL: strings.TrimSpace(tokenURL)},
		Scopes:       []string{Scope},
		AuthParams:   url.Values{"access_type": {"offline"}, "prompt": {"consent"}},
	}
}

// sources shares access tokens between the connectors built for one account.
var sources oauth.Sources

// NewOAuth builds a connector for an account connected through the browser;
// it fits platforms.Factory. creds.Token is an OAuthSecret bundle and
// creds.Extra holds ExtraClientID (and optionally ExtraTokenURL); held and
// spam comments are walked unless ExtraIncludeHeld says "0". Access
// tokens are renewed with the refresh token shortly before they lapse and
// shared by every connector of the account in this process; a refresh token
// Google refuses makes calls fail with KindAuth (the account needs
// reconnecting), while an unreachable token endpoint is transient. A plain
// access token (not a bundle) is accepted as New does.
func NewOAuth(creds platforms.Credentials) (platforms.Connector, error) {
	return newOAuth(creds, nil, time.Now)
}

// newOAuth is NewOAuth with an optional quota book and a clock (see NewOAuthFactory).
func newOAuth(creds platforms.Credentials, book QuotaBook, now func() time.Time) (platforms.Connector, error) {
	sec, ok := DecodeOAuthSecret(creds.Token)
	if !ok {
		return newConnector(creds, now, nil, book)
	}
	clientID := strings.TrimSpace(creds.Extra[ExtraClientID])
	if clientID == "" {
		return nil, newError(platforms.KindAuth, 0, "missing OAuth client id")
	}
	tokenURL := strings.TrimSpace(creds.Extra[ExtraTokenURL])
	if tokenURL != "" && oauth.CheckEndpointURL(tokenURL) != nil {
		return nil, errPermanent("invalid token endpoint URL (https, or http on this machine only)")
	}
	cfg := OAuthConfig(clientID, sec.ClientSecret, "", tokenURL)
	extra := maps.Clone(creds.Extra)
	if extra == nil {
		extra = map[string]string{}
	}
	if strings.TrimSpace(extra[ExtraQuotaProject]) == "" {
		extra[ExtraQuotaProject] = clientID // the project's accounts share its quota
	}
	if strings.TrimSpace(extra[ExtraIncludeHeld]) == "" {
		// A channel signed in through the browser is its owner's: the comments
		// held for review and likely spam are readable, and worth seeing.
		extra[ExtraIncludeHeld] = "1"
	}
	creds.Extra, creds.Token = extra, ""
	return newConnector(creds, now, sourceAdapter{sources.Get(cfg, sec.RefreshToken)}, book)
}

// sourceAdapter turns oauth's failures into connector errors.
type sourceAdapter struct{ src *oauth.TokenSource }

// Token implements TokenSource.
func (a sourceAdapter) Token(ctx context.Context) (string, error) {
	t, err := a.src.Token(ctx)
	if err == nil {
		return t, nil
	}
	var te *oauth.TokenError
	var ce *oauth.ConfigError
	switch {
	case errors.Is(err, oauth.ErrInvalidGrant), errors.Is(err, oauth.ErrInvalidClient):
		e := newError(platforms.KindAuth, 0, "renew access token: Google no longer accepts this sign-in; connect the channel again")
		e.Err = err
		return "", e
	case errors.As(err, &ce):
		return "", errPermanent("renew access token: " + err.Error())
	case errors.As(err, &te) && !te.Temporary:
		e := newError(platforms.KindAuth, te.Status, "renew access token: "+err.Error())
		e.Err = err
		return "", e
	}
	e := errTransient("renew access token: " + err.Error())
	e.Err = err
	return "", e
}

// Invalidate implements TokenSource.
func (a sourceAdapter) Invalidate() { a.src.Invalidate() }
