package meta

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
	maxBody = 8 << 20
	// userAgent identifies the client.
	userAgent = "CreatorDesk (Meta connector)"
)

// call is one Graph API request.
type call struct {
	// op names the call in errors and logs.
	op     string
	method string
	// path is below the versioned base; ids in it are checked by the caller.
	path  string
	query url.Values
	// body is sent as JSON when set.
	body any
	// upload is sent as is with uploadType (a multipart form) when body is nil.
	upload     []byte
	uploadType string
	// edge names a rate-limited edge with its own spacing ("" for none).
	edge string
	// unversioned calls the host root rather than the versioned base (token refresh).
	unversioned bool
}

// get is a GET call.
func (c *connector) get(ctx context.Context, op, path string, q url.Values, out any) error {
	return c.do(ctx, call{op: op, method: http.MethodGet, path: path, query: q}, out)
}

// errMalformed marks a 2xx answer that could not be decoded.
var errMalformed = errors.New("malformed response")

// do performs one call: it waits for the account's limiter, sends the token
// in the Authorization header (never in the URL), records the usage headers
// and maps failures to *platforms.Error values that never contain the token.
func (c *connector) do(ctx context.Context, r call, out any) error {
	if wait, blocked := c.lim.reserve(r.edge, c.spacing(r.edge), c.now()); blocked > 0 {
		e := newError(c.Platform(), platforms.KindRateLimited, 0, r.op+": waiting for Meta's usage limits to reset")
		e.RetryAfter = ceilSecond(blocked)
		return e
	} else if wait > 0 {
		if err := c.sleep(ctx, wait); err != nil {
			return c.transportError(r.op, err)
		}
	}
	target := c.base + r.path
	if r.unversioned {
		target = c.host + r.path
	}
	if len(r.query) > 0 {
		target += "?" + r.query.Encode()
	}
	var body io.Reader
	if r.body != nil {
		raw, err := json.Marshal(r.body)
		if err != nil {
			return c.errPermanent(r.op + ": encode request: " + err.Error())
		}
		body = bytes.NewReader(raw)
	} else if r.upload != nil {
		body = bytes.NewReader(r.upload)
	}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, r.method, target, body)
	if err != nil {
		return c.errPermanent(r.op + ": build request")
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
	u := parseUsage(resp.Header)
	c.lim.note(u, c.now())
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return c.transportError(r.op+": read response", err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 || hasErrorEnvelope(raw) {
		e := c.apiError(r.op, resp.StatusCode, u, raw)
		if e.Kind == platforms.KindRateLimited {
			c.lim.block(c.now().Add(e.RetryAfter))
		}
		return e
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			e := c.errTransient(r.op + ": malformed response: " + err.Error())
			e.Err = errMalformed
			return e
		}
	}
	return nil
}

// spacing is the least time between two calls on an edge: Meta allows two
// calls a second per account on the Instagram conversations edge.
func (c *connector) spacing(edge string) time.Duration {
	if edge == edgeConversations && c.flavor == instagram {
		return 500 * time.Millisecond
	}
	return 0
}

// edgeConversations is the conversations edge's limiter key.
const edgeConversations = "conversations"

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
	e := c.errTransient(c.redact(op + ": " + reason))
	e.Err = err
	if uerr != nil {
		e.Err = uerr.Err
	}
	return e
}

// paging is Graph's pagination object.
type paging struct {
	Cursors struct {
		Before string `json:"before"`
		After  string `json:"after"`
	} `json:"cursors"`
	Next     string `json:"next"`
	Previous string `json:"previous"`
}

// after returns the cursor of the next page, and whether there is one: a page
// without "next" is the last; the cursor comes from cursors.after, else from
// the next URL's own "after" parameter. The next URL itself is never
// followed: it may carry a token, and the client builds its own requests.
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
