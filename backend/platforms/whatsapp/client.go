package whatsapp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"time"

	"creatordesk/backend/platforms"
)

const (
	// callTimeout bounds one API call.
	callTimeout = 30 * time.Second
	// maxBody caps a response body.
	maxBody = 4 << 20
	// userAgent identifies the client.
	userAgent = "CreatorDesk (WhatsApp connector)"
	// maxInlineWait is the longest rate-limit wait a call sits out itself
	// before retrying; longer waits are returned to the caller.
	maxInlineWait = 10 * time.Second
	// inlineRetries is how many times one call is retried after such a wait.
	inlineRetries = 2
)

// call is one Graph API request.
type call struct {
	op     string
	method string
	// path is below the versioned base; ids in it are checked by the caller.
	path  string
	query map[string]string
	// body is sent as JSON when set.
	body any
	// upload is sent as is with uploadType (a multipart form) when body is nil.
	upload     []byte
	uploadType string
}

// errMalformed marks a 2xx answer that could not be decoded.
var errMalformed = errors.New("malformed response")

// do performs a call, waiting out short rate limits (Meta's throughput and
// per-recipient limits ask for seconds) up to inlineRetries times. A refused
// call was not delivered, so retrying a send cannot duplicate it.
func (c *connector) do(ctx context.Context, r call, out any) error {
	for attempt := 0; ; attempt++ {
		err := c.once(ctx, r, out)
		if platforms.KindOf(err) != platforms.KindRateLimited || attempt >= inlineRetries {
			return err
		}
		wait := platforms.RetryAfterOf(err)
		if wait <= 0 || wait > maxInlineWait {
			return err
		}
		if serr := c.sleep(ctx, wait); serr != nil {
			return c.transportError(r.op, serr)
		}
	}
}

// once performs one request: the token goes in the Authorization header
// (never in the URL) and failures become *platforms.Error values that never
// contain it.
func (c *connector) once(ctx context.Context, r call, out any) error {
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
			return newError(platforms.KindPermanent, 0, r.op+": encode request: "+err.Error())
		}
		body = bytes.NewReader(raw)
	} else if r.upload != nil {
		body = bytes.NewReader(r.upload)
	}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, r.method, target, body)
	if err != nil {
		return newError(platforms.KindPermanent, 0, r.op+": build request")
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	switch {
	case r.body != nil:
		req.Header.Set("Content-Type", "application/json")
	case r.upload != nil:
		req.Header.Set("Content-Type", r.uploadType)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return c.transportError(r.op, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return c.transportError(r.op+": read response", err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 || hasErrorEnvelope(raw) {
		return c.apiError(r.op, resp.StatusCode, resp.Header, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			e := newError(platforms.KindTransient, 0, r.op+": malformed response: "+err.Error())
			e.Err = errMalformed
			return e
		}
	}
	return nil
}

// transportError reports a network failure without the request URL.
func (c *connector) transportError(op string, err error) *platforms.Error {
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
	e := newError(platforms.KindTransient, 0, platforms.RedactSecret(op+": "+reason, c.token))
	e.Err = err
	if uerr != nil {
		e.Err = uerr.Err
	}
	return e
}

// paging is Graph's pagination object.
type paging struct {
	Cursors struct {
		After string `json:"after"`
	} `json:"cursors"`
	Next string `json:"next"`
}

// after returns the next page's cursor, and whether there is a next page. The
// next URL itself is never followed (it may carry a token).
func (p paging) after() (string, bool) {
	if p.Next == "" {
		return "", false
	}
	if p.Cursors.After != "" {
		return p.Cursors.After, true
	}
	if u, err := url.Parse(p.Next); err == nil {
		if a := u.Query().Get("after"); a != "" {
			return a, true
		}
	}
	return "", false
}
