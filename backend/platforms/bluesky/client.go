package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"creatordesk/backend/platforms"
)

const (
	// callTimeout bounds one XRPC call.
	callTimeout = 30 * time.Second
	// maxBody caps a response body; 100 messages or notifications stay far below it.
	maxBody = 16 << 20
	// chatProxy routes chat.bsky.* calls from the PDS to Bluesky's chat service.
	chatProxy = "did:web:api.bsky.chat#bsky_chat"
	// userAgent names the client to the server.
	userAgent = "CreatorDesk (+https://github.com/creatordesk)"
)

// newHTTPClient returns the client for API calls (see platforms.NewHTTPClient).
func newHTTPClient() *http.Client {
	return platforms.NewHTTPClient(callTimeout + 5*time.Second)
}

// call describes one XRPC request.
type call struct {
	nsid string
	// query holds the parameters of a query (GET).
	query url.Values
	// post makes the call a procedure (POST); body, when not nil, is its JSON input.
	post bool
	body any
	// chat adds the atproto-proxy header that routes the call to the chat service.
	chat bool
}

// answer is a raw XRPC response.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// xrpc makes an authenticated call with the account's access token and
// decodes a successful answer into out (when not nil). An expired or rejected
// access token is renewed once (refreshSession, else createSession) and the
// call repeated. Every failure is a *platforms.Error without secrets.
func (c *connector) xrpc(ctx context.Context, cl call, out any) error {
	token, err := c.accessToken(ctx)
	if err != nil {
		return err
	}
	ans, err := c.send(ctx, cl, token)
	if err != nil {
		return err
	}
	if !ok(ans.status) {
		if xe := parseError(ans); needsRenewal(xe) {
			if token, err = c.renew(ctx, token); err != nil {
				return err
			}
			if ans, err = c.send(ctx, cl, token); err != nil {
				return err
			}
		}
	}
	return c.decode(cl, ans, out)
}

// decode turns an answer into out or into a typed error.
func (c *connector) decode(cl call, ans answer, out any) error {
	if !ok(ans.status) {
		return c.apiError(cl.nsid, cl.chat, parseError(ans), ans.header)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(ans.body, out); err != nil {
		return errTransient(cl.nsid + ": malformed response: " + jsonReason(err))
	}
	return nil
}

// send performs one HTTP request with bearer as the Authorization (none when "").
func (c *connector) send(ctx context.Context, cl call, bearer string) (answer, error) {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	target := c.base + "/xrpc/" + cl.nsid
	if len(cl.query) > 0 {
		target += "?" + cl.query.Encode()
	}
	method := http.MethodGet
	var body io.Reader
	if cl.post {
		method = http.MethodPost
		raw := []byte("{}")
		if cl.body != nil {
			var err error
			if raw, err = json.Marshal(cl.body); err != nil {
				return answer{}, errPermanent(cl.nsid + ": encode request: " + err.Error())
			}
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		return answer{}, errPermanent(c.redact(cl.nsid + ": build request: " + transportReason(err)))
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	if cl.post {
		req.Header.Set("Content-Type", "application/json")
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	if cl.chat {
		req.Header.Set("atproto-proxy", chatProxy)
	}
	resp, err := c.sessions.http.Do(req)
	if err != nil {
		return answer{}, c.transportError(cl.nsid, err)
	}
	defer resp.Body.Close()
	c.observeRate(cl.nsid, resp.Header)
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return answer{}, c.transportError(cl.nsid, err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: raw}, nil
}

// transportError reports a network failure as transient, keeping the cause
// (so errors.Is(err, context.Canceled) works) but never printing the URL.
func (c *connector) transportError(nsid string, err error) *platforms.Error {
	e := errTransient(c.redact(nsid + ": " + transportReason(err)))
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	e.Err = err
	return e
}

// ok reports a 2xx status.
func ok(status int) bool { return status >= 200 && status < 300 }

// parseError reads an XRPC error body; anything unreadable leaves Name and Message empty.
func parseError(ans answer) *xrpcError {
	xe := &xrpcError{Status: ans.status}
	var body struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if json.Unmarshal(ans.body, &body) == nil && (body.Error != "" || body.Message != "") {
		xe.Name, xe.Message = clip(body.Error, 100), clip(body.Message, 500)
	} else {
		xe.Unreadable = true
	}
	return xe
}

// clip shortens s to at most n bytes without splitting a UTF-8 sequence.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8Start(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// utf8Start reports whether b begins a UTF-8 sequence.
func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// transportReason describes a net/http failure without the request URL,
// which *url.Error would otherwise print.
func transportReason(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	if errors.Is(err, context.Canceled) {
		return "canceled"
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	return err.Error()
}

// jsonReason describes a JSON decoding failure without quoting the input.
func jsonReason(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return "invalid JSON"
	case errors.As(err, &typ):
		return "field " + typ.Field + " has the wrong type"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "truncated JSON"
	}
	return "invalid JSON"
}

// redact removes the app password and the account's tokens from s.
func (c *connector) redact(s string) string {
	secrets := []string{c.password}
	secrets = append(secrets, c.acct.tokens()...)
	for _, secret := range secrets {
		if len(secret) >= 4 {
			s = strings.ReplaceAll(s, secret, "<redacted>")
			s = strings.ReplaceAll(s, url.QueryEscape(secret), "<redacted>")
		}
	}
	return s
}
