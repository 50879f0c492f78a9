//go:build peers

package mastodon

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"creatordesk/backend/oauth"
)

// peerSignIn connects an account the way the app does: it registers the
// connector as an OAuth client on the instance (RegisterApp) for a loopback
// redirect, runs the authorization-code flow with PKCE (oauth.Flow), and
// plays the person in the browser: the instance's sign-in form, then its
// consent page. It returns the access token the instance issued.
func peerSignIn(t *testing.T, base, email, password string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	flow, err := oauth.Listen(oauth.Options{Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer flow.Cancel()
	app, err := RegisterApp(ctx, base, flow.RedirectURI())
	if err != nil {
		t.Fatalf("register app: %v", err)
	}
	cfg, err := OAuthConfig(base, app)
	if err != nil {
		t.Fatal(err)
	}
	authURL, err := flow.Authorize(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := browseSignIn(ctx, authURL, flow.RedirectURI(), email, password); err != nil {
		t.Fatalf("sign in as %s: %v", email, err)
	}
	tok, err := flow.Wait(ctx)
	if err != nil {
		t.Fatalf("token for %s: %v", email, err)
	}
	if tok.AccessToken == "" {
		t.Fatalf("no access token for %s", email)
	}
	return tok.AccessToken
}

// browseSignIn follows the authorization URL like a browser: it follows
// redirects, keeps the session cookie (whatever Domain the server gives it),
// fills in the sign-in form and confirms the consent page, until the
// instance redirects to the loopback callback, which it then visits.
func browseSignIn(ctx context.Context, authURL, redirectURI, email, password string) error {
	client := &http.Client{
		Timeout:       20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	cookies := map[string]string{}
	method, target, form := http.MethodGet, authURL, url.Values(nil)
	signedIn, consented := false, false
	for step := 0; step < 12; step++ {
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, err := http.NewRequestWithContext(ctx, method, target, body)
		if err != nil {
			return err
		}
		req.Header.Set("Accept", "text/html")
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if !strings.HasPrefix(target, redirectURI) {
			for name, value := range cookies {
				req.AddCookie(&http.Cookie{Name: name, Value: value})
			}
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		page, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		resp.Body.Close()
		for _, c := range resp.Cookies() {
			cookies[c.Name] = c.Value
		}
		if strings.HasPrefix(target, redirectURI) {
			if resp.StatusCode != http.StatusOK {
				return fmt.Errorf("callback answered %d", resp.StatusCode)
			}
			return nil
		}
		switch {
		case resp.StatusCode >= 300 && resp.StatusCode < 400:
			loc, err := resp.Location()
			if err != nil {
				return fmt.Errorf("%s %s: redirect without a location", method, target)
			}
			method, target, form = http.MethodGet, loc.String(), nil
		case resp.StatusCode == http.StatusOK && strings.HasSuffix(req.URL.Path, "/auth/sign_in") && !signedIn:
			signedIn = true
			method, target = http.MethodPost, req.URL.ResolveReference(&url.URL{Path: "/auth/sign_in"}).String()
			form = url.Values{"username": {email}, "password": {password}}
		case resp.StatusCode == http.StatusOK && strings.HasSuffix(req.URL.Path, "/oauth/authorize") && !consented:
			consented = true
			method, target = http.MethodPost, req.URL.ResolveReference(&url.URL{Path: "/oauth/authorize"}).String()
			form = url.Values{}
		default:
			return fmt.Errorf("%s %s: unexpected answer %d: %.300s", method, req.URL.Path, resp.StatusCode, page)
		}
	}
	return fmt.Errorf("sign-in did not reach the callback")
}
