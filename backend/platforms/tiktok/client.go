package tiktok

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
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
	// userAgent identifies the client.
	userAgent = "CreatorDesk (TikTok connector)"
)

// Codes of TikTok's envelope this connector branches on (see the package doc on how sure they are).
const (
	// CodeRateLimited: too many requests for this app or endpoint.
	CodeRateLimited = 40100
	// CodeTokenExpired, CodeTokenEmpty, CodeTokenInvalid: the access token does not work.
	CodeTokenExpired = 40102
	CodeTokenEmpty   = 40104
	CodeTokenInvalid = 40105
)

// Waits after rate limiting when TikTok names none.
const (
	rateLimitWait = 30 * time.Second
	maxRetryAfter = time.Hour
)

// call is one API request.
type call struct {
	op     string
	method string
	path   string
	query  map[string]string
	body   any
	// noAuth leaves out the Access-Token header (the token endpoints).
	noAuth bool
	// secrets are redacted from error messages besides the access token.
	secrets []string
}

// envelope is TikTok's answer.
type envelope struct {
	Code      *int            `json:"code"`
	Message   string          `json:"message"`
	RequestID string          `json:"request_id"`
	Data      json.RawMessage `json:"data"`
}

// errMalformed marks an answer that could not be decoded.
var errMalformed = errors.New("malformed response")

// do performs one call and decodes data into out.
func (c *connector) do(ctx context.Context, r call, out any) error {
	target := c.base + r.path
	if len(r.query) > 0 {
		q := url.Values{}
		for k, v := range r.query {
			q.Set(k, v)
		}
		target += "?" + q.Encode()
	}
	var body io.Reader
	if r.body != nil {
		raw, err := json.Marshal(r.body)
		if err != nil {
			return newError(platforms.KindPermanent, 0, r.op+": encode request")
		}
		body = bytes.NewReader(raw)
	}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, r.method, target, body)
	if err != nil {
		return newError(platforms.KindPermanent, 0, r.op+": build request")
	}
	c.mu.Lock()
	access := c.tok.Access
	c.mu.Unlock()
	if !r.noAuth {
		req.Header.Set("Access-Token", access)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	redact := func(s string) string {
		s = platforms.RedactSecret(s, access)
		for _, x := range r.secrets {
			s = platforms.RedactSecret(s, x)
		}
		return s
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return transportError(r.op, err, redact)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return transportError(r.op+": read response", err, redact)
	}
	var env envelope
	if jerr := json.Unmarshal(raw, &env); jerr != nil || env.Code == nil {
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			e := newError(platforms.KindTransient, 0, r.op+": malformed response")
			e.Err = errMalformed
			return e
		}
		return statusError(r.op, resp.StatusCode, resp.Header)
	}
	if *env.Code != 0 {
		return apiError(r.op, *env.Code, resp.StatusCode, env.Message, env.RequestID, resp.Header, redact)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return statusError(r.op, resp.StatusCode, resp.Header)
	}
	if out != nil {
		if err := json.Unmarshal(env.Data, out); err != nil {
			e := newError(platforms.KindTransient, 0, r.op+": malformed data: "+err.Error())
			e.Err = errMalformed
			return e
		}
	}
	return nil
}

// newError builds a connector error.
func newError(kind platforms.ErrorKind, code int, msg string) *platforms.Error {
	return &platforms.Error{Platform: Platform, Kind: kind, Code: code, Message: msg}
}

// statusError maps an HTTP failure without TikTok's envelope.
func statusError(op string, status int, h http.Header) *platforms.Error {
	kind := platforms.KindTransient
	switch {
	case status == http.StatusUnauthorized:
		kind = platforms.KindAuth
	case status == http.StatusTooManyRequests:
		kind = platforms.KindRateLimited
	case status >= 400 && status < 500 && status != http.StatusRequestTimeout:
		kind = platforms.KindPermanent
	}
	e := newError(kind, status, op+": HTTP "+strconv.Itoa(status))
	if kind == platforms.KindRateLimited {
		e.RetryAfter = retryAfter(h)
	}
	return e
}

// apiError maps a non-zero envelope code.
func apiError(op string, code, status int, message, requestID string, h http.Header, redact func(string) string) *platforms.Error {
	msg := strings.TrimSpace(message)
	if msg == "" {
		msg = "error " + strconv.Itoa(code)
	}
	if requestID != "" {
		msg += " (request " + platforms.TruncateText(requestID, 40) + ")"
	}
	lower := strings.ToLower(message)
	kind := platforms.KindPermanent
	switch {
	case code == CodeTokenExpired, code == CodeTokenEmpty, code == CodeTokenInvalid, status == http.StatusUnauthorized,
		strings.Contains(lower, "access token") && (strings.Contains(lower, "expired") || strings.Contains(lower, "invalid")):
		kind = platforms.KindAuth
		msg = "the access token is invalid or expired (connect again, or save the refresh token so CreatorDesk can renew it) — " + msg
	case code == CodeRateLimited, status == http.StatusTooManyRequests:
		kind = platforms.KindRateLimited
	case code >= 50000 || status >= 500:
		kind = platforms.KindTransient
	}
	e := newError(kind, code, redact(op+": "+platforms.TruncateText(msg, 400)))
	if kind == platforms.KindRateLimited {
		e.RetryAfter = retryAfter(h)
	}
	return e
}

// retryAfter reads Retry-After (seconds) when TikTok sends one, else rateLimitWait.
func retryAfter(h http.Header) time.Duration {
	d := rateLimitWait
	if v, err := strconv.Atoi(strings.TrimSpace(h.Get("Retry-After"))); err == nil && v > 0 {
		d = time.Duration(v) * time.Second
	}
	return min(d, maxRetryAfter)
}

// transportError reports a network failure without the request URL.
func transportError(op string, err error, redact func(string) string) *platforms.Error {
	reason := err.Error()
	var uerr *url.Error
	if errors.As(err, &uerr) {
		reason = uerr.Err.Error()
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		reason = "timeout"
	case errors.Is(err, context.Canceled):
		reason = "canceled"
	}
	e := newError(platforms.KindTransient, 0, redact(op+": "+reason))
	e.Err = err
	return e
}
