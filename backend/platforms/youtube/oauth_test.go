package youtube_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"creatordesk/backend/oauth"
	"creatordesk/backend/oauth/oauthfake"
	"creatordesk/backend/platforms"
	"creatordesk/backend/platforms/youtube"
	"creatordesk/backend/platforms/youtube/youtubefake"
)

// httpOpener follows the authorization server's redirect like a browser.
func httpOpener(_ context.Context, authURL string) error {
	go func() {
		if resp, err := http.Get(authURL); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
	return nil
}

// googleFakes are a fake Google authorization server and a fake YouTube API
// that accepts its access tokens when they carry the force-ssl scope.
func googleFakes(t *testing.T) (*oauthfake.Server, *youtubefake.Server, string) {
	t.Helper()
	auth := oauthfake.New("/o").Start()
	t.Cleanup(auth.Close)
	auth.AddClient(oauthfake.Client{ID: "123-desktop.apps.googleusercontent.com", Secret: "GOCSPX-secret"})
	api := youtubefake.New("unused")
	base := api.Start()
	t.Cleanup(api.Close)
	api.AcceptTokens(func(tok string) bool {
		scope, ok := auth.ValidAccess(tok)
		return ok && strings.Contains(scope, youtube.Scope)
	})
	return auth, api, base
}

func TestOAuthConnectorRenewsAndReportsARevokedSignIn(t *testing.T) {
	auth, api, base := googleFakes(t)
	cfg := youtube.OAuthConfig("123-desktop.apps.googleusercontent.com", "GOCSPX-secret", auth.AuthURL(), auth.TokenURL())
	tok, err := oauth.Run(context.Background(), cfg, oauth.Options{}, httpOpener)
	if err != nil {
		t.Fatalf("flow: %v", err)
	}
	az := auth.Requests()[0].Form
	if az.Get("access_type") != "offline" || az.Get("prompt") != "consent" || az.Get("scope") != youtube.Scope {
		t.Fatalf("authorization request %v", az)
	}
	bundle := youtube.OAuthSecret{RefreshToken: tok.RefreshToken, ClientSecret: "GOCSPX-secret"}.Encode()
	if !youtube.ValidSecretFormat(bundle) || youtube.ValidSecretFormat("ya29.plain-access-token") {
		t.Fatal("bundle format check")
	}
	if strings.Contains(bundle, "GOCSPX") {
		t.Fatal("the bundle shows the secret in clear (it is encoded, at least)")
	}
	creds := platforms.Credentials{BaseURL: base, Token: bundle,
		Extra: map[string]string{youtube.ExtraClientID: "123-desktop.apps.googleusercontent.com", youtube.ExtraTokenURL: auth.TokenURL()}}
	c, err := youtube.NewOAuth(creds)
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Verify(context.Background())
	if err != nil || info.ExternalID != api.Self.ID {
		t.Fatalf("Verify: %+v %v", info, err)
	}
	// A second connector of the same account reuses the access token.
	c2, _ := youtube.NewOAuth(creds)
	if _, err := c2.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
	refreshes := 0
	for _, r := range auth.Requests() {
		if r.Path == "token" && r.Form.Get("grant_type") == "refresh_token" {
			refreshes++
			if r.Form.Get("client_secret") != "GOCSPX-secret" {
				t.Fatal("refresh without the client secret")
			}
		}
	}
	if refreshes != 1 {
		t.Fatalf("%d refreshes, want 1 shared", refreshes)
	}
	// The person removes the app's access in their Google account: the
	// access token stops working and the refresh token is refused.
	auth.RevokeRefresh(tok.RefreshToken)
	_, err = c.Verify(context.Background())
	if platforms.KindOf(err) != platforms.KindAuth {
		t.Fatalf("after revoking: %v (kind %s)", err, platforms.KindOf(err))
	}
	if strings.Contains(err.Error(), tok.RefreshToken) || strings.Contains(err.Error(), "GOCSPX") {
		t.Fatal("the error shows a secret")
	}
}

func TestNewOAuthChecksItsSettings(t *testing.T) {
	bundle := youtube.OAuthSecret{RefreshToken: "r", ClientSecret: "s"}.Encode()
	if _, err := youtube.NewOAuth(platforms.Credentials{Token: bundle}); platforms.KindOf(err) != platforms.KindAuth {
		t.Fatalf("no client id: %v", err)
	}
	_, err := youtube.NewOAuth(platforms.Credentials{Token: bundle, Extra: map[string]string{
		youtube.ExtraClientID: "id", youtube.ExtraTokenURL: "http://token.example/token"}})
	if platforms.KindOf(err) != platforms.KindPermanent {
		t.Fatalf("plain-http token URL: %v", err)
	}
	// A plain access token still works as with New.
	if _, err := youtube.NewOAuth(platforms.Credentials{Token: "ya29.token"}); err != nil {
		t.Fatal(err)
	}
}
