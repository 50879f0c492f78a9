package tiktok

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

// Token is what the keyring keeps for a TikTok account: the access token
// and, when the person gave it, the refresh token that renews it.
type Token struct {
	Access  string `json:"access_token"`
	Refresh string `json:"refresh_token,omitempty"`
}

// tokenPattern is the shape of one TikTok token: one line without spaces.
func tokenOK(s string) bool {
	return len(s) >= 16 && len(s) <= 2048 && !strings.ContainsAny(s, " \t\r\n\"")
}

// ParseToken reads what is kept in the keyring: a bare access token, or a
// JSON object with access_token and refresh_token (the whole answer of
// TikTok's token endpoint is accepted, other fields ignored).
func ParseToken(raw string) (Token, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return Token{}, errors.New("missing access token")
	}
	if !strings.HasPrefix(raw, "{") {
		if !tokenOK(raw) {
			return Token{}, errors.New("this does not look like a TikTok access token")
		}
		return Token{Access: raw}, nil
	}
	var t Token
	var wrapped struct {
		Data Token `json:"data"`
	}
	if err := json.Unmarshal([]byte(raw), &t); err != nil {
		return Token{}, errors.New("the token is not valid JSON")
	}
	if t.Access == "" && json.Unmarshal([]byte(raw), &wrapped) == nil {
		t = wrapped.Data
	}
	if !tokenOK(t.Access) || t.Refresh != "" && !tokenOK(t.Refresh) {
		return Token{}, errors.New("the token JSON needs an access_token (and may have a refresh_token)")
	}
	return t, nil
}

// Encode returns the keyring form: the bare access token when there is no
// refresh token, else the JSON object.
func (t Token) Encode() string {
	if t.Refresh == "" {
		return t.Access
	}
	raw, _ := json.Marshal(t) // two strings always encode
	return string(raw)
}

// ValidTokenFormat checks a pasted token's shape before any network call.
func ValidTokenFormat(s string) bool {
	_, err := ParseToken(s)
	return err == nil
}

// RefreshToken renews the access token with the refresh token and the app's
// id and secret (POST /tt_user/oauth2/refresh_token/). TikTok rotates the
// refresh token; both new tokens are returned together as the keyring form.
// Without a refresh token or app credentials it is a KindPermanent error (the
// access token then lapses after about 24 hours and the account needs
// reconnecting); a refresh token TikTok refuses is KindAuth.
func (c *connector) RefreshToken(ctx context.Context) (platforms.RefreshedToken, error) {
	const op = "refresh token"
	if c.tok.Refresh == "" {
		return platforms.RefreshedToken{}, newError(platforms.KindPermanent, 0, op+": no refresh token was given when connecting")
	}
	if c.app == nil {
		return platforms.RefreshedToken{}, newError(platforms.KindPermanent, 0, op+": the TikTok app's id and secret are not saved")
	}
	appID, secret, err := c.app(ctx)
	if err != nil {
		return platforms.RefreshedToken{}, newError(platforms.KindTransient, 0, op+": read the app credentials: "+err.Error())
	}
	if appID == "" || secret == "" {
		return platforms.RefreshedToken{}, newError(platforms.KindPermanent, 0, op+": the TikTok app's id and secret are not saved")
	}
	var data struct {
		Access        string `json:"access_token"`
		ExpiresIn     int64  `json:"expires_in"`
		Refresh       string `json:"refresh_token"`
		OpenID        string `json:"open_id"`
		RefreshExpire int64  `json:"refresh_token_expires_in"`
	}
	body := map[string]string{"client_id": appID, "client_secret": secret, "grant_type": "refresh_token", "refresh_token": c.tok.Refresh}
	if err := c.do(ctx, call{op: op, method: http.MethodPost, path: "/tt_user/oauth2/refresh_token/", body: body, noAuth: true,
		secrets: []string{secret, c.tok.Refresh}}, &data); err != nil {
		return platforms.RefreshedToken{}, err
	}
	if !tokenOK(data.Access) {
		return platforms.RefreshedToken{}, newError(platforms.KindTransient, 0, op+": TikTok returned no access token")
	}
	if data.OpenID != "" && data.OpenID != c.businessID {
		return platforms.RefreshedToken{}, newError(platforms.KindPermanent, 0, op+": TikTok renewed a token of another account")
	}
	fresh := Token{Access: data.Access, Refresh: data.Refresh}
	if fresh.Refresh == "" {
		fresh.Refresh = c.tok.Refresh
	}
	out := platforms.RefreshedToken{Token: fresh.Encode()}
	if data.ExpiresIn > 0 {
		out.ExpiresAt = c.now().Add(time.Duration(data.ExpiresIn) * time.Second).UTC()
	}
	c.mu.Lock()
	c.tok = fresh
	c.mu.Unlock()
	return out, nil
}
