package shopify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

const (
	// callTimeout bounds one API call.
	callTimeout = 30 * time.Second
	// maxBody caps a response body.
	maxBody = 8 << 20
	// tokenMargin renews a client-credentials token this long before it lapses.
	tokenMargin = 5 * time.Minute
)

// gqlResponse is the GraphQL envelope.
type gqlResponse struct {
	Data       json.RawMessage `json:"data"`
	Errors     json.RawMessage `json:"errors"`
	Extensions struct {
		Cost *queryCost `json:"cost"`
	} `json:"extensions"`
}

// queryCost is Shopify's cost report for one query.
type queryCost struct {
	RequestedQueryCost float64 `json:"requestedQueryCost"`
	ActualQueryCost    float64 `json:"actualQueryCost"`
	ThrottleStatus     struct {
		MaximumAvailable   float64 `json:"maximumAvailable"`
		CurrentlyAvailable float64 `json:"currentlyAvailable"`
		RestoreRate        float64 `json:"restoreRate"`
	} `json:"throttleStatus"`
}

// gqlError is one entry of "errors".
type gqlError struct {
	Message    string `json:"message"`
	Extensions struct {
		Code string `json:"code"`
	} `json:"extensions"`
}

// graphql runs one query and decodes "data" into out. A 401 with client
// credentials renews the token once and retries.
func (c *connector) graphql(ctx context.Context, op, query string, vars map[string]any, out any) error {
	err := c.graphqlOnce(ctx, op, query, vars, out)
	if platforms.KindOf(err) == platforms.KindAuth && c.clientID != "" && ctx.Err() == nil {
		c.mu.Lock()
		c.token = "" // the token was refused: ask for a fresh one
		c.mu.Unlock()
		return c.graphqlOnce(ctx, op, query, vars, out)
	}
	return err
}

// graphqlOnce is one attempt of graphql.
func (c *connector) graphqlOnce(ctx context.Context, op, query string, vars map[string]any, out any) error {
	token, err := c.accessToken(ctx)
	if err != nil {
		return err
	}
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/admin/api/"+url.PathEscape(c.apiVersion)+"/graphql.json", bytes.NewReader(body))
	if err != nil {
		return errPermanent(op + ": build request")
	}
	req.Header.Set("X-Shopify-Access-Token", token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "CreatorDesk (Shopify connector)")
	resp, err := c.http.Do(req)
	if err != nil {
		e := errTransient(op + ": " + transportReason(err))
		e.Err = causeOf(err)
		return e
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return errTransient(op + ": reading the answer failed")
	}
	if err := statusError(op, resp, raw); err != nil {
		return err
	}
	var env gqlResponse
	if err := json.Unmarshal(raw, &env); err != nil {
		return errTransient(op + ": the answer is not valid JSON")
	}
	if err := graphqlErrors(op, env); err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	if len(env.Data) == 0 || string(env.Data) == "null" {
		return errTransient(op + ": the answer has no data")
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return errTransient(op + ": unexpected data shape")
	}
	return nil
}

// statusError maps a non-2xx HTTP status to a typed error.
func statusError(op string, resp *http.Response, raw []byte) error {
	switch s := resp.StatusCode; {
	case s >= 200 && s < 300:
		return nil
	case s == http.StatusUnauthorized:
		return errAuth(op + ": the shop refused the access token (expired, revoked or the app was uninstalled)")
	case s == http.StatusForbidden:
		return errOf(platforms.KindPermanent, s, op+": the app lacks a permission (scope) this needs: "+shortText(raw))
	case s == http.StatusTooManyRequests:
		return errThrottled(s, op+": rate limited", retryAfter(resp.Header.Get("Retry-After"), 2*time.Second))
	case s == http.StatusPaymentRequired, s == http.StatusLocked:
		return errOf(platforms.KindPermanent, s, op+": the shop is frozen or locked")
	case s >= 500:
		return errOf(platforms.KindTransient, s, op+": Shopify had a server error")
	default:
		return errOf(platforms.KindPermanent, s, op+": "+shortText(raw))
	}
}

// graphqlErrors maps GraphQL-level errors (HTTP 200) to typed errors.
func graphqlErrors(op string, env gqlResponse) error {
	if len(env.Errors) == 0 || string(env.Errors) == "null" {
		return nil
	}
	var list []gqlError
	if err := json.Unmarshal(env.Errors, &list); err != nil {
		// Shopify sometimes answers {"errors":"[API] …"} with a plain string.
		var text string
		_ = json.Unmarshal(env.Errors, &text)
		return errPermanent(op + ": " + text)
	}
	if len(list) == 0 {
		return nil
	}
	for _, e := range list {
		switch e.Extensions.Code {
		case "THROTTLED":
			return errThrottled(429, op+": query cost over the shop's budget", throttleWait(env.Extensions.Cost))
		case "ACCESS_DENIED":
			return errOf(platforms.KindPermanent, 403, op+": the app lacks a permission (scope): "+e.Message)
		case "INTERNAL_SERVER_ERROR":
			return errTransient(op + ": " + e.Message)
		}
	}
	return errPermanent(op + ": " + list[0].Message)
}

// throttleWait is how long until the bucket holds the requested cost again.
func throttleWait(cost *queryCost) time.Duration {
	if cost == nil || cost.ThrottleStatus.RestoreRate <= 0 {
		return time.Second
	}
	missing := cost.RequestedQueryCost - cost.ThrottleStatus.CurrentlyAvailable
	if missing <= 0 {
		return time.Second
	}
	secs := math.Ceil(missing / cost.ThrottleStatus.RestoreRate)
	return time.Duration(secs) * time.Second
}

// retryAfter parses a Retry-After header in (possibly fractional) seconds.
func retryAfter(h string, fallback time.Duration) time.Duration {
	if f, err := strconv.ParseFloat(strings.TrimSpace(h), 64); err == nil && f > 0 {
		return time.Duration(f * float64(time.Second))
	}
	return fallback
}

// accessToken returns the token to send, renewing a client-credentials token when due.
func (c *connector) accessToken(ctx context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.clientID == "" {
		return c.token, nil
	}
	if c.token != "" && c.now().Add(tokenMargin).Before(c.expires) {
		return c.token, nil
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {c.clientID}, "client_secret": {c.secret}}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/admin/oauth/access_token", strings.NewReader(form.Encode()))
	if err != nil {
		return "", errPermanent("token: build request")
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		e := errTransient("token: " + transportReason(err))
		e.Err = causeOf(err)
		return "", e
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	switch {
	case resp.StatusCode == http.StatusBadRequest || resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return "", errAuth("token: the shop refused the client id and secret (is the app installed on this store?)")
	case resp.StatusCode == http.StatusTooManyRequests:
		return "", errThrottled(429, "token: rate limited", retryAfter(resp.Header.Get("Retry-After"), 2*time.Second))
	case resp.StatusCode >= 300:
		return "", statusError("token", resp, raw)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
	}
	if json.Unmarshal(raw, &tok) != nil || tok.AccessToken == "" {
		return "", errTransient("token: the answer has no access token")
	}
	if tok.ExpiresIn <= 0 {
		tok.ExpiresIn = 24 * 3600
	}
	c.token, c.expires = tok.AccessToken, c.now().Add(time.Duration(tok.ExpiresIn)*time.Second)
	return c.token, nil
}

// shortText is the start of a body for an error message.
func shortText(raw []byte) string {
	s := strings.TrimSpace(string(raw))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// transportReason describes a transport failure without the URL (which is fine
// here, tokens travel in headers, but keeps messages short).
func transportReason(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timed out"
	}
	return fmt.Sprint(err)
}

// causeOf keeps context errors reachable through errors.Is.
func causeOf(err error) error {
	switch {
	case errors.Is(err, context.Canceled):
		return context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		return context.DeadlineExceeded
	}
	return nil
}
