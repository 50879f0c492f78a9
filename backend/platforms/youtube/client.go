package youtube

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"

	"creatordesk/backend/platforms"
)

const (
	// callTimeout bounds one API call.
	callTimeout = 30 * time.Second
	// maxBody caps a response body; 100 threads with their replies stay far below it.
	maxBody = 16 << 20
	// userAgent identifies the client.
	userAgent = "CreatorDesk (YouTube connector)"
)

// newHTTPClient returns the client for API calls (see platforms.NewHTTPClient).
func newHTTPClient() *http.Client {
	return platforms.NewHTTPClient(callTimeout)
}

// call is one API request.
type call struct {
	// op names the call in errors and logs ("poll", "send", "moderate hide").
	op string
	// api is the API method ("commentThreads.list"); it decides the quota cost.
	api string
	// verb is the HTTP method; "" means GET.
	verb  string
	path  string
	query url.Values
	// body is sent as JSON when not nil.
	body any
}

// do performs cl and decodes a 2xx JSON answer into out (unless out is nil or
// the answer is 204). The call's quota cost is taken from the budget first; a
// call the budget cannot pay for is refused without a request. Every failure
// is a *platforms.Error whose text holds neither the token nor the URL.
func (c *connector) do(ctx context.Context, cl call, out any) error {
	err := c.doOnce(ctx, cl, out)
	var pe *platforms.Error
	if c.src != nil && errors.As(err, &pe) && pe.Code == http.StatusUnauthorized {
		// The cached access token may have been revoked before its expiry:
		// renew it once; a refresh token that is refused too is KindAuth.
		c.src.Invalidate()
		err = c.doOnce(ctx, cl, out)
	}
	return err
}

// doOnce is one attempt of do.
func (c *connector) doOnce(ctx context.Context, cl call, out any) error {
	if err := ctx.Err(); err != nil {
		e := errTransient(cl.op + ": " + transportReason(err))
		e.Err = err
		return e
	}
	token, err := c.accessToken(ctx, cl.op)
	if err != nil {
		return err
	}
	units := costs[cl.api]
	if err := c.quota.reserve(c.now(), units, cl.op); err != nil {
		return err
	}
	verb := cl.verb
	if verb == "" {
		verb = http.MethodGet
	}
	target := c.base + cl.path
	if len(cl.query) > 0 {
		target += "?" + cl.query.Encode()
	}
	var body io.Reader
	if cl.body != nil {
		raw, err := json.Marshal(cl.body)
		if err != nil {
			c.quota.refund(c.now(), units)
			return errPermanent(cl.op + ": encode request: " + err.Error())
		}
		body = bytes.NewReader(raw)
	}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, verb, target, body)
	if err != nil {
		c.quota.refund(c.now(), units)
		return errPermanent(c.redact(cl.op + ": build request: " + transportReason(err)))
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	if cl.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if neverSent(err) {
			c.quota.refund(c.now(), units)
		}
		e := errTransient(c.redact(cl.op + ": " + transportReason(err)))
		e.Err = causeOf(err)
		return e
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		e := errTransient(c.redact(cl.op + ": read response: " + transportReason(err)))
		e.Err = causeOf(err)
		return e
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return c.apiError(cl, resp.StatusCode, resp.Header, raw)
	}
	if out == nil || resp.StatusCode == http.StatusNoContent {
		return nil
	}
	if err := json.Unmarshal(raw, out); err != nil {
		e := errTransient(cl.op + ": malformed response: " + err.Error())
		e.Err = errMalformed
		return e
	}
	return nil
}

// errMalformed is the cause of an error for a 2xx answer that is not the JSON
// expected (a cut-off body): the call itself may have taken effect.
var errMalformed = errors.New("malformed response")

// neverSent reports a failure to connect: the request cannot have reached
// Google, so it cost nothing. Any later failure may have been charged.
func neverSent(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// transportReason describes a net/http failure without the request URL, which
// *url.Error would otherwise print (the token is never in it, but page tokens
// and ids are no business of a user-facing error).
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
