package oauth

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// maxTokenBody caps a token endpoint's answer.
const maxTokenBody = 1 << 20

// tokenResponse is RFC 6749 §5.1's answer (and §5.2's error fields).
type tokenResponse struct {
	AccessToken      string          `json:"access_token"`
	TokenType        string          `json:"token_type"`
	RefreshToken     string          `json:"refresh_token"`
	ExpiresIn        json.RawMessage `json:"expires_in"`
	Scope            string          `json:"scope"`
	Error            string          `json:"error"`
	ErrorDescription string          `json:"error_description"`
}

// Exchange trades an authorization code for tokens, proving the flow with
// its PKCE verifier and the exact redirect URI the code was issued for.
func (c Config) Exchange(ctx context.Context, code, verifier, redirectURI string) (Token, error) {
	v := url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {code},
		"redirect_uri":  {redirectURI},
		"client_id":     {c.ClientID},
		"code_verifier": {verifier},
	}
	return c.token(ctx, v, "")
}

// Refresh asks for a new access token with a refresh token. When the server
// sends no new refresh token the old one stays in the result: a working
// refresh token is never thrown away.
func (c Config) Refresh(ctx context.Context, refreshToken string) (Token, error) {
	if strings.TrimSpace(refreshToken) == "" {
		return Token{}, &TokenError{Code: "invalid_grant", Description: "no refresh token", Err: ErrInvalidGrant}
	}
	v := url.Values{
		"grant_type":    {"refresh_token"},
		"refresh_token": {refreshToken},
		"client_id":     {c.ClientID},
	}
	return c.token(ctx, v, refreshToken)
}

// token posts one token request.
func (c Config) token(ctx context.Context, v url.Values, keepRefresh string) (Token, error) {
	if err := CheckEndpointURL(c.Endpoint.TokenURL); err != nil {
		return Token{}, err
	}
	if c.ClientSecret != "" {
		v.Set("client_secret", c.ClientSecret)
	}
	ctx, cancel := context.WithTimeout(ctx, tokenCallTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Endpoint.TokenURL, strings.NewReader(v.Encode()))
	if err != nil {
		return Token{}, &ConfigError{Field: "endpoint"}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	sent := c.now()
	resp, err := c.httpClient().Do(req)
	if err != nil {
		return Token{}, &TokenError{Temporary: true, Err: causeOf(err)}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenBody))
	if err != nil {
		return Token{}, &TokenError{Status: resp.StatusCode, Temporary: true, Err: causeOf(err)}
	}
	var tr tokenResponse
	jsonErr := json.Unmarshal(raw, &tr)
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); jsonErr != nil && mt == "application/x-www-form-urlencoded" {
		// Some older servers answer form-encoded.
		if q, err := url.ParseQuery(string(raw)); err == nil {
			tr = tokenResponse{AccessToken: q.Get("access_token"), TokenType: q.Get("token_type"), RefreshToken: q.Get("refresh_token"),
				ExpiresIn: json.RawMessage(q.Get("expires_in")), Scope: q.Get("scope"), Error: q.Get("error"), ErrorDescription: q.Get("error_description")}
			jsonErr = nil
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 || tr.Error != "" {
		te := &TokenError{Status: resp.StatusCode, Code: clean(tr.Error, 64), Description: clean(tr.ErrorDescription, 300),
			Temporary: resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests}
		switch tr.Error {
		case "invalid_grant":
			te.Err = ErrInvalidGrant
		case "invalid_client", "unauthorized_client":
			te.Err = ErrInvalidClient
		}
		if te.Err == nil && resp.StatusCode == http.StatusUnauthorized {
			te.Err = ErrInvalidClient
		}
		return Token{}, te
	}
	if jsonErr != nil || tr.AccessToken == "" {
		return Token{}, &TokenError{Status: resp.StatusCode, Description: "the answer has no access token", Temporary: true}
	}
	tok := Token{AccessToken: tr.AccessToken, RefreshToken: tr.RefreshToken, TokenType: tr.TokenType, Scope: tr.Scope}
	if tok.RefreshToken == "" {
		tok.RefreshToken = keepRefresh
	}
	if secs := expiresIn(tr.ExpiresIn); secs > 0 {
		tok.ExpiresAt = sent.Add(time.Duration(secs) * time.Second)
	}
	return tok, nil
}

// expiresIn reads expires_in, which servers send as a number or a string.
func expiresIn(raw json.RawMessage) int64 {
	s := strings.Trim(strings.TrimSpace(string(raw)), `"`)
	var n json.Number = json.Number(s)
	if v, err := n.Int64(); err == nil && v > 0 {
		return v
	}
	if f, err := n.Float64(); err == nil && f > 0 {
		return int64(f)
	}
	return 0
}

// causeOf unwraps a *url.Error, whose text includes the URL.
func causeOf(err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return uerr.Err
	}
	return err
}
