//go:build peers

package mastodon

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"creatordesk/backend/platforms"
)

// exchange is one request a connector made to the peer and what came back.
type exchange struct {
	Method string
	URL    *url.URL
	Status int
	Links  []string
	// Empty is set for a 2xx answer whose body is the empty JSON list.
	Empty bool
}

// recorder wraps a connector's transport and keeps every exchange, so the
// test can see what a real server answers (its Link headers, its last pages)
// while the connector works as it does in the app.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	log  []exchange
}

// RoundTrip passes the request on and records it with its answer.
func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	raw, readErr := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(raw))
	if readErr != nil {
		return nil, readErr
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	u := *req.URL
	r.log = append(r.log, exchange{
		Method: req.Method, URL: &u, Status: resp.StatusCode, Links: resp.Header.Values("Link"),
		Empty: resp.StatusCode/100 == 2 && string(bytes.TrimSpace(raw)) == "[]",
	})
	return resp, nil
}

// exchanges returns the exchanges so far on paths starting with prefix.
func (r *recorder) exchanges(prefix string) []exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []exchange
	for _, e := range r.log {
		if strings.HasPrefix(e.URL.Path, prefix) {
			out = append(out, e)
		}
	}
	return out
}

// mark returns the number of exchanges so far, to look only at later ones.
func (r *recorder) mark() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.log)
}

// since returns the exchanges after mark.
func (r *recorder) since(mark int) []exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]exchange(nil), r.log[mark:]...)
}

// peerConnector builds the real connector for base and token with a recorder
// around its transport.
func peerConnector(t *testing.T, base, token string) (*connector, *recorder) {
	t.Helper()
	pc, err := New(platforms.Credentials{BaseURL: base, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	c := pc.(*connector)
	next := c.http.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	rec := &recorder{next: next}
	client := *c.http
	client.Transport = rec
	c.http = &client
	return c, rec
}
