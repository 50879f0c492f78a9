package mastodon

import (
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
	// maxBody caps a response body; 40 conversations with their statuses stay far below it.
	maxBody = 16 << 20
	// userAgent identifies the client to instance admins.
	userAgent = "CreatorDesk (Mastodon connector)"
)

// newHTTPClient returns the client for API calls (see platforms.NewHTTPClient).
func newHTTPClient() *http.Client {
	return platforms.NewHTTPClient(callTimeout)
}

// request is one API call.
type request struct {
	// op names the call in errors and logs ("conversations", "post status").
	op     string
	method string
	// path is below the base URL; ids in it must be escaped by the caller.
	path  string
	query url.Values
	// form is sent as an application/x-www-form-urlencoded body.
	form    url.Values
	idemKey string
	// read marks a read of the account's own data, where a 403 can only mean a
	// missing scope or a disabled login.
	read bool
}

// do performs req and decodes a 2xx JSON answer into out (unless out is nil).
// It returns the response headers (for Link) and records the rate-limit
// headers of every answer. Every failure is a *platforms.Error without the token.
func (c *connector) do(ctx context.Context, req request, out any) (http.Header, error) {
	target := c.base + req.path
	if len(req.query) > 0 {
		target += "?" + req.query.Encode()
	}
	var body io.Reader
	if req.form != nil {
		body = strings.NewReader(req.form.Encode())
	}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, req.method, target, body)
	if err != nil {
		return nil, errPermanent(c.redact(req.op + ": build request: " + transportReason(err)))
	}
	hr.Header.Set("Authorization", "Bearer "+c.token)
	hr.Header.Set("Accept", "application/json")
	hr.Header.Set("User-Agent", userAgent)
	if req.form != nil {
		hr.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if req.idemKey != "" {
		hr.Header.Set("Idempotency-Key", req.idemKey)
	}
	resp, err := c.http.Do(hr)
	if err != nil {
		e := errTransient(c.redact(req.op + ": " + transportReason(err)))
		e.Err = causeOf(err)
		return nil, e
	}
	defer resp.Body.Close()
	c.noteRateLimit(resp.Header)
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		e := errTransient(c.redact(req.op + ": read response: " + transportReason(err)))
		e.Err = causeOf(err)
		return nil, e
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, c.apiError(req, resp.StatusCode, resp.Header, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			return nil, errTransient(req.op + ": malformed response: " + err.Error())
		}
	}
	return resp.Header, nil
}

// transportReason describes a net/http failure without the request URL, which
// *url.Error would otherwise print (the token is never in it, but a cautious
// caller keeps addresses out of user-facing errors too).
func transportReason(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	if errors.Is(err, context.Canceled) {
		return "canceled"
	}
	return causeOf(err).Error()
}

// causeOf unwraps a *url.Error, whose text includes the URL.
func causeOf(err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		return uerr.Err
	}
	return err
}

// noteRateLimit records the X-RateLimit-* headers of an answer, when present.
func (c *connector) noteRateLimit(h http.Header) {
	limit, errL := strconv.Atoi(h.Get("X-RateLimit-Limit"))
	remaining, errR := strconv.Atoi(h.Get("X-RateLimit-Remaining"))
	reset, errT := parseTime(h.Get("X-RateLimit-Reset"))
	if errL != nil && errR != nil && errT != nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if errL == nil {
		c.rate.limit = limit
	}
	if errR == nil {
		c.rate.remaining = remaining
	}
	if errT == nil {
		c.rate.reset = reset
	}
}
