package mastodon_test

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"creatordesk/backend/oauth"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/mastodon"
	"creatordesk/backend/platforms/mastodon/mastodonfake"
)

// followRedirect acts as the browser: it follows the instance's redirect back
// to the loopback listener.
func followRedirect(_ context.Context, authURL string) error {
	go func() {
		if resp, err := http.Get(authURL); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
	return nil
}

func TestOAuthConnectRegistersAnAppPerRedirectAndGetsAWorkingToken(t *testing.T) {
	srv := mastodonfake.New("fixed-token")
	base := srv.Start()
	t.Cleanup(srv.Close)

	f, err := oauth.Listen(oauth.Options{})
	if err != nil {
		t.Fatal(err)
	}
	app, err := mastodon.RegisterApp(context.Background(), base, f.RedirectURI())
	if err != nil {
		f.Cancel()
		t.Fatal(err)
	}
	apps := srv.Apps()
	if len(apps) != 1 || apps[0].RedirectURIs[0] != f.RedirectURI() || apps[0].Scopes != mastodon.OAuthScopes || apps[0].Name != mastodon.AppName {
		t.Fatalf("registered apps %+v", apps)
	}
	cfg, err := mastodon.OAuthConfig(base, app)
	if err != nil {
		t.Fatal(err)
	}
	authURL, err := f.Authorize(cfg)
	if err != nil {
		t.Fatal(err)
	}
	_ = followRedirect(context.Background(), authURL)
	tok, err := f.Wait(context.Background())
	if err != nil {
		t.Fatalf("flow: %v", err)
	}
	if !tok.ExpiresAt.IsZero() {
		t.Fatal("Mastodon tokens do not expire")
	}
	c, err := mastodon.New(platforms.Credentials{BaseURL: base, Token: tok.AccessToken})
	if err != nil {
		t.Fatal(err)
	}
	if info, err := c.Verify(context.Background()); err != nil || info.ExternalID != srv.Self.ID {
		t.Fatalf("Verify with the issued token: %+v %v", info, err)
	}
	reqs := srv.OAuth().Requests()
	if reqs[0].Form.Get("scope") != mastodon.OAuthScopes || reqs[0].Form.Get("code_challenge_method") != "S256" {
		t.Fatalf("authorization request %v", reqs[0].Form)
	}
}

func TestOAuthRedirectMustBeTheRegisteredOne(t *testing.T) {
	srv := mastodonfake.New("fixed-token")
	base := srv.Start()
	t.Cleanup(srv.Close)
	app, err := mastodon.RegisterApp(context.Background(), base, "http://127.0.0.1:1/callback")
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := mastodon.OAuthConfig(base, app)
	// A flow on another port than the registered one: the instance shows an
	// error page instead of redirecting, so the flow times out.
	f, _ := oauth.Listen(oauth.Options{Timeout: 300 * time.Millisecond})
	authURL, _ := f.Authorize(cfg)
	resp, err := http.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if _, err := f.Wait(context.Background()); err != oauth.ErrTimeout {
		t.Fatalf("err = %v", err)
	}
}

func TestRegisterAppErrors(t *testing.T) {
	if _, err := mastodon.RegisterApp(context.Background(), "http://example.com", "http://127.0.0.1:1/callback"); platforms.KindOf(err) != platforms.KindPermanent {
		t.Fatalf("plain http instance: %v", err)
	}
	srv := mastodonfake.New("t")
	base := srv.Start()
	t.Cleanup(srv.Close)
	if _, err := mastodon.RegisterApp(context.Background(), base, ""); platforms.KindOf(err) != platforms.KindPermanent {
		t.Fatalf("no redirect: %v", err)
	}
}
