package telegram

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
	// callTimeout bounds one API call on top of any long-poll wait it asks for.
	callTimeout = 30 * time.Second
	// maxWait caps the long-poll wait; Telegram advises 25 to 50 seconds.
	maxWait = 50 * time.Second
	// maxBody caps a response body; 100 updates stay far below it.
	maxBody = 32 << 20
)

// newHTTPClient returns the client for API calls (see platforms.NewHTTPClient).
func newHTTPClient() *http.Client {
	return platforms.NewHTTPClient(maxWait + callTimeout)
}

// envelope is the wrapper around every Bot API answer.
type envelope struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
	Parameters  *struct {
		RetryAfter      int   `json:"retry_after"`
		MigrateToChatID int64 `json:"migrate_to_chat_id"`
	} `json:"parameters"`
}

// call POSTs params as JSON to method, waiting at most callTimeout+wait, and
// decodes the envelope's result into out. Every failure is a *platforms.Error
// whose text has the token removed.
func (c *connector) call(ctx context.Context, method string, params any, wait time.Duration, out any) error {
	body := []byte("{}")
	if params != nil {
		var err error
		if body, err = json.Marshal(params); err != nil {
			return errPermanent(method + ": encode request: " + err.Error())
		}
	}
	return c.post(ctx, method, bytes.NewReader(body), "application/json", wait, out)
}

// post sends one request body of contentType to method and decodes the
// envelope's result into out (see call).
func (c *connector) post(ctx context.Context, method string, body io.Reader, contentType string, wait time.Duration, out any) error {
	ctx, cancel := context.WithTimeout(ctx, callTimeout+wait)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint+method, body)
	if err != nil {
		return errPermanent(c.redact(method + ": build request: " + err.Error()))
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := c.http.Do(req)
	if err != nil {
		return errTransient(c.redact(method + ": " + transportReason(err)))
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return errTransient(c.redact(method + ": read response: " + transportReason(err)))
	}
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		if resp.StatusCode != http.StatusOK {
			return c.apiError(method, resp.StatusCode, envelope{})
		}
		return errTransient(method + ": malformed response: " + err.Error())
	}
	if !env.OK || resp.StatusCode != http.StatusOK {
		return c.apiError(method, resp.StatusCode, env)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(env.Result, out); err != nil {
		return errTransient(method + ": unexpected result: " + err.Error())
	}
	return nil
}

// transportReason describes a net/http failure without the request URL,
// which *url.Error would otherwise print together with the token.
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
