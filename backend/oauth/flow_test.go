package oauth_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"creatordesk/backend/oauth"
	"creatordesk/backend/oauth/oauthfake"
)

// fakeServer starts an authorization server with one client.
func fakeServer(t *testing.T) (*oauthfake.Server, oauth.Config) {
	t.Helper()
	srv := oauthfake.New("/o").Start()
	t.Cleanup(srv.Close)
	srv.AddClient(oauthfake.Client{ID: "client-1", Secret: "s3cret", Scopes: []string{"read write"}})
	cfg := oauth.Config{ClientID: "client-1", ClientSecret: "s3cret", Scopes: []string{"read", "write"},
		Endpoint:   oauth.Endpoint{AuthURL: srv.AuthURL(), TokenURL: srv.TokenURL()},
		AuthParams: url.Values{"access_type": {"offline"}}}
	return srv, cfg
}

// browser is an Opener that behaves like a browser: it follows the
// authorization server's redirect to the loopback listener and keeps the page.
type browser struct {
	mu     sync.Mutex
	status int
	header http.Header
	body   string
	err    error
	done   chan struct{}
}

func newBrowser() *browser { return &browser{done: make(chan struct{})} }

func (b *browser) open(_ context.Context, authURL string) error {
	go func() {
		defer close(b.done)
		resp, err := http.Get(authURL)
		b.mu.Lock()
		defer b.mu.Unlock()
		if err != nil {
			b.err = err
			return
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		b.status, b.header, b.body = resp.StatusCode, resp.Header, string(raw)
	}()
	return nil
}

// page waits for the page the browser landed on.
func (b *browser) page(t *testing.T) (int, http.Header, string) {
	t.Helper()
	select {
	case <-b.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the browser never got a page")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		t.Fatalf("browser: %v", b.err)
	}
	return b.status, b.header, b.body
}

// assertClosed checks nothing listens on the redirect URI's port any more.
func assertClosed(t *testing.T, redirect string) {
	t.Helper()
	u, _ := url.Parse(redirect)
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", u.Host, time.Second)
		if err != nil {
			return
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("the listener on %s is still open", u.Host)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestFlowSuccessExchangesWithPKCEAndClosesTheListener(t *testing.T) {
	srv, cfg := fakeServer(t)
	f, err := oauth.Listen(oauth.Options{AppName: "CreatorDesk"})
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/callback$`).MatchString(f.RedirectURI()) {
		t.Fatalf("redirect URI %q is not a loopback URI with a port", f.RedirectURI())
	}
	authURL, err := f.Authorize(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser()
	_ = b.open(context.Background(), authURL)
	tok, err := f.Wait(context.Background())
	if err != nil {
		t.Fatalf("Wait: %v", err)
	}
	if tok.AccessToken == "" || tok.RefreshToken == "" || tok.ExpiresAt.IsZero() {
		t.Fatalf("token incomplete: access %t refresh %t expiry %v", tok.AccessToken != "", tok.RefreshToken != "", tok.ExpiresAt)
	}
	if scope, ok := srv.ValidAccess(tok.AccessToken); !ok || scope != "read write" {
		t.Fatalf("the server does not know the access token (ok %v, scope %q)", ok, scope)
	}
	status, h, body := b.page(t)
	if status != http.StatusOK || !strings.Contains(body, "✓") || !strings.Contains(body, "CreatorDesk") {
		t.Fatalf("page: %d %q", status, body)
	}
	assertStrictPage(t, h, body)

	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Path != "authorize" || reqs[1].Path != "token" {
		t.Fatalf("requests: %+v", reqs)
	}
	az, tk := reqs[0].Form, reqs[1].Form
	if az.Get("code_challenge_method") != "S256" || az.Get("redirect_uri") != f.RedirectURI() || az.Get("access_type") != "offline" ||
		az.Get("scope") != "read write" || len(az.Get("state")) < 32 {
		t.Fatalf("authorization request: %v", az)
	}
	verifier := tk.Get("code_verifier")
	sum := sha256.Sum256([]byte(verifier))
	if len(verifier) < 43 || base64.RawURLEncoding.EncodeToString(sum[:]) != az.Get("code_challenge") {
		t.Fatalf("the verifier %q does not match the challenge %q", verifier, az.Get("code_challenge"))
	}
	if tk.Get("redirect_uri") != f.RedirectURI() || tk.Get("grant_type") != "authorization_code" || tk.Get("client_secret") != "s3cret" {
		t.Fatalf("token request: %v", tk)
	}
	assertClosed(t, f.RedirectURI())
}

// assertStrictPage checks the landing page's headers: a CSP that allows no
// script and only the page's own style, by hash.
func assertStrictPage(t *testing.T, h http.Header, body string) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe") || strings.Contains(body, "<script") {
		t.Fatalf("CSP %q / body %q", csp, body)
	}
	m := regexp.MustCompile(`<style>(.*)</style>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no style element")
	}
	sum := sha256.Sum256([]byte(m[1]))
	if !strings.Contains(csp, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'") {
		t.Fatalf("the CSP %q does not allow the page's style by its hash", csp)
	}
	if h.Get("Cache-Control") != "no-store" || h.Get("Referrer-Policy") != "no-referrer" {
		t.Fatalf("headers: %v", h)
	}
}

func TestFlowAccessDenied(t *testing.T) {
	srv, cfg := fakeServer(t)
	srv.SetDecision(oauthfake.Deny)
	b := newBrowser()
	f, _ := oauth.Listen(oauth.Options{})
	authURL, _ := f.Authorize(cfg)
	_ = b.open(context.Background(), authURL)
	_, err := f.Wait(context.Background())
	if !errors.Is(err, oauth.ErrAccessDenied) {
		t.Fatalf("err = %v, want ErrAccessDenied", err)
	}
	if _, _, body := b.page(t); !strings.Contains(body, "✕") {
		t.Fatalf("page %q", body)
	}
	for _, r := range srv.Requests() {
		if r.Path == "token" {
			t.Fatal("a denied flow asked for a token")
		}
	}
	assertClosed(t, f.RedirectURI())
}

func TestFlowWrongStateExchangesNothing(t *testing.T) {
	srv, cfg := fakeServer(t)
	srv.SetDecision(oauthfake.WrongState)
	b := newBrowser()
	_, err := oauth.Run(context.Background(), cfg, oauth.Options{}, b.open)
	if !errors.Is(err, oauth.ErrStateMismatch) {
		t.Fatalf("err = %v, want ErrStateMismatch", err)
	}
	if status, _, _ := b.page(t); status != http.StatusBadRequest {
		t.Fatalf("page status %d", status)
	}
	for _, r := range srv.Requests() {
		if r.Path == "token" {
			t.Fatal("a code with a wrong state was exchanged")
		}
	}
}

func TestFlowOtherAuthorizationError(t *testing.T) {
	srv, cfg := fakeServer(t)
	srv.AddClient(oauthfake.Client{ID: "narrow", Secret: "x", Scopes: []string{"read"}})
	cfg.ClientID, cfg.ClientSecret = "narrow", "x"
	b := newBrowser()
	_, err := oauth.Run(context.Background(), cfg, oauth.Options{}, b.open)
	var ae *oauth.AuthError
	if !errors.As(err, &ae) || ae.Code != "invalid_scope" {
		t.Fatalf("err = %v, want AuthError invalid_scope", err)
	}
	if code, key, args := ae.ErrorKey(); code == "" || key != "errors.oauth.refused" || args["code"] != "invalid_scope" {
		t.Fatalf("ErrorKey = %q %q %v", code, key, args)
	}
}

func TestFlowTimeoutClosesTheListener(t *testing.T) {
	_, cfg := fakeServer(t)
	f, err := oauth.Listen(oauth.Options{Timeout: 150 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Authorize(cfg); err != nil {
		t.Fatal(err)
	}
	// Nobody opens the URL.
	_, err = f.Wait(context.Background())
	if !errors.Is(err, oauth.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	assertClosed(t, f.RedirectURI())
}

func TestFlowCanceledWhileTheBrowserHangs(t *testing.T) {
	srv, cfg := fakeServer(t)
	srv.SetDecision(oauthfake.Hold)
	f, _ := oauth.Listen(oauth.Options{})
	authURL, _ := f.Authorize(cfg)
	ctx, cancelBrowser := context.WithCancel(context.Background())
	defer cancelBrowser()
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, authURL, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	go func() {
		time.Sleep(50 * time.Millisecond)
		f.Cancel()
	}()
	if _, err := f.Wait(context.Background()); !errors.Is(err, oauth.ErrCanceled) {
		t.Fatalf("err = %v, want ErrCanceled", err)
	}
	assertClosed(t, f.RedirectURI())

	// A context ending cancels as well.
	f2, _ := oauth.Listen(oauth.Options{})
	_, _ = f2.Authorize(cfg)
	wctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f2.Wait(wctx); !errors.Is(err, oauth.ErrCanceled) {
		t.Fatalf("err = %v, want ErrCanceled", err)
	}
	assertClosed(t, f2.RedirectURI())
}

func TestListenerRefusesOtherHostsAndPaths(t *testing.T) {
	_, cfg := fakeServer(t)
	f, _ := oauth.Listen(oauth.Options{})
	defer f.Cancel()
	_, _ = f.Authorize(cfg)
	u, _ := url.Parse(f.RedirectURI())

	resp, err := http.Get("http://" + u.Host + "/favicon.ico")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("favicon: %d", resp.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodGet, f.RedirectURI()+"?code=x&state=y", nil)
	req.Host = "evil.example:" + u.Port()
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("foreign Host: %d", resp.StatusCode)
	}
	select {
	case <-f.Done():
		t.Fatal("a stray request ended the flow")
	default:
	}
}

func TestAuthorizeRejectsBadConfig(t *testing.T) {
	f, _ := oauth.Listen(oauth.Options{})
	defer f.Cancel()
	var ce *oauth.ConfigError
	if _, err := f.Authorize(oauth.Config{ClientID: "x", Endpoint: oauth.Endpoint{AuthURL: "http://auth.example/authorize", TokenURL: "https://t.example/token"}}); !errors.As(err, &ce) {
		t.Fatalf("plain http off loopback: err = %v", err)
	}
	if _, err := f.Authorize(oauth.Config{Endpoint: oauth.Endpoint{AuthURL: "https://a.example", TokenURL: "https://t.example"}}); !errors.As(err, &ce) {
		t.Fatalf("no client id: err = %v", err)
	}
}
